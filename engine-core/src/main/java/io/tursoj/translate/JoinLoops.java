package io.tursoj.translate;

import io.tursoj.function.FunctionDef;
import io.tursoj.function.FunctionRegistry;
import io.tursoj.schema.Index;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Plans and emits the nested loops of a join (or of one table, for UPDATE and DELETE): one {@link AccessPath} per
 * level, chosen by {@link AccessPlanner}, and each WHERE term evaluated at the outermost level where every table it
 * reads is positioned. All terms stay as filters, so a path only ever narrows what is visited.
 *
 * <p>Call {@link #plan}, then {@link #open} where cursors are opened, then {@link #emit} with the loop body.
 */
final class JoinLoops {
    private final ProgramBuilder b;
    private final Scope scope;
    private final ExprCompiler ex;
    private final FunctionRegistry functions;
    private final List<JoinLevel> levels;
    private final List<AccessPath> paths = new ArrayList<>();
    private final List<List<Expr>> placed = new ArrayList<>();
    private final int[] indexCursors;
    private final boolean openTables;
    private boolean reverseOuter;

    /**
     * @param openTables whether {@link #open} opens the tables too (false when the caller has them open for writing)
     */
    JoinLoops(
            ProgramBuilder b,
            Scope scope,
            ExprCompiler ex,
            FunctionRegistry functions,
            List<JoinLevel> levels,
            boolean openTables) {
        this.b = b;
        this.scope = scope;
        this.ex = ex;
        this.functions = functions;
        this.levels = levels;
        this.openTables = openTables;
        this.indexCursors = new int[levels.size()];
    }

    List<AccessPath> paths() {
        return paths;
    }

    /** The EXPLAIN QUERY PLAN line of each level, outermost first. */
    List<String> planLines() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            out.add(QueryPlanText.describe(levels.get(i), paths.get(i)));
        }
        return out;
    }

    /**
     * Chooses every level's path. {@code where} are the WHERE terms (split at AND); {@code usedColumns} gives the
     * columns the statement reads from a source (null when unknown).
     */
    void plan(List<Expr> where, Function<Source, BitSet> usedColumns) {
        for (int i = 0; i <= levels.size(); i++) {
            placed.add(new ArrayList<>());
        }
        for (Expr t : where) {
            placed.get(placement(t)).add(t);
        }
        AccessPlanner planner = new AccessPlanner(scope, ex, this::usesOnlyEarlier);
        for (int i = 0; i < levels.size(); i++) {
            JoinLevel l = levels.get(i);
            List<Expr> terms = new ArrayList<>(l.on());
            if (!l.left()) {
                // WHERE terms can drive an inner level; on the right of a LEFT JOIN they must see the NULL row.
                terms.addAll(where);
            }
            Index forced = null;
            boolean noIndex = false;
            if (l.indexedBy() != null) {
                noIndex = l.indexedBy().notIndexed();
                if (!noIndex) {
                    forced = findIndex(l.source(), l.indexedBy().index().text());
                }
            }
            AccessPath p = planner.choose(l.source(), i, terms, usedColumns.apply(l.source()), forced, noIndex);
            if (forced != null && !(p instanceof AccessPath.IndexSeek)) {
                throw Errors.error("no query solution");
            }
            paths.add(p);
            indexCursors[i] = p instanceof AccessPath.IndexSeek ? b.newCursor() : -1;
        }
    }

    /**
     * Makes the outermost loop deliver rows in the order of {@code terms} when an index or the rowid can; returns
     * whether it does (then the caller needs no sorter). Call after {@link #plan}, before {@link #open}.
     */
    boolean orderBy(List<OrderByIndex.Term> terms, Function<Source, BitSet> usedColumns) {
        if (levels.isEmpty()) {
            return false;
        }
        JoinLevel l = levels.get(0);
        boolean keepPath = l.indexedBy() != null;
        OrderByIndex.Result r = new OrderByIndex(scope)
                .satisfy(l.source(), paths.get(0), terms, usedColumns.apply(l.source()), keepPath);
        if (r == null) {
            return false;
        }
        if (r.path() != paths.get(0)) {
            paths.set(0, r.path());
            indexCursors[0] = b.newCursor();
        }
        reverseOuter = r.reverse();
        return true;
    }

    private static Index findIndex(Source s, String name) {
        for (Index idx : s.table().indexes()) {
            if (idx.name().equalsIgnoreCase(name)) {
                return idx;
            }
        }
        throw Errors.error("no such index: " + name);
    }

    /** Opens each level's table and index cursors, and maps covered columns to their index cursor. */
    void open() {
        for (int i = 0; i < levels.size(); i++) {
            Source s = levels.get(i).source();
            if (openTables && !FromSubquery.isEphemeral(s.table())) {
                b.emitComment(
                        b.emit(
                                Opcode.OpenRead,
                                s.cursor(),
                                s.table().rootPage(),
                                0,
                                s.table().columns().size(),
                                0),
                        s.table().name());
            }
            if (paths.get(i) instanceof AccessPath.IndexSeek seek) {
                Index idx = seek.index();
                b.emitComment(
                        b.emit(Opcode.OpenRead, indexCursors[i], idx.rootPage(), 0, WriteCompiler.keys(idx), 0),
                        idx.name());
                if (seek.covering()) {
                    scope.covering.put(s.cursor(), new Scope.IndexColumns(indexCursors[i], idx.columns()));
                }
            }
        }
    }

    /** Emits the loops; {@code body} runs once per joined row that passes every term. */
    void emit(Runnable body) {
        level(0, body);
    }

    private void level(int i, Runnable body) {
        if (i == levels.size()) {
            int skip = b.newLabel();
            for (Expr t : placed.get(i)) {
                ex.jumpIfNot(t, skip);
            }
            body.run();
            b.resolve(skip);
            return;
        }
        JoinLevel l = levels.get(i);
        int done = b.newLabel();
        int next = b.newLabel();
        int noMatch = l.left() ? b.newLabel() : done;
        int match = 0;
        if (l.left()) {
            match = b.newRegister();
            b.emit(Opcode.Integer, 0, match);
        }
        LevelCursor lc =
                new LevelCursor(b, ex, l.source().cursor(), indexCursors[i], paths.get(i), i == 0 && reverseOuter);
        lc.begin(noMatch, next);
        for (Expr t : l.on()) {
            ex.jumpIfNot(t, next);
        }
        int afterOn = b.newLabel();
        if (l.left()) {
            b.emit(Opcode.Integer, 1, match);
        }
        b.resolve(afterOn);
        for (Expr t : placed.get(i)) {
            ex.jumpIfNot(t, next);
        }
        level(i + 1, body);
        b.resolve(next);
        lc.advance();
        if (l.left()) {
            b.resolve(noMatch);
            b.emit(Opcode.If, match, done);
            b.emit(Opcode.NullRow, l.source().cursor(), 0);
            if (indexCursors[i] >= 0) {
                b.emit(Opcode.NullRow, indexCursors[i], 0);
            }
            b.emit(Opcode.Integer, 1, match);
            b.emit(Opcode.Goto, 0, afterOn);
        }
        b.resolve(done);
    }

    /**
     * The outermost level after which {@code t} can be evaluated: the deepest level it reads. Terms this class
     * cannot analyse (subqueries, non-deterministic calls, no table at all) run innermost, as before.
     */
    private int placement(Expr t) {
        int[] deepest = {-1};
        boolean[] opaque = {false};
        AstWalk.forEach(t, e -> {
            switch (e) {
                case Expr.ColumnRef ref -> {
                    int lvl = levelOf(ref);
                    if (lvl < 0) {
                        opaque[0] = true;
                    }
                    deepest[0] = Math.max(deepest[0], lvl);
                }
                case Expr.Subquery s -> opaque[0] = true;
                case Expr.Exists s -> opaque[0] = true;
                case Expr.InSelect s -> opaque[0] = true;
                case Expr.InTable s -> opaque[0] = true;
                case Expr.Raise s -> opaque[0] = true;
                case Expr.FunctionCall f -> opaque[0] |= !deterministic(f);
                default -> {}
            }
        });
        return opaque[0] || deepest[0] < 0 ? levels.size() : deepest[0];
    }

    private int levelOf(Expr.ColumnRef ref) {
        Source s;
        try {
            s = scope.resolve(ref).source();
        } catch (RuntimeException outer) {
            return -1;
        }
        for (int i = 0; i < levels.size(); i++) {
            if (levels.get(i).source() == s) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code value} reads only levels before {@code level} and is safe to evaluate before that loop. */
    private boolean usesOnlyEarlier(Expr value, int level) {
        boolean[] ok = {true};
        AstWalk.forEach(value, e -> {
            switch (e) {
                case Expr.ColumnRef ref -> {
                    int lvl = levelOf(ref);
                    ok[0] &= lvl >= 0 && lvl < level;
                }
                case Expr.Subquery s -> ok[0] = false;
                case Expr.Exists s -> ok[0] = false;
                case Expr.InSelect s -> ok[0] = false;
                case Expr.InTable s -> ok[0] = false;
                case Expr.Raise s -> ok[0] = false;
                case Expr.FunctionCall f -> ok[0] &= deterministic(f) && !ex.isAggregateCall(f);
                default -> {}
            }
        });
        return ok[0];
    }

    private boolean deterministic(Expr.FunctionCall f) {
        FunctionDef def = functions.find(
                f.name().text().toLowerCase(Locale.ROOT), f.args().size());
        return def != null && def.isDeterministic() && f.over() == null;
    }
}
