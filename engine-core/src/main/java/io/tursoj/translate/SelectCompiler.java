package io.tursoj.translate;

import io.tursoj.function.FunctionDef;
import io.tursoj.schema.Column;
import io.tursoj.schema.Schema;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.FromClause;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.ResultColumn;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.SelectCore;
import io.tursoj.translate.parser.ast.Span;
import io.tursoj.translate.parser.ast.TableRef;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.ProgramBuilder;
import io.tursoj.vdbe.Specs;
import io.tursoj.vdbe.Vdbe;
import io.tursoj.vdbe.value.Affinity;
import io.tursoj.vdbe.value.Collation;
import io.tursoj.vdbe.value.Collations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Compiles a SELECT into nested loops over its FROM tables (inner, cross and left joins), with WHERE, rowid-equality
 * seeks, aggregates (GROUP BY through a sorter), HAVING, DISTINCT (an ephemeral table), ORDER BY (a sorter) and
 * LIMIT/OFFSET. Each result row goes to a {@link RowSink}.
 */
final class SelectCompiler {
    private final ProgramBuilder b;
    private final Schema schema;
    private final Compiler compiler;
    private final String sql;
    private final Scope scope = new Scope();
    private final ExprCompiler ex;
    private final List<JoinLevel> levels = new ArrayList<>();
    private JoinLoops joinLoops;
    private final List<Expr> whereTerms = new ArrayList<>();
    private final List<Expr> results = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<String> types = new ArrayList<>();

    /** The CTEs this query sees (null when none); extended by its own WITH. */
    private CteScope ctes;
    /** Set when this is a compound select: it describes the result columns. */
    private CompoundCompiler compound;

    SelectCompiler(Compiler compiler, String sql) {
        this(compiler, sql, null, compiler.statementCtes());
    }

    /** A select nested in another: {@code parent} resolves outer column references, {@code ctes} names CTEs. */
    SelectCompiler(Compiler compiler, String sql, Scope parent, CteScope ctes) {
        this.compiler = compiler;
        this.b = compiler.builder();
        this.schema = compiler.schema();
        this.sql = sql;
        this.ctes = ctes;
        this.scope.parent = parent;
        this.ex = new ExprCompiler(b, scope, compiler.functions());
        this.ex.subqueries = new SubqueryCompiler(this, b, scope, ex);
    }

    /** The CTE definitions whose bodies enclose this select: naming one again is a circular reference. */
    private java.util.Set<Object> expanding = java.util.Set.of();

    SelectCompiler child(Scope parent) {
        return child(parent, ctes, sql);
    }

    SelectCompiler child(Scope parent, CteScope cteScope) {
        return child(parent, cteScope, sql);
    }

    /** A nested select whose text (for column names) is {@code text}, as a view's stored SQL is. */
    SelectCompiler child(Scope parent, CteScope cteScope, String text) {
        SelectCompiler c = new SelectCompiler(compiler, text, parent, cteScope);
        c.expanding = expanding;
        return c;
    }

    /** Runs {@code body} (which creates children) as the expansion of {@code definition}. */
    <T> T expanding(Object definition, String name, java.util.function.Supplier<T> body) {
        if (expanding.contains(definition)) {
            throw Errors.error("circular reference: " + name);
        }
        java.util.Set<Object> saved = expanding;
        java.util.Set<Object> more = new java.util.HashSet<>(saved);
        more.add(definition);
        expanding = more;
        try {
            return body.get();
        } finally {
            expanding = saved;
        }
    }

    ProgramBuilder builder() {
        return b;
    }

    Compiler compiler() {
        return compiler;
    }

    String sql() {
        return sql;
    }

    Scope scope() {
        return scope;
    }

    CteScope ctes() {
        return ctes;
    }

    /** The affinity result column {@code i} carries (into comparisons, and as a subquery's column). */
    Affinity resultAffinity(int i) {
        if (compound != null) {
            return compound.affinity(i);
        }
        return i < results.size() ? ex.affinity(results.get(i)) : Affinity.NONE;
    }

