package io.tursoj.translate;

import io.tursoj.schema.Column;
import io.tursoj.schema.Table;
import io.tursoj.translate.parser.SqlPrinter;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.ResultColumn;
import io.tursoj.translate.parser.ast.Span;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.ProgramBuilder;
import io.tursoj.vdbe.Specs;
import io.tursoj.vdbe.value.Affinity;
import java.util.ArrayList;
import java.util.List;

/**
 * The RETURNING clause of INSERT, UPDATE and DELETE. Each changed row's values are evaluated as the row is written
 * (new values for INSERT and UPDATE, the old row for DELETE) into a buffer; the rows are handed out only once every
 * change is done, as SQLite does, so a caller reading them sees the statement's complete effect.
 */
final class Returning {
    private final ProgramBuilder b;
    private final Compiler compiler;
    private final Table table;
    private final String sql;
    private final List<Expr> exprs = new ArrayList<>();
    private int buffer = -1;
    private int registers;

    Returning(Compiler compiler, Table table, String sql, List<ResultColumn> columns) {
        this.compiler = compiler;
        this.b = compiler.builder();
        this.table = table;
        this.sql = sql;
        for (ResultColumn rc : columns) {
            switch (rc) {
                case ResultColumn.Column c -> {
                    exprs.add(c.expr());
                    b.addColumn(name(c), declaredType(c.expr()));
                }
                default -> { // * and t.*: every column of the table
                    for (Column col : table.columns()) {
                        exprs.add(new Expr.ColumnRef(Span.NONE, null, null, Name.of(col.name())));
                        b.addColumn(col.name(), col.declaredType());
                    }
                }
            }
        }
    }

    boolean isEmpty() {
        return exprs.isEmpty();
    }

    /** Opens the buffer; call before the statement's loop. */
    void open() {
        if (isEmpty()) {
            return;
        }
        buffer = b.newCursor();
        b.emit(Opcode.SorterOpen, buffer, 0, 0, new Specs.Keys(List.of(), List.of(), new boolean[0]), 0);
        registers = b.newRegisters(exprs.size());
    }

    /** Buffers one row whose column values are in {@code values} (by position) and its rowid in {@code rowid}. */
    void captureNew(int cursor, int rowid, int values) {
        if (isEmpty()) {
            return;
        }
        Scope scope = new Scope();
        scope.sources.add(new Source(table, null, cursor));
        scope.useCaptured = true;
        for (int c = 0; c < table.columns().size(); c++) {
            int reg = c == table.rowidAlias() ? rowid : values + c;
            if (c != table.rowidAlias() && table.columns().get(c).affinity() == Affinity.REAL) {
                // A REAL column may hold an integral value in integer form; it reads back as a real.
                int real = b.newRegister();
                b.emit(Opcode.SCopy, reg, real);
                b.emit(Opcode.RealAffinity, real, 0);
                reg = real;
            }
            scope.capturedColumns.put(Scope.key(cursor, c), reg);
        }
        scope.capturedColumns.put(Scope.key(cursor, -1), rowid);
        capture(scope);
    }

    /** Buffers the row {@code cursor} is on (DELETE's row, before it goes). */
    void captureCurrent(int cursor) {
        if (isEmpty()) {
            return;
        }
        Scope scope = new Scope();
        scope.sources.add(new Source(table, null, cursor));
        capture(scope);
    }

    private void capture(Scope scope) {
        ExprCompiler ex = new ExprCompiler(b, scope, compiler.functions());
        for (int i = 0; i < exprs.size(); i++) {
            ex.expr(exprs.get(i), registers + i);
        }
        b.emit(Opcode.SorterInsert, buffer, registers, exprs.size());
    }

    /** Hands out the buffered rows; call after the statement's loop. */
    void emitRows() {
        if (isEmpty()) {
            return;
        }
        int done = b.newLabel();
        b.emit(Opcode.SorterSort, buffer, done);
        int top = b.currentAddress();
        for (int i = 0; i < exprs.size(); i++) {
            b.emit(Opcode.Column, buffer, i, registers + i);
        }
        b.emit(Opcode.ResultRow, registers, exprs.size());
        b.emit(Opcode.SorterNext, buffer, top);
        b.resolve(done);
    }

    private String name(ResultColumn.Column c) {
        if (c.alias() != null) {
            return c.alias().text();
        }
        if (c.expr() instanceof Expr.ColumnRef ref
                && table.columnIndex(ref.column().text()) >= 0) {
            return table.columns().get(table.columnIndex(ref.column().text())).name();
        }
        return c.expr().span().length() > 0 ? c.expr().span().text(sql) : SqlPrinter.print(c.expr());
    }

    private String declaredType(Expr e) {
        if (e instanceof Expr.ColumnRef ref && table.columnIndex(ref.column().text()) >= 0) {
            return table.columns().get(table.columnIndex(ref.column().text())).declaredType();
        }
        return null;
    }
}
