package io.tursoj.shell.mcp;

import io.tursoj.translate.parser.ParseException;
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
 * The lines of {@code describe_table}: one per column, {@code name type NULL|NOT NULL [DEFAULT value] [PRIMARY KEY]
 * [VIRTUAL GENERATED]}, the facts Turso's server reads from {@code PRAGMA table_xinfo}. They are read here from the
 * table's CREATE TABLE text in sqlite_schema (the source PRAGMA table_info itself reads), with the declared type and
 * default written as they were in it. Unlike Turso, empty parts leave no double spaces, and every column of a
 * composite primary key is marked.
 */
final class TableColumns {
    private TableColumns() {}

    /** The column lines of the table {@code createSql} defines; empty when it is not a CREATE TABLE. */
    static List<String> describe(String createSql) {
        Stmt stmt;
        try {
            stmt = Parser.parse(createSql);
        } catch (ParseException e) {
            return List.of();
        }
        if (!(stmt instanceof Stmt.CreateTable table)) {
            return List.of();
        }
        List<String> primaryKey = tablePrimaryKey(table);
        List<String> lines = new ArrayList<>();
        for (ColumnDef column : table.columns()) {
            lines.add(line(createSql, column, primaryKey));
        }
        return lines;
    }

    private static String line(String sql, ColumnDef column, List<String> tablePrimaryKey) {
        List<String> parts = new ArrayList<>();
        parts.add(column.name().text());
        if (column.type() != null) {
            parts.add(column.type().span().text(sql));
        }
        boolean notNull = false;
        boolean primaryKey = tablePrimaryKey.stream()
                .anyMatch(c -> c.equalsIgnoreCase(column.name().text()));
        String defaultText = null;
        String generated = null;
        for (ColumnConstraint c : column.constraints()) {
            switch (c) {
                case ColumnConstraint.NotNull ignored -> notNull = true;
                case ColumnConstraint.PrimaryKey ignored -> primaryKey = true;
                case ColumnConstraint.Default d ->
                    defaultText = d.value().span().text(sql);
                case ColumnConstraint.Generated g ->
                    generated =
                            g.storage() == ColumnConstraint.Storage.STORED ? "STORED GENERATED" : "VIRTUAL GENERATED";
                default -> {}
            }
        }
        parts.add(notNull ? "NOT NULL" : "NULL");
        if (defaultText != null) {
            parts.add("DEFAULT " + defaultText);
        }
        if (primaryKey) {
            parts.add("PRIMARY KEY");
        }
        if (generated != null) {
            parts.add(generated);
        }
        return String.join(" ", parts);
    }

    private static List<String> tablePrimaryKey(Stmt.CreateTable table) {
        List<String> names = new ArrayList<>();
        for (TableConstraint c : table.constraints()) {
            if (c instanceof TableConstraint.PrimaryKey pk) {
                for (OrderingTerm term : pk.columns()) {
                    if (term.expr() instanceof Expr.ColumnRef ref) {
                        names.add(ref.column().text());
                    }
                }
            }
        }
        return names;
    }
}
