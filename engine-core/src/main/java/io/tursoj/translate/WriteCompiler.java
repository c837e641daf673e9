package io.tursoj.translate;

import io.tursoj.api.ErrorCode;
import io.tursoj.schema.CheckConstraint;
import io.tursoj.schema.Column;
import io.tursoj.schema.Index;
import io.tursoj.schema.Table;
import io.tursoj.translate.parser.ast.ConflictResolution;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.SelectCore;
import io.tursoj.translate.parser.ast.SetClause;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.ProgramBuilder;
import io.tursoj.vdbe.Specs;
import io.tursoj.vdbe.Vdbe;
import io.tursoj.vdbe.value.Collation;
import io.tursoj.vdbe.value.Collations;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Compiles INSERT, UPDATE and DELETE on rowid tables: rows are written with their column affinities, NOT NULL and
 * UNIQUE are checked with SQLite's messages (ABORT, IGNORE and REPLACE resolutions), and every index is kept in step.
 * UPDATE and DELETE first collect the rowids to change, so that changing the table never disturbs the scan.
 */
final class WriteCompiler {
    private final Compiler compiler;
    private final ProgramBuilder b;
    private final String sql;
    private Table table;
    private int cursor;
    private int[] indexCursors;
    private Returning returning;

    WriteCompiler(Compiler compiler, String sql) {
        this.compiler = compiler;
        this.b = compiler.builder();
        this.sql = sql;
        compiler.markWrite();
    }

    private void open(String name) {
        table = compiler.schema().table(name);
        if (table == null) {
            throw Errors.noSuchTable(name);
        }
        if (table.rootPage() == 1) {
            throw Errors.error("table " + table.name() + " may not be modified");
        }
        cursor = b.newCursor();
        b.emitComment(
                b.emit(
                        Opcode.OpenWrite,
                        cursor,
                        table.rootPage(),
                        0,
                        table.columns().size(),
                        0),
                table.name());
        indexCursors = new int[table.indexes().size()];
        for (int i = 0; i < indexCursors.length; i++) {
            Index idx = table.indexes().get(i);
            indexCursors[i] = b.newCursor();
            b.emitComment(b.emit(Opcode.OpenWrite, indexCursors[i], idx.rootPage(), 0, keys(idx), 0), idx.name());
        }
    }

    static Specs.Keys keys(Index idx) {
        List<Collation> colls = new ArrayList<>();
        List<String> names = new ArrayList<>();
        boolean[] desc = new boolean[idx.columns().size()];
        for (int i = 0; i < idx.columns().size(); i++) {
            String c = idx.collations().get(i);
            String name = c == null ? "BINARY" : c.toUpperCase(Locale.ROOT);
            Collation coll = Collations.builtIn(name);
            colls.add(coll == null ? Collations.BINARY : coll);
            names.add(name);
            desc[i] = idx.descending().get(i);
        }
        return new Specs.Keys(colls, names, desc);
    }

    // ---------------------------------------------------------------- INSERT

    void insert(Stmt.Insert ins) {
        if (ins.with() != null || !ins.upserts().isEmpty()) {
            throw Errors.unsupported("WITH and UPSERT in INSERT");
        }
        open(ins.table().name().text());
        returning = new Returning(compiler, table, sql, ins.returning());
        returning.open();
        insertRows(ins);
        returning.emitRows();
    }

    private void insertRows(Stmt.Insert ins) {
        ConflictResolution onError = ins.orConflict() == null ? ConflictResolution.ABORT : ins.orConflict();
        int n = table.columns().size();
        int[] targets = targets(ins.columns());
        int rowid = b.newRegister();
        int values = b.newRegisters(n);
        Select select = ins.select();
        Scope empty = new Scope();
        ExprCompiler ex = new ExprCompiler(b, empty, compiler.functions());
        SubqueryCompiler.attach(compiler, sql, ex);
        if (select == null) { // DEFAULT VALUES: every column takes its default
            insertRow(ex, List.of(), new int[0], rowid, values, onError, -1);
            return;
        }
        if (select.first() instanceof SelectCore.Values v
                && select.compounds().isEmpty()
                && select.orderBy().isEmpty()
                && select.limit() == null
                && select.with() == null) {
            for (List<Expr> row : v.rows()) {
                checkCount(row.size(), targets.length, ins.columns().isEmpty());
                insertRow(ex, row, targets, rowid, values, onError, -1);
            }
            return;
        }
        // INSERT ... SELECT: the rows are buffered first, so a SELECT over the same table sees none of the new rows.
        int buffer = b.newCursor();
        b.emit(Opcode.SorterOpen, buffer, 0, 0, new Specs.Keys(List.of(), List.of(), new boolean[0]), 0);
        SelectCompiler sc = new SelectCompiler(compiler, sql);
        sc.compile(select, (start, count) -> b.emit(Opcode.SorterInsert, buffer, start, count));
        checkCount(sc.resultCount(), targets.length, ins.columns().isEmpty());
        int done = b.newLabel();
        b.emit(Opcode.SorterSort, buffer, done);
        int top = b.currentAddress();
        insertRow(ex, null, targets, rowid, values, onError, buffer);
        b.emit(Opcode.SorterNext, buffer, top);
        b.resolve(done);
    }

