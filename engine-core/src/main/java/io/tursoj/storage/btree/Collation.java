package io.tursoj.storage.btree;

import java.lang.foreign.MemorySegment;

/**
 * Orders two TEXT values, given as UTF-8 byte ranges. Supplied by the caller (the schema names each index column's
 * collation); the b-tree only calls it. Must be a total order consistent with the one the index was built with.
 */
@FunctionalInterface
public interface Collation {
    int compare(MemorySegment a, long aOffset, int aLength, MemorySegment b, long bOffset, int bLength);

    /** SQLite's BINARY: memcmp, then the shorter string first. */
    Collation BINARY = Collation::compareBytes;

    /** Unsigned lexicographic comparison of two byte ranges, the shorter first on a common prefix. */
    static int compareBytes(MemorySegment a, long aOffset, int aLength, MemorySegment b, long bOffset, int bLength) {
        long mismatch = MemorySegment.mismatch(a, aOffset, aOffset + aLength, b, bOffset, bOffset + bLength);
        if (mismatch == -1) {
            return 0;
        }
        if (mismatch >= aLength) {
            return -1;
        }
        if (mismatch >= bLength) {
            return 1;
        }
        int x = a.get(java.lang.foreign.ValueLayout.JAVA_BYTE, aOffset + mismatch) & 0xff;
        int y = b.get(java.lang.foreign.ValueLayout.JAVA_BYTE, bOffset + mismatch) & 0xff;
        return x - y;
    }
}
