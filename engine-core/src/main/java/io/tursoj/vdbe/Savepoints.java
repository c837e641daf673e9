package io.tursoj.vdbe;

import io.tursoj.api.ErrorCode;
import io.tursoj.api.TursoException;
import io.tursoj.storage.Pager;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A connection's stack of SQL savepoints ({@code SAVEPOINT}, {@code RELEASE}, {@code ROLLBACK TO}) with SQLite's
 * rules: names match case-insensitively, newest first; a savepoint opened outside a transaction begins one, and
 * releasing that outermost savepoint commits it; rolling back to a savepoint keeps it (and the transaction) open.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Every savepoint maps to a pager savepoint level, or to 0 while the transaction has written nothing (its
 *       write transaction has not begun). {@link #bindLevels} gives the level-0 savepoints one level when the write
 *       transaction begins, before anything changes.
 *   <li>Levels never decrease from the bottom of the stack to its top.
 *   <li>The stack is empty whenever the connection is in autocommit mode.
 * </ol>
 */
public final class Savepoints {
    /** p1 of the {@code Savepoint} opcode. */
    public static final int BEGIN = 0;

    public static final int RELEASE = 1;
    public static final int ROLLBACK = 2;

    private static final class Entry {
        final String name;
        final boolean startedTransaction;
        int level;

        Entry(String name, boolean startedTransaction, int level) {
            this.name = name;
            this.startedTransaction = startedTransaction;
            this.level = level;
        }
    }

    private final List<Entry> stack = new ArrayList<>();

    public boolean isEmpty() {
        return stack.isEmpty();
    }

    /** Forgets every savepoint (the transaction ended). */
    public void clear() {
        stack.clear();
    }

    /** Gives the savepoints that have no pager level yet one shared level (invariant 1). */
    void bindLevels(Pager pager) {
        int level = 0;
        for (Entry e : stack) {
            if (e.level == 0) {
                if (level == 0) {
                    level = pager.openSavepoint();
                }
                e.level = level;
            }
        }
    }

    /**
     * Runs one savepoint statement. Returns true when the transaction must now commit (the release of the savepoint
     * that began it); the caller commits and turns autocommit back on.
     */
    boolean apply(int op, String name, VdbeHost host) {
        Pager pager = host.pager();
        if (op == BEGIN) {
            boolean starts = host.autocommit();
            if (starts) {
                host.setAutocommit(false);
            }
            int level = pager.inWriteTransaction() ? pager.openSavepoint() : 0;
            stack.add(new Entry(name, starts, level));
            return false;
        }
        int at = find(name);
        if (at < 0) {
            throw new TursoException(ErrorCode.ERROR, "no such savepoint: " + name);
        }
        Entry target = stack.get(at);
        if (op == RELEASE) {
            if (at == 0 && target.startedTransaction) {
                stack.clear();
                return true;
            }
            while (stack.size() > at) {
                stack.removeLast();
            }
            if (pager.inWriteTransaction()) {
                int keep = stack.isEmpty() ? 0 : stack.getLast().level;
                pager.releaseSavepoint(keep + 1);
            }
            return false;
        }
        while (stack.size() > at + 1) {
            stack.removeLast();
        }
        if (target.level > 0 && pager.inWriteTransaction()) {
            pager.rollbackToSavepoint(target.level);
            host.schemaChanged();
        }
        return false;
    }

    private int find(String name) {
        for (int i = stack.size() - 1; i >= 0; i--) {
            if (stack.get(i).name.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }
}
