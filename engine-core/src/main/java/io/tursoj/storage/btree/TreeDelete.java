package io.tursoj.storage.btree;

import io.tursoj.io.Completion;
import io.tursoj.io.IOResult;
import io.tursoj.storage.CorruptDatabaseException;
import io.tursoj.storage.format.BigEndian;
import io.tursoj.storage.format.CellFormat;
import io.tursoj.storage.format.CellInfo;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Deletes the entry under a cursor (SQLite's sqlite3BtreeDelete). A leaf entry is simply dropped. An index entry
 * on an interior page is replaced by its predecessor, the last entry of the leaf at the bottom of its left subtree,
 * which then leaves that leaf. The entry's overflow chain is freed, and the leaf, then the interior page, are
 * balanced.
 *
 * <pre>
 *   IDLE -> SAVE_OTHERS -> SAVE_SELF -+-> FIND_PREDECESSOR -+-> FREE_OVERFLOW -> BALANCE_LEAF -> BALANCE_INTERIOR
 *                                     +---------------------+
 * </pre>
 *
 * <p>Invariants: the tree changes only at the end of FREE_OVERFLOW and in the balances; afterwards the cursor is
 * saved at the deleted key.
 */
final class TreeDelete {
    /** Progress of one delete. */
    private enum State {
        IDLE,
        SAVE_OTHERS,
        SAVE_SELF,
        FIND_PREDECESSOR,
        FREE_OVERFLOW,
        BALANCE_LEAF,
        BALANCE_INTERIOR
    }

    private final BTreeCursor cur;
    private final BTree tree;
    private final OverflowChain chain;
    private final CellInfo deleted = new CellInfo();
    private final CellInfo predecessor = new CellInfo();
    private final MemorySegment cellBuffer;
    private byte[] key = new byte[64];
    private int keyLength;
    private long rowid;
    private int cellDepth;
    private int cellIndex;
    private State state = State.IDLE;

    TreeDelete(BTreeCursor cur) {
        this.cur = cur;
        this.tree = cur.tree;
        this.chain = new OverflowChain(tree.pager(), tree.rules());
        this.cellBuffer = MemorySegment.ofArray(new byte[tree.rules().usableSize() + 32]);
    }

    boolean busy() {
        return state != State.IDLE;
    }

    IOResult<Void> run() throws IOException {
        try {
            return step();
        } catch (IOException | RuntimeException e) {
            state = State.IDLE;
            chain.reset();
            tree.balancer().abandon();
            cur.reset();
            throw e;
        }
    }

    private IOResult<Void> step() throws IOException {
        while (true) {
            switch (state) {
                case IDLE -> {
                    if (!tree.pager().inWriteTransaction()) {
                        throw new IllegalStateException("delete needs a write transaction");
                    }
                    if (!cur.isValid()) {
                        throw new IllegalStateException("delete needs a cursor on an entry");
                    }
                    state = State.SAVE_OTHERS;
                }
                case SAVE_OTHERS -> {
                    IOResult<Void> r = tree.saveCursors(cur.rootPage, cur);
                    if (r instanceof IOResult.Pending<Void>(Completion c)) {
                        return c.pending();
                    }
                    state = State.SAVE_SELF;
                }
                case SAVE_SELF -> {
                    IOResult<Void> r = saveSelf();
                    if (r instanceof IOResult.Pending<Void>(Completion c)) {
                        return c.pending();
                    }
                }
                case FIND_PREDECESSOR -> {
                    IOResult<Boolean> r = cur.prev();
                    if (r instanceof IOResult.Pending<Boolean>(Completion c)) {
                        return c.pending();
                    }
                    if (!r.value() || cur.depth <= cellDepth) {
                        throw CorruptDatabaseException.onPage(
                                cur.nodes[cellDepth].pageNumber, "interior entry without a left subtree");
                    }
                    state = State.FREE_OVERFLOW;
                }
                case FREE_OVERFLOW -> {
                    IOResult<Void> r = chain.free();
                    if (r instanceof IOResult.Pending<Void>(Completion c)) {
                        return c.pending();
                    }
                    remove();
                    state = State.BALANCE_LEAF;
                }
                case BALANCE_LEAF -> {
                    IOResult<Void> r = balanceLeaf();
                    if (r instanceof IOResult.Pending<Void>(Completion c)) {
                        return c.pending();
                    }
                }
                case BALANCE_INTERIOR -> {
                    if (tree.balancer().inProgress() || cur.depth == cellDepth) {
                        IOResult<Void> r = tree.balancer().run(cur);
                        if (r instanceof IOResult.Pending<Void>(Completion c)) {
                            return c.pending();
                        }
                    }
                    state = State.IDLE;
                    if (cur.isTable()) {
                        cur.rememberRowid(rowid);
                    } else {
                        cur.rememberKey(MemorySegment.ofArray(key), 0, keyLength);
                    }
                    return IOResult.done();
                }
            }
        }
    }

    /** Remembers the entry's key and where it is, then picks the next state. Resumable. */
    private IOResult<Void> saveSelf() throws IOException {
        if (cur.isTable()) {
            rowid = cur.rowid();
        } else {
            IOResult<Void> r = cur.loadPayload();
            if (r instanceof IOResult.Pending<Void>(Completion c)) {
                return c.pending();
            }
            copyKey();
        }
        cellDepth = cur.depth;
        cellIndex = cur.idx[cur.depth];
        cur.currentCellInto(deleted);
        state = cur.top().isLeaf() ? State.FREE_OVERFLOW : State.FIND_PREDECESSOR;
        chain.startFree(deleted, cur.top().type, cur.top().pageNumber);
        return IOResult.done();
    }

    /** Balances the leaf the entry left (if it needs it), then returns to the entry's own page. Resumable. */
    private IOResult<Void> balanceLeaf() throws IOException {
        Node leaf = cur.top();
        if (tree.balancer().inProgress()
                || !leaf.overflow.isEmpty()
                || (cur.depth > 0 && tree.balancer().needsBalance(leaf))) {
            IOResult<Void> r = tree.balancer().run(cur);
            if (r instanceof IOResult.Pending<Void>(Completion c)) {
                return c.pending();
            }
        }
        if (cur.depth > cellDepth) {
            cur.popTo(cellDepth);
        }
        state = State.BALANCE_INTERIOR;
        return IOResult.done();
    }

    /** Copies the loaded key of the entry being deleted. */
    private void copyKey() throws IOException {
        keyLength = cur.payloadSize();
        if (key.length < keyLength) {
            key = new byte[Math.max(keyLength, key.length * 2)];
        }
        MemorySegment.copy(cur.payloadSegment(), ValueLayout.JAVA_BYTE, cur.payloadOffset(), key, 0, keyLength);
    }

    /** Takes the entry off its page, moving the predecessor up when it was on an interior page. */
    private void remove() throws CorruptDatabaseException {
        Node leaf = cur.top();
        tree.pager().markDirty(leaf.page);
        if (cur.depth == cellDepth) {
            NodeEditor.dropCell(leaf, cellIndex, deleted.cellSize);
            return;
        }
        Node interior = cur.nodes[cellDepth];
        tree.pager().markDirty(interior.page);
        int last = leaf.cellCount() - 1;
        leaf.parseCell(last, predecessor);
        int actual = predecessor.payloadOffset
                - predecessor.offset
                + predecessor.localSize
                + (predecessor.overflows() ? CellFormat.CHILD_POINTER_SIZE : 0);
        BigEndian.putU32(cellBuffer, 0, deleted.leftChild);
        MemorySegment.copy(leaf.data, predecessor.offset, cellBuffer, CellFormat.CHILD_POINTER_SIZE, actual);
        NodeEditor.dropCell(interior, cellIndex, deleted.cellSize);
        NodeEditor.insertCell(interior, cellIndex, cellBuffer, 0, CellFormat.CHILD_POINTER_SIZE + actual);
        NodeEditor.dropCell(leaf, last, predecessor.cellSize);
    }
}