    /** The collation of result column {@code i}, or null. */
    String resultCollation(int i) {
        if (compound != null) {
            return compound.collation(i);
        }
        return i < results.size() ? ex.collationName(results.get(i)) : null;
    }

    ExprCompiler expressions() {
        return ex;
    }

    /** The result expressions of a simple select (empty for VALUES). */
    List<Expr> resultExprs() {
        return results;
    }

    List<String> columnNames() {
        return names;
    }

    List<String> declaredTypes() {
        return types;
    }

    int resultCount() {
        return names.size();
    }

    void compile(Select select, RowSink sink) {
        if (select.with() != null) {
            ctes = CteScope.of(ctes, select.with());
        }
        if (!select.compounds().isEmpty()) {
            compound = new CompoundCompiler(this);
            compound.compile(select, sink, names, types);
            return;
        }
        switch (select.first()) {
            case SelectCore.Values v -> values(v, select, sink);
            case SelectCore.Query q -> query(q, select, sink);
        }
    }

    private void values(SelectCore.Values v, Select select, RowSink sink) {
        int n = v.rows().get(0).size();
        for (int i = 0; i < n; i++) {
            names.add("column" + (i + 1));
            types.add(null);
        }
        Limits limits = limits(select);
        int end = b.newLabel();
        int start = b.newRegisters(n);
        for (List<Expr> row : v.rows()) {
            if (row.size() != n) {
                throw Errors.error("all VALUES must have the same number of terms");
            }
            for (int i = 0; i < n; i++) {
                ex.expr(row.get(i), start + i);
            }
            output(start, n, limits, end, sink);
        }
        b.resolve(end);
    }

    private record Limits(int limit, int offset) {}

    private Limits limits(Select select) {
        if (select.limit() == null) {
            return new Limits(0, 0);
        }
        int limit = ex.fresh(select.limit().limit());
        b.emit(Opcode.MustBeInt, limit, 0);
        int offset = 0;
        if (select.limit().offset() != null) {
            offset = ex.fresh(select.limit().offset());
            b.emit(Opcode.MustBeInt, offset, 0);
        }
        return new Limits(limit, offset);
    }

    private void output(int start, int n, Limits limits, int end, RowSink sink) {
        int skip = b.newLabel();
        if (limits.offset() != 0) {
            b.emit(Opcode.IfPos, limits.offset(), skip, 1);
        }
        if (limits.limit() != 0) {
            b.emit(Opcode.IfNot, limits.limit(), end, 0);
        }
        sink.emit(start, n);
        if (limits.limit() != 0) {
            b.emit(Opcode.DecrJumpZero, limits.limit(), end);
        }
        b.resolve(skip);
    }

    /** The select and query block being compiled: a recursive CTE in its FROM may need only its first rows. */
    private Select currentSelect;

    private SelectCore.Query currentQuery;

    /**
     * How many rows of its only FROM item this query can read (LIMIT + OFFSET, both literals) when it reads them in
     * order and stops there: no WHERE, joins, grouping, aggregates, DISTINCT or ORDER BY. Else -1.
     */
    long rowBudget() {
        SelectCore.Query q = currentQuery;
        Select s = currentSelect;
        if (q == null
                || s == null
                || s.limit() == null
                || !s.orderBy().isEmpty()
                || !s.compounds().isEmpty()) {
            return -1;
        }
        if (q.from() == null
                || !q.from().joins().isEmpty()
                || q.where() != null
                || !q.groupBy().isEmpty()
                || q.having() != null
                || q.distinctness() == SelectCore.Distinctness.DISTINCT) {
            return -1;
        }
        for (ResultColumn rc : q.columns()) {
            if (rc instanceof ResultColumn.Column c && ex.isAggregate(c.expr())) {
                return -1;
            }
        }
        long limit = literal(s.limit().limit());
        long offset = s.limit().offset() == null ? 0 : literal(s.limit().offset());
        return limit < 0 || offset < 0 ? -1 : limit + offset;
    }

