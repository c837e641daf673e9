package io.tursoj.translate;

import io.tursoj.api.ErrorCode;
import io.tursoj.schema.Table;
import io.tursoj.translate.parser.ast.FromClause;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.SelectCore;
import io.tursoj.translate.parser.ast.Span;
import io.tursoj.translate.parser.ast.TableRef;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.ProgramBuilder;
import io.tursoj.vdbe.Specs;
import java.util.ArrayList;
import java.util.List;

/**
 * A recursive CTE ({@code WITH RECURSIVE c AS (initial UNION [ALL] recursive)}), materialized as SQLite's queue
 * algorithm defines it: the initial select's rows enter a FIFO queue; each row taken from the queue is output and
 * the recursive select runs with the CTE's name bound to that single row, its rows joining the queue. The queue
 * is processed a generation at a time (a generation's rows, in order, produce the next), which takes rows in the
 * same order as the FIFO. With UNION, rows seen before are dropped. The CTE's own LIMIT/OFFSET count output rows.
 */
final class RecursiveCte {
    /** A guard against unbounded recursion, which SQLite only stops through an outer LIMIT it streams into. */
    static final int MAX_ROWS = 1_000_000;

    private RecursiveCte() {}

    static boolean isRecursive(CteScope.Definition def) {
        if (def.cte().select().compounds().isEmpty()) {
            return false;
        }
        for (Select.Compound c : def.cte().select().compounds()) {
            if (references(c.core(), def.cte().name().text())) {
                return true;
            }
        }
        return false;
    }

    private static boolean references(SelectCore core, String name) {
        if (!(core instanceof SelectCore.Query q) || q.from() == null) {
            return false;
        }
        if (names(q.from().first(), name)) {
            return true;
        }
        for (FromClause.Join j : q.from().joins()) {
            if (names(j.table(), name)) {
                return true;
            }
        }
        return false;
    }

    private static int referenceCount(SelectCore.Query q, String name) {
        int n = names(q.from().first(), name) ? 1 : 0;
        for (FromClause.Join j : q.from().joins()) {
            n += names(j.table(), name) ? 1 : 0;
        }
        return n;
    }

    private static boolean names(TableRef ref, String name) {
        return ref instanceof TableRef.Table t
                && t.name().schema() == null
                && t.name().name().text().equalsIgnoreCase(name);
    }

