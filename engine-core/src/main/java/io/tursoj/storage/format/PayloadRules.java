package io.tursoj.storage.format;

/**
 * How much of a cell's payload stays on its b-tree page; the rest spills to a chain of overflow pages. With
 * {@code U} the usable page size and {@code P} the payload size:
 *
 * <pre>
 *   table leaf:          maxLocal = U - 35
 *   index leaf/interior: maxLocal = (U - 12) * 64 / 255 - 23
 *   all:                 minLocal = (U - 12) * 32 / 255 - 23
 *
 *   P &lt;= maxLocal:  all P bytes are local
 *   otherwise:       K = minLocal + (P - minLocal) % (U - 4);  local = K &lt;= maxLocal ? K : minLocal
 * </pre>
 *
 * <p>Each overflow page holds a 4-byte next-page number and {@code U - 4} payload bytes. The rule makes the last
 * overflow page full whenever it can.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>{@code minLocal <= localSize(P) <= maxLocal} for every spilling payload, and {@code localSize(P) == P}
 *       otherwise.
 *   <li>An index page always has room for four maximal cells (which is why U must be at least 480).
 * </ol>
 *
 * @param usableSize the usable page size U
 */
public record PayloadRules(int usableSize, int maxLocalTable, int maxLocalIndex, int minLocal) {

    /** The rules for usable size {@code usableSize}. */
    public static PayloadRules of(int usableSize) {
        if (usableSize < DatabaseHeader.MIN_USABLE_SIZE_BYTES || usableSize > DatabaseHeader.MAX_PAGE_SIZE_BYTES) {
            throw new IllegalArgumentException("usable size out of range: " + usableSize);
        }
        int maxLocalTable = usableSize - 35;
        int maxLocalIndex = (usableSize - 12) * 64 / 255 - 23;
        int minLocal = (usableSize - 12) * 32 / 255 - 23;
        return new PayloadRules(usableSize, maxLocalTable, maxLocalIndex, minLocal);
    }

    /** The largest payload kept wholly on a page of {@code type}. */
    public int maxLocal(PageType type) {
        return type == PageType.LEAF_TABLE ? maxLocalTable : maxLocalIndex;
    }

    /** How many of {@code payloadSize} bytes stay on a page of {@code type}. */
    public int localSize(long payloadSize, PageType type) {
        int maxLocal = maxLocal(type);
        if (payloadSize <= maxLocal) {
            return (int) payloadSize;
        }
        long surplus = minLocal + (payloadSize - minLocal) % (usableSize - 4);
        return surplus <= maxLocal ? (int) surplus : minLocal;
    }

    /** Payload bytes each overflow page carries. */
    public int overflowPageCapacity() {
        return usableSize - 4;
    }

    /** The number of overflow pages a payload of {@code payloadSize} bytes needs on a page of {@code type}. */
    public long overflowPageCount(long payloadSize, PageType type) {
        long spilled = payloadSize - localSize(payloadSize, type);
        return (spilled + overflowPageCapacity() - 1) / overflowPageCapacity();
    }
}
