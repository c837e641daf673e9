package io.tursoj.jdbc;

import io.tursoj.translate.parser.Parser;
import io.tursoj.translate.parser.ast.ColumnConstraint;
import io.tursoj.translate.parser.ast.ColumnDef;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.translate.parser.ast.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * Facts about a table that the engine's schema model does not keep, read from its CREATE TABLE text with the
 * engine's parser: the primary key's columns in key order (a table constraint may list them in any order).
 */
final class TableSql {
    private TableSql() {}

    /** The primary key's column names in key order; empty for a table keyed by rowid alone. */
    static List<String> primaryKey(String createTableSql) {
        List<String> key = new ArrayList<>();
        if (createTableSql == null || !(Parser.parse(createTableSql) instanceof Stmt.CreateTable ct)) {
            return key;
        }
        for (ColumnDef column : ct.columns()) {
            for (ColumnConstraint cc : column.constraints()) {
                if (cc instanceof ColumnConstraint.PrimaryKey) {
                    key.add(column.name().text());
                }
            }
        }
        for (TableConstraint tc : ct.constraints()) {
            if (tc instanceof TableConstraint.PrimaryKey pk) {
                for (OrderingTerm term : pk.columns()) {
                    Expr e = term.expr();
                    if (e instanceof Expr.Collate c) {
                        e = c.expr();
                    }
                    if (e instanceof Expr.ColumnRef ref) {
                        key.add(ref.column().text());
                    }
                }
            }
        }
        return key;
    }
}
