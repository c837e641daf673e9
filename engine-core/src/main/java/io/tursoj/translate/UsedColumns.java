package io.tursoj.translate;

import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.ResultColumn;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.SelectCore;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.function.Function;

/**
 * Which columns of each FROM table a SELECT may read, for choosing covering indexes. Deliberately generous: a
 * column counts for every table that has a column of that name, whatever the qualifier, and a statement with a
 * subquery or window reads everything (null), so an index is never taken as covering when it is not.
 */
final class UsedColumns {
    private UsedColumns() {}

    static Function<Source, BitSet> of(Scope scope, SelectCore.Query q, Select select, List<JoinLevel> levels) {
        List<Expr> exprs = new ArrayList<>();
        boolean[] all = {!q.windows().isEmpty()};
        List<String> stars = new ArrayList<>();
        for (ResultColumn rc : q.columns()) {
            switch (rc) {
                case ResultColumn.Star s -> all[0] = true;
                case ResultColumn.TableStar ts -> stars.add(ts.table().text());
                case ResultColumn.Column c -> exprs.add(c.expr());
            }
        }
        if (q.where() != null) {
            exprs.add(q.where());
        }
        exprs.addAll(q.groupBy());
        if (q.having() != null) {
            exprs.add(q.having());
        }
        for (OrderingTerm t : select.orderBy()) {
            exprs.add(t.expr());
        }
        for (JoinLevel l : levels) {
            exprs.addAll(l.on());
        }
        List<String> names = new ArrayList<>();
        for (Expr e : exprs) {
            AstWalk.forEach(e, x -> {
                switch (x) {
                    case Expr.ColumnRef ref -> names.add(ref.column().text());
                    case Expr.Subquery s -> all[0] = true;
                    case Expr.Exists s -> all[0] = true;
                    case Expr.InSelect s -> all[0] = true;
                    case Expr.InTable s -> all[0] = true;
                    case Expr.FunctionCall f -> all[0] |= f.over() != null;
                    default -> {}
                }
            });
        }
        return source -> {
            if (all[0] || stars.stream().anyMatch(n -> n.equalsIgnoreCase(source.visibleName()))) {
                return null;
            }
            BitSet used = new BitSet();
            for (String n : names) {
                int idx = source.table().columnIndex(n);
                if (idx >= 0 && idx != source.table().rowidAlias()) {
                    used.set(idx);
                }
            }
            return used;
        };
    }
}