    private void checkCount(int supplied, int expected, boolean allColumns) {
        if (supplied != expected) {
            if (allColumns) {
                throw Errors.error("table " + table.name() + " has " + expected + " columns but " + supplied
                        + " values were supplied");
            }
            throw Errors.error(supplied + " values for " + expected + " columns");
        }
    }

    /** The column positions the values go to (-1 for the rowid). */
    private int[] targets(List<Name> columns) {
        if (columns.isEmpty()) {
            int[] all = new int[table.columns().size()];
            for (int i = 0; i < all.length; i++) {
                all[i] = i;
            }
            return all;
        }
        int[] t = new int[columns.size()];
        for (int i = 0; i < t.length; i++) {
            String c = columns.get(i).text();
            int idx = table.columnIndex(c);
            if (idx < 0 && !table.isRowidName(c)) {
                throw Errors.error("table " + table.name() + " has no column named " + c);
            }
            t[i] = idx;
        }
        return t;
    }

    /**
     * One row: values come from {@code row} expressions, or from column {@code i} of {@code buffer} when it is a
     * cursor; columns without a value get their DEFAULT.
     */
    private void insertRow(
            ExprCompiler ex,
            List<Expr> row,
            int[] targets,
            int rowid,
            int values,
            ConflictResolution onError,
            int buffer) {
        int n = table.columns().size();
        boolean[] given = new boolean[n];
        boolean rowidGiven = false;
        int explicitRowid = b.newRegister();
        for (int i = 0; i < targets.length; i++) {
            int reg = targets[i] < 0 || targets[i] == table.rowidAlias() ? explicitRowid : values + targets[i];
            if (buffer >= 0) {
                b.emit(Opcode.Column, buffer, i, reg);
            } else if (row != null) {
                ex.expr(row.get(i), reg);
            }
            if (reg == explicitRowid) {
                rowidGiven = true;
                if (targets[i] >= 0) {
                    given[targets[i]] = true;
                }
            } else {
                given[targets[i]] = true;
            }
        }
        for (int c = 0; c < n; c++) {
            if (!given[c] && c != table.rowidAlias()) {
                Column col = table.columns().get(c);
                if (col.defaultValue() != null) {
                    ex.expr(col.defaultValue(), values + c);
                } else {
                    b.emit(Opcode.Null, 0, values + c);
                }
            }
        }
        int skip = b.newLabel();
        if (rowidGiven) {
            int have = b.newLabel();
            int ready = b.newLabel();
            b.emit(Opcode.NotNull, explicitRowid, have);
            b.emit(Opcode.NewRowid, cursor, rowid);
            b.emit(Opcode.Goto, 0, ready);
            b.resolve(have);
            b.emit(Opcode.SCopy, explicitRowid, rowid);
            b.emit(Opcode.MustBeInt, rowid, 0);
            b.resolve(ready);
        } else {
            b.emit(Opcode.NewRowid, cursor, rowid);
        }
        if (table.rowidAlias() >= 0) {
            b.emit(Opcode.Null, 0, values + table.rowidAlias());
        }
        writeRow(rowid, values, onError, skip, rowidGiven, -1, null);
        b.resolve(skip);
    }