    private static long literal(Expr e) {
        if (e instanceof Expr.NumericLiteral n && !n.isReal()) {
            try {
                return Long.parseLong(n.text());
            } catch (NumberFormatException tooBig) {
                return -1;
            }
        }
        return -1;
    }

    private void query(SelectCore.Query q, Select select, RowSink sink) {
        currentSelect = select;
        currentQuery = q;
        if (q.from() != null) {
            from(q.from());
        }
        expandResults(q.columns());
        if (q.where() != null) {
            splitAnd(q.where(), whereTerms);
        }
        boolean aggregate = !q.groupBy().isEmpty() || q.having() != null;
        for (Expr e : results) {
            aggregate |= ex.isAggregate(e);
        }
        Limits limits = limits(select);
        int end = b.newLabel();
        joinLoops = new JoinLoops(b, scope, ex, compiler.functions(), levels, true);
        var used = UsedColumns.of(scope, q, select, levels);
        joinLoops.plan(whereTerms, used);
        boolean ordered = !aggregate && !select.orderBy().isEmpty() && joinLoops.orderBy(orderTerms(select), used);
        joinLoops.open();
        joinLoops.planLines().forEach(compiler::notePlan);
        if (!q.groupBy().isEmpty()) {
            compiler.notePlan("USE TEMP B-TREE FOR GROUP BY");
        }
        if (q.distinctness() == SelectCore.Distinctness.DISTINCT) {
            compiler.notePlan("USE TEMP B-TREE FOR DISTINCT");
        }
        if (!select.orderBy().isEmpty() && !ordered) {
            compiler.notePlan("USE TEMP B-TREE FOR ORDER BY");
        }
        Ordering order = select.orderBy().isEmpty() || ordered ? null : new Ordering(select.orderBy());
        int distinct = -1;
        if (q.distinctness() == SelectCore.Distinctness.DISTINCT) {
            distinct = b.newCursor();
            b.emit(Opcode.OpenEphemeral, distinct, results.size(), 0, keys(results, null), 0);
        }
        if (order != null) {
            b.emit(Opcode.SorterOpen, order.cursor, order.terms.size(), 0, order.keys, 0);
        }
        int distinctCursor = distinct;
        RowSink deliver = (start, n) -> {
            int skip = b.newLabel();
            if (distinctCursor >= 0) {
                b.emit(Opcode.Found, distinctCursor, skip, start, n, 0);
                b.emit(Opcode.IdxInsert, distinctCursor, start, n);
            }
            if (order != null) {
                order.insert(start, n);
            } else {
                output(start, n, limits, end, sink);
            }
            b.resolve(skip);
        };
        if (aggregate) {
            new Aggregation(q, order).compile(deliver);
        } else {
            loops(0, () -> deliver.emit(computeResults(), results.size()));
        }
        if (order != null) {
            b.resolve(end);
            int done = b.newLabel();
            order.emitOutput(limits, done, sink);
            b.resolve(done);
        } else {
            b.resolve(end);
        }
    }

    /** The ORDER BY terms resolved as the sorter would see them, for {@link JoinLoops#orderBy}. */
    private List<OrderByIndex.Term> orderTerms(Select select) {
        List<OrderByIndex.Term> out = new ArrayList<>();
        for (OrderingTerm t : select.orderBy()) {
            if (t.nulls() != OrderingTerm.NullsOrder.UNSPECIFIED) {
                return List.of();
            }
            Expr e = resolveOrderTerm(t.expr());
            out.add(new OrderByIndex.Term(e, ex.collationName(e), t.order() == OrderingTerm.SortOrder.DESC));
        }
        return out;
    }

    private int computeResults() {
        int start = b.newRegisters(results.size());
        for (int i = 0; i < results.size(); i++) {
            ex.expr(results.get(i), start + i);
        }
        return start;
    }

