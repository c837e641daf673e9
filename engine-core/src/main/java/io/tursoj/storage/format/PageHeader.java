package io.tursoj.storage.format;

import java.lang.foreign.MemorySegment;

/**
 * The b-tree page header, at offset 0 of every b-tree page except page 1, where it follows the 100-byte database
 * header (see {@link #headerOffset}). Offsets below are relative to the header's start.
 *
 * <pre>
 *   OFFSET SIZE DESCRIPTION
 *      0     1  page type flag (see {@link PageType})
 *      1     2  offset of the first freeblock on the page, 0 if none
 *      3     2  number of cells
 *      5     2  start of the cell content area (0 means 65536)
 *      7     1  number of fragmented free bytes within the cell content area
 *      8     4  right-most child pointer (interior pages only)
 * </pre>
 *
 * <p>The cell pointer array follows the header: one 2-byte page offset per cell, in key order. Cell content grows
 * down from the end of the usable area. A freeblock is {@code [2-byte next freeblock][2-byte size]}; freeblocks
 * form an ascending chain, and gaps of 1..3 bytes that cannot hold one are counted as fragmented bytes.
 *
 * <p>Invariants of a well-formed page (what SQLite's integrity check verifies):
 *
 * <ol>
 *   <li>pointer array end &lt;= content start &lt;= usable size; every cell lies in [content start, usable size).
 *   <li>Freeblocks are ascending, each at least 4 bytes, none adjacent closer than 4 bytes to the next, and all
 *       inside the content area.
 *   <li>Cells, freeblocks and the fragmented bytes together account for every byte of the content area exactly.
 * </ol>
 */
public final class PageHeader {
    public static final int TYPE_OFFSET = 0;
    public static final int FIRST_FREEBLOCK_OFFSET = 1;
    public static final int CELL_COUNT_OFFSET = 3;
    public static final int CONTENT_START_OFFSET = 5;
    public static final int FRAGMENTED_BYTES_OFFSET = 7;
    public static final int RIGHT_CHILD_OFFSET = 8;

    public static final int LEAF_SIZE = 8;
    public static final int INTERIOR_SIZE = 12;
    /** Size of one cell pointer. */
    public static final int CELL_POINTER_SIZE = 2;
    /** Size of a freeblock's header, and so the smallest freeblock. */
    public static final int FREEBLOCK_MIN_SIZE = 4;
    /** SQLite defragments a page rather than let the fragment count pass this. */
    public static final int MAX_FRAGMENTED_BYTES = 60;

    private PageHeader() {}

    /** Where the page header starts: 100 on page 1 (after the database header), else 0. */
    public static int headerOffset(int pageNumber) {
        return pageNumber == 1 ? DatabaseHeader.SIZE : 0;
    }

    public static int typeFlag(MemorySegment p, int hdr) {
        return BigEndian.u8(p, hdr + TYPE_OFFSET);
    }

    public static int firstFreeblock(MemorySegment p, int hdr) {
        return BigEndian.u16(p, hdr + FIRST_FREEBLOCK_OFFSET);
    }

    public static void setFirstFreeblock(MemorySegment p, int hdr, int offset) {
        BigEndian.putU16(p, hdr + FIRST_FREEBLOCK_OFFSET, offset);
    }

    public static int cellCount(MemorySegment p, int hdr) {
        return BigEndian.u16(p, hdr + CELL_COUNT_OFFSET);
    }

    public static void setCellCount(MemorySegment p, int hdr, int count) {
        BigEndian.putU16(p, hdr + CELL_COUNT_OFFSET, count);
    }

    /** The cell content area start; the stored 0 reads as 65536. */
    public static int contentStart(MemorySegment p, int hdr) {
        int raw = BigEndian.u16(p, hdr + CONTENT_START_OFFSET);
        return raw == 0 ? 65536 : raw;
    }

    public static void setContentStart(MemorySegment p, int hdr, int offset) {
        BigEndian.putU16(p, hdr + CONTENT_START_OFFSET, offset == 65536 ? 0 : offset);
    }

    public static int fragmentedBytes(MemorySegment p, int hdr) {
        return BigEndian.u8(p, hdr + FRAGMENTED_BYTES_OFFSET);
    }

    public static void setFragmentedBytes(MemorySegment p, int hdr, int count) {
        BigEndian.putU8(p, hdr + FRAGMENTED_BYTES_OFFSET, count);
    }

    /** The right-most child page number of an interior page. */
    public static int rightChild(MemorySegment p, int hdr) {
        return BigEndian.i32(p, hdr + RIGHT_CHILD_OFFSET);
    }

    public static void setRightChild(MemorySegment p, int hdr, int pageNumber) {
        BigEndian.putU32(p, hdr + RIGHT_CHILD_OFFSET, pageNumber);
    }

    /** The page offset stored in cell pointer {@code index}, for a page whose header is {@code headerSize} bytes. */
    public static int cellPointer(MemorySegment p, int hdr, int headerSize, int index) {
        return BigEndian.u16(p, hdr + headerSize + CELL_POINTER_SIZE * index);
    }

    public static void setCellPointer(MemorySegment p, int hdr, int headerSize, int index, int offset) {
        BigEndian.putU16(p, hdr + headerSize + CELL_POINTER_SIZE * index, offset);
    }

    /**
     * Writes an empty page of {@code type}: no cells, no freeblocks, content area starting at {@code usableSize},
     * right child 0. Bytes outside the header are left as they were.
     */
    public static void initialize(MemorySegment p, int hdr, PageType type, int usableSize) {
        BigEndian.putU8(p, hdr + TYPE_OFFSET, type.flag());
        setFirstFreeblock(p, hdr, 0);
        setCellCount(p, hdr, 0);
        setContentStart(p, hdr, usableSize);
        setFragmentedBytes(p, hdr, 0);
        if (!type.isLeaf()) {
            setRightChild(p, hdr, 0);
        }
    }
}
