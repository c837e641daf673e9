package io.tursoj.storage.format;

import java.lang.foreign.MemorySegment;

/**
 * An overflow page: the continuation of a payload too large for its cell.
 *
 * <pre>
 *   OFFSET SIZE         DESCRIPTION
 *      0     4          next overflow page in the chain, 0 on the last one
 *      4     U - 4      payload bytes (the last page may use fewer)
 * </pre>
 */
public final class OverflowPage {
    public static final int NEXT_OFFSET = 0;
    public static final int CONTENT_OFFSET = 4;

    private OverflowPage() {}

    public static int next(MemorySegment page) {
        return BigEndian.i32(page, NEXT_OFFSET);
    }

    public static void setNext(MemorySegment page, int pageNumber) {
        BigEndian.putU32(page, NEXT_OFFSET, pageNumber);
    }
}