    /**
     * Checks and writes the row in {@code values} under {@code rowid}. {@code oldRowid} is the register of the row an
     * UPDATE replaces (its index entries are already gone), or -1.
     */
    private void writeRow(
            int rowid,
            int values,
            ConflictResolution onError,
            int skip,
            boolean checkRowid,
            int oldRowid,
            Runnable beforeWrite) {
        int n = table.columns().size();
        for (int c = 0; c < n; c++) {
            Column col = table.columns().get(c);
            if (col.notNull() && c != table.rowidAlias()) {
                if (onError == ConflictResolution.IGNORE) {
                    b.emit(Opcode.IsNull, values + c, skip);
                } else {
                    if (onError == ConflictResolution.REPLACE && col.defaultValue() != null) {
                        int present = b.newLabel();
                        b.emit(Opcode.NotNull, values + c, present);
                        new ExprCompiler(b, new Scope(), compiler.functions()).expr(col.defaultValue(), values + c);
                        b.resolve(present);
                    }
                    b.emit(
                            Opcode.HaltIfNull,
                            ErrorCode.CONSTRAINT_NOTNULL.code(),
                            errorAction(onError),
                            values + c,
                            new Specs.HaltError(
                                    ErrorCode.CONSTRAINT_NOTNULL.code(),
                                    "NOT NULL constraint failed: " + table.name() + "." + col.name()),
                            0);
                }
            }
        }
        b.emit(Opcode.Affinity, values, n, 0, affinities(), 0);
        if (!table.checks().isEmpty()) {
            checkConstraints(rowid, values, onError, skip);
        }
        if (checkRowid) {
            int ok = b.newLabel();
            if (oldRowid >= 0) {
                b.emit(Opcode.Eq, oldRowid, ok, rowid, null, 0);
            }
            b.emit(Opcode.NotExists, cursor, ok, rowid);
            conflict(onError, skip, ErrorCode.CONSTRAINT_PRIMARYKEY, rowidName());
            b.resolve(ok);
        }
        List<Integer> keyBlocks = new ArrayList<>();
        for (int i = 0; i < indexCursors.length; i++) {
            Index idx = table.indexes().get(i);
            int k = idx.columns().size();
            int block = b.newRegisters(k + 1);
            keyBlocks.add(block);
            for (int j = 0; j < k; j++) {
                int col = idx.columns().get(j);
                b.emit(Opcode.SCopy, col == table.rowidAlias() ? rowid : values + col, block + j);
            }
            b.emit(Opcode.SCopy, rowid, block + k);
        }
        // SQLite keeps a table's indexes newest first, and checks their constraints in that order.
        for (int i = indexCursors.length - 1; i >= 0; i--) {
            Index idx = table.indexes().get(i);
            int k = idx.columns().size();
            int block = keyBlocks.get(i);
            if (idx.unique()) {
                int ok = b.newLabel();
                b.emit(Opcode.NoConflict, indexCursors[i], ok, block, k, 0);
                if (oldRowid >= 0) {
                    int owner = b.newRegister();
                    b.emit(Opcode.IdxRowid, indexCursors[i], owner);
                    b.emit(Opcode.Eq, oldRowid, ok, owner, null, 0);
                }
                if (onError == ConflictResolution.REPLACE) {
                    int other = b.newRegister();
                    b.emit(Opcode.IdxRowid, indexCursors[i], other);
                    b.emit(Opcode.NotExists, cursor, ok, other);
                    deleteCurrentRow(false);
                } else {
                    conflict(onError, skip, ErrorCode.CONSTRAINT_UNIQUE, uniqueName(idx));
                }
                b.resolve(ok);
            }
        }
        if (beforeWrite != null) {
            beforeWrite.run();
        }
        int record = b.newRegister();
        b.emit(Opcode.MakeRecord, values, n, record);
        b.emitComment(
                b.emit(
                        Opcode.Insert,
                        cursor,
                        record,
                        rowid,
                        table.name(),
                        Vdbe.COUNT_CHANGE | (oldRowid < 0 ? Vdbe.SET_LAST_ROWID : 0)),
                table.name());
        for (int i = 0; i < indexCursors.length; i++) {
            int k = table.indexes().get(i).columns().size();
            int rec = b.newRegister();
            b.emit(Opcode.MakeRecord, keyBlocks.get(i), k + 1, rec);
            b.emit(Opcode.IdxInsert, indexCursors[i], rec, 0);
        }
        if (returning != null) {
            returning.captureNew(cursor, rowid, values);
        }
    }

    private void conflict(ConflictResolution onError, int skip, ErrorCode code, String what) {
        switch (onError) {
            case IGNORE -> b.emit(Opcode.Goto, 0, skip);
            case REPLACE -> deleteCurrentRow(false);
            default ->
                b.emit(
                        Opcode.Halt,
                        code.code(),
                        errorAction(onError),
                        0,
                        new Specs.HaltError(code.code(), "UNIQUE constraint failed: " + what),
                        0);
        }
    }

