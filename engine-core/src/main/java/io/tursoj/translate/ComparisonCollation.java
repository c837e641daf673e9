package io.tursoj.translate;

import io.tursoj.translate.parser.ast.Expr;

/**
 * The collation a binary comparison uses, by SQLite's precedence ({@code sqlite3BinaryCompareCollSeq}): an explicit
 * COLLATE on the left operand, else one on the right, else the left operand's column collation (BINARY for a column
 * that declares none), else the right operand's. Unary {@code +} and CAST keep their operand's collation.
 */
final class ComparisonCollation {
    private ComparisonCollation() {}

    /** The collation name for {@code left OP right}, or null for BINARY. */
    static String of(Scope scope, Expr left, Expr right) {
        String explicit = explicit(left);
        if (explicit == null) {
            explicit = explicit(right);
        }
        if (explicit != null) {
            return explicit;
        }
        Expr.ColumnRef l = column(left);
        if (l != null) {
            return columnCollation(scope, l);
        }
        Expr.ColumnRef r = column(right);
        return r == null ? null : columnCollation(scope, r);
    }

    private static Expr strip(Expr e) {
        Expr x = e;
        for (; ; ) {
            switch (x) {
                case Expr.Unary u when u.op() == Expr.UnaryOp.PLUS -> x = u.operand();
                case Expr.Cast c -> x = c.expr();
                case Expr.RowValue rv
                when rv.values().size() == 1 -> x = rv.values().get(0);
                default -> {
                    return x;
                }
            }
        }
    }

    private static String explicit(Expr e) {
        return strip(e) instanceof Expr.Collate c ? c.collation().text() : null;
    }

    private static Expr.ColumnRef column(Expr e) {
        return strip(e) instanceof Expr.ColumnRef ref ? ref : null;
    }

    private static String columnCollation(Scope scope, Expr.ColumnRef ref) {
        Scope.Resolved r = scope.resolve(ref);
        String c = r.column() < 0 ? null : r.definition().collation();
        return c == null ? "BINARY" : c;
    }
}
