package io.tursoj.storage.format;

import io.tursoj.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;

/**
 * The four cell layouts of b-tree pages.
 *
 * <pre>
 *   table leaf (13):      varint payload size, varint rowid, local payload, [4-byte first overflow page]
 *   table interior (5):   4-byte left child, varint rowid
 *   index leaf (10):      varint payload size, local payload, [4-byte first overflow page]
 *   index interior (2):   4-byte left child, varint payload size, local payload, [4-byte first overflow page]
 * </pre>
 *
 * <p>The local part follows {@link PayloadRules}; the overflow page number is present only when the payload
 * spills. A cell occupies at least 4 bytes (so that a freed cell can become a freeblock).
 *
 * <p>Invariants: {@link #parse} accepts a cell only if every byte it describes lies in {@code [offset, usableSize)}
 * and the payload size fits in 31 bits; otherwise it throws {@link CorruptDatabaseException} naming the page.
 */
public final class CellFormat {
    /** The smallest number of bytes any cell occupies on a page. */
    public static final int MIN_CELL_SIZE = 4;
    /** Size of an interior cell's left-child pointer and of an overflow page pointer. */
    public static final int CHILD_POINTER_SIZE = 4;
    /** SQLite's payload limit (SQLITE_MAX_LENGTH's hard ceiling). */
    public static final long MAX_PAYLOAD_BYTES = Integer.MAX_VALUE;

    private CellFormat() {}

    /**
     * Parses the cell at {@code offset} of a page of {@code type} into {@code out}.
     *
     * @param pageNumber for error messages only
     */
    public static void parse(
            MemorySegment page, int pageNumber, int offset, PageType type, PayloadRules rules, CellInfo out)
            throws CorruptDatabaseException {
        int usable = rules.usableSize();
        if (offset < 0 || offset + MIN_CELL_SIZE > usable) {
            throw CorruptDatabaseException.onPage(pageNumber, "cell offset " + offset + " out of bounds");
        }
        out.offset = offset;
        int at = offset;
        if (!type.isLeaf()) {
            out.leftChild = BigEndian.i32(page, at);
            at += CHILD_POINTER_SIZE;
        } else {
            out.leftChild = 0;
        }
        if (type == PageType.INTERIOR_TABLE) {
            out.rowid = Varint.read(page, at, usable);
            at += Varint.length(page, at, usable);
            out.payloadSize = 0;
            out.payloadOffset = at;
            out.localSize = 0;
            out.overflowPage = 0;
            out.cellSize = at - offset;
            return;
        }
        long payloadSize = Varint.read(page, at, usable);
        at += Varint.length(page, at, usable);
        if (payloadSize < 0 || payloadSize > MAX_PAYLOAD_BYTES) {
            throw CorruptDatabaseException.onPage(pageNumber, "payload size " + payloadSize + " at offset " + offset);
        }
        if (type.isTable()) {
            out.rowid = Varint.read(page, at, usable);
            at += Varint.length(page, at, usable);
        } else {
            out.rowid = 0;
        }
        out.payloadSize = (int) payloadSize;
        out.payloadOffset = at;
        int local = rules.localSize(payloadSize, type);
        out.localSize = local;
        int end = at + local;
        if (local < payloadSize) {
            if (end + CHILD_POINTER_SIZE > usable) {
                throw CorruptDatabaseException.onPage(pageNumber, "cell at offset " + offset + " runs off the page");
            }
            out.overflowPage = BigEndian.i32(page, end);
            end += CHILD_POINTER_SIZE;
        } else {
            out.overflowPage = 0;
            if (end > usable) {
                throw CorruptDatabaseException.onPage(pageNumber, "cell at offset " + offset + " runs off the page");
            }
        }
        out.cellSize = Math.max(MIN_CELL_SIZE, end - offset);
    }

    /** The on-page size of a table interior cell for {@code rowid}. */
    public static int tableInteriorCellSize(long rowid) {
        return CHILD_POINTER_SIZE + Varint.sizeOf(rowid);
    }

    /**
     * The on-page size of a cell holding {@code payloadSize} bytes on a page of {@code type} (not interior table),
     * with {@code rowid} counted for table leaves.
     */
    public static int payloadCellSize(PageType type, PayloadRules rules, int payloadSize, long rowid) {
        int size = Varint.sizeOf(payloadSize);
        if (type.isTable()) {
            size += Varint.sizeOf(rowid);
        }
        if (!type.isLeaf()) {
            size += CHILD_POINTER_SIZE;
        }
        int local = rules.localSize(payloadSize, type);
        size += local;
        if (local < payloadSize) {
            size += CHILD_POINTER_SIZE;
        }
        return Math.max(MIN_CELL_SIZE, size);
    }

    /**
     * Writes a table interior cell at {@code offset}: {@code leftChild} and {@code rowid}. Returns its size.
     */
    public static int writeTableInterior(MemorySegment dst, long offset, int leftChild, long rowid) {
        BigEndian.putU32(dst, offset, leftChild);
        return CHILD_POINTER_SIZE + Varint.write(dst, offset + CHILD_POINTER_SIZE, rowid);
    }
}
