package io.tursoj.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A rowid table: its columns, the column that aliases the rowid ({@code INTEGER PRIMARY KEY}, or -1), its root
 * page, the SQL text stored in sqlite_schema and its indexes (kept in creation order, as SQLite keeps them for
 * {@code UNIQUE constraint failed} checks).
 */
public final class Table {
    private final String name;
    private final List<Column> columns;
    private final int rowidAlias;
    private final int rootPage;
    private final String sql;
    private final List<Index> indexes = new ArrayList<>();
    private final List<CheckConstraint> checks = new ArrayList<>();

    public Table(String name, List<Column> columns, int rowidAlias, int rootPage, String sql) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.rowidAlias = rowidAlias;
        this.rootPage = rootPage;
        this.sql = sql;
    }

    public String name() {
        return name;
    }

    public List<Column> columns() {
        return columns;
    }

    public int rowidAlias() {
        return rowidAlias;
    }

    public int rootPage() {
        return rootPage;
    }

    public String sql() {
        return sql;
    }

    public List<Index> indexes() {
        return indexes;
    }

    /** The CHECK constraints, in the order they were declared (the order SQLite checks them). */
    public List<CheckConstraint> checks() {
        return checks;
    }

    /** The position of column {@code columnName} (case-insensitive), or -1. */
    public int columnIndex(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equalsIgnoreCase(columnName)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether {@code n} names the rowid itself (rowid, oid, _rowid_) and no column has that name. */
    public boolean isRowidName(String n) {
        String l = n.toLowerCase(Locale.ROOT);
        return (l.equals("rowid") || l.equals("oid") || l.equals("_rowid_")) && columnIndex(n) < 0;
    }
}
