package io.tursoj.translate;

import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.ProgramBuilder;
import io.tursoj.vdbe.Specs;
import io.tursoj.vdbe.value.Affinity;
import io.tursoj.vdbe.value.Collations;
import java.util.ArrayList;
import java.util.List;

/**
 * Subqueries in expressions: scalar {@code (SELECT ...)}, {@code EXISTS (...)} and {@code x [NOT] IN (SELECT ...)}.
 * The subquery's code is inlined where the expression is evaluated. An uncorrelated subquery is guarded by
 * {@code Once}, so it runs once per statement and later evaluations reuse its result; a correlated one (it names a
 * column of an enclosing query) clears its {@code Once} register after each run and so is re-evaluated per outer
 * row.
 */
final class SubqueryCompiler {
    private final SelectCompiler owner;
    private final ProgramBuilder b;
    private final Scope scope;
    private final ExprCompiler ex;

    SubqueryCompiler(SelectCompiler owner, ProgramBuilder b, Scope scope, ExprCompiler ex) {
        this.owner = owner;
        this.b = b;
        this.scope = scope;
        this.ex = ex;
    }

    /** Lets the expressions of an INSERT, UPDATE or DELETE (compiled outside any select) hold subqueries. */
    static void attach(Compiler compiler, String sql, ExprCompiler ex) {
        ex.subqueries = new SubqueryCompiler(new SelectCompiler(compiler, sql), ex.b, ex.scope, ex);
    }

    /** The code that fills in a subquery's result: run before the select, the select's row sink, and after it. */
    private interface Body {
        void prologue();

        void row(SelectCompiler inner, int start, int n, int done);
    }

    /** Compiles {@code select} with {@code body}, inside a {@code Once} guard unless it turns out correlated. */
    private void guarded(Select select, Body body) {
        int onceReg = b.newRegister();
        int skip = b.newLabel();
        b.emit(Opcode.Once, onceReg, skip);
        int before = scope.innerRefsUpward();
        body.prologue();
        int done = b.newLabel();
        SelectCompiler inner = owner.child(scope);
        inner.compile(select, (start, n) -> body.row(inner, start, n, done));
        b.resolve(done);
        if (scope.innerRefsUpward() != before) {
            b.emit(Opcode.Null, 0, onceReg);
        }
        b.resolve(skip);
    }

    static void expectColumns(int actual, int expected) {
        if (actual != expected) {
            throw Errors.error("sub-select returns " + actual + " columns - expected " + expected);
        }
    }

    /** A scalar subquery: the first column of its first row, NULL when it returns no rows. */
    void scalar(Select select, int target) {
        int result = b.newRegister();
        guarded(select, new Body() {
            @Override
            public void prologue() {
                b.emit(Opcode.Null, 0, result);
            }

            @Override
            public void row(SelectCompiler inner, int start, int n, int done) {
                expectColumns(n, 1);
                b.emit(Opcode.Copy, start, result, 0);
                b.emit(Opcode.Goto, 0, done);
            }
        });
        b.emit(Opcode.SCopy, result, target);
    }

    /** The columns of a row-value subquery: its first row in {@code k} registers (all NULL when it has none). */
    record RowResult(int start, Affinity[] affinity, String[] collation) {}

    RowResult row(Select select, int k) {
        int result = b.newRegisters(k);
        Affinity[] affinity = new Affinity[k];
        String[] collation = new String[k];
        guarded(select, new Body() {
            @Override
            public void prologue() {
                b.emit(Opcode.Null, 0, result, result + k - 1);
            }

            @Override
            public void row(SelectCompiler inner, int start, int n, int done) {
                if (n != k) {
                    throw Errors.error("row value misused");
                }
                for (int i = 0; i < k; i++) {
                    affinity[i] = inner.resultAffinity(i);
                    collation[i] = inner.resultCollation(i);
                }
                b.emit(Opcode.Copy, start, result, k - 1);
                b.emit(Opcode.Goto, 0, done);
            }
        });
        return new RowResult(result, affinity, collation);
    }

    /** {@code EXISTS (select)}: 1 when the select returns a row, else 0. */
    void exists(Select select, int target) {
        int result = b.newRegister();
        guarded(select, new Body() {
            @Override
            public void prologue() {
                b.emit(Opcode.Integer, 0, result);
            }

            @Override
            public void row(SelectCompiler inner, int start, int n, int done) {
                b.emit(Opcode.Integer, 1, result);
                b.emit(Opcode.Goto, 0, done);
            }
        });
        b.emit(Opcode.SCopy, result, target);
    }

