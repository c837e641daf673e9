package io.tursoj.storage.btree;

import io.tursoj.storage.CorruptDatabaseException;
import io.tursoj.storage.Page;
import io.tursoj.storage.format.BigEndian;
import io.tursoj.storage.format.CellFormat;
import io.tursoj.storage.format.CellInfo;
import io.tursoj.storage.format.PageHeader;
import io.tursoj.storage.format.PageType;
import io.tursoj.storage.format.PayloadRules;
import java.lang.foreign.MemorySegment;

/**
 * A b-tree page as the b-tree layer sees it (SQLite's MemPage): the page's type and header position, validated
 * once per load and kept in {@link Page#extra()} so that revisiting a cached page parses nothing.
 *
 * <p>The header fields (cell count, content start, freeblocks) are read from the page bytes each time: the page is
 * the single source of truth, and {@link NodeEditor} changes it in place.
 *
 * <p>Invariants (checked by {@link #of} when a page is first used, else {@link CorruptDatabaseException}):
 *
 * <ol>
 *   <li>The type flag is one of the four b-tree page types.
 *   <li>The cell count fits the page: {@code headerEnd + 2 * cellCount <= contentStart <= usableSize}.
 *   <li>The node is valid only while {@code epoch == page.epoch()}; a reloaded frame is parsed again.
 * </ol>
 *
 * <p>Cell pointers are checked when read ({@link #cellOffset}): each must lie between the pointer array's end and
 * {@code usableSize - 4}.
 */
final class Node {
    Page page;
    MemorySegment data;
    long epoch;
    int pageNumber;
    int hdr;
    PageType type;
    int headerSize;
    int usable;
    PayloadRules rules;
    /** Free bytes on the page (SQLite's nFree), or -1 until computed; kept current by {@link NodeEditor}. */
    int freeBytes = -1;
    /** Cells waiting to be placed by a balance (SQLite's apOvfl); see {@link NodeEditor}. */
    final OverflowCells overflow = new OverflowCells();

    private Node() {}

    /** The validated node for {@code page}, reusing the one cached in the frame when still current. */
    static Node of(Page page, PayloadRules rules) throws CorruptDatabaseException {
        Node n;
        if (page.extra() instanceof Node cached) {
            if (cached.epoch == page.epoch() && cached.page == page) {
                return cached;
            }
            n = cached;
        } else {
            n = new Node();
            page.setExtra(n);
        }
        n.init(page, rules);
        return n;
    }

    /** A node for a page just allocated (zero-filled): writes an empty header of {@code type} first. */
    static Node fresh(Page page, PayloadRules rules, PageType type) throws CorruptDatabaseException {
        PageHeader.initialize(page.buffer(), PageHeader.headerOffset(page.pageNumber()), type, rules.usableSize());
        Node n = of(page, rules);
        n.freeBytes = n.usable - n.cellArrayEnd(0);
        return n;
    }

    private void init(Page p, PayloadRules r) throws CorruptDatabaseException {
        page = p;
        data = p.buffer();
        epoch = p.epoch();
        pageNumber = p.pageNumber();
        hdr = PageHeader.headerOffset(pageNumber);
        rules = r;
        usable = r.usableSize();
        overflow.clear();
        freeBytes = -1;
        int flag = PageHeader.typeFlag(data, hdr);
        type = PageType.ofFlag(flag);
        if (type == null) {
            epoch = -1;
            throw CorruptDatabaseException.onPage(pageNumber, "invalid b-tree page type " + flag);
        }
        headerSize = type.headerSizeBytes();
        int cells = cellCount();
        int contentStart = contentStart();
        if (cellArrayEnd(cells) > contentStart || contentStart > usable) {
            epoch = -1;
            throw CorruptDatabaseException.onPage(
                    pageNumber, cells + " cells do not fit (content area starts at " + contentStart + ")");
        }
    }

    /** Re-reads the type after a page was rewritten in place as another kind. */
    void retype(PageType newType) {
        type = newType;
        headerSize = newType.headerSizeBytes();
    }

    boolean isLeaf() {
        return type.isLeaf();
    }

    boolean isTable() {
        return type.isTable();
    }

    int cellCount() {
        return PageHeader.cellCount(data, hdr);
    }

    int contentStart() {
        return PageHeader.contentStart(data, hdr);
    }

    int firstFreeblock() {
        return PageHeader.firstFreeblock(data, hdr);
    }

    int fragmentedBytes() {
        return PageHeader.fragmentedBytes(data, hdr);
    }

    int rightChild() {
        return PageHeader.rightChild(data, hdr);
    }

    /** Where the cell pointer array ends for {@code cells} cells. */
    int cellArrayEnd(int cells) {
        return hdr + headerSize + PageHeader.CELL_POINTER_SIZE * cells;
    }

    /** The offset of cell {@code index}, checked against the page bounds. */
    int cellOffset(int index) throws CorruptDatabaseException {
        int offset = PageHeader.cellPointer(data, hdr, headerSize, index);
        if (offset < cellArrayEnd(cellCount()) || offset > usable - CellFormat.MIN_CELL_SIZE) {
            throw CorruptDatabaseException.onPage(pageNumber, "cell " + index + " at offset " + offset);
        }
        return offset;
    }

    void parseCell(int index, CellInfo out) throws CorruptDatabaseException {
        CellFormat.parse(data, pageNumber, cellOffset(index), type, rules, out);
    }

    /** The page number of child {@code index}: the left child of cell {@code index}, or the right child. */
    int child(int index) throws CorruptDatabaseException {
        assert !isLeaf() : "leaf pages have no children";
        int child = index == cellCount() ? rightChild() : BigEndian.i32(data, cellOffset(index));
        if (child < 2) {
            throw CorruptDatabaseException.onPage(pageNumber, "child pointer " + child);
        }
        return child;
    }

    /** The rowid of cell {@code index} of a table page (leaf or interior), without a full parse. */
    long rowidAt(int index, CellInfo scratch) throws CorruptDatabaseException {
        parseCell(index, scratch);
        return scratch.rowid;
    }

    @Override
    public String toString() {
        return "Node[" + pageNumber + " " + type + " cells=" + cellCount() + "]";
    }
}
