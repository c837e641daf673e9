package io.tursoj.translate;

import io.tursoj.schema.Schema;
import io.tursoj.schema.Table;
import io.tursoj.translate.parser.ast.FromClause;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.TableRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A NATURAL join as the USING join it stands for: every column of the right table (in its order) that some table
 * to its left also has. With no common column it is a plain cross join.
 */
final class NaturalJoin {
    private NaturalJoin() {}

    static FromClause.JoinConstraint using(FromClause.Join j, Schema schema, List<JoinLevel> left) {
        if (j.constraint() != null) {
            throw Errors.error("a NATURAL join may not have an ON or USING clause");
        }
        if (!(j.table() instanceof TableRef.Table t)) {
            throw Errors.unsupported("NATURAL JOIN with a subquery");
        }
        Table right = schema.table(t.name().name().text());
        if (right == null) {
            throw Errors.noSuchTable(t.name().name().text());
        }
        List<Name> common = new ArrayList<>();
        for (var col : right.columns()) {
            for (JoinLevel l : left) {
                if (l.source().table().columnIndex(col.name()) >= 0) {
                    common.add(Name.of(col.name()));
                    break;
                }
            }
        }
        return common.isEmpty() ? null : new FromClause.JoinConstraint.Using(j.span(), common);
    }
}
