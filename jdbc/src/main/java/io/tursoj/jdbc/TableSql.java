package io.tursoj.jdbc;

import io.tursoj.translate.parser.Parser;
import io.tursoj.translate.parser.ast.ColumnConstraint;
import io.tursoj.translate.parser.ast.ColumnDef;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.ForeignKeyClause;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.translate.parser.ast.TableConstraint;
import java.util.ArrayList;
import java.util.List;

/**
 * Facts about a table that the engine's schema model does not keep, read from its CREATE TABLE text with the
 * engine's parser: the primary key's columns in key order (a table constraint may list them in any order), and the
 * foreign keys.
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

    /**
     * One column of a foreign key: {@code column} of this table refers to {@code parentColumn} of {@code parentTable}
     * (null when the key names no columns: the parent's primary key). {@code seq} is 1-based; rules are
     * java.sql.DatabaseMetaData's importedKey* codes.
     */
    record ForeignKey(
            int id, int seq, String column, String parentTable, String parentColumn, int updateRule, int deleteRule) {}

    static List<ForeignKey> foreignKeys(String createTableSql) {
        List<ForeignKey> keys = new ArrayList<>();
        if (createTableSql == null || !(Parser.parse(createTableSql) instanceof Stmt.CreateTable ct)) {
            return keys;
        }
        int id = 0;
        for (ColumnDef column : ct.columns()) {
            for (ColumnConstraint cc : column.constraints()) {
                if (cc instanceof ColumnConstraint.References ref) {
                    add(keys, id++, List.of(column.name()), ref.clause());
                }
            }
        }
        for (TableConstraint tc : ct.constraints()) {
            if (tc instanceof TableConstraint.ForeignKey fk) {
                add(keys, id++, fk.columns(), fk.clause());
            }
        }
        return keys;
    }

    private static void add(List<ForeignKey> keys, int id, List<Name> columns, ForeignKeyClause clause) {
        int update = java.sql.DatabaseMetaData.importedKeyNoAction;
        int delete = java.sql.DatabaseMetaData.importedKeyNoAction;
        for (ForeignKeyClause.Arg arg : clause.args()) {
            if (arg instanceof ForeignKeyClause.OnAction on) {
                if (on.event() == ForeignKeyClause.Event.UPDATE) {
                    update = rule(on.action());
                } else if (on.event() == ForeignKeyClause.Event.DELETE) {
                    delete = rule(on.action());
                }
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            String parentColumn =
                    i < clause.columns().size() ? clause.columns().get(i).text() : null;
            keys.add(new ForeignKey(
                    id, i + 1, columns.get(i).text(), clause.table().text(), parentColumn, update, delete));
        }
    }

    private static int rule(ForeignKeyClause.Action action) {
        return switch (action) {
            case CASCADE -> java.sql.DatabaseMetaData.importedKeyCascade;
            case RESTRICT -> java.sql.DatabaseMetaData.importedKeyRestrict;
            case SET_NULL -> java.sql.DatabaseMetaData.importedKeySetNull;
            case SET_DEFAULT -> java.sql.DatabaseMetaData.importedKeySetDefault;
            case NO_ACTION -> java.sql.DatabaseMetaData.importedKeyNoAction;
        };
    }
}
