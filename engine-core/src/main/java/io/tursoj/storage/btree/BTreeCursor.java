package io.tursoj.storage.btree;

import io.tursoj.io.Completion;
import io.tursoj.io.IOResult;
import io.tursoj.storage.CorruptDatabaseException;
import io.tursoj.storage.Page;
import io.tursoj.storage.Pager;
import io.tursoj.storage.format.CellInfo;
import io.tursoj.storage.format.RecordReader;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * A position in one b-tree: a table (rowid) tree when {@code keyInfo} is null, else an index tree. Every move
 * returns {@link IOResult}: {@code Pending} while a page is being read, after which the caller repeats the same call
 * and the cursor resumes where it stopped. A move must be repeated until done before another one starts.
 *
 * <p>The cursor keeps the path from the root as a stack of pinned pages with, for each, the index of the cell (on
 * the current page) or of the child it descended into (on the pages above). In an index tree the entries of interior
 * pages are real entries, visited between their children; in a table tree only leaves hold rows.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Every page on the stack is pinned exactly once by this cursor; {@link #close()} releases them.
 *   <li>When {@link #isValid()}, the top of the stack holds a cell at {@code idx[depth] < cellCount}.
 *   <li>The stack is never deeper than {@link #MAX_DEPTH} (SQLite's limit); a deeper tree is corrupt.
 *   <li>Every page on the path has the tree's kind (table or index); a mismatch is corruption.
 * </ol>
 */
public final class BTreeCursor implements AutoCloseable {
    /** SQLite's BTCURSOR_MAX_DEPTH. */
    public static final int MAX_DEPTH = 20;

    private static final IOResult<Boolean> TRUE = new IOResult.Done<>(Boolean.TRUE);
    private static final IOResult<Boolean> FALSE = new IOResult.Done<>(Boolean.FALSE);

    /** The operation in progress (one at a time). */
    private enum Op {
        NONE,
        FIRST,
        LAST,
        NEXT,
        PREV,
        SEEK,
        PAYLOAD
    }

    /** A descent in progress inside FIRST, LAST, NEXT, PREV or SEEK. */
    private enum Move {
        NONE,
        DESCEND_LEFT,
        DESCEND_RIGHT
    }

    /** Progress of a seek. */
    private enum SeekPhase {
        ROOT,
        SEARCH,
        ADVANCE,
        CHECK_EQUAL
    }

    final BTree tree;
    final Pager pager;
    final int rootPage;
    final KeyInfo keyInfo;
    final Page[] pages = new Page[MAX_DEPTH];
    final Node[] nodes = new Node[MAX_DEPTH];
    final int[] idx = new int[MAX_DEPTH];
    int depth = -1;
    boolean valid;

    private Op op = Op.NONE;
    private Move move = Move.NONE;
    private SeekPhase seekPhase = SeekPhase.ROOT;
    private final CellInfo cell = new CellInfo();
    private boolean cellParsed;
    private final CellInfo scratch = new CellInfo();
    private final PayloadReader overflow = new PayloadReader();
    private final RecordReader record = new RecordReader();
    private final RecordReader compareRecord = new RecordReader();
    private final IOResult<RecordReader> recordDone = new IOResult.Done<>(record);
    private MemorySegment payloadSegment;
    private long payloadOffset;
    private boolean payloadLoaded;

    // Seek state
    private SeekOp seekOp;
    private long seekRowid;
    private SearchKey seekKey;
    private int searchLow;
    private int searchHigh;
    private int compareIndex = -1;
    private boolean exact;
    private boolean forWrite;
    private Completion pendingCompare;

    // Saved position (after this or another cursor changed the tree): next/prev re-seek past it.
    private boolean requiresSeek;
    private boolean restoring;
    private long savedRowid;
    private byte[] savedKey = new byte[64];
    private final RecordReader savedReader = new RecordReader();
    private final SearchKey savedSearch = new SearchKey();

    private TreeInsert inserter;
    private TreeDelete deleter;

    BTreeCursor(BTree tree, int rootPage, KeyInfo keyInfo) {
        this.tree = tree;
        this.pager = tree.pager();
        this.rootPage = rootPage;
        this.keyInfo = keyInfo;
        tree.register(this);
    }

    public boolean isTable() {
        return keyInfo == null;
    }

    public int rootPage() {
        return rootPage;
    }

    /** Whether the cursor is on an entry. */
    public boolean isValid() {
        return valid;
    }

    // ---------------------------------------------------------------- public moves

    /** Moves to the first entry; {@code false} if the tree is empty. */
    public IOResult<Boolean> first() throws IOException {
        return run(Op.FIRST);
    }

    /** Moves to the last entry; {@code false} if the tree is empty. */
    public IOResult<Boolean> last() throws IOException {
        return run(Op.LAST);
    }

    /** Moves to the next entry; {@code false} (and invalid) past the last one. */
    public IOResult<Boolean> next() throws IOException {
        return run(Op.NEXT);
    }

    /** Moves to the previous entry; {@code false} (and invalid) before the first one. */
    public IOResult<Boolean> prev() throws IOException {
        return run(Op.PREV);
    }

    /**
     * Seeks a table tree by rowid. Returns whether an entry satisfying {@code op} was found; the cursor is then on
     * it (for EQ: the entry with that rowid).
     */
    public IOResult<Boolean> seek(long rowid, SeekOp op) throws IOException {
        if (!isTable()) {
            throw new IllegalStateException("rowid seek on an index cursor");
        }
        if (this.op == Op.NONE) {
            seekRowid = rowid;
            seekOp = op;
        }
        return run(Op.SEEK);
    }

    /**
     * Seeks an index tree by key. A key with fewer fields than the index compares by its leading fields: EQ and GE
     * find the first entry whose prefix is equal (or greater, for GE), LE the last one, GT and LT step past them.
     */
    public IOResult<Boolean> seek(SearchKey key, SeekOp op) throws IOException {
        if (isTable()) {
            throw new IllegalStateException("key seek on a table cursor");
        }
        if (this.op == Op.NONE) {
            seekKey = key;
            seekOp = op;
        }
        return run(Op.SEEK);
    }

    private IOResult<Boolean> run(Op requested) throws IOException {
        if (op != Op.NONE && op != requested) {
            throw new IllegalStateException("cursor is busy with " + op + "; repeat it before " + requested);
        }
        boolean starting = op == Op.NONE;
        op = requested;
        if (starting) {
            restoring = false;
            forWrite = false;
            if (requiresSeek && (requested == Op.NEXT || requested == Op.PREV)) {
                restoring = true;
                seekOp = requested == Op.NEXT ? SeekOp.GT : SeekOp.LT;
                seekRowid = savedRowid;
                seekKey = savedSearch;
            }
            requiresSeek = false;
            if (onEmptyDatabase()) {
                op = Op.NONE;
                releaseAll();
                return FALSE;
            }
        }
        try {
            IOResult<Boolean> r = restoring
                    ? runSeek(starting)
                    : switch (requested) {
                        case FIRST -> starting ? startFirst() : continueMove();
                        case LAST -> starting ? startLast() : continueMove();
                        case NEXT -> starting ? stepForward() : continueMove();
                        case PREV -> starting ? stepBackward() : continueMove();
                        case SEEK -> runSeek(starting);
                        default -> throw new AssertionError(requested);
                    };
            if (r.isDone()) {
                op = Op.NONE;
                move = Move.NONE;
                restoring = false;
            }
            return r;
        } catch (IOException | RuntimeException e) {
            reset();
            throw corruptIfOutOfBounds(e);
        }
    }

    /**
     * Positions the cursor where {@code rowid} (table) or the record in {@link #seekKey} (index) is or would be
     * inserted: on the entry itself when it exists ({@code true}), else on a leaf at the insertion index
     * ({@code false}, and not valid). Resumable.
     */
    IOResult<Boolean> seekForWrite(long rowid, SearchKey key) throws IOException {
        if (op == Op.NONE) {
            seekRowid = rowid;
            seekKey = key;
            seekOp = SeekOp.GE;
            requiresSeek = false;
            restoring = false;
            op = Op.SEEK;
            forWrite = true;
            try {
                return finishWriteSeek(runSeek(true));
            } catch (IOException | RuntimeException e) {
                reset();
                throw corruptIfOutOfBounds(e);
            }
        }
        try {
            return finishWriteSeek(runSeek(false));
        } catch (IOException | RuntimeException e) {
            reset();
            throw corruptIfOutOfBounds(e);
        }
    }

    private IOResult<Boolean> finishWriteSeek(IOResult<Boolean> r) {
        if (r.isDone()) {
            op = Op.NONE;
            forWrite = false;
        }
        return r;
    }

    private static IOException corruptIfOutOfBounds(Exception e) {
        if (e instanceof IndexOutOfBoundsException) {
            return new CorruptDatabaseException("b-tree page access out of bounds", e);
        }
        if (e instanceof IOException io) {
            return io;
        }
        throw (RuntimeException) e;
    }

    // ---------------------------------------------------------------- stack

    /** Releases every page, forgets the position and abandons any operation in progress. */
    void reset() {
        releaseAll();
        op = Op.NONE;
        move = Move.NONE;
        compareIndex = -1;
    }

    /** Releases every page and forgets the position. */
    void releaseAll() {
        for (int d = depth; d >= 0; d--) {
            pager.unpin(pages[d]);
            pages[d] = null;
            nodes[d] = null;
        }
        depth = -1;
        valid = false;
        cellParsed = false;
        payloadLoaded = false;
    }

    /**
     * Whether this cursor reads the schema table of a database with no pages yet (a new file or {@code :memory:}).
     * SQLite treats such a file as a database whose schema is empty, so reads find nothing instead of failing.
     */
    private boolean onEmptyDatabase() {
        if (rootPage != 1) {
            return false;
        }
        pager.beginRead();
        return pager.databaseSizePages() == 0;
    }

    /** Pins the root as the only stack entry; returns a completion to wait for, or null when done. */
    private Completion moveToRoot() throws IOException {
        if (depth >= 0) {
            while (depth > 0) {
                pop();
            }
            valid = false;
            invalidateCell();
            return null;
        }
        releaseAll();
        return push(rootPage);
    }

    /** Pushes page {@code pageNumber}; returns a completion to wait for (nothing pushed), or null when pushed. */
    private Completion push(int pageNumber) throws IOException {
        if (depth + 1 >= MAX_DEPTH) {
            throw CorruptDatabaseException.onPage(pageNumber, "b-tree deeper than " + MAX_DEPTH + " levels");
        }
        IOResult<Page> r = pager.readPage(pageNumber);
        if (r instanceof IOResult.Pending<Page>(Completion c)) {
            return c;
        }
        Page p = r.value();
        Node n;
        try {
            n = Node.of(p, tree.rules());
            if (n.isTable() != isTable()) {
                throw CorruptDatabaseException.onPage(pageNumber, "page kind does not match its tree");
            }
        } catch (CorruptDatabaseException e) {
            pager.unpin(p);
            throw e;
        }
        depth++;
        pages[depth] = p;
        nodes[depth] = n;
        idx[depth] = 0;
        invalidateCell();
        return null;
    }

    /** Pushes a page already pinned for this cursor (a new child made by a balance) below the top. */
    void pushFresh(Page page, Node node, int childIndex) {
        assert depth + 1 < MAX_DEPTH;
        idx[depth] = childIndex;
        depth++;
        pages[depth] = page;
        nodes[depth] = node;
        idx[depth] = 0;
        invalidateCell();
    }

    /** Pops pages until {@code target} is the top. */
    void popTo(int target) {
        while (depth > target) {
            pop();
        }
    }

    private void pop() {
        pager.unpin(pages[depth]);
        pages[depth] = null;
        nodes[depth] = null;
        depth--;
        invalidateCell();
    }

    private void invalidateCell() {
        cellParsed = false;
        payloadLoaded = false;
    }

    Node top() {
        return nodes[depth];
    }

    // ---------------------------------------------------------------- first / last / next / prev

    private IOResult<Boolean> startFirst() throws IOException {
        Completion c = moveToRoot();
        if (c != null) {
            return c.pending(); // nothing changed; the retry starts over
        }
        return beginDescent(Move.DESCEND_LEFT);
    }

    private IOResult<Boolean> startLast() throws IOException {
        Completion c = moveToRoot();
        if (c != null) {
            return c.pending();
        }
        return beginDescent(Move.DESCEND_RIGHT);
    }

    /** Sets the root's index for a leftmost or rightmost descent, then descends. */
    private IOResult<Boolean> beginDescent(Move m) throws IOException {
        Node root = top();
        idx[0] = m == Move.DESCEND_LEFT ? 0 : (root.isLeaf() ? root.cellCount() - 1 : root.cellCount());
        move = m;
        return continueMove();
    }

    private IOResult<Boolean> continueMove() throws IOException {
        if (op == Op.FIRST || op == Op.LAST) {
            if (depth < 0) {
                return op == Op.FIRST ? startFirst() : startLast();
            }
        }
        while (!top().isLeaf()) {
            Node n = top();
            int child = n.child(idx[depth]);
            Completion c = push(child);
            if (c != null) {
                return c.pending();
            }
            Node pushed = top();
            if (move == Move.DESCEND_RIGHT) {
                idx[depth] = pushed.isLeaf() ? pushed.cellCount() - 1 : pushed.cellCount();
            }
        }
        Node leaf = top();
        if (leaf.cellCount() == 0) {
            if (depth == 0) {
                valid = false;
                return FALSE;
            }
            throw CorruptDatabaseException.onPage(leaf.pageNumber, "empty non-root leaf");
        }
        valid = true;
        return TRUE;
    }

    /** Starts NEXT from a valid position. */
    private IOResult<Boolean> stepForward() throws IOException {
        if (!valid) {
            return FALSE;
        }
        invalidateCell();
        Node n = top();
        if (!n.isLeaf()) {
            // An index entry on an interior page: its successor is the leftmost entry of the next child.
            idx[depth]++;
            move = Move.DESCEND_LEFT;
            return continueMove();
        }
        if (++idx[depth] < n.cellCount()) {
            return TRUE;
        }
        while (depth > 0) {
            pop();
            Node parent = top();
            int i = idx[depth];
            if (i < parent.cellCount()) {
                if (!isTable()) {
                    return TRUE; // the parent's cell i follows child i
                }
                idx[depth] = i + 1;
                move = Move.DESCEND_LEFT;
                return continueMove();
            }
        }
        valid = false;
        return FALSE;
    }

    /** Starts PREV from a valid position. */
    private IOResult<Boolean> stepBackward() throws IOException {
        if (!valid) {
            return FALSE;
        }
        invalidateCell();
        Node n = top();
        if (!n.isLeaf()) {
            // An index entry on an interior page: its predecessor is the rightmost entry of its left child.
            move = Move.DESCEND_RIGHT;
            return continueMove();
        }
        if (idx[depth] > 0) {
            idx[depth]--;
            return TRUE;
        }
        while (depth > 0) {
            pop();
            int i = idx[depth];
            if (i > 0) {
                idx[depth] = i - 1;
                if (!isTable()) {
                    return TRUE; // the parent's cell i-1 precedes child i
                }
                move = Move.DESCEND_RIGHT;
                return continueMove();
            }
        }
        valid = false;
        return FALSE;
    }

    // ---------------------------------------------------------------- seek

    private IOResult<Boolean> runSeek(boolean starting) throws IOException {
        if (starting) {
            seekPhase = SeekPhase.ROOT;
        }
        while (true) {
            switch (seekPhase) {
                case ROOT -> {
                    Completion c = moveToRoot();
                    if (c != null) {
                        return c.pending();
                    }
                    startSearch();
                    seekPhase = SeekPhase.SEARCH;
                }
                case SEARCH -> {
                    IOResult<Boolean> r = search();
                    if (r != null) {
                        return r;
                    }
                }
                case ADVANCE -> {
                    IOResult<Boolean> r = continueMove();
                    if (!r.isDone()) {
                        return r;
                    }
                    return afterAdvance(r.value());
                }
                case CHECK_EQUAL -> {
                    return checkEqual();
                }
            }
        }
    }

    private void startSearch() {
        searchLow = 0;
        searchHigh = top().cellCount();
        compareIndex = -1;
        exact = false;
    }

    /**
     * Binary search of the top page, descending until a leaf or an exact index match. Returns a result to hand
     * back (pending or final), or null to continue in the next phase.
     */
    private IOResult<Boolean> search() throws IOException {
        while (true) {
            Node n = top();
            while (searchLow < searchHigh) {
                int mid = (searchLow + searchHigh) >>> 1;
                int c = compareCellWithKey(n, mid);
                if (c == Integer.MIN_VALUE) {
                    return pendingCompare.pending();
                }
                if (c == 0 && (!isTable() || n.isLeaf())) {
                    searchLow = mid;
                    exact = true;
                    break;
                }
                if (c < 0) {
                    searchLow = mid + 1;
                } else {
                    searchHigh = mid;
                }
            }
            if (exact || n.isLeaf()) {
                idx[depth] = searchLow;
                return adjust(n);
            }
            idx[depth] = searchLow;
            Completion c = push(n.child(searchLow));
            if (c != null) {
                return c.pending();
            }
            startSearch();
        }
    }

    /**
     * Compares cell {@code index} of {@code n} with the seek key: table trees by rowid, index trees by record.
     * Returns {@link Integer#MIN_VALUE} when an overflow page must be read first ({@link #pendingCompare}).
     */
    private int compareCellWithKey(Node n, int index) throws IOException {
        if (isTable()) {
            return Long.compare(n.rowidAt(index, scratch), seekRowid);
        }
        return compareIndexCell(n, index, forWrite ? 0 : seekOp.prefixMatchResult());
    }

    private int compareIndexCell(Node n, int index, int prefixMatchResult) throws IOException {
        n.parseCell(index, scratch);
        if (!scratch.overflows()) {
            compareIndex = -1;
            return RecordComparator.compare(
                    compareRecord,
                    n.data,
                    scratch.payloadOffset,
                    scratch.payloadSize,
                    seekKey,
                    keyInfo,
                    prefixMatchResult);
        }
        if (compareIndex != index) {
            overflow.start(n, scratch);
            compareIndex = index;
        }
        IOResult<Void> r = overflow.resume(pager);
        if (r instanceof IOResult.Pending<Void>(Completion c)) {
            pendingCompare = c;
            return Integer.MIN_VALUE;
        }
        compareIndex = -1;
        invalidateCell(); // the shared overflow buffer now holds this cell, not the current one
        return RecordComparator.compare(
                compareRecord, overflow.segment(), 0, overflow.length(), seekKey, keyInfo, prefixMatchResult);
    }

    /** Turns the search's landing place into the seek's answer. */
    private IOResult<Boolean> adjust(Node n) throws IOException {
        int i = idx[depth];
        int count = n.cellCount();
        if (forWrite) {
            valid = exact;
            return exact ? TRUE : FALSE;
        }
        if (exact) {
            valid = true;
            return switch (seekOp) {
                case EQ, GE, LE -> TRUE;
                case GT -> advance(true);
                case LT -> advance(false);
            };
        }
        // idx is the first cell greater than the key on this leaf (count when none is).
        if (count == 0) {
            valid = false;
            return FALSE;
        }
        if (seekOp.isForward()) {
            if (isTable() && seekOp == SeekOp.EQ) {
                valid = false;
                return FALSE;
            }
            if (i < count) {
                valid = true;
                return seekOp == SeekOp.EQ ? enterCheckEqual() : TRUE;
            }
            idx[depth] = count - 1;
            valid = true;
            return advance(true);
        }
        if (i > 0) {
            idx[depth] = i - 1;
            valid = true;
            return TRUE;
        }
        idx[depth] = 0;
        valid = true;
        return advance(false);
    }

    private IOResult<Boolean> advance(boolean forward) throws IOException {
        seekPhase = SeekPhase.ADVANCE;
        IOResult<Boolean> r = forward ? stepForward() : stepBackward();
        if (!r.isDone()) {
            return r;
        }
        return afterAdvance(r.value());
    }

    private IOResult<Boolean> afterAdvance(boolean found) throws IOException {
        move = Move.NONE;
        if (found && seekOp == SeekOp.EQ) {
            return enterCheckEqual();
        }
        return found ? TRUE : FALSE;
    }

    private IOResult<Boolean> enterCheckEqual() throws IOException {
        seekPhase = SeekPhase.CHECK_EQUAL;
        compareIndex = -1;
        return checkEqual();
    }

    private IOResult<Boolean> checkEqual() throws IOException {
        int c = compareIndexCell(top(), idx[depth], 0);
        if (c == Integer.MIN_VALUE) {
            return pendingCompare.pending();
        }
        if (c != 0) {
            valid = false;
            return FALSE;
        }
        return TRUE;
    }

    // ---------------------------------------------------------------- the current entry

    private CellInfo currentCell() throws CorruptDatabaseException {
        if (!valid) {
            throw new IllegalStateException("cursor is not on an entry");
        }
        if (!cellParsed) {
            top().parseCell(idx[depth], cell);
            cellParsed = true;
        }
        return cell;
    }

    /** The rowid of the current entry of a table tree. */
    public long rowid() throws CorruptDatabaseException {
        if (!isTable()) {
            throw new IllegalStateException("index entries have no rowid of their own");
        }
        return currentCell().rowid;
    }

    /** The current entry's payload size in bytes (its record). */
    public int payloadSize() throws CorruptDatabaseException {
        return currentCell().payloadSize;
    }

    /**
     * Makes the whole payload of the current entry available through {@link #payloadSegment()}, reading its
     * overflow pages if it has any. Resumable.
     */
    public IOResult<Void> loadPayload() throws IOException {
        if (op != Op.NONE && op != Op.PAYLOAD) {
            throw new IllegalStateException("cursor is busy with " + op);
        }
        try {
            CellInfo c = currentCell();
            if (payloadLoaded) {
                return IOResult.done();
            }
            if (!c.overflows()) {
                payloadSegment = top().data;
                payloadOffset = c.payloadOffset;
                payloadLoaded = true;
                return IOResult.done();
            }
            if (op == Op.NONE) {
                overflow.start(top(), c);
                op = Op.PAYLOAD;
            }
            IOResult<Void> r = overflow.resume(pager);
            if (r.isDone()) {
                op = Op.NONE;
                payloadSegment = overflow.segment();
                payloadOffset = 0;
                payloadLoaded = true;
            }
            return r;
        } catch (IOException | RuntimeException e) {
            reset();
            throw corruptIfOutOfBounds(e);
        }
    }

    /** The memory holding the loaded payload (see {@link #loadPayload()}); valid until the cursor moves. */
    public MemorySegment payloadSegment() {
        checkPayload();
        return payloadSegment;
    }

    /** Where in {@link #payloadSegment()} the payload starts. */
    public long payloadOffset() {
        checkPayload();
        return payloadOffset;
    }

    private void checkPayload() {
        if (!payloadLoaded) {
            throw new IllegalStateException("payload not loaded");
        }
    }

    /** Loads the payload and parses it as a record; the reader is valid until the cursor moves. Resumable. */
    public IOResult<RecordReader> record() throws IOException {
        IOResult<Void> r = loadPayload();
        if (r instanceof IOResult.Pending<Void>(Completion c)) {
            return c.pending();
        }
        record.parse(payloadSegment, payloadOffset, cell.payloadSize);
        return recordDone;
    }

    // ---------------------------------------------------------------- saved positions

    /** Whether the tree changed under the cursor: {@link #next()} and {@link #prev()} re-seek past its old entry. */
    public boolean requiresSeek() {
        return requiresSeek;
    }

    /**
     * Remembers the current entry's key and releases the pages, so that the tree may change; {@link #next()} and
     * {@link #prev()} then continue from the key. Resumable (an index key may span overflow pages).
     */
    IOResult<Void> savePosition() throws IOException {
        if (!valid) {
            releaseAll();
            return IOResult.done();
        }
        if (isTable()) {
            savedRowid = rowid();
        } else {
            IOResult<Void> r = loadPayload();
            if (r instanceof IOResult.Pending<Void>(Completion c)) {
                return c.pending();
            }
            rememberKey(payloadSegment, payloadOffset, cell.payloadSize);
        }
        releaseAll();
        requiresSeek = true;
        return IOResult.done();
    }

    /** Marks the cursor as positioned at table key {@code rowid}, to be re-seeked by next/prev. */
    void rememberRowid(long rowid) {
        releaseAll();
        savedRowid = rowid;
        requiresSeek = true;
    }

    /** Marks the cursor as positioned at index key {@code record}, to be re-seeked by next/prev. */
    void rememberKey(MemorySegment record, long offset, int length) throws CorruptDatabaseException {
        if (savedKey.length < length) {
            savedKey = new byte[Math.max(length, savedKey.length * 2)];
        }
        MemorySegment.copy(record, java.lang.foreign.ValueLayout.JAVA_BYTE, offset, savedKey, 0, length);
        savedReader.parse(MemorySegment.ofArray(savedKey), 0, length);
        savedSearch.setFromRecord(savedReader);
        releaseAll();
        requiresSeek = true;
    }

    // ---------------------------------------------------------------- writes

    /**
     * Inserts (or replaces) row {@code rowid} of a table tree with {@code length} payload bytes at {@code offset} of
     * {@code payload}, which must stay unchanged until the call is done. Needs a write transaction. Resumable;
     * afterwards the cursor is saved at the new row (next/prev continue from it).
     */
    public IOResult<Void> insert(long rowid, MemorySegment payload, long offset, int length) throws IOException {
        if (!isTable()) {
            throw new IllegalStateException("rowid insert on an index cursor");
        }
        return insertAny(rowid, payload, offset, length);
    }

    /** Inserts (or replaces an equal) index record: the key is the record itself. See the table variant. */
    public IOResult<Void> insert(MemorySegment record, long offset, int length) throws IOException {
        if (isTable()) {
            throw new IllegalStateException("key insert on a table cursor");
        }
        return insertAny(0, record, offset, length);
    }

    private IOResult<Void> insertAny(long rowid, MemorySegment payload, long offset, int length) throws IOException {
        if (deleter != null && deleter.busy()) {
            throw new IllegalStateException("cursor is busy with a delete");
        }
        if (inserter == null) {
            inserter = new TreeInsert(this);
        }
        return inserter.run(rowid, payload, offset, length);
    }

    /**
     * Deletes the entry the cursor is on. Needs a write transaction. Resumable; afterwards the cursor is saved at the
     * deleted key, so {@link #next()} moves to the entry after it and {@link #prev()} to the one before.
     */
    public IOResult<Void> delete() throws IOException {
        if (inserter != null && inserter.busy()) {
            throw new IllegalStateException("cursor is busy with an insert");
        }
        if (deleter == null) {
            deleter = new TreeDelete(this);
        }
        return deleter.run();
    }

    /** Parses the current cell into {@code out} (for writers). */
    void currentCellInto(CellInfo out) throws CorruptDatabaseException {
        out.copyFrom(currentCell());
    }

    /** Releases every pinned page. The cursor may be positioned again afterwards. */
    @Override
    public void close() {
        reset();
        requiresSeek = false;
        tree.unregister(this);
    }

    @Override
    public String toString() {
        return "BTreeCursor[root=" + rootPage + (isTable() ? " table" : " index") + ", depth=" + depth
                + (valid ? ", at " + idx[depth] : ", invalid") + "]";
    }
}
