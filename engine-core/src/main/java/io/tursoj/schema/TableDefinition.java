package io.tursoj.schema;

import io.tursoj.translate.parser.ast.ColumnConstraint;
import io.tursoj.translate.parser.ast.ColumnDef;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.translate.parser.ast.TableConstraint;
import io.tursoj.vdbe.value.Affinity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@code CREATE TABLE} statement defines: the columns, the rowid alias, and the automatic indexes its UNIQUE
 * and non-rowid PRIMARY KEY constraints need, in the order SQLite numbers them ({@code sqlite_autoindex_T_1}, ...).
 */
public record TableDefinition(
        String name,
        List<Column> columns,
        int rowidAlias,
        List<List<Integer>> autoIndexes,
        List<CheckConstraint> checks) {

    /** The definition of {@code ct}; throws {@link SchemaException} for a constraint naming an unknown column. */
    public static TableDefinition of(Stmt.CreateTable ct) {
        return of(ct, null);
    }

    /** Like {@link #of(Stmt.CreateTable)}; {@code sql} is the text {@code ct} was parsed from (names CHECKs). */
    public static TableDefinition of(Stmt.CreateTable ct, String sql) {
        List<CheckConstraint> checks = new ArrayList<>();
        String name = ct.name().name().text();
        List<Column> columns = new ArrayList<>();
        List<List<Integer>> uniques = new ArrayList<>();
        int rowidAlias = -1;
        for (int i = 0; i < ct.columns().size(); i++) {
            ColumnDef def = ct.columns().get(i);
            String type = def.type() == null ? "" : typeText(def);
            boolean notNull = false;
            boolean pk = false;
            Expr dflt = null;
            String collation = null;
            boolean generated = false;
            for (ColumnConstraint c : def.constraints()) {
                switch (c) {
                    case ColumnConstraint.NotNull n -> notNull = true;
                    case ColumnConstraint.Default d -> {
                        if (generated) {
                            throw new SchemaException("cannot use DEFAULT on a generated column");
                        }
                        dflt = d.value();
                    }
                    case ColumnConstraint.Generated g -> {
                        if (dflt != null) {
                            throw new SchemaException(
                                    "error in generated column \"" + def.name().text() + "\"");
                        }
                        generated = true;
                    }
                    case ColumnConstraint.Collate co ->
                        collation = co.collation().text();
                    case ColumnConstraint.Unique u -> addUnique(uniques, List.of(i));
                    case ColumnConstraint.Check ch -> checks.add(check(ch.name(), ch.expr(), sql));
                    case ColumnConstraint.PrimaryKey p -> {
                        pk = true;
                        if (type.equalsIgnoreCase("INTEGER") && p.order() != OrderingTerm.SortOrder.DESC) {
                            rowidAlias = i;
                        } else {
                            addUnique(uniques, List.of(i));
                        }
                    }
                    default -> {}
                }
            }
            columns.add(new Column(
                    def.name().text(),
                    type,
                    Affinity.ofDeclaredType(type.isEmpty() ? null : type),
                    notNull,
                    dflt,
                    collation,
                    pk));
        }
        for (TableConstraint tc : ct.constraints()) {
            switch (tc) {
                case TableConstraint.PrimaryKey p -> {
                    List<Integer> cols = columnsOf(name, columns, p.columns());
                    if (cols.size() == 1
                            && columns.get(cols.get(0)).declaredType().equalsIgnoreCase("INTEGER")
                            && p.columns().get(0).order() != OrderingTerm.SortOrder.DESC) {
                        rowidAlias = cols.get(0);
                    } else {
                        addUnique(uniques, cols);
                    }
                }
                case TableConstraint.Unique u -> addUnique(uniques, columnsOf(name, columns, u.columns()));
                case TableConstraint.Check ch -> checks.add(check(ch.name(), ch.expr(), sql));
                default -> {}
            }
        }
        return new TableDefinition(name, columns, rowidAlias, uniques, List.copyOf(checks));
    }

    private static String typeText(ColumnDef def) {
        StringBuilder b = new StringBuilder(withoutGeneratedAlways(def.type().name()));
        if (!def.type().arguments().isEmpty()) {
            b.append('(').append(String.join(",", def.type().arguments())).append(')');
        }
        return b.toString();
    }

    /**
     * A type name whose last words are {@code GENERATED ALWAYS} (the start of a generated column's clause without its
     * {@code AS}, which the grammar reads as part of the type) loses them, as SQLite's sqlite3AddColumn does.
     */
    static String withoutGeneratedAlways(String type) {
        String suffix = " generated always";
        if (type.equalsIgnoreCase(suffix.substring(1))) {
            return "";
        }
        if (type.length() >= suffix.length()
                && type.regionMatches(true, type.length() - suffix.length(), suffix, 0, suffix.length())) {
            return type.substring(0, type.length() - suffix.length()).stripTrailing();
        }
        return type;
    }

    private static CheckConstraint check(Name name, Expr expr, String sql) {
        if (name != null) {
            return new CheckConstraint(name.text(), expr);
        }
        String text = sql == null
                ? ""
                : sql.substring(expr.span().start(), expr.span().end()).strip();
        return new CheckConstraint(text, expr);
    }

    private static void addUnique(List<List<Integer>> uniques, List<Integer> cols) {
        if (!uniques.contains(cols)) {
            uniques.add(cols);
        }
    }

    private static List<Integer> columnsOf(String table, List<Column> columns, List<OrderingTerm> terms) {
        List<Integer> out = new ArrayList<>();
        for (OrderingTerm t : terms) {
            if (!(t.expr() instanceof Expr.ColumnRef ref)) {
                throw new SchemaException("expressions prohibited in PRIMARY KEY and UNIQUE constraints");
            }
            int idx = indexOf(columns, ref.column().text());
            if (idx < 0) {
                throw new SchemaException("no such column: " + ref.column().text());
            }
            out.add(idx);
        }
        return out;
    }

    static int indexOf(List<Column> columns, String n) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().toLowerCase(Locale.ROOT).equals(n.toLowerCase(Locale.ROOT))) {
                return i;
            }
        }
        return -1;
    }

    public static String autoIndexName(String table, int n) {
        return "sqlite_autoindex_" + table + "_" + n;
    }
}