    /**
     * {@code lhs [NOT] IN (select)}: the select's rows go into an ephemeral index (with the comparison affinity
     * applied), probed with {@code Found}. Without an exact match the answer is NULL when some row could match
     * were its NULLs (or the left side's) known, as SQLite decides it; otherwise false.
     */
    void in(Expr.InSelect in, int target) {
        List<Expr> lhs = in.expr() instanceof Expr.RowValue rv ? rv.values() : List.of(in.expr());
        int k = lhs.size();
        int table = b.newCursor();
        int hasNull = b.newRegister();
        Affinity[] affinity = new Affinity[k];
        String[] collation = new String[k];
        for (int i = 0; i < k; i++) {
            collation[i] = ex.collationName(lhs.get(i));
        }
        // The index's collations depend on the select's columns, known only once it is compiled: the key
        // description is set then.
        io.tursoj.vdbe.Insn[] open = new io.tursoj.vdbe.Insn[1];
        guarded(in.select(), new Body() {
            @Override
            public void prologue() {
                open[0] = b.emit(Opcode.OpenEphemeral, table, k, 0, FromSubquery.noKeys(), 0);
                b.emit(Opcode.Integer, 0, hasNull);
            }

            @Override
            public void row(SelectCompiler inner, int start, int n, int done) {
                expectColumns(n, k);
                StringBuilder codes = new StringBuilder();
                for (int i = 0; i < k; i++) {
                    affinity[i] = Affinity.forComparison(ex.affinity(lhs.get(i)), inner.resultAffinity(i));
                    codes.append(affinity[i].code());
                    if (collation[i] == null) {
                        collation[i] = inner.resultCollation(i);
                    }
                    int notNull = b.newLabel();
                    b.emit(Opcode.NotNull, start + i, notNull);
                    b.emit(Opcode.Integer, 1, hasNull);
                    b.resolve(notNull);
                }
                b.setP4(open[0], keys(collation));
                b.emit(Opcode.Affinity, start, k, 0, codes.toString(), 0);
                b.emit(Opcode.IdxInsert, table, start, k);
            }
        });
        probe(in.not(), lhs, table, hasNull, affinity, collation, target);
    }

    private void probe(
            boolean not, List<Expr> lhs, int table, int hasNull, Affinity[] affinity, String[] collation, int target) {
        int k = lhs.size();
        int probe = b.newRegisters(k);
        StringBuilder codes = new StringBuilder();
        for (int i = 0; i < k; i++) {
            ex.expr(lhs.get(i), probe + i);
            codes.append((affinity[i] == null ? Affinity.NONE : affinity[i]).code());
        }
        b.emit(Opcode.Affinity, probe, k, 0, codes.toString(), 0);
        int isTrue = b.newLabel();
        int isFalse = b.newLabel();
        int isNull = b.newLabel();
        int slow = b.newLabel();
        int end = b.newLabel();
        for (int i = 0; i < k; i++) {
            b.emit(Opcode.IsNull, probe + i, slow);
        }
        b.emit(Opcode.Found, table, isTrue, probe, k, 0);
        b.emit(Opcode.IfNot, hasNull, isFalse, 0);
        b.resolve(slow);
        int value = b.newRegister();
        b.emit(Opcode.SorterSort, table, isFalse);
        int top = b.currentAddress();
        int nextRow = b.newLabel();
        for (int i = 0; i < k; i++) {
            b.emit(Opcode.Column, table, i, value);
            b.emit(Opcode.Ne, value, nextRow, probe + i, ExprCompiler.spec(Affinity.BLOB, collation[i]), 0);
        }
        b.emit(Opcode.Goto, 0, isNull);
        b.resolve(nextRow);
        b.emit(Opcode.SorterNext, table, top);
        b.emit(Opcode.Goto, 0, isFalse);
        b.resolve(isTrue);
        b.emit(Opcode.Integer, not ? 0 : 1, target);
        b.emit(Opcode.Goto, 0, end);
        b.resolve(isFalse);
        b.emit(Opcode.Integer, not ? 1 : 0, target);
        b.emit(Opcode.Goto, 0, end);
        b.resolve(isNull);
        b.emit(Opcode.Null, 0, target);
        b.resolve(end);
    }

    /** The key description of an ephemeral index over {@code k} columns with these collations. */
    static Specs.Keys keys(String[] collation) {
        List<io.tursoj.vdbe.value.Collation> colls = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (String c : collation) {
            String name = c == null ? "BINARY" : c.toUpperCase(java.util.Locale.ROOT);
            io.tursoj.vdbe.value.Collation coll = Collations.builtIn(name);
            if (coll == null) {
                throw Errors.error("no such collation sequence: " + c);
            }
            colls.add(coll);
            names.add(name);
        }
        return new Specs.Keys(colls, names, new boolean[collation.length]);
    }
}