    private void from(FromClause from) {
        addSource(from.first(), false, null);
        for (FromClause.Join j : from.joins()) {
            FromClause.JoinKind kind = j.operator().kind();
            if (kind == FromClause.JoinKind.RIGHT || kind == FromClause.JoinKind.FULL) {
                throw Errors.unsupported(kind.name() + " JOIN");
            }
            FromClause.JoinConstraint constraint = j.constraint();
            if (j.operator().natural()) {
                constraint = NaturalJoin.using(j, schema, levels);
            }
            addSource(j.table(), kind == FromClause.JoinKind.LEFT, constraint);
        }
    }

    private void addSource(TableRef ref, boolean left, FromClause.JoinConstraint constraint) {
        Source s = NamedSources.source(this, ref);
        List<Expr> on = new ArrayList<>();
        switch (constraint) {
            case FromClause.JoinConstraint.On o -> splitAnd(o.expr(), on);
            case FromClause.JoinConstraint.Using u -> {
                for (Name col : u.columns()) {
                    Source prior = null;
                    for (JoinLevel l : levels) {
                        if (l.source().table().columnIndex(col.text()) >= 0) {
                            prior = l.source();
                            break;
                        }
                    }
                    if (prior == null || s.table().columnIndex(col.text()) < 0) {
                        throw Errors.error(
                                "cannot join using column " + col.text() + " - column not present in both tables");
                    }
                    scope.mergedByUsing
                            .computeIfAbsent(s, k -> new java.util.HashSet<>())
                            .add(col.text().toLowerCase(Locale.ROOT));
                    on.add(new Expr.Binary(
                            Span.NONE,
                            Expr.BinaryOp.EQ,
                            new Expr.ColumnRef(Span.NONE, null, Name.of(prior.visibleName()), col),
                            new Expr.ColumnRef(Span.NONE, null, Name.of(s.visibleName()), col)));
                }
            }
            case null -> {}
        }
        scope.sources.add(s);
        levels.add(new JoinLevel(s, left, on, ref instanceof TableRef.Table t ? t.indexedBy() : null));
    }

    static void splitAnd(Expr e, List<Expr> out) {
        if (e instanceof Expr.Binary bin && bin.op() == Expr.BinaryOp.AND) {
            splitAnd(bin.left(), out);
            splitAnd(bin.right(), out);
        } else {
            out.add(e);
        }
    }

    private void expandResults(List<ResultColumn> columns) {
        for (ResultColumn rc : columns) {
            switch (rc) {
                case ResultColumn.Star s -> {
                    if (scope.sources.isEmpty()) {
                        throw Errors.error("no tables specified");
                    }
                    for (Source src : scope.sources) {
                        addColumns(src, scope.mergedByUsing.getOrDefault(src, java.util.Set.of()));
                    }
                }
                case ResultColumn.TableStar ts -> {
                    Source match = null;
                    for (Source src : scope.sources) {
                        if (src.visibleName().equalsIgnoreCase(ts.table().text())) {
                            match = src;
                        }
                    }
                    if (match == null) {
                        throw Errors.error("no such table: " + ts.table().text());
                    }
                    addAllColumns(match);
                }
                case ResultColumn.Column c -> {
                    results.add(c.expr());
                    types.add(declaredType(c.expr()));
                    if (c.alias() != null) {
                        names.add(c.alias().text());
                    } else if (c.expr() instanceof Expr.ColumnRef ref
                            && !scope.resolve(ref).rowid()) {
                        names.add(scope.resolve(ref).definition().name());
                    } else {
                        names.add(
                                c.expr().span().length() > 0
                                        ? c.expr().span().text(sql)
                                        : io.tursoj.translate.parser.SqlPrinter.print(c.expr()));
                    }
                }
            }
        }
    }

    private void addAllColumns(Source src) {
        addColumns(src, java.util.Set.of());
    }

    /** Adds the columns of {@code src} except those a USING or NATURAL join merged into an earlier table's. */
    private void addColumns(Source src, java.util.Set<String> merged) {
        for (Column col : src.table().columns()) {
            if (merged.contains(col.name().toLowerCase(Locale.ROOT))) {
                continue;
            }
            results.add(new Expr.ColumnRef(Span.NONE, null, Name.of(src.visibleName()), Name.of(col.name())));
            names.add(col.name());
            types.add(col.declaredType());
        }
    }

