package io.tursoj.storage.btree;

import io.tursoj.storage.format.RecordReader;
import io.tursoj.storage.format.SerialType;
import java.lang.foreign.MemorySegment;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An index key to search for, field by field (SQLite's UnpackedRecord). Mutable and reusable: {@link #clear()},
 * then set fields in order. TEXT and BLOB fields point at caller-owned memory, which must stay valid during the
 * search.
 */
public final class SearchKey {
    static final int NULL = 0;
    static final int INTEGER = 1;
    static final int REAL = 2;
    static final int TEXT = 3;
    static final int BLOB = 4;

    int count;
    int[] kinds = new int[4];
    long[] ints = new long[4];
    double[] reals = new double[4];
    MemorySegment[] segments = new MemorySegment[4];
    long[] offsets = new long[4];
    int[] lengths = new int[4];

    public SearchKey clear() {
        Arrays.fill(segments, 0, count, null);
        count = 0;
        return this;
    }

    public int fieldCount() {
        return count;
    }

    private int next() {
        if (count == kinds.length) {
            int n = count * 2;
            kinds = Arrays.copyOf(kinds, n);
            ints = Arrays.copyOf(ints, n);
            reals = Arrays.copyOf(reals, n);
            segments = Arrays.copyOf(segments, n);
            offsets = Arrays.copyOf(offsets, n);
            lengths = Arrays.copyOf(lengths, n);
        }
        return count++;
    }

    public SearchKey addNull() {
        kinds[next()] = NULL;
        return this;
    }

    public SearchKey addLong(long v) {
        int i = next();
        kinds[i] = INTEGER;
        ints[i] = v;
        return this;
    }

    public SearchKey addDouble(double v) {
        int i = next();
        kinds[i] = REAL;
        reals[i] = v;
        return this;
    }

    /** A TEXT field: {@code length} UTF-8 bytes at {@code offset} of {@code segment}. */
    public SearchKey addText(MemorySegment segment, long offset, int length) {
        return addBytes(TEXT, segment, offset, length);
    }

    /** A BLOB field. */
    public SearchKey addBlob(MemorySegment segment, long offset, int length) {
        return addBytes(BLOB, segment, offset, length);
    }

    public SearchKey addText(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return addText(MemorySegment.ofArray(b), 0, b.length);
    }

    public SearchKey addBlob(byte[] b) {
        return addBlob(MemorySegment.ofArray(b), 0, b.length);
    }

    private SearchKey addBytes(int kind, MemorySegment segment, long offset, int length) {
        int i = next();
        kinds[i] = kind;
        segments[i] = segment;
        offsets[i] = offset;
        lengths[i] = length;
        return this;
    }

    /** Adds a Java value: null, an integral Number, Double/Float, String or byte[]. */
    public SearchKey addValue(Object v) {
        return switch (v) {
            case null -> addNull();
            case Double d -> addDouble(d);
            case Float f -> addDouble(f);
            case Number n -> addLong(n.longValue());
            case String s -> addText(s);
            case byte[] b -> addBlob(b);
            default -> throw new IllegalArgumentException("unsupported value type: " + v.getClass());
        };
    }

    /** Sets this key to every field of a parsed record (pointing into the record's memory). */
    public SearchKey setFromRecord(RecordReader record) {
        clear();
        for (int c = 0; c < record.columnCount(); c++) {
            long type = record.serialType(c);
            if (type == SerialType.NULL) {
                addNull();
            } else if (type == SerialType.FLOAT64) {
                addDouble(record.doubleValue(c));
            } else if (SerialType.isInteger(type)) {
                addLong(record.longValue(c));
            } else if (SerialType.isText(type)) {
                addText(record.segment(), record.bodyOffset(c), record.bodySize(c));
            } else {
                addBlob(record.segment(), record.bodyOffset(c), record.bodySize(c));
            }
        }
        return this;
    }

    /** Builds a key from Java values. */
    public static SearchKey of(Object... values) {
        SearchKey k = new SearchKey();
        for (Object v : values) {
            k.addValue(v);
        }
        return k;
    }
}
