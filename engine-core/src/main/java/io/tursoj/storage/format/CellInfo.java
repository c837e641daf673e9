package io.tursoj.storage.format;

/**
 * One parsed cell: where its parts lie on the page. Mutable and reused, so that walking cells allocates nothing.
 * Filled by {@link CellFormat#parse}.
 */
public final class CellInfo {
    /** Offset of the cell on its page. */
    public int offset;
    /** Left child page number (interior pages), else 0. */
    public int leftChild;
    /** The rowid (table pages); unused (0) on index pages. */
    public long rowid;
    /** Total payload bytes (0 on interior table pages). */
    public int payloadSize;
    /** Offset on the page of the first payload byte. */
    public int payloadOffset;
    /** Payload bytes stored on the page. */
    public int localSize;
    /** First overflow page, or 0 when the payload is wholly local. */
    public int overflowPage;
    /** Bytes the cell occupies on the page, never less than 4. */
    public int cellSize;

    /** Whether part of the payload lives on overflow pages. */
    public boolean overflows() {
        return localSize < payloadSize;
    }

    /** Copies every field of {@code other}. */
    public void copyFrom(CellInfo other) {
        offset = other.offset;
        leftChild = other.leftChild;
        rowid = other.rowid;
        payloadSize = other.payloadSize;
        payloadOffset = other.payloadOffset;
        localSize = other.localSize;
        overflowPage = other.overflowPage;
        cellSize = other.cellSize;
    }

    @Override
    public String toString() {
        return "CellInfo[offset=" + offset + ", leftChild=" + leftChild + ", rowid=" + rowid + ", payloadSize="
                + payloadSize + ", localSize=" + localSize + ", overflowPage=" + overflowPage + ", cellSize="
                + cellSize + "]";
    }
}
