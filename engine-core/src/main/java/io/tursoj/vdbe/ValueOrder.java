package io.tursoj.vdbe;

import io.tursoj.storage.format.RecordReader;
import io.tursoj.storage.format.SerialType;
import io.tursoj.vdbe.value.Collation;
import io.tursoj.vdbe.value.Compare;
import io.tursoj.vdbe.value.Value;
import io.tursoj.vdbe.value.ValueType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * SQLite's sort order for stored values (NULL, then numbers, then text by collation, then blobs by bytes), for the
 * in-memory sorter and ephemeral tables; and record-to-value conversions.
 */
final class ValueOrder {
    private ValueOrder() {}

    static int compare(Value a, Value b, Collation collation) {
        ValueType ta = a.type();
        ValueType tb = b.type();
        if (ta.sortClass() != tb.sortClass()) {
            return ta.sortClass() - tb.sortClass();
        }
        return switch (ta) {
            case NULL -> 0;
            case INTEGER, REAL -> compareNumbers(a, b);
            case TEXT -> {
                byte[] x = ((Value.TextValue) a).utf8();
                byte[] y = ((Value.TextValue) b).utf8();
                yield collation.compare(x, 0, x.length, y, 0, y.length);
            }
            case BLOB -> {
                byte[] x = ((Value.BlobValue) a).bytes();
                byte[] y = ((Value.BlobValue) b).bytes();
                yield java.util.Arrays.compareUnsigned(x, y);
            }
        };
    }

    private static int compareNumbers(Value a, Value b) {
        if (a instanceof Value.IntValue(long x)) {
            if (b instanceof Value.IntValue(long y)) {
                return Long.compare(x, y);
            }
            return Compare.intFloatCompare(x, ((Value.RealValue) b).value());
        }
        double x = ((Value.RealValue) a).value();
        if (b instanceof Value.IntValue(long y)) {
            return -Compare.intFloatCompare(y, x);
        }
        return Double.compare(x, ((Value.RealValue) b).value());
    }

    /** Column {@code i} of a record as an owned value. */
    static Value valueOf(RecordReader r, int i) {
        long t = r.serialType(i);
        if (t == SerialType.NULL) {
            return Value.NULL;
        }
        if (t == SerialType.FLOAT64) {
            return Value.ofDouble(r.doubleValue(i));
        }
        if (SerialType.isInteger(t)) {
            return Value.ofLong(r.longValue(i));
        }
        byte[] b = r.bytesValue(i);
        return SerialType.isText(t) ? new Value.TextValue(b) : new Value.BlobValue(b);
    }

    /** Loads column {@code i} of a record into a register without allocating beyond the register's buffer. */
    static void load(RecordReader r, int i, io.tursoj.vdbe.value.Register out) {
        long t = r.serialType(i);
        if (t == SerialType.NULL) {
            out.setNull();
        } else if (t == SerialType.FLOAT64) {
            out.setDouble(r.doubleValue(i));
        } else if (SerialType.isInteger(t)) {
            out.setLong(r.longValue(i));
        } else {
            int n = r.bodySize(i);
            byte[] buf = out.prepareBuffer(Math.max(n, 1), false);
            MemorySegment.copy(r.segment(), ValueLayout.JAVA_BYTE, r.bodyOffset(i), buf, 0, n);
            if (SerialType.isText(t)) {
                out.commitText(n);
            } else {
                out.commitBlob(n);
            }
        }
    }
}
