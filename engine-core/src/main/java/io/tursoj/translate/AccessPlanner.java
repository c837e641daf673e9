package io.tursoj.translate;

import io.tursoj.schema.Index;
import io.tursoj.schema.Table;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.Span;
import io.tursoj.vdbe.Specs;
import io.tursoj.vdbe.value.Affinity;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses the {@link AccessPath} of one join level from the terms that constrain it. A term is usable when one side
 * is a column (or the rowid) of the level's table and the other side reads only earlier levels, and, for an index,
 * when the comparison's affinity and collation agree with the index column's (SQLite's {@code indexAffinityOk}
 * and collation rule), so that the index order is the comparison's order. Preference: rowid equality, then the
 * index with the most leading equalities (a range on the next column breaks ties), then a rowid range, then an
 * index range, then a full scan.
 */
final class AccessPlanner {
    private final Scope scope;
    private final ExprCompiler ex;
    private final TermFilter filter;

    /** A normalized constraint {@code column OP value} taken from {@code term}. */
    record Constraint(Scope.Resolved column, Expr.BinaryOp op, Expr value, Expr columnExpr, Specs.Comparison cmp) {
        /** The affinity the comparison applies to the value: TEXT, NUMERIC or NONE (compared as it is). */
        Affinity conversion() {
            Affinity a = cmp.affinity();
            return a == Affinity.TEXT ? a : a.isNumeric() ? Affinity.NUMERIC : Affinity.NONE;
        }

        Expr asTerm() {
            return new Expr.Binary(Span.NONE, op, columnExpr, value);
        }
    }

    /** Decides whether an expression may serve as the value side of a constraint for a level. */
    interface TermFilter {
        boolean usesOnlyEarlier(Expr value, int level);
    }

    AccessPlanner(Scope scope, ExprCompiler ex, TermFilter filter) {
        this.scope = scope;
        this.ex = ex;
        this.filter = filter;
    }

    /**
     * The path for level {@code level} over {@code source}; {@code usedColumns} are the table columns the statement
     * reads (null: unknown, never covering); {@code forced} an INDEXED BY index; {@code noIndex} for NOT INDEXED.
     */
    AccessPath choose(Source source, int level, List<Expr> terms, BitSet usedColumns, Index forced, boolean noIndex) {
        if (FromSubquery.isEphemeral(source.table())) {
            return new AccessPath.FullScan(); // a materialized subquery, CTE or view: rows in memory, no b-tree
        }
        List<Constraint> cs = new ArrayList<>();
        for (Expr t : terms) {
            try {
                constraints(t, source, level, cs);
            } catch (RuntimeException notUsable) {
                // a term this planner cannot analyse (an unknown collation, an outer reference) only filters
            }
        }
        if (forced == null) {
            for (Constraint c : cs) {
                if (c.column().rowid() && c.op() == Expr.BinaryOp.EQ) {
                    return new AccessPath.RowidEq(c.value());
                }
            }
        }
        AccessPath best = null;
        int bestScore = 0;
        if (!noIndex) {
            for (Index idx : source.table().indexes()) {
                if (forced != null && idx != forced || !plainIndex(idx)) {
                    continue;
                }
                AccessPath.IndexSeek p = indexPath(idx, source.table(), cs, usedColumns);
                int score = p == null ? 0 : 4 * p.equal().size() + (p.lower() != null || p.upper() != null ? 1 : 0);
                if (forced != null && p == null) {
                    p = new AccessPath.IndexSeek(
                            idx, List.of(), null, null, covers(idx, usedColumns), names(idx, source.table()));
                    score = 1;
                }
                if (p != null && score > bestScore) {
                    best = p;
                    bestScore = score;
                }
            }
        }
        if (forced == null && (best == null || bestScore < 4)) {
            AccessPath.Bound lo = null;
            AccessPath.Bound hi = null;
            for (Constraint c : cs) {
                if (c.column().rowid()) {
                    AccessPath.Bound bnd =
                            new AccessPath.Bound(c.value(), inclusive(c.op()), c.asTerm(), c.conversion());
                    if (isLower(c.op()) && lo == null) {
                        lo = bnd;
                    } else if (isUpper(c.op()) && hi == null) {
                        hi = bnd;
                    }
                }
            }
            if (lo != null || hi != null) {
                return new AccessPath.RowidRange(lo, hi);
            }
        }
        return best != null ? best : new AccessPath.FullScan();
    }

