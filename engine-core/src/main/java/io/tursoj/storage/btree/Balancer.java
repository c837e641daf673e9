package io.tursoj.storage.btree;

import io.tursoj.io.Completion;
import io.tursoj.io.IOResult;
import io.tursoj.storage.CorruptDatabaseException;
import io.tursoj.storage.Page;
import io.tursoj.storage.Pager;
import io.tursoj.storage.format.BigEndian;
import io.tursoj.storage.format.CellFormat;
import io.tursoj.storage.format.CellInfo;
import io.tursoj.storage.format.PageHeader;
import io.tursoj.storage.format.PageType;
import io.tursoj.storage.format.Varint;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Restores the b-tree's shape after an insert or delete, walking up a cursor's path (SQLite's balance()). At each
 * level, the page on top of the cursor is balanced when it holds overflow cells or is less than a third full:
 *
 * <ul>
 *   <li>the root, when overfull, moves its content into a new child and becomes its parent (balance_deeper);
 *   <li>the right-most leaf of a table, when a row was appended past its end, gets a new right sibling holding
 *       just that row, so sequential inserts fill pages completely (balance_quick);
 *   <li>otherwise the page and up to two siblings are redistributed over as many pages as their cells need, with
 *       the dividers in the parent rebuilt (balance_nonroot); when the parent is the root and would be left empty,
 *       the single remaining child moves into the root (the tree gets shallower).
 * </ul>
 *
 * <p>Every step that may read or allocate a page comes before any change to the tree, except freeing surplus
 * pages, which comes after and resumes on its own; so a {@code Pending} result never leaves a half-balanced level.
 *
 * <p>Invariants after a level is balanced:
 *
 * <ol>
 *   <li>No page at or below that level has overflow cells; every page fits its cells.
 *   <li>Keys stay in order across the siblings and their dividers; all leaves stay at the same depth.
 *   <li>Non-root pages are at least a third full unless the siblings together hold too little to fill one page.
 *   <li>Pages no longer used are on the freelist; new pages come from it first.
 * </ol>
 */
final class Balancer {
    /** SQLite's NB: at most three siblings take part in a balance. */
    private static final int NB = 3;

    private static final int MAX_NEW = NB + 2;

    /** Progress of a balance. */
    private enum Phase {
        CHECK,
        DEEPER_ALLOCATE,
        QUICK_ALLOCATE,
        LOAD_SIBLINGS,
        ALLOCATE,
        FREE_PAGES
    }

    private final BTree tree;
    private final Pager pager;
    private final CellArray cells = new CellArray();
    private final CellInfo scratch = new CellInfo();
    private final MemorySegment dividerBuffer = MemorySegment.ofArray(new byte[1 << 17]);
    private Phase phase = Phase.CHECK;

    // One level's state
    private int level;
    private Node parent;
    private int nxDiv;
    private int oldCount;
    private final int[] oldPageNumbers = new int[NB];
    private final Page[] oldPages = new Page[NB];
    private final Node[] oldNodes = new Node[NB];
    private int loaded;
    private PageType siblingType;
    private int lastRightChild;
    private final int[] cntNew = new int[MAX_NEW];
    private final int[] szNew = new int[MAX_NEW];
    private int newCount;
    private final Page[] allocated = new Page[MAX_NEW];
    private int allocatedCount;
    private boolean shallower;
    private final int[] toFree = new int[NB];
    private int toFreeCount;
    private int freed;

    Balancer(BTree tree) {
        this.tree = tree;
        this.pager = tree.pager();
    }

    /**
     * Whether a balance returned {@code Pending} and must be resumed. Callers test this before their own "does the
     * page need balancing" condition: a balance that has already rebuilt the pages (and is now freeing the surplus
     * ones) leaves a page that no longer looks like it needs one.
     */
    boolean inProgress() {
        return phase != Phase.CHECK;
    }

    /** Whether a non-root page needs balancing: overflow cells, or less than a third full. */
    boolean needsBalance(Node n) throws CorruptDatabaseException {
        return !n.overflow.isEmpty() || NodeEditor.freeBytes(n) * 3 > n.usable * 2;
    }

    /** Balances from the cursor's top page upward. On return the cursor's stack is stale; re-seek it. */
    IOResult<Void> run(BTreeCursor cur) throws IOException {
        try {
            while (true) {
                switch (phase) {
                    case CHECK -> {
                        if (!check(cur)) {
                            return IOResult.done();
                        }
                    }
                    case DEEPER_ALLOCATE -> {
                        IOResult<Page> r = tree.pager().freeList().allocate();
                        if (r instanceof IOResult.Pending<Page>(Completion c)) {
                            return c.pending();
                        }
                        deeper(cur, r.value());
                        phase = Phase.CHECK;
                    }
                    case QUICK_ALLOCATE -> {
                        IOResult<Page> r = tree.pager().freeList().allocate();
                        if (r instanceof IOResult.Pending<Page>(Completion c)) {
                            return c.pending();
                        }
                        quick(cur, r.value());
                        phase = Phase.CHECK;
                    }
                    case LOAD_SIBLINGS -> {
                        Completion c = loadSiblings();
                        if (c != null) {
                            return c.pending();
                        }
                        gather();
                        distribute();
                        phase = Phase.ALLOCATE;
                    }
                    case ALLOCATE -> {
                        while (!shallower && allocatedCount < newCount - oldCount) {
                            IOResult<Page> r = tree.pager().freeList().allocate();
                            if (r instanceof IOResult.Pending<Page>(Completion c)) {
                                return c.pending();
                            }
                            allocated[allocatedCount++] = r.value();
                        }
                        apply(cur);
                        phase = Phase.FREE_PAGES;
                    }
                    case FREE_PAGES -> {
                        while (freed < toFreeCount) {
                            IOResult<Void> r = tree.pager().freeList().free(toFree[freed]);
                            if (r instanceof IOResult.Pending<Void>(Completion c)) {
                                return c.pending();
                            }
                            freed++;
                        }
                        phase = Phase.CHECK;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            abandon();
            throw e;
        }
    }

    /** Releases every pin this balancer holds and forgets its progress (after an error). */
    void abandon() {
        for (int i = 0; i < loaded; i++) {
            pager.unpin(oldPages[i]);
            oldPages[i] = null;
        }
        loaded = 0;
        for (int i = 0; i < allocatedCount; i++) {
            pager.unpin(allocated[i]);
            allocated[i] = null;
        }
        allocatedCount = 0;
        phase = Phase.CHECK;
    }

    /** Decides what the top page needs; returns false when the tree is balanced. */
    private boolean check(BTreeCursor cur) throws CorruptDatabaseException {
        int depth = cur.depth;
        Node n = cur.nodes[depth];
        if (depth == 0) {
            if (n.overflow.isEmpty()) {
                return false;
            }
            phase = Phase.DEEPER_ALLOCATE;
            return true;
        }
        if (!needsBalance(n)) {
            return false;
        }
        level = depth;
        parent = cur.nodes[depth - 1];
        int childIndex = cur.idx[depth - 1];
        if (n.type == PageType.LEAF_TABLE
                && n.overflow.count == 1
                && n.overflow.indices[0] == n.cellCount()
                && parent.pageNumber != 1
                && parent.overflow.isEmpty()
                && parent.cellCount() == childIndex) {
            phase = Phase.QUICK_ALLOCATE;
            return true;
        }
        setUpSiblings(childIndex);
        phase = Phase.LOAD_SIBLINGS;
        return true;
    }

    // ---------------------------------------------------------------- balance_deeper

    private void deeper(BTreeCursor cur, Page childPage) throws CorruptDatabaseException {
        Node root = cur.nodes[0];
        pager.markDirty(root.page);
        Node child = Node.fresh(childPage, tree.rules(), root.type);
        cells.clear();
        int n = root.cellCount();
        for (int i = 0; i < n; i++) {
            int offset = root.cellOffset(i);
            cells.add(root.data, offset, NodeEditor.cellSizeAt(root, offset, scratch));
        }
        PageType type = root.type;
        int right = type.isLeaf() ? 0 : root.rightChild();
        NodeEditor.rebuild(child, type, cells, 0, n);
        if (!type.isLeaf()) {
            PageHeader.setRightChild(child.data, child.hdr, right);
        }
        for (int i = 0; i < root.overflow.count; i++) {
            child.overflow.insert(root.overflow.indices[i], root.overflow.cells[i]);
        }
        NodeEditor.zero(root, type.withLeaf(false));
        PageHeader.setRightChild(root.data, root.hdr, childPage.pageNumber());
        cur.pushFresh(childPage, child, 0);
    }

    // ---------------------------------------------------------------- balance_quick

    private void quick(BTreeCursor cur, Page newPage) throws CorruptDatabaseException {
        Node leaf = cur.nodes[level];
        Node fresh = Node.fresh(newPage, tree.rules(), PageType.LEAF_TABLE);
        pager.markDirty(leaf.page);
        pager.markDirty(parent.page);
        byte[] cell = leaf.overflow.cells[0];
        NodeEditor.insertCell(fresh, 0, MemorySegment.ofArray(cell), 0, cell.length);
        leaf.overflow.clear();
        long lastRowid = leaf.rowidAt(leaf.cellCount() - 1, scratch);
        BigEndian.putU32(dividerBuffer, 0, leaf.pageNumber);
        int size = CellFormat.CHILD_POINTER_SIZE + Varint.write(dividerBuffer, 4, lastRowid);
        NodeEditor.insertCell(parent, parent.cellCount(), dividerBuffer, 0, size);
        NodeEditor.setLogicalChild(parent, NodeEditor.logicalCount(parent), newPage.pageNumber());
        pager.unpin(newPage);
        cur.popTo(level - 1);
    }

    // ---------------------------------------------------------------- balance_nonroot

    private void setUpSiblings(int childIndex) throws CorruptDatabaseException {
        int logical = NodeEditor.logicalCount(parent);
        int extra;
        if (logical < 2) {
            nxDiv = 0;
            extra = logical;
        } else {
            if (childIndex == 0) {
                nxDiv = 0;
            } else if (childIndex == logical) {
                nxDiv = logical - 2;
            } else {
                nxDiv = childIndex - 1;
            }
            extra = 2;
        }
        oldCount = extra + 1;
        for (int j = 0; j < oldCount; j++) {
            int page = NodeEditor.logicalChild(parent, nxDiv + j);
            if (page < 2 || page > pager.databaseSizePages()) {
                throw CorruptDatabaseException.onPage(parent.pageNumber, "child pointer " + page);
            }
            oldPageNumbers[j] = page;
        }
        loaded = 0;
        allocatedCount = 0;
        toFreeCount = 0;
        freed = 0;
        shallower = false;
    }

    private Completion loadSiblings() throws IOException {
        while (loaded < oldCount) {
            IOResult<Page> r = pager.readPage(oldPageNumbers[loaded]);
            if (r instanceof IOResult.Pending<Page>(Completion c)) {
                return c;
            }
            Page p = r.value();
            oldPages[loaded] = p;
            loaded++;
            Node n = Node.of(p, tree.rules());
            oldNodes[loaded - 1] = n;
            if (loaded == 1) {
                siblingType = n.type;
            } else if (n.type != siblingType) {
                throw CorruptDatabaseException.onPage(n.pageNumber, "sibling pages of different kinds");
            }
            for (int k = 0; k < loaded - 1; k++) {
                if (oldPages[k] == p) {
                    throw CorruptDatabaseException.onPage(parent.pageNumber, "the same child twice");
                }
            }
        }
        return null;
    }

    /** Copies every cell of the siblings, with the dividers between them, into {@link #cells}. */
    private void gather() throws CorruptDatabaseException {
        cells.clear();
        boolean leafData = siblingType == PageType.LEAF_TABLE;
        boolean leaf = siblingType.isLeaf();
        for (int j = 0; j < oldCount; j++) {
            Node n = oldNodes[j];
            int count = NodeEditor.logicalCount(n);
            for (int i = 0; i < count; i++) {
                NodeEditor.copyLogicalCell(n, i, cells, scratch);
            }
            cntNew[j] = cells.count();
            if (j < oldCount - 1 && !leafData) {
                NodeEditor.copyLogicalCell(parent, nxDiv + j, cells, scratch);
                if (leaf) {
                    // A divider coming down to an index leaf loses its child pointer.
                    int at = cells.offset(cells.count() - 1);
                    int size = cells.size(cells.count() - 1);
                    MemorySegment s = cells.segment();
                    MemorySegment.copy(s, at + 4, s, at, size - 4);
                    cells.resizeLast(Math.max(CellFormat.MIN_CELL_SIZE, size - 4));
                } else {
                    // Its left child becomes the right child of the sibling before it.
                    BigEndian.putU32(cells.segment(), cells.offset(cells.count() - 1), n.rightChild());
                }
            }
        }
        lastRightChild = leaf ? 0 : oldNodes[oldCount - 1].rightChild();
    }

    /** SQLite's distribution of cells over sibling pages: pack left, then even out from the right. */
    private void distribute() throws CorruptDatabaseException {
        boolean leafData = siblingType == PageType.LEAF_TABLE;
        int usableSpace = oldNodes[0].usable - siblingType.headerSizeBytes();
        int start = 0;
        for (int i = 0; i < oldCount; i++) {
            int sz = 0;
            for (int c = start; c < cntNew[i]; c++) {
                sz += cells.size(c) + 2;
            }
            szNew[i] = sz;
            start = cntNew[i] + (leafData ? 0 : 1);
        }
        cntNew[oldCount - 1] = cells.count();
        int k = packLeft(leafData, usableSpace);
        evenOut(leafData, k);
        newCount = k;
        checkFits(usableSpace);
        shallower = level == 1
                && newCount == 1
                && NodeEditor.logicalCount(parent) == oldCount - 1
                && szNew[0] <= parent.usable - parent.hdr - siblingType.headerSizeBytes();
    }

    /**
     * Moves cells right out of overfull pages (adding pages, up to five) and left into pages with room. Without
     * leaf data, the cell at each page boundary is the divider that goes up to the parent. Returns the page count.
     */
    private int packLeft(boolean leafData, int usableSpace) throws CorruptDatabaseException {
        int total = cells.count();
        int k = oldCount;
        for (int i = 0; i < k; i++) {
            while (szNew[i] > usableSpace) {
                if (i + 1 >= k) {
                    k = i + 2;
                    if (k > MAX_NEW) {
                        throw CorruptDatabaseException.onPage(parent.pageNumber, "cells do not fit five pages");
                    }
                    szNew[k - 1] = 0;
                    cntNew[k - 1] = total;
                }
                int sz = 2 + cells.size(cntNew[i] - 1);
                szNew[i] -= sz;
                if (!leafData) {
                    sz = cntNew[i] < total ? 2 + cells.size(cntNew[i]) : 0;
                }
                szNew[i + 1] += sz;
                cntNew[i]--;
            }
            while (cntNew[i] < total) {
                int sz = 2 + cells.size(cntNew[i]);
                if (szNew[i] + sz > usableSpace) {
                    break;
                }
                szNew[i] += sz;
                cntNew[i]++;
                if (!leafData) {
                    sz = cntNew[i] < total ? 2 + cells.size(cntNew[i]) : 0;
                }
                szNew[i + 1] -= sz;
            }
            if (cntNew[i] >= total) {
                k = i + 1;
            } else if (cntNew[i] <= (i > 0 ? cntNew[i - 1] : 0)) {
                throw CorruptDatabaseException.onPage(parent.pageNumber, "cannot distribute cells");
            }
        }
        return k;
    }

    /**
     * The left packing leaves the right-most page nearly empty: move cells right while that makes neighbours more
     * even (and always at least one cell into an empty page).
     */
    private void evenOut(boolean leafData, int k) throws CorruptDatabaseException {
        for (int i = k - 1; i > 0; i--) {
            int szRight = szNew[i];
            int szLeft = szNew[i - 1];
            int r = cntNew[i - 1] - 1;
            int d = r + 1 - (leafData ? 1 : 0);
            do {
                int szR = cells.size(r);
                int szD = cells.size(d);
                if (szRight != 0 && szRight + szD + 2 > szLeft - (szR + (i == k - 1 ? 0 : 2))) {
                    break;
                }
                szRight += szD + 2;
                szLeft -= szR + 2;
                cntNew[i - 1] = r;
                r--;
                d--;
            } while (r >= 0);
            szNew[i] = szRight;
            szNew[i - 1] = szLeft;
            if (cntNew[i - 1] <= (i > 1 ? cntNew[i - 2] : 0)) {
                throw CorruptDatabaseException.onPage(parent.pageNumber, "cannot distribute cells");
            }
        }
    }

    private void checkFits(int usableSpace) throws CorruptDatabaseException {
        boolean leafData = siblingType == PageType.LEAF_TABLE;
        int start = 0;
        for (int i = 0; i < newCount; i++) {
            int sz = 0;
            for (int c = start; c < cntNew[i]; c++) {
                sz += cells.size(c) + 2;
            }
            if (sz > usableSpace || (cntNew[i] == start && cells.count() > 0)) {
                throw CorruptDatabaseException.onPage(parent.pageNumber, "balance produced an unusable page");
            }
            szNew[i] = sz;
            start = cntNew[i] + (leafData ? 0 : 1);
        }
    }

    /** Rewrites the siblings and the parent's dividers (no I/O). */
    private void apply(BTreeCursor cur) throws CorruptDatabaseException {
        pager.markDirty(parent.page);
        for (int j = 0; j < oldCount - 1; j++) {
            NodeEditor.removeLogical(parent, nxDiv, scratch);
        }
        if (shallower) {
            applyShallower();
        } else {
            applySplit();
        }
        cur.popTo(level - 1);
        for (int i = 0; i < loaded; i++) {
            pager.unpin(oldPages[i]);
            oldPages[i] = null;
            oldNodes[i] = null;
        }
        loaded = 0;
        for (int i = 0; i < allocatedCount; i++) {
            pager.unpin(allocated[i]);
            allocated[i] = null;
        }
        allocatedCount = 0;
    }

    private void applyShallower() {
        NodeEditor.rebuild(parent, siblingType, cells, 0, cells.count());
        if (!siblingType.isLeaf()) {
            PageHeader.setRightChild(parent.data, parent.hdr, lastRightChild);
        }
        for (int j = 0; j < oldCount; j++) {
            toFree[toFreeCount++] = oldPageNumbers[j];
        }
    }

    private void applySplit() throws CorruptDatabaseException {
        boolean leafData = siblingType == PageType.LEAF_TABLE;
        boolean leaf = siblingType.isLeaf();
        Node[] targets = new Node[newCount];
        for (int i = 0; i < newCount; i++) {
            if (i < oldCount) {
                pager.markDirty(oldPages[i]);
                targets[i] = oldNodes[i];
            } else {
                targets[i] = Node.fresh(allocated[i - oldCount], tree.rules(), siblingType);
            }
        }
        for (int j = newCount; j < oldCount; j++) {
            toFree[toFreeCount++] = oldPageNumbers[j];
        }
        // Keep the new pages in ascending order so that scans read the file forwards.
        Arrays.sort(targets, (a, b) -> Integer.compare(a.pageNumber, b.pageNumber));
        int start = 0;
        for (int i = 0; i < newCount; i++) {
            Node t = targets[i];
            NodeEditor.rebuild(t, siblingType, cells, start, cntNew[i]);
            if (!leaf) {
                int right =
                        i == newCount - 1 ? lastRightChild : BigEndian.i32(cells.segment(), cells.offset(cntNew[i]));
                PageHeader.setRightChild(t.data, t.hdr, right);
            }
            if (i < newCount - 1) {
                insertDivider(t, i, leafData, leaf);
            }
            start = cntNew[i] + (leafData ? 0 : 1);
        }
        NodeEditor.setLogicalChild(parent, nxDiv + newCount - 1, targets[newCount - 1].pageNumber);
    }

    private void insertDivider(Node t, int i, boolean leafData, boolean leaf) throws CorruptDatabaseException {
        MemorySegment s = cells.segment();
        int size;
        if (leafData) {
            int last = cells.offset(cntNew[i] - 1);
            long payloadLen = Varint.length(s, last, s.byteSize());
            long rowid = Varint.read(s, last + payloadLen, s.byteSize());
            BigEndian.putU32(dividerBuffer, 0, t.pageNumber);
            size = CellFormat.CHILD_POINTER_SIZE + Varint.write(dividerBuffer, 4, rowid);
        } else if (leaf) {
            int at = cells.offset(cntNew[i]);
            int actual = leafIndexCellSize(s, at);
            BigEndian.putU32(dividerBuffer, 0, t.pageNumber);
            MemorySegment.copy(s, at, dividerBuffer, 4, actual);
            size = CellFormat.CHILD_POINTER_SIZE + actual;
        } else {
            int at = cells.offset(cntNew[i]);
            size = cells.size(cntNew[i]);
            MemorySegment.copy(s, at, dividerBuffer, 0, size);
            BigEndian.putU32(dividerBuffer, 0, t.pageNumber);
        }
        NodeEditor.insertCell(parent, nxDiv + i, dividerBuffer, 0, Math.max(CellFormat.MIN_CELL_SIZE, size));
    }

    /** The real length of an index leaf cell (its on-page size may include padding up to 4 bytes). */
    private int leafIndexCellSize(MemorySegment s, int at) throws CorruptDatabaseException {
        long payload = Varint.read(s, at, s.byteSize());
        int header = Varint.length(s, at, s.byteSize());
        int local = tree.rules().localSize(payload, PageType.LEAF_INDEX);
        return header + local + (local < payload ? CellFormat.CHILD_POINTER_SIZE : 0);
    }
}
