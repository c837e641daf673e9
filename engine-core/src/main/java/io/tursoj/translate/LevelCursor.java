package io.tursoj.translate;

import io.tursoj.schema.Index;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.ProgramBuilder;
import io.tursoj.vdbe.value.Affinity;

/**
 * The code that walks one level's {@link AccessPath}: {@link #begin} positions the cursor on the first candidate row
 * (or jumps to {@code exit}) and opens the loop, testing the end of the range on every pass; {@link #advance} steps
 * to the next candidate. Seek keys get the index column's affinity first, as the comparison would give them, and a
 * NULL key ends the loop at once (no comparison with NULL is true).
 */
final class LevelCursor {
    private final ProgramBuilder b;
    private final ExprCompiler ex;
    private final int table;
    private final int index;
    private final AccessPath path;
    private final boolean reverse;
    private int top = -1;

    LevelCursor(ProgramBuilder b, ExprCompiler ex, int table, int index, AccessPath path, boolean reverse) {
        this.reverse = reverse;
        this.b = b;
        this.ex = ex;
        this.table = table;
        this.index = index;
        this.path = path;
    }

    /** Emits the positioning and the loop head; {@code skip} is where a rejected candidate continues. */
    void begin(int exit, int skip) {
        switch (path) {
            case AccessPath.FullScan f -> {
                b.emit(reverse ? Opcode.Last : Opcode.Rewind, table, exit);
                top = b.currentAddress();
            }
            case AccessPath.RowidEq eq -> {
                int key = ex.fresh(eq.key());
                b.emit(Opcode.SeekRowid, table, exit, key);
            }
            case AccessPath.RowidRange r -> rowidRange(r, exit);
            case AccessPath.IndexSeek s -> indexSeek(s, exit, skip);
        }
    }

    void advance() {
        if (top < 0) {
            return;
        }
        b.emit(reverse ? Opcode.Prev : Opcode.Next, path instanceof AccessPath.IndexSeek ? index : table, top);
    }

    private void rowidRange(AccessPath.RowidRange r, int exit) {
        if (reverse) {
            // backwards from the end: the upper bound only filters (a text bound has no rowid to seek to), and
            // rowid >= x holds for a prefix of the descending order, so the first row where it fails ends the scan
            b.emit(Opcode.Last, table, exit);
            top = b.currentAddress();
            if (r.lower() != null) {
                ex.jumpIfNot(r.lower().term(), exit);
            }
            return;
        }
        if (r.lower() != null) {
            int key = b.newRegister();
            ex.expr(r.lower().value(), key);
            b.emit(Opcode.Affinity, key, 1, 0, String.valueOf(Affinity.NUMERIC.code()), 0);
            b.emit(r.lower().inclusive() ? Opcode.SeekGE : Opcode.SeekGT, table, exit, key);
        } else {
            b.emit(Opcode.Rewind, table, exit);
        }
        top = b.currentAddress();
        if (r.upper() != null) {
            // rowid <= x is true for a prefix of the rowid order, so the first row where it fails ends the scan
            ex.jumpIfNot(r.upper().term(), exit);
        }
    }

    private void indexSeek(AccessPath.IndexSeek s, int exit, int skip) {
        Index idx = s.index();
        int n = s.equal().size();
        boolean rangeDesc = n < idx.columns().size() && idx.descending().get(n);
        // in index order the range runs from "first" to "last"; walking backwards swaps them
        AccessPath.Bound first = rangeDesc ? s.upper() : s.lower();
        AccessPath.Bound last = rangeDesc ? s.lower() : s.upper();
        AccessPath.Bound start = reverse ? last : first;
        AccessPath.Bound end = reverse ? first : last;
        int key = b.newRegisters(n + 1);
        for (int i = 0; i < n; i++) {
            ex.expr(s.equal().get(i).value(), key + i);
            b.emit(Opcode.IsNull, key + i, exit);
            convert(s.equal().get(i).affinity(), key + i);
        }
        int endKey = 0;
        if (end != null) {
            endKey = b.newRegisters(n + 1);
            if (n > 0) {
                b.emit(Opcode.Copy, key, endKey, n - 1);
            }
            ex.expr(end.value(), endKey + n);
            b.emit(Opcode.IsNull, endKey + n, exit);
            convert(end.affinity(), endKey + n);
        }
        if (start != null) {
            ex.expr(start.value(), key + n);
            b.emit(Opcode.IsNull, key + n, exit);
            convert(start.affinity(), key + n);
            Opcode seek = reverse
                    ? (start.inclusive() ? Opcode.SeekLE : Opcode.SeekLT)
                    : (start.inclusive() ? Opcode.SeekGE : Opcode.SeekGT);
            b.emit(seek, index, exit, key, n + 1, 0);
        } else if (end != null && !rangeDesc && !reverse) {
            // skip the NULLs that sort first: no range comparison is true for them
            b.emit(Opcode.Null, 0, key + n);
            b.emit(Opcode.SeekGT, index, exit, key, n + 1, 0);
        } else if (n > 0) {
            b.emit(reverse ? Opcode.SeekLE : Opcode.SeekGE, index, exit, key, n, 0);
        } else {
            b.emit(reverse ? Opcode.Last : Opcode.Rewind, index, exit);
        }
        top = b.currentAddress();
        if (end != null) {
            Opcode test = reverse
                    ? (end.inclusive() ? Opcode.IdxLT : Opcode.IdxLE)
                    : (end.inclusive() ? Opcode.IdxGT : Opcode.IdxGE);
            b.emit(test, index, exit, endKey, n + 1, 0);
        } else if (n > 0) {
            b.emit(reverse ? Opcode.IdxLT : Opcode.IdxGT, index, exit, key, n, 0);
        }
        if (!s.covering()) {
            int rowid = b.newRegister();
            b.emit(Opcode.IdxRowid, index, rowid);
            b.emit(Opcode.NotExists, table, skip, rowid);
        }
    }

    /** Gives a key the affinity the comparison would give it (TEXT or NUMERIC; NONE leaves it as it is). */
    private void convert(Affinity aff, int reg) {
        if (aff != Affinity.NONE) {
            b.emit(Opcode.Affinity, reg, 1, 0, String.valueOf(aff.code()), 0);
        }
    }
}