    private String declaredType(Expr e) {
        if (e instanceof Expr.ColumnRef ref) {
            Scope.Resolved r = scope.resolve(ref);
            return r.column() < 0 ? "INTEGER" : r.definition().declaredType();
        }
        return null;
    }

    private Specs.Keys keys(List<Expr> exprs, List<OrderingTerm> terms) {
        List<Collation> colls = new ArrayList<>();
        List<String> collNames = new ArrayList<>();
        boolean[] desc = new boolean[exprs.size()];
        for (int i = 0; i < exprs.size(); i++) {
            String c = ex.collationName(exprs.get(i));
            String name = c == null ? "BINARY" : c.toUpperCase(Locale.ROOT);
            Collation coll = Collations.builtIn(name);
            if (coll == null) {
                throw Errors.error("no such collation sequence: " + c);
            }
            colls.add(coll);
            collNames.add(name);
            desc[i] = terms != null && terms.get(i).order() == OrderingTerm.SortOrder.DESC;
        }
        return new Specs.Keys(colls, collNames, desc);
    }

    // ---------------------------------------------------------------- loops

    private void loops(int level, Runnable body) {
        assert level == 0;
        joinLoops.emit(body);
    }

    // ---------------------------------------------------------------- ORDER BY

    /** The sorter of an ORDER BY: rows are inserted as (keys..., results...) and read back in key order. */
    private final class Ordering {
        final List<OrderingTerm> terms;
        final List<Expr> exprs = new ArrayList<>();
        final int cursor = b.newCursor();
        final Specs.Keys keys;
        int resultCount;

        Ordering(List<OrderingTerm> terms) {
            this.terms = terms;
            for (OrderingTerm t : terms) {
                exprs.add(resolveOrderTerm(t.expr()));
            }
            this.keys = keysWithNulls(exprs, terms);
        }

        void insert(int start, int n) {
            resultCount = n;
            int row = b.newRegisters(exprs.size() + n);
            for (int i = 0; i < exprs.size(); i++) {
                Expr e = exprs.get(i);
                int idx = results.indexOf(e);
                if (e instanceof Expr.NumericLiteral lit && isColumnNumber(lit)) {
                    b.emit(Opcode.SCopy, start + Integer.parseInt(lit.text()) - 1, row + i);
                } else if (idx >= 0 && idx < n) {
                    b.emit(Opcode.SCopy, start + idx, row + i);
                } else {
                    ex.expr(e, row + i);
                }
            }
            b.emit(Opcode.Copy, start, row + exprs.size(), n - 1);
            b.emit(Opcode.SorterInsert, cursor, row, exprs.size() + n);
        }

        void emitOutput(Limits limits, int done, RowSink sink) {
            int out = b.newRegisters(Math.max(resultCount, 1));
            b.emit(Opcode.SorterSort, cursor, done);
            int top = b.currentAddress();
            for (int i = 0; i < resultCount; i++) {
                b.emit(Opcode.Column, cursor, exprs.size() + i, out + i);
            }
            output(out, resultCount, limits, done, sink);
            b.emit(Opcode.SorterNext, cursor, top);
        }
    }

    private boolean isColumnNumber(Expr.NumericLiteral lit) {
        if (lit.isReal()) {
            return false;
        }
        int k;
        try {
            k = Integer.parseInt(lit.text());
        } catch (NumberFormatException e) {
            return false;
        }
        if (k < 1 || k > results.size()) {
            throw Errors.error("1st ORDER BY term out of range - should be between 1 and " + results.size());
        }
        return true;
    }