    private AccessPath.IndexSeek indexPath(Index idx, Table table, List<Constraint> cs, BitSet used) {
        List<AccessPath.Key> equal = new ArrayList<>();
        AccessPath.Bound lo = null;
        AccessPath.Bound hi = null;
        for (int k = 0; k < idx.columns().size(); k++) {
            Constraint eq = find(cs, idx, k, table, Expr.BinaryOp.EQ);
            if (eq != null) {
                equal.add(new AccessPath.Key(eq.value(), eq.conversion()));
                continue;
            }
            for (Constraint c : cs) {
                if (!usable(c, idx, k, table)) {
                    continue;
                }
                AccessPath.Bound bnd = new AccessPath.Bound(c.value(), inclusive(c.op()), c.asTerm(), c.conversion());
                if (isLower(c.op()) && lo == null) {
                    lo = bnd;
                } else if (isUpper(c.op()) && hi == null) {
                    hi = bnd;
                }
            }
            break;
        }
        if (equal.isEmpty() && lo == null && hi == null) {
            return null;
        }
        return new AccessPath.IndexSeek(idx, equal, lo, hi, covers(idx, used), names(idx, table));
    }

    private Constraint find(List<Constraint> cs, Index idx, int k, Table table, Expr.BinaryOp op) {
        for (Constraint c : cs) {
            if (c.op() == op && usable(c, idx, k, table)) {
                return c;
            }
        }
        return null;
    }

    /** Whether constraint {@code c} applies to column {@code k} of {@code idx} with its affinity and collation. */
    private static boolean usable(Constraint c, Index idx, int k, Table table) {
        if (c.column().rowid() || c.column().column() != idx.columns().get(k)) {
            return false;
        }
        Affinity aff = c.cmp().affinity();
        Affinity columnAff = table.columns().get(idx.columns().get(k)).affinity();
        boolean affinityOk = aff == Affinity.NONE
                || aff == Affinity.BLOB
                || (aff == Affinity.TEXT ? columnAff == Affinity.TEXT : columnAff.isNumeric());
        String coll = idx.collations().get(k);
        String idxColl = coll == null ? "BINARY" : coll.toUpperCase(Locale.ROOT);
        return affinityOk && idxColl.equals(c.cmp().collationName());
    }

    /** Indexes whose entries are exactly one per table row keyed on plain columns (no partial index WHERE). */
    private static boolean plainIndex(Index idx) {
        return idx.sql() == null || !idx.sql().toUpperCase(Locale.ROOT).contains("WHERE");
    }

    private static boolean covers(Index idx, BitSet used) {
        if (used == null) {
            return false;
        }
        for (int c = used.nextSetBit(0); c >= 0; c = used.nextSetBit(c + 1)) {
            if (!idx.columns().contains(c)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> names(Index idx, Table table) {
        List<String> out = new ArrayList<>();
        for (int c : idx.columns()) {
            out.add(table.columns().get(c).name());
        }
        return out;
    }

    private static boolean inclusive(Expr.BinaryOp op) {
        return op == Expr.BinaryOp.LE || op == Expr.BinaryOp.GE;
    }

    private static boolean isLower(Expr.BinaryOp op) {
        return op == Expr.BinaryOp.GT || op == Expr.BinaryOp.GE;
    }

    private static boolean isUpper(Expr.BinaryOp op) {
        return op == Expr.BinaryOp.LT || op == Expr.BinaryOp.LE;
    }

    private static final Set<Expr.BinaryOp> USABLE =
            Set.of(Expr.BinaryOp.EQ, Expr.BinaryOp.LT, Expr.BinaryOp.LE, Expr.BinaryOp.GT, Expr.BinaryOp.GE);

    private void constraints(Expr t, Source source, int level, List<Constraint> out) {
        switch (t) {
            case Expr.Binary bin
            when USABLE.contains(bin.op()) -> {
                Specs.Comparison cmp = ex.comparisonSpec(bin.left(), bin.right());
                add(bin.left(), bin.op(), bin.right(), cmp, source, level, out);
                add(bin.right(), flip(bin.op()), bin.left(), cmp, source, level, out);
            }
            case Expr.Between bt
            when !bt.not() -> {
                add(bt.expr(), Expr.BinaryOp.GE, bt.low(), ex.comparisonSpec(bt.expr(), bt.low()), source, level, out);
                add(
                        bt.expr(),
                        Expr.BinaryOp.LE,
                        bt.high(),
                        ex.comparisonSpec(bt.expr(), bt.high()),
                        source,
                        level,
                        out);
            }
            default -> {}
        }
    }

    private void add(
            Expr col,
            Expr.BinaryOp op,
            Expr value,
            Specs.Comparison cmp,
            Source source,
            int level,
            List<Constraint> out) {
        if (!(col instanceof Expr.ColumnRef ref)) {
            return;
        }
        Scope.Resolved r;
        try {
            r = scope.resolve(ref);
        } catch (RuntimeException notHere) {
            return;
        }
        if (r.source() != source || !filter.usesOnlyEarlier(value, level)) {
            return;
        }
        out.add(new Constraint(r, op, value, col, cmp));
    }

    private static Expr.BinaryOp flip(Expr.BinaryOp op) {
        return switch (op) {
            case LT -> Expr.BinaryOp.GT;
            case LE -> Expr.BinaryOp.GE;
            case GT -> Expr.BinaryOp.LT;
            case GE -> Expr.BinaryOp.LE;
            default -> op;
        };
    }
}