    /** CHECK constraints over the new row: false fails (NULL passes), with SQLite's message and resolution. */
    private void checkConstraints(int rowid, int values, ConflictResolution onError, int skip) {
        Scope scope = new Scope();
        scope.sources.add(new Source(table, null, cursor));
        scope.useCaptured = true;
        for (int c = 0; c < table.columns().size(); c++) {
            scope.capturedColumns.put(Scope.key(cursor, c), c == table.rowidAlias() ? rowid : values + c);
        }
        scope.capturedColumns.put(Scope.key(cursor, -1), rowid);
        ExprCompiler ex = new ExprCompiler(b, scope, compiler.functions());
        for (CheckConstraint check : table.checks()) {
            int ok = b.newLabel();
            int r = b.newRegister();
            ex.expr(check.expr(), r);
            b.emit(Opcode.If, r, ok, 1);
            if (onError == ConflictResolution.IGNORE) {
                b.emit(Opcode.Goto, 0, skip);
            } else {
                b.emit(
                        Opcode.Halt,
                        ErrorCode.CONSTRAINT_CHECK.code(),
                        errorAction(onError),
                        0,
                        new Specs.HaltError(
                                ErrorCode.CONSTRAINT_CHECK.code(), "CHECK constraint failed: " + check.name()),
                        0);
            }
            b.resolve(ok);
        }
    }

    /** The Halt p2 for a constraint error under {@code onError} ({@link Vdbe#OE_ABORT} and friends). */
    static int errorAction(ConflictResolution onError) {
        return switch (onError) {
            case ROLLBACK -> Vdbe.OE_ROLLBACK;
            case FAIL -> Vdbe.OE_FAIL;
            default -> Vdbe.OE_ABORT;
        };
    }

    private String rowidName() {
        return table.name() + "."
                + (table.rowidAlias() >= 0
                        ? table.columns().get(table.rowidAlias()).name()
                        : "rowid");
    }

    private String uniqueName(Index idx) {
        List<String> cols = new ArrayList<>();
        for (int c : idx.columns()) {
            cols.add(table.name() + "." + table.columns().get(c).name());
        }
        return String.join(", ", cols);
    }

    private String affinities() {
        StringBuilder s = new StringBuilder();
        for (Column c : table.columns()) {
            s.append(c.affinity().code());
        }
        return s.toString();
    }

    /** Deletes the row the table cursor is on and its index entries. */
    private void deleteCurrentRow(boolean count) {
        deleteIndexEntries();
        b.emit(Opcode.Delete, cursor, 0, 0, table.name(), count ? Vdbe.COUNT_CHANGE : 0);
    }

    private void deleteIndexEntries() {
        for (int i = 0; i < indexCursors.length; i++) {
            Index idx = table.indexes().get(i);
            int k = idx.columns().size();
            int block = b.newRegisters(k + 1);
            for (int j = 0; j < k; j++) {
                int col = idx.columns().get(j);
                if (col == table.rowidAlias()) {
                    b.emit(Opcode.Rowid, cursor, block + j);
                } else {
                    b.emit(Opcode.Column, cursor, col, block + j);
                }
            }
            b.emit(Opcode.Rowid, cursor, block + k);
            b.emit(Opcode.IdxDelete, indexCursors[i], block, k + 1);
        }
    }

    // ---------------------------------------------------------------- UPDATE and DELETE

    /** Scans the table with {@code where} and buffers the matching rowids; returns the buffer cursor. */
    private int collectRowids(Expr where) {
        int buffer = b.newCursor();
        b.emit(Opcode.SorterOpen, buffer, 0, 0, new Specs.Keys(List.of(), List.of(), new boolean[0]), 0);
        Scope scope = new Scope();
        scope.sources.add(new Source(table, null, cursor));
        ExprCompiler ex = new ExprCompiler(b, scope, compiler.functions());
        SubqueryCompiler.attach(compiler, sql, ex);
        List<Expr> terms = new ArrayList<>();
        if (where != null) {
            SelectCompiler.splitAnd(where, terms);
        }
        JoinLoops loops = new JoinLoops(
                b,
                scope,
                ex,
                compiler.functions(),
                List.of(new JoinLevel(scope.sources.get(0), false, List.of(), null)),
                false);
        loops.plan(terms, s -> null);
        loops.open();
        loops.planLines().forEach(compiler::notePlan);
        loops.emit(() -> {
            int r = b.newRegister();
            b.emit(Opcode.Rowid, cursor, r);
            b.emit(Opcode.SorterInsert, buffer, r, 1);
        });
        return buffer;
    }

