package io.tursoj.storage.btree;

import io.tursoj.storage.CorruptDatabaseException;
import io.tursoj.storage.format.BigEndian;
import io.tursoj.storage.format.RecordReader;
import io.tursoj.storage.format.SerialType;
import java.lang.foreign.MemorySegment;

/**
 * SQLite's record comparison: a stored index record against a {@link SearchKey}, field by field.
 *
 * <ul>
 *   <li>Storage classes order NULL &lt; numbers &lt; TEXT &lt; BLOB.
 *   <li>Numbers compare by value, integers against reals exactly (no rounding of large integers).
 *   <li>TEXT compares with the column's collation; BLOB with memcmp, then length.
 *   <li>A descending column inverts its field's result.
 *   <li>When every field both sides have agrees, the result is the caller's {@code prefixMatchResult} (SQLite's
 *       {@code default_rc}), so a search for a key prefix can land before or after the matching run.
 * </ul>
 */
public final class RecordComparator {
    private RecordComparator() {}

    /**
     * Compares the parsed {@code record} with {@code key}: negative when the record sorts first, positive when it
     * sorts after, else {@code prefixMatchResult}.
     */
    public static int compare(RecordReader record, SearchKey key, KeyInfo info, int prefixMatchResult) {
        int n = Math.min(record.columnCount(), key.count);
        for (int i = 0; i < n; i++) {
            int c = compareField(record, i, key, info);
            if (c != 0) {
                return info.isDescending(i) ? -c : c;
            }
        }
        return prefixMatchResult;
    }

    /** Parses the record at {@code offset} and compares it (see {@link #compare(RecordReader, SearchKey, KeyInfo, int)}). */
    public static int compare(
            RecordReader reader,
            MemorySegment s,
            long offset,
            int length,
            SearchKey key,
            KeyInfo info,
            int prefixMatchResult)
            throws CorruptDatabaseException {
        reader.parse(s, offset, length);
        return compare(reader, key, info, prefixMatchResult);
    }

    private static int storageClass(long serialType) {
        if (serialType == SerialType.NULL) {
            return 0;
        }
        if (serialType <= 9) {
            return 1;
        }
        return SerialType.isText(serialType) ? 2 : 3;
    }

    private static int keyClass(int kind) {
        return switch (kind) {
            case SearchKey.NULL -> 0;
            case SearchKey.INTEGER, SearchKey.REAL -> 1;
            case SearchKey.TEXT -> 2;
            default -> 3;
        };
    }

    private static int compareField(RecordReader record, int i, SearchKey key, KeyInfo info) {
        long type = record.serialType(i);
        int kind = key.kinds[i];
        int a = storageClass(type);
        int b = keyClass(kind);
        if (a != b) {
            return a < b ? -1 : 1;
        }
        switch (a) {
            case 0 -> {
                return 0;
            }
            case 1 -> {
                return compareNumbers(record, i, type, key, kind);
            }
            case 2 -> {
                return info.collation(i)
                        .compare(
                                record.segment(),
                                record.bodyOffset(i),
                                record.bodySize(i),
                                key.segments[i],
                                key.offsets[i],
                                key.lengths[i]);
            }
            default -> {
                return Collation.compareBytes(
                        record.segment(),
                        record.bodyOffset(i),
                        record.bodySize(i),
                        key.segments[i],
                        key.offsets[i],
                        key.lengths[i]);
            }
        }
    }

    private static int compareNumbers(RecordReader record, int i, long type, SearchKey key, int kind) {
        if (type == SerialType.FLOAT64) {
            double r = BigEndian.f64(record.segment(), record.bodyOffset(i));
            if (kind == SearchKey.REAL) {
                return Double.compare(r == 0.0 ? 0.0 : r, key.reals[i] == 0.0 ? 0.0 : key.reals[i]);
            }
            return -compareIntReal(key.ints[i], r);
        }
        long v = record.longValue(i);
        if (kind == SearchKey.INTEGER) {
            return Long.compare(v, key.ints[i]);
        }
        return compareIntReal(v, key.reals[i]);
    }

    /** Compares integer {@code i} with real {@code r} exactly, as SQLite's sqlite3IntFloatCompare. */
    public static int compareIntReal(long i, double r) {
        if (Double.isNaN(r)) {
            return 1; // SQLite never stores NaN (it becomes NULL); order it below every number
        }
        if (r < -9223372036854775808.0) {
            return 1;
        }
        if (r >= 9223372036854775808.0) {
            return -1;
        }
        long y = (long) r;
        if (i < y) {
            return -1;
        }
        if (i > y) {
            return 1;
        }
        double s = (double) i;
        return Double.compare(s, r) < 0 ? -1 : (s > r ? 1 : 0);
    }
}
