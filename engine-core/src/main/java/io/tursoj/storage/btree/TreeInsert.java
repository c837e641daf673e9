package io.tursoj.storage.btree;

import io.tursoj.io.Completion;
import io.tursoj.io.IOResult;
import io.tursoj.storage.format.BigEndian;
import io.tursoj.storage.format.CellFormat;
import io.tursoj.storage.format.CellInfo;
import io.tursoj.storage.format.RecordReader;
import io.tursoj.storage.format.Varint;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * Inserts one entry through a cursor (SQLite's sqlite3BtreeInsert): save the other cursors, find the slot, free the
 * old entry's overflow chain when replacing, spill the new payload to overflow pages, place the cell, balance.
 *
 * <pre>
 *   IDLE -> SAVE_OTHERS -> SEEK -+-> FREE_OLD -+-> BUILD -> BALANCE -> IDLE
 *                                +------------+
 * </pre>
 *
 * <p>Invariants: the tree is changed only in BUILD's last step and in BALANCE, after every read this insert needs
 * (other than the balance's own); the same arguments are passed on every call until the insert is done.
 */
final class TreeInsert {
    /** Progress of one insert. */
    private enum State {
        IDLE,
        SAVE_OTHERS,
        SEEK,
        FREE_OLD,
        BUILD,
        BALANCE
    }

    private final BTreeCursor cur;
    private final BTree tree;
    private final OverflowChain chain;
    private final CellInfo old = new CellInfo();
    private final SearchKey key = new SearchKey();
    private final RecordReader keyReader = new RecordReader();
    private final MemorySegment cellBuffer;
    private State state = State.IDLE;
    private boolean exact;

    TreeInsert(BTreeCursor cur) {
        this.cur = cur;
        this.tree = cur.tree;
        this.chain = new OverflowChain(tree.pager(), tree.rules());
        this.cellBuffer = MemorySegment.ofArray(new byte[tree.rules().usableSize() + 32]);
    }

    boolean busy() {
        return state != State.IDLE;
    }

    IOResult<Void> run(long rowid, MemorySegment payload, long offset, int length) throws IOException {
        try {
            return step(rowid, payload, offset, length);
        } catch (IOException | RuntimeException e) {
            state = State.IDLE;
            chain.reset();
            tree.balancer().abandon();
            cur.reset();
            throw e;
        }
    }

    private IOResult<Void> step(long rowid, MemorySegment payload, long offset, int length) throws IOException {
        while (true) {
            switch (state) {
                case IDLE -> {
                    if (!tree.pager().inWriteTransaction()) {
                        throw new IllegalStateException("insert needs a write transaction");
                    }
                    if (length < 0) {
                        throw new IllegalArgumentException("negative payload length");
                    }
                    if (!cur.isTable()) {
                        keyReader.parse(payload, offset, length);
                        key.setFromRecord(keyReader);
                    }
                    state = State.SAVE_OTHERS;
                }
                case SAVE_OTHERS -> {
                    IOResult<Void> r = tree.saveCursors(cur.rootPage, cur);
                    if (r instanceof IOResult.Pending<Void>(Completion c)) {
                        return c.pending();
                    }
                    state = State.SEEK;
                }
                case SEEK -> {
                    IOResult<Boolean> r = cur.seekForWrite(rowid, key);
                    if (r instanceof IOResult.Pending<Boolean>(Completion c)) {
                        return c.pending();
                    }
                    exact = r.value();
                    if (exact) {
                        cur.currentCellInto(old);
                        chain.startFree(old, cur.top().type, cur.top().pageNumber);
                        state = State.FREE_OLD;
                    } else {
                        state = State.BUILD;
                    }
                }
                case FREE_OLD -> {
                    IOResult<Void> r = chain.free();
                    if (r instanceof IOResult.Pending<Void>(Completion c)) {
                        return c.pending();
                    }
                    state = State.BUILD;
                }
                case BUILD -> {
                    IOResult<Void> r = build(rowid, payload, offset, length);
                    if (r instanceof IOResult.Pending<Void>(Completion c)) {
                        return c.pending();
                    }
                }
                case BALANCE -> {
                    if (tree.balancer().inProgress() || !cur.top().overflow.isEmpty()) {
                        IOResult<Void> r = tree.balancer().run(cur);
                        if (r instanceof IOResult.Pending<Void>(Completion c)) {
                            return c.pending();
                        }
                    }
                    state = State.IDLE;
                    if (cur.isTable()) {
                        cur.rememberRowid(rowid);
                    } else {
                        cur.rememberKey(payload, offset, length);
                    }
                    return IOResult.done();
                }
            }
        }
    }

    /** Spills the payload's tail to overflow pages, then builds and places the cell. Resumable. */
    private IOResult<Void> build(long rowid, MemorySegment payload, long offset, int length) throws IOException {
        Node n = cur.top();
        int local = tree.rules().localSize(length, n.type);
        IOResult<Void> r = chain.write(payload, offset, length, local);
        if (r instanceof IOResult.Pending<Void>(Completion c)) {
            return c.pending();
        }
        int size = buildCell(n, rowid, payload, offset, length, local, chain.takeFirstPage());
        place(n, size);
        state = State.BALANCE;
        return IOResult.done();
    }

    /** Writes the new cell into {@link #cellBuffer}; returns its on-page size (at least 4). */
    private int buildCell(
            Node n, long rowid, MemorySegment payload, long offset, int length, int local, int firstOverflow) {
        MemorySegment b = cellBuffer;
        int at = 0;
        if (!n.isLeaf()) {
            BigEndian.putU32(b, 0, old.leftChild); // replacing an index entry in place keeps its child
            at = CellFormat.CHILD_POINTER_SIZE;
        }
        at += Varint.write(b, at, length);
        if (n.isTable()) {
            at += Varint.write(b, at, rowid);
        }
        MemorySegment.copy(payload, offset, b, at, local);
        at += local;
        if (local < length) {
            BigEndian.putU32(b, at, firstOverflow);
            at += CellFormat.CHILD_POINTER_SIZE;
        }
        while (at < CellFormat.MIN_CELL_SIZE) {
            BigEndian.putU8(b, at++, 0);
        }
        return at;
    }

    private void place(Node n, int size) throws IOException {
        tree.pager().markDirty(n.page);
        int index = cur.idx[cur.depth];
        if (exact) {
            NodeEditor.dropCell(n, index, old.cellSize);
        }
        NodeEditor.insertCell(n, index, cellBuffer, 0, size);
    }
}