    void delete(Stmt.Delete del) {
        if (del.with() != null || del.limit() != null) {
            throw Errors.unsupported("WITH and LIMIT in DELETE");
        }
        open(del.table().name().text());
        returning = new Returning(compiler, table, sql, del.returning());
        returning.open();
        int buffer = collectRowids(del.where());
        int done = b.newLabel();
        int next = b.newLabel();
        int rowid = b.newRegister();
        b.emit(Opcode.SorterSort, buffer, done);
        int top = b.currentAddress();
        b.emit(Opcode.Column, buffer, 0, rowid);
        b.emit(Opcode.NotExists, cursor, next, rowid);
        returning.captureCurrent(cursor);
        deleteCurrentRow(true);
        b.resolve(next);
        b.emit(Opcode.SorterNext, buffer, top);
        b.resolve(done);
        returning.emitRows();
    }

    void update(Stmt.Update upd) {
        if (upd.with() != null || upd.from() != null || upd.limit() != null) {
            throw Errors.unsupported("WITH, FROM and LIMIT in UPDATE");
        }
        open(upd.table().name().text());
        returning = new Returning(compiler, table, sql, upd.returning());
        returning.open();
        int n = table.columns().size();
        Expr[] newValues = new Expr[n];
        Expr newRowid = null;
        for (SetClause set : upd.set()) {
            if (set.columns().size() != 1) {
                throw Errors.unsupported("row-value SET");
            }
            String c = set.columns().get(0).text();
            int idx = table.columnIndex(c);
            if (idx < 0 && !table.isRowidName(c)) {
                throw Errors.noSuchColumn(c);
            }
            if (idx < 0 || idx == table.rowidAlias()) {
                newRowid = set.value();
            } else {
                newValues[idx] = set.value();
            }
        }
        ConflictResolution onError = upd.orConflict() == null ? ConflictResolution.ABORT : upd.orConflict();
        if (onError == ConflictResolution.REPLACE) {
            throw Errors.unsupported("UPDATE OR REPLACE");
        }
        int buffer = collectRowids(upd.where());
        Scope scope = new Scope();
        scope.sources.add(new Source(table, null, cursor));
        ExprCompiler ex = new ExprCompiler(b, scope, compiler.functions());
        SubqueryCompiler.attach(compiler, sql, ex);
        int done = b.newLabel();
        int next = b.newLabel();
        int oldRowid = b.newRegister();
        int rowid = b.newRegister();
        int values = b.newRegisters(n);
        b.emit(Opcode.SorterSort, buffer, done);
        int top = b.currentAddress();
        b.emit(Opcode.Column, buffer, 0, oldRowid);
        b.emit(Opcode.NotExists, cursor, next, oldRowid);
        for (int c = 0; c < n; c++) {
            if (c == table.rowidAlias()) {
                b.emit(Opcode.Null, 0, values + c);
            } else if (newValues[c] != null) {
                ex.expr(newValues[c], values + c);
            } else {
                ex.loadColumn(new Scope.Resolved(scope.sources.get(0), c, false), values + c);
            }
        }
        if (newRowid != null) {
            ex.expr(newRowid, rowid);
            b.emit(Opcode.MustBeInt, rowid, 0);
        } else {
            b.emit(Opcode.SCopy, oldRowid, rowid);
        }
        boolean rowidChanges = newRowid != null;
        writeRow(rowid, values, onError, next, rowidChanges, oldRowid, () -> {
            // The old row's entries go just before the new ones are written: the checks above saw them as its own.
            b.emit(Opcode.NotExists, cursor, next, oldRowid);
            deleteIndexEntries();
            if (rowidChanges) {
                int same = b.newLabel();
                b.emit(Opcode.Eq, oldRowid, same, rowid, null, 0);
                b.emit(Opcode.Delete, cursor, 0, 0, table.name(), 0);
                b.resolve(same);
            }
        });
        b.resolve(next);
        b.emit(Opcode.SorterNext, buffer, top);
        b.resolve(done);
        returning.emitRows();
    }

    static List<Boolean> ascending(int n) {
        return Collections.nCopies(n, false);
    }
}