    private Expr resolveOrderTerm(Expr e) {
        if (e instanceof Expr.ColumnRef ref && ref.table() == null) {
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).equalsIgnoreCase(ref.column().text()) && !(results.get(i) instanceof Expr.ColumnRef)) {
                    return results.get(i);
                }
            }
            boolean resolvable;
            try {
                scope.resolve(ref);
                resolvable = true;
            } catch (RuntimeException notAColumn) {
                resolvable = false;
            }
            if (!resolvable) {
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i).equalsIgnoreCase(ref.column().text())) {
                        return results.get(i);
                    }
                }
            }
        }
        if (e instanceof Expr.NumericLiteral lit && isColumnNumber(lit)) {
            return results.get(Integer.parseInt(lit.text()) - 1);
        }
        return e;
    }

    private Specs.Keys keysWithNulls(List<Expr> exprs, List<OrderingTerm> terms) {
        for (OrderingTerm t : terms) {
            if (t.nulls() != OrderingTerm.NullsOrder.UNSPECIFIED) {
                throw Errors.unsupported("NULLS FIRST/LAST");
            }
        }
        return keys(exprs, terms);
    }

    // ---------------------------------------------------------------- aggregates

    /** Aggregation: AggStep per row (per group through a sorter when there is a GROUP BY), then the output. */
    private final class Aggregation {
        final SelectCore.Query q;
        final Map<Expr, Integer> calls = new LinkedHashMap<>();
        final List<Expr.ColumnRef> columns = new ArrayList<>();

        Aggregation(SelectCore.Query q, Ordering order) {
            this.q = q;
            List<Expr> all = new ArrayList<>(results);
            if (q.having() != null) {
                all.add(q.having());
            }
            if (order != null) {
                all.addAll(order.exprs);
            }
            for (Expr e : all) {
                collect(e);
            }
        }

        private void collect(Expr e) {
            if (e instanceof Expr.FunctionCall f && f.over() == null && ex.isAggregateCall(f)) {
                for (Expr a : f.args()) {
                    if (ex.isAggregate(a)) {
                        throw Errors.error(
                                "misuse of aggregate function " + f.name().text() + "()");
                    }
                }
                calls.putIfAbsent(e, b.newRegister());
                return;
            }
            if (e instanceof Expr.ColumnRef ref) {
                columns.add(ref);
                return;
            }
            for (Expr c : AstWalk.children(e)) {
                collect(c);
            }
        }

        private FunctionDef def(Expr.FunctionCall f) {
            return compiler.functions()
                    .find(
                            f.name().text().toLowerCase(Locale.ROOT),
                            f.star() ? 0 : f.args().size());
        }

        void compile(RowSink deliver) {
            if (q.groupBy().isEmpty()) {
                Map<Long, Integer> captured = new LinkedHashMap<>();
                loops(0, () -> {
                    step(null, 0);
                    capture(captured, null, 0);
                });
                outputGroup(deliver, captured, Map.of());
                return;
            }
            grouped(deliver);
        }

        private void step(Integer sorter, int base) {
            for (Map.Entry<Expr, Integer> c : calls.entrySet()) {
                Expr.FunctionCall f = (Expr.FunctionCall) c.getKey();
                if (f.distinct()) {
                    throw Errors.unsupported("DISTINCT in aggregates");
                }
                int n = f.star() ? 0 : f.args().size();
                int args = b.newRegisters(Math.max(n, 1));
                for (int i = 0; i < n; i++) {
                    if (sorter == null) {
                        ex.expr(f.args().get(i), args + i);
                    } else {
                        b.emit(Opcode.Column, sorter, base++, args + i);
                    }
                }
                b.emit(Opcode.AggStep, 0, args, c.getValue(), def(f), n);
            }
        }

        private void capture(Map<Long, Integer> captured, Integer sorter, int base) {
            for (int i = 0; i < columns.size(); i++) {
                Scope.Resolved r = scope.resolve(columns.get(i));
                long key = Scope.key(r.source().cursor(), r.rowid() ? -1 : r.column());
                if (captured.containsKey(key)) {
                    continue;
                }
                int reg = b.newRegister();
                captured.put(key, reg);
                if (sorter == null) {
                    ex.loadColumn(r, reg);
                } else {
                    b.emit(Opcode.Column, sorter, base + i, reg);
                }
            }
        }

        private void outputGroup(RowSink deliver, Map<Long, Integer> captured, Map<Expr, Integer> groupKeys) {
            for (Map.Entry<Expr, Integer> c : calls.entrySet()) {
                Expr.FunctionCall f = (Expr.FunctionCall) c.getKey();
                b.emit(Opcode.AggFinal, c.getValue(), f.star() ? 0 : f.args().size(), 0, def(f), 0);
            }
            scope.replaced.putAll(calls);
            scope.replaced.putAll(groupKeys);
            scope.capturedColumns.putAll(captured);
            scope.useCaptured = true;
            int skip = b.newLabel();
            if (q.having() != null) {
                ex.jumpIfNot(q.having(), skip);
            }
            deliver.emit(computeResults(), results.size());
            b.resolve(skip);
        }

        private void grouped(RowSink deliver) {
            int nk = q.groupBy().size();
            int sorter = b.newCursor();
            b.emit(Opcode.SorterOpen, sorter, nk, 0, keys(q.groupBy(), null), 0);
            int argCount = 0;
            for (Expr call : calls.keySet()) {
                Expr.FunctionCall f = (Expr.FunctionCall) call;
                argCount += f.star() ? 0 : f.args().size();
            }
            int width = nk + argCount + columns.size();
            loops(0, () -> {
                int row = b.newRegisters(Math.max(width, 1));
                int r = row;
                for (Expr g : q.groupBy()) {
                    ex.expr(g, r++);
                }
                for (Expr call : calls.keySet()) {
                    for (Expr a : ((Expr.FunctionCall) call).args()) {
                        ex.expr(a, r++);
                    }
                }
                for (Expr.ColumnRef ref : columns) {
                    ex.loadColumn(scope.resolve(ref), r++);
                }
                b.emit(Opcode.SorterInsert, sorter, row, width);
            });
            int prev = b.newRegisters(nk);
            int cur = b.newRegisters(nk);
            int first = b.newRegister();
            int outputSub = b.newLabel();
            int ret = b.newRegister();
            int done = b.newLabel();
            b.emit(Opcode.Integer, 1, first);
            b.emit(Opcode.SorterSort, sorter, done);
            int top = b.currentAddress();
            for (int i = 0; i < nk; i++) {
                b.emit(Opcode.Column, sorter, i, cur + i);
            }
            int changed = b.newLabel();
            int same = b.newLabel();
            b.emit(Opcode.If, first, changed);
            for (int i = 0; i < nk; i++) {
                Specs.Comparison spec = ExprCompiler.spec(
                        Affinity.BLOB, ex.collationName(q.groupBy().get(i)));
                b.emit(Opcode.Ne, cur + i, changed, prev + i, spec, Vdbe.NULL_EQ);
            }
            b.emit(Opcode.Goto, 0, same);
            b.resolve(changed);
            int skipOut = b.newLabel();
            b.emit(Opcode.If, first, skipOut);
            b.emit(Opcode.Gosub, ret, outputSub);
            b.resolve(skipOut);
            b.emit(Opcode.Integer, 0, first);
            b.emit(Opcode.Copy, cur, prev, nk - 1);
            b.resolve(same);
            step(sorter, nk);
            Map<Long, Integer> captured = new LinkedHashMap<>();
            capture(captured, sorter, nk + argCount);
            b.emit(Opcode.SorterNext, sorter, top);
            b.emit(Opcode.If, first, done);
            b.emit(Opcode.Gosub, ret, outputSub);
            b.emit(Opcode.Goto, 0, done);
            b.resolve(outputSub);
            Map<Expr, Integer> groupKeys = new LinkedHashMap<>();
            for (int i = 0; i < nk; i++) {
                groupKeys.put(q.groupBy().get(i), prev + i);
            }
            outputGroup(deliver, captured, groupKeys);
            b.emit(Opcode.Return, ret, 0);
            b.resolve(done);
        }
    }
}
