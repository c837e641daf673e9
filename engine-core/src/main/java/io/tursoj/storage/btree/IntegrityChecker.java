package io.tursoj.storage.btree;

import io.tursoj.io.Completion;
import io.tursoj.io.IOResult;
import io.tursoj.storage.CorruptDatabaseException;
import io.tursoj.storage.Page;
import io.tursoj.storage.Pager;
import io.tursoj.storage.format.CellInfo;
import io.tursoj.storage.format.DatabaseHeader;
import io.tursoj.storage.format.FreelistTrunk;
import io.tursoj.storage.format.LockBytePage;
import io.tursoj.storage.format.OverflowPage;
import io.tursoj.storage.format.PointerMap;
import io.tursoj.storage.format.RecordReader;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * The storage-level integrity check behind {@code PRAGMA integrity_check}: walks sqlite_schema's trees, their
 * overflow chains and the freelist, and reports what breaks the format's rules, in SQLite's words where it has
 * them. An empty report means the database is sound.
 *
 * <ul>
 *   <li>Page accounting: every page from 1 to the database size belongs to exactly one tree, overflow chain or the
 *       freelist (the lock-byte page and pointer-map pages excepted): "Page N is never used", "2nd reference to
 *       page N".
 *   <li>Each b-tree page: a legal type of its tree's kind, cells and freeblocks inside the content area without
 *       overlap, the fragment count exact, all leaves at one depth ("Child page depth differs").
 *   <li>Key order: rowids strictly increasing and within their parent's bounds ("Rowid N out of order"); index
 *       records in order within a page, for the indexes whose {@link KeyInfo} the caller supplies.
 *   <li>Overflow chains exactly as long as their payloads need; freelist trunks within their leaf limit and the
 *       header's freelist count exact.
 * </ul>
 *
 * <p>Resumable: each step reads at most one page, and a {@code Pending} result repeats that step. Invariants: the
 * walk follows each page at most once (a second reference is reported, not followed), so corrupt cycles end; at
 * most {@link #MAX_ERRORS} messages are collected.
 */
public final class IntegrityChecker {
    /** SQLite's default limit on reported errors. */
    public static final int MAX_ERRORS = 100;

    private static final int TREE = 0;
    private static final int OVERFLOW = 1;
    private static final int TRUNK = 2;
    private static final int FREELIST_HEAD = 3;

    /**
     * One page to visit, with what its parent expects of it.
     *
     * @param table 1 for a table tree, 0 for an index tree, -1 for a root (its own type decides)
     * @param count for overflow pages, the pages left in the chain including this one
     */
    private record Item(
            int kind, int page, int parent, int depth, int root, int table, long lowKey, long highKey, long count) {}

    private final BTree tree;
    private final Pager pager;
    private final List<String> errors = new ArrayList<>();
    private final ArrayDeque<Item> work = new ArrayDeque<>();
    private final CellInfo cell = new CellInfo();
    private final RecordReader left = new RecordReader();
    private final RecordReader right = new RecordReader();
    private final SearchKey key = new SearchKey();
    private BitSet used;
    private int leafDepthRoot = -1;
    private int leafDepth = -1;
    private long freePagesSeen;
    private long expectedFree;

    // Reading sqlite_schema: 0 before first(), 1 to read the record, 2 to move next, 3 done.
    private int schemaStep;
    private BTreeCursor schema;
    private final List<Integer> roots = new ArrayList<>();

    private final java.util.Map<Integer, KeyInfo> keyInfos;

    /** A checker that verifies no index key order (it cannot know the collations). */
    public IntegrityChecker(BTree tree) {
        this(tree, java.util.Map.of());
    }

    /** A checker that also verifies the key order of the index trees rooted at {@code keyInfos}' keys. */
    public IntegrityChecker(BTree tree, java.util.Map<Integer, KeyInfo> keyInfos) {
        this.tree = tree;
        this.pager = tree.pager();
        this.keyInfos = keyInfos;
    }

    /** Runs the check; the result lists the problems found (empty when none). Resumable. */
    public IOResult<List<String>> run() throws IOException {
        if (schemaStep < 3) {
            IOResult<Void> r = readSchema();
            if (r instanceof IOResult.Pending<Void>(Completion c)) {
                return c.pending();
            }
        }
        while (!work.isEmpty() && errors.size() < MAX_ERRORS) {
            Item item = work.peek();
            IOResult<Page> r;
            try {
                r = pager.readPage(item.page);
            } catch (CorruptDatabaseException e) {
                work.pop();
                error(e.getMessage());
                continue;
            }
            if (r instanceof IOResult.Pending<Page>(Completion c)) {
                return c.pending();
            }
            work.pop();
            Page p = r.value();
            try {
                visit(item, p);
            } finally {
                pager.unpin(p);
            }
        }
        if (errors.size() < MAX_ERRORS) {
            finish();
        }
        return IOResult.done(List.copyOf(errors));
    }

    /** Collects the root pages named in sqlite_schema, then queues every tree and the freelist. */
    private IOResult<Void> readSchema() throws IOException {
        if (schema == null) {
            used = new BitSet(pager.databaseSizePages() + 1);
            schema = tree.openTableCursor(1);
            roots.add(1);
        }
        try {
            while (schemaStep < 3) {
                IOResult<?> r = switch (schemaStep) {
                    case 0 -> schema.first();
                    case 1 -> schema.record();
                    default -> schema.next();
                };
                if (r instanceof IOResult.Pending<?>(Completion c)) {
                    return c.pending();
                }
                if (schemaStep == 1) {
                    RecordReader rec = (RecordReader) r.value();
                    if (rec.columnCount() >= 4 && !rec.isNull(3) && rec.longValue(3) > 0) {
                        roots.add((int) Math.min(Integer.MAX_VALUE, rec.longValue(3)));
                    }
                    schemaStep = 2;
                } else {
                    schemaStep = (Boolean) r.value() ? 1 : 3;
                }
            }
        } catch (CorruptDatabaseException e) {
            error("sqlite_schema: " + e.getMessage());
            schemaStep = 3;
        }
        schema.close();
        work.push(new Item(FREELIST_HEAD, 1, 0, 0, 0, 0, 0, 0, 0));
        for (int i = roots.size() - 1; i >= 0; i--) {
            int root = roots.get(i);
            work.push(new Item(TREE, root, 0, 0, root, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0));
        }
        return IOResult.done();
    }

    private void error(String message) {
        if (errors.size() < MAX_ERRORS) {
            errors.add(message);
        }
    }

    /** Marks {@code page} as used; false (and an error) if it is out of range or was already used. */
    private boolean claim(int page, int parent) {
        if (page < 1 || page > pager.databaseSizePages()) {
            error("invalid page number " + page + (parent > 0 ? " on page " + parent : ""));
            return false;
        }
        if (used.get(page)) {
            error("2nd reference to page " + page);
            return false;
        }
        used.set(page);
        return true;
    }

    private void visit(Item item, Page p) {
        switch (item.kind) {
            case TREE -> visitTreePage(item, p);
            case OVERFLOW -> visitOverflow(item, p);
            case TRUNK -> visitTrunk(item, p);
            case FREELIST_HEAD -> visitFreelistHead(p);
            default -> throw new AssertionError(item.kind);
        }
    }

    // ---------------------------------------------------------------- b-tree pages

    private void visitTreePage(Item item, Page p) {
        if (!claim(item.page, item.parent)) {
            return;
        }
        String where = "Tree " + item.root + " page " + item.page;
        Node n;
        try {
            n = Node.of(p, tree.rules());
            PageCheck.check(n);
        } catch (CorruptDatabaseException e) {
            error(where + ": " + e.getMessage());
            return;
        }
        if (item.table >= 0 && n.isTable() != (item.table == 1)) {
            error(where + ": page kind differs from its tree");
            return;
        }
        if (n.isLeaf()) {
            if (leafDepthRoot != item.root) {
                leafDepthRoot = item.root;
                leafDepth = item.depth;
            } else if (leafDepth != item.depth) {
                error(where + ": Child page depth differs");
            }
        }
        try {
            checkCells(item, n, where);
        } catch (CorruptDatabaseException e) {
            error(where + ": " + e.getMessage());
        }
    }

    private void checkCells(Item item, Node n, String where) throws CorruptDatabaseException {
        int count = n.cellCount();
        int table = n.isTable() ? 1 : 0;
        long previous = item.lowKey;
        List<Item> children = new ArrayList<>();
        int previousOffset = -1;
        int previousLength = 0;
        KeyInfo info = keyInfos.get(item.root);
        for (int i = 0; i < count; i++) {
            n.parseCell(i, cell);
            if (n.isTable()) {
                boolean ordered = i == 0 || (n.isLeaf() ? cell.rowid > previous : cell.rowid >= previous);
                if (!ordered || cell.rowid <= item.lowKey || cell.rowid > item.highKey) {
                    error(where + " cell " + i + ": Rowid " + cell.rowid + " out of order");
                }
            } else if (info != null && !cell.overflows()) {
                if (previousOffset >= 0 && compare(n.data, previousOffset, previousLength, cell, info) > 0) {
                    error(where + " cell " + i + ": key out of order");
                }
                previousOffset = cell.payloadOffset;
                previousLength = cell.payloadSize;
            } else {
                previousOffset = -1;
            }
            if (cell.overflows()) {
                long pages = tree.rules().overflowPageCount(cell.payloadSize, n.type);
                children.add(new Item(OVERFLOW, cell.overflowPage, item.page, 0, item.root, table, 0, 0, pages));
            }
            if (!n.isLeaf()) {
                long low = n.isTable() ? previous : Long.MIN_VALUE;
                long high = n.isTable() ? cell.rowid : Long.MAX_VALUE;
                children.add(new Item(TREE, cell.leftChild, item.page, item.depth + 1, item.root, table, low, high, 0));
            }
            if (n.isTable()) {
                previous = cell.rowid;
            }
        }
        if (!n.isLeaf()) {
            long low = n.isTable() ? previous : Long.MIN_VALUE;
            long high = n.isTable() ? item.highKey : Long.MAX_VALUE;
            children.add(new Item(TREE, n.rightChild(), item.page, item.depth + 1, item.root, table, low, high, 0));
        }
        for (int i = children.size() - 1; i >= 0; i--) {
            work.push(children.get(i));
        }
    }

    private int compare(MemorySegment page, int offset, int length, CellInfo current, KeyInfo info)
            throws CorruptDatabaseException {
        left.parse(page, offset, length);
        right.parse(page, current.payloadOffset, current.payloadSize);
        key.setFromRecord(right);
        return RecordComparator.compare(left, key, info, 0);
    }

    // ---------------------------------------------------------------- overflow chains and the freelist

    private void visitOverflow(Item item, Page p) {
        if (!claim(item.page, item.parent)) {
            return;
        }
        long rest = item.count - 1;
        int next = OverflowPage.next(p.buffer());
        if (rest > 0) {
            if (next == 0) {
                error(rest + " of " + item.count + " pages missing from overflow list starting at " + item.page);
                return;
            }
            work.push(new Item(OVERFLOW, next, item.page, 0, item.root, item.table, 0, 0, rest));
        } else if (next != 0) {
            error("overflow list starting at " + item.page + " is longer than its payload");
        }
    }

    private void visitFreelistHead(Page page1) {
        MemorySegment h = page1.buffer();
        expectedFree = DatabaseHeader.freelistCount(h);
        int first = (int) DatabaseHeader.freelistTrunkPage(h);
        if (first != 0) {
            work.push(new Item(TRUNK, first, 1, 0, 0, 0, 0, 0, 0));
        }
    }

    private void visitTrunk(Item item, Page p) {
        int page = item.page;
        if (!claim(page, item.parent)) {
            return;
        }
        freePagesSeen++;
        MemorySegment t = p.buffer();
        long leaves = FreelistTrunk.leafCount(t);
        if (leaves > FreelistTrunk.maxLeavesRead(pager.usableSizeBytes())) {
            error("freelist leaf count too big on page " + page);
            return;
        }
        for (int i = 0; i < leaves; i++) {
            if (claim(FreelistTrunk.leaf(t, i), page)) {
                freePagesSeen++;
            }
        }
        int next = FreelistTrunk.nextTrunk(t);
        if (next != 0) {
            work.push(new Item(TRUNK, next, page, 0, 0, 0, 0, 0, 0));
        }
    }

    private void finish() {
        if (freePagesSeen != expectedFree) {
            error("Freelist: size is " + freePagesSeen + " but should be " + expectedFree);
        }
        int size = pager.databaseSizePages();
        int lockByte = LockBytePage.pageNumber(pager.pageSizeBytes());
        boolean autoVacuum = pager.isReadOnlyFormat();
        for (int page = 1; page <= size && errors.size() < MAX_ERRORS; page++) {
            if (used.get(page) || page == lockByte) {
                continue;
            }
            if (autoVacuum && PointerMap.isMapPage(page, pager.usableSizeBytes(), pager.pageSizeBytes())) {
                continue;
            }
            error("Page " + page + " is never used");
        }
    }
}
