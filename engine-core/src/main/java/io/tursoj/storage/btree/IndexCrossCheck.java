package io.tursoj.storage.btree;

import io.tursoj.io.Completion;
import io.tursoj.io.IOResult;
import io.tursoj.storage.format.RecordReader;
import io.tursoj.storage.format.SerialType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The index half of {@code PRAGMA integrity_check}: checks that a table and its indexes hold the same rows, as
 * SQLite's integrity_check does after its page walk. For every row of the table, in rowid order, and every index,
 * in the order given, the index must hold the row's key (its indexed columns, then the rowid); a missing one is
 * reported as {@code "row R missing from index I"}. Afterwards each index must hold exactly as many entries as the
 * table has rows, else {@code "wrong # of entries in index I"}. Those are SQLite's texts, in SQLite's order.
 *
 * <p>The caller describes each index with {@link IndexSpec}: its root page, the table's column positions in key
 * order ({@link #ROWID} for the rowid alias, an {@code INTEGER PRIMARY KEY}, whose record field is NULL), and the
 * {@link KeyInfo} (collations, sort orders) the index was built with. A record shorter than the table (columns added
 * by ALTER TABLE) reads the missing columns as NULL. Partial indexes (CREATE INDEX ... WHERE) and expression indexes
 * are not described by this API; leave them out.
 *
 * <p>Resumable: {@link #run()} returns {@code Pending} while a page read is in flight and continues where it stopped
 * when called again. At most {@link IntegrityChecker#MAX_ERRORS} messages are collected. Cursors are closed when the
 * check ends, and by {@link #close()} when it is abandoned.
 */
public final class IndexCrossCheck implements AutoCloseable {
    /** Column position meaning "the rowid" (the table's INTEGER PRIMARY KEY column). */
    public static final int ROWID = -1;

    /**
     * One index of the table.
     *
     * @param name the index's name, as the messages print it
     * @param rootPage its b-tree's root page
     * @param columns for each key column in order, the table column it holds, or {@link #ROWID}
     * @param keyInfo its collations and sort orders (one entry per key column plus one for the rowid)
     */
    public record IndexSpec(String name, int rootPage, int[] columns, KeyInfo keyInfo) {
        public IndexSpec {
            columns = columns.clone();
        }
    }

    private enum State {
        FIRST_ROW,
        READ_ROW,
        SEEK_INDEX,
        NEXT_ROW,
        COUNT_FIRST,
        COUNT_NEXT,
        DONE
    }

    private final List<IndexSpec> indexes;
    private final BTreeCursor table;
    private final BTreeCursor[] cursors;
    private final long[] entries;
    private final SearchKey key = new SearchKey();
    private final List<String> errors = new ArrayList<>();
    private State state = State.FIRST_ROW;
    private RecordReader row;
    private long rowid;
    private long rows;
    private int index;
    private boolean closed;

    public IndexCrossCheck(BTree tree, int tableRoot, List<IndexSpec> indexes) {
        this.indexes = List.copyOf(indexes);
        this.table = tree.openTableCursor(tableRoot);
        this.cursors = new BTreeCursor[this.indexes.size()];
        for (int i = 0; i < cursors.length; i++) {
            IndexSpec spec = this.indexes.get(i);
            cursors[i] = tree.openIndexCursor(spec.rootPage(), spec.keyInfo());
        }
        this.entries = new long[cursors.length];
    }

    /** Runs (or resumes) the check; done with SQLite's messages, empty when table and indexes agree. */
    public IOResult<List<String>> run() throws IOException {
        try {
            Completion waiting = advance();
            if (waiting != null) {
                return waiting.pending();
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
        close();
        return IOResult.done(List.copyOf(errors));
    }

    /** Moves the state machine until it finishes (null) or waits for a read (its completion). */
    private Completion advance() throws IOException {
        while (true) {
            switch (state) {
                case FIRST_ROW, NEXT_ROW -> {
                    IOResult<Boolean> r = state == State.FIRST_ROW ? table.first() : table.next();
                    if (r instanceof IOResult.Pending<Boolean>(Completion c)) {
                        return c;
                    }
                    state = r.value() && !full() ? State.READ_ROW : State.COUNT_FIRST;
                    index = 0;
                }
                case READ_ROW -> {
                    IOResult<RecordReader> r = table.record();
                    if (r instanceof IOResult.Pending<RecordReader>(Completion c)) {
                        return c;
                    }
                    row = r.value();
                    rowid = table.rowid();
                    rows++;
                    index = 0;
                    state = cursors.length == 0 ? State.NEXT_ROW : State.SEEK_INDEX;
                    buildKey();
                }
                case SEEK_INDEX -> {
                    IOResult<Boolean> r = cursors[index].seek(key, SeekOp.EQ);
                    if (r instanceof IOResult.Pending<Boolean>(Completion c)) {
                        return c;
                    }
                    if (!r.value()) {
                        report("row " + rows + " missing from index "
                                + indexes.get(index).name());
                    }
                    if (++index < cursors.length && !full()) {
                        buildKey();
                    } else {
                        state = State.NEXT_ROW;
                    }
                }
                case COUNT_FIRST, COUNT_NEXT -> {
                    if (index == cursors.length) {
                        state = State.DONE;
                        continue;
                    }
                    BTreeCursor c = cursors[index];
                    IOResult<Boolean> r = state == State.COUNT_FIRST ? c.first() : c.next();
                    if (r instanceof IOResult.Pending<Boolean>(Completion w)) {
                        return w;
                    }
                    if (r.value()) {
                        entries[index]++;
                        state = State.COUNT_NEXT;
                    } else {
                        if (entries[index] != rows && !full()) {
                            report("wrong # of entries in index "
                                    + indexes.get(index).name());
                        }
                        index++;
                        state = State.COUNT_FIRST;
                    }
                }
                case DONE -> {
                    return null;
                }
            }
        }
    }

    /**
     * The key the current row should have in index {@link #index}: its columns, then the rowid. SQLite numbers rows
     * from 1 in scan order in its message (not by rowid), and so does this check.
     */
    private void buildKey() {
        key.clear();
        for (int column : indexes.get(index).columns()) {
            if (column == ROWID) {
                key.addLong(rowid);
            } else if (column >= row.columnCount()) {
                key.addNull();
            } else {
                addField(column);
            }
        }
        key.addLong(rowid);
    }

    private void addField(int column) {
        long type = row.serialType(column);
        if (type == SerialType.NULL) {
            key.addNull();
        } else if (type == SerialType.FLOAT64) {
            key.addDouble(row.doubleValue(column));
        } else if (SerialType.isInteger(type)) {
            key.addLong(row.longValue(column));
        } else if (SerialType.isText(type)) {
            key.addText(row.segment(), row.bodyOffset(column), row.bodySize(column));
        } else {
            key.addBlob(row.segment(), row.bodyOffset(column), row.bodySize(column));
        }
    }

    private boolean full() {
        return errors.size() >= IntegrityChecker.MAX_ERRORS;
    }

    private void report(String message) {
        if (!full()) {
            errors.add(message);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        table.close();
        for (BTreeCursor c : cursors) {
            c.close();
        }
    }
}