    static Table materialize(SelectCompiler outer, Scope enclosing, CteScope.Definition def, int cursor) {
        ProgramBuilder b = outer.builder();
        Select select = def.cte().select();
        String name = def.cte().name().text();
        if (!select.orderBy().isEmpty()) {
            throw Errors.unsupported("ORDER BY in a recursive common table expression");
        }
        int split = 0;
        List<SelectCore> parts = new ArrayList<>();
        parts.add(select.first());
        for (Select.Compound c : select.compounds()) {
            parts.add(c.core());
        }
        while (split < parts.size() && !references(parts.get(split), name)) {
            split++;
        }
        if (split == 0) {
            throw Errors.error("circular reference: " + name);
        }
        Select.CompoundOperator op = select.compounds().get(split - 1).operator();
        if (op != Select.CompoundOperator.UNION && op != Select.CompoundOperator.UNION_ALL) {
            throw Errors.error("recursive reference in a subquery: " + name);
        }
        for (int i = split; i < select.compounds().size(); i++) {
            if (select.compounds().get(i).operator() != op) {
                throw Errors.unsupported("mixed operators in a recursive common table expression");
            }
        }
        for (int i = split; i < parts.size(); i++) {
            if (!references(parts.get(i), name)) {
                throw Errors.error("circular reference: " + name);
            }
            if (parts.get(i) instanceof SelectCore.Query q) {
                if (referenceCount(q, name) > 1) {
                    throw Errors.error("multiple references to recursive table: " + name);
                }
                boolean aggregate = !q.groupBy().isEmpty();
                for (io.tursoj.translate.parser.ast.ResultColumn rc : q.columns()) {
                    aggregate |= rc instanceof io.tursoj.translate.parser.ast.ResultColumn.Column col
                            && outer.expressions().isAggregate(col.expr());
                }
                if (aggregate) {
                    throw Errors.error("recursive aggregate queries not supported");
                }
            }
        }
        int onceReg = b.newRegister();
        int skip = b.newLabel();
        b.emit(Opcode.Once, onceReg, skip);
        int before = enclosing == null ? 0 : enclosing.innerRefsUpward();
        boolean distinct = op == Select.CompoundOperator.UNION;
        b.emit(Opcode.SorterOpen, cursor, 0, 0, FromSubquery.noKeys(), 0);
        int seen = b.newCursor();
        int next = b.newCursor();
        int generation = b.newCursor();
        int current = b.newCursor();
        int remaining = b.newRegister();
        b.emit(Opcode.Integer, MAX_ROWS, remaining);
        // An outer query that reads only the first N rows in order lets the queue stop there, as SQLite's
        // co-routine stops being resumed: this is what ends an otherwise unbounded recursion.
        long budget = outer.rowBudget();
        int budgetReg = 0;
        if (budget > 0 && budget < Integer.MAX_VALUE) {
            budgetReg = b.newRegister();
            b.emit(Opcode.Integer, (int) budget, budgetReg);
        }
        int budgetRegister = budgetReg;
        io.tursoj.vdbe.Insn openSeen =
                distinct ? b.emit(Opcode.OpenEphemeral, seen, 0, 0, FromSubquery.noKeys(), 0) : null;
        b.emit(Opcode.SorterOpen, next, 0, 0, FromSubquery.noKeys(), 0);
        SelectCompiler host = outer.child(enclosing, def.bodyScope());
        Limits limits = Limits.of(host, select);
        int done = b.newLabel();
        RowSink add = (start, n) -> {
            int drop = b.newLabel();
            if (distinct) {
                b.emit(Opcode.Found, seen, drop, start, n, 0);
                b.emit(Opcode.IdxInsert, seen, start, n);
            }
            b.emit(Opcode.SorterInsert, next, start, n);
            limits.output(b, start, n, done, (s, k) -> {
                b.emit(Opcode.SorterInsert, cursor, s, k);
                if (budgetRegister != 0) {
                    b.emit(Opcode.DecrJumpZero, budgetRegister, done);
                }
                int ok = b.newLabel();
                b.emit(Opcode.IfPos, remaining, ok, 1);
                b.emit(
                        Opcode.Halt,
                        ErrorCode.ERROR.code(),
                        2,
                        0,
                        new Specs.HaltError(
                                ErrorCode.ERROR.code(),
                                "recursive common table expression " + name + " returned more than " + MAX_ROWS
                                        + " rows (unbounded recursion is not supported yet)"),
                        0);
                b.resolve(ok);
            });
            b.resolve(drop);
        };
        List<SelectCompiler> initial = new ArrayList<>();
        int[] width = {-1};
        for (int i = 0; i < split; i++) {
            if (i > 0 && select.compounds().get(i - 1).operator() != op) {
                throw Errors.unsupported("mixed operators in a recursive common table expression");
            }
            SelectCompiler c = outer.child(enclosing, def.outerScope());
            initial.add(c);
            c.compile(single(parts.get(i)), (start, n) -> {
                checkWidth(width, n, op);
                add.emit(start, n);
            });
        }
        Table table = FromSubquery.table(initial.get(0), name, def.cte().columns(), "table " + name);
        int loop = b.currentAddress();
        b.emit(Opcode.SorterOpen, generation, 0, 0, FromSubquery.noKeys(), 0);
        int n = width[0];
        int row = b.newRegisters(Math.max(n, 1));
        int copied = b.newLabel();
        b.emit(Opcode.SorterSort, next, copied);
        int copyTop = b.currentAddress();
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.Column, next, i, row + i);
        }
        b.emit(Opcode.SorterInsert, generation, row, n);
        b.emit(Opcode.SorterNext, next, copyTop);
        b.resolve(copied);
        b.emit(Opcode.SorterOpen, next, 0, 0, FromSubquery.noKeys(), 0);
        b.emit(Opcode.SorterSort, generation, done);
        int top = b.currentAddress();
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.Column, generation, i, row + i);
        }
        b.emit(Opcode.SorterOpen, current, 0, 0, FromSubquery.noKeys(), 0);
        b.emit(Opcode.SorterInsert, current, row, n);
        CteScope bound = CteScope.bind(def.bodyScope(), name, withoutAffinity(table), current);
        for (int i = split; i < parts.size(); i++) {
            SelectCompiler c = outer.child(enclosing, bound);
            c.compile(single(parts.get(i)), (start, k) -> {
                checkWidth(width, k, op);
                add.emit(start, k);
            });
        }
        b.emit(Opcode.SorterNext, generation, top);
        b.emit(Opcode.Goto, 0, loop);
        b.resolve(done);
        if (enclosing != null && enclosing.innerRefsUpward() != before) {
            b.emit(Opcode.Null, 0, onceReg);
        }
        b.resolve(skip);
        if (openSeen != null) {
            List<io.tursoj.vdbe.value.Collation> colls = new ArrayList<>();
            List<String> collNames = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                colls.add(io.tursoj.vdbe.value.Collations.builtIn("BINARY"));
                collNames.add("BINARY");
            }
            b.setP4(openSeen, new Specs.Keys(colls, collNames, new boolean[n]));
        }
        return table;
    }

    /** The queue row the recursive select reads has no column affinity in SQLite: only the outer read has one. */
    private static Table withoutAffinity(Table t) {
        List<io.tursoj.schema.Column> cols = new ArrayList<>();
        for (io.tursoj.schema.Column c : t.columns()) {
            cols.add(new io.tursoj.schema.Column(
                    c.name(), null, io.tursoj.vdbe.value.Affinity.BLOB, false, null, c.collation(), false));
        }
        return new Table(t.name(), cols, -1, FromSubquery.EPHEMERAL_ROOT, null);
    }

    private static void checkWidth(int[] width, int n, Select.CompoundOperator op) {
        if (width[0] < 0) {
            width[0] = n;
        } else if (width[0] != n) {
            throw Errors.error(
                    "SELECTs to the left and right of " + op.sql() + " do not have the same number of result columns");
        }
    }

    private static Select single(SelectCore core) {
        return new Select(Span.NONE, null, core, List.of(), List.of(), null);
    }
}
