package io.tursoj.storage.format;

import java.lang.foreign.MemorySegment;

/**
 * A freelist trunk page. The header's offset 32 names the first trunk; each trunk lists free leaf pages, whose
 * content is meaningless.
 *
 * <pre>
 *   OFFSET SIZE DESCRIPTION
 *      0     4  next trunk page, 0 on the last
 *      4     4  number of leaf page numbers that follow (L)
 *      8   4*L  leaf page numbers
 * </pre>
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>A reader accepts up to {@link #maxLeavesRead} leaves per trunk; more is corruption.
 *   <li>A writer puts at most {@link #maxLeavesWrite} leaves on a trunk: SQLite releases before 3.6.0 miscounted
 *       the last six slots, and SQLite still leaves them empty for their sake.
 * </ol>
 */
public final class FreelistTrunk {
    public static final int NEXT_TRUNK_OFFSET = 0;
    public static final int LEAF_COUNT_OFFSET = 4;
    public static final int LEAVES_OFFSET = 8;

    private FreelistTrunk() {}

    public static int nextTrunk(MemorySegment page) {
        return BigEndian.i32(page, NEXT_TRUNK_OFFSET);
    }

    public static void setNextTrunk(MemorySegment page, int pageNumber) {
        BigEndian.putU32(page, NEXT_TRUNK_OFFSET, pageNumber);
    }

    /** The stored leaf count (unsigned; validate against {@link #maxLeavesRead}). */
    public static long leafCount(MemorySegment page) {
        return BigEndian.u32(page, LEAF_COUNT_OFFSET);
    }

    public static void setLeafCount(MemorySegment page, int count) {
        BigEndian.putU32(page, LEAF_COUNT_OFFSET, count);
    }

    public static int leaf(MemorySegment page, int index) {
        return BigEndian.i32(page, LEAVES_OFFSET + 4L * index);
    }

    public static void setLeaf(MemorySegment page, int index, int pageNumber) {
        BigEndian.putU32(page, LEAVES_OFFSET + 4L * index, pageNumber);
    }

    public static int maxLeavesRead(int usableSize) {
        return usableSize / 4 - 2;
    }

    public static int maxLeavesWrite(int usableSize) {
        return usableSize / 4 - 8;
    }
}
