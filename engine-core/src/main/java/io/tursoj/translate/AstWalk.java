package io.tursoj.translate;

import io.tursoj.translate.parser.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** Visits the sub-expressions of an expression (not into subqueries). */
final class AstWalk {
    private AstWalk() {}

    static List<Expr> children(Expr e) {
        List<Expr> out = new ArrayList<>();
        switch (e) {
            case Expr.Unary u -> out.add(u.operand());
            case Expr.Binary b -> {
                out.add(b.left());
                out.add(b.right());
            }
            case Expr.Like l -> {
                out.add(l.left());
                out.add(l.pattern());
                if (l.escape() != null) {
                    out.add(l.escape());
                }
            }
            case Expr.Between b -> {
                out.add(b.expr());
                out.add(b.low());
                out.add(b.high());
            }
            case Expr.InList in -> {
                out.add(in.expr());
                out.addAll(in.values());
            }
            case Expr.NullTest n -> out.add(n.expr());
            case Expr.Cast c -> out.add(c.expr());
            case Expr.Collate c -> out.add(c.expr());
            case Expr.Case c -> {
                if (c.operand() != null) {
                    out.add(c.operand());
                }
                for (Expr.WhenClause w : c.whens()) {
                    out.add(w.when());
                    out.add(w.then());
                }
                if (c.otherwise() != null) {
                    out.add(c.otherwise());
                }
            }
            case Expr.FunctionCall f -> out.addAll(f.args());
            case Expr.RowValue rv -> out.addAll(rv.values());
            default -> {}
        }
        return out;
    }

    static boolean any(Expr e, Predicate<Expr> p) {
        if (e == null) {
            return false;
        }
        if (p.test(e)) {
            return true;
        }
        for (Expr c : children(e)) {
            if (any(c, p)) {
                return true;
            }
        }
        return false;
    }

    static void forEach(Expr e, Consumer<Expr> visit) {
        if (e == null) {
            return;
        }
        visit.accept(e);
        for (Expr c : children(e)) {
            forEach(c, visit);
        }
    }
}
