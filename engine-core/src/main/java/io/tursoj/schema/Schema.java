package io.tursoj.schema;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The tables and indexes of one database as read from sqlite_schema, keyed by lower-case name, with the schema
 * cookie it was read at. Immutable once published by {@link SchemaLoader}: a change builds a new one.
 */
public final class Schema {
    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, Index> indexes = new LinkedHashMap<>();
    private final Map<String, String> others = new LinkedHashMap<>();
    private final Map<String, View> views = new LinkedHashMap<>();
    private final int cookie;
    private final long maxSchemaRowid;

    Schema(int cookie, long maxSchemaRowid) {
        this.cookie = cookie;
        this.maxSchemaRowid = maxSchemaRowid;
    }

    public static Schema empty() {
        return new Schema(0, 0);
    }

    public int cookie() {
        return cookie;
    }

    public long maxSchemaRowid() {
        return maxSchemaRowid;
    }

    /** The table called {@code name} (case-insensitive); sqlite_schema and sqlite_master name the schema table. */
    public Table table(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        if (key.equals("sqlite_schema") || key.equals("sqlite_master")) {
            return SCHEMA_TABLE;
        }
        return tables.get(key);
    }

    private static final Table SCHEMA_TABLE = new Table(
            "sqlite_schema",
            java.util.List.of(
                    column("type", "text"),
                    column("name", "text"),
                    column("tbl_name", "text"),
                    column("rootpage", "int"),
                    column("sql", "text")),
            -1,
            1,
            null);

    private static Column column(String name, String type) {
        return new Column(name, type, io.tursoj.vdbe.value.Affinity.ofDeclaredType(type), false, null, null, false);
    }

    public Index index(String name) {
        return indexes.get(name.toLowerCase(Locale.ROOT));
    }

    /** Views and triggers by name: kept and reported, not yet run. */
    public String otherObject(String name) {
        return others.get(name.toLowerCase(Locale.ROOT));
    }

    public Collection<Table> tables() {
        return tables.values();
    }

    void addTable(Table t) {
        tables.put(t.name().toLowerCase(Locale.ROOT), t);
    }

    void addIndex(Index i) {
        indexes.put(i.name().toLowerCase(Locale.ROOT), i);
        Table t = table(i.tableName());
        if (t != null) {
            t.indexes().add(i);
        }
    }

    /** The view called {@code name} (case-insensitive), or null. */
    public View view(String name) {
        return views.get(name.toLowerCase(Locale.ROOT));
    }

    public Collection<View> views() {
        return views.values();
    }

    void addView(View v) {
        views.put(v.name().toLowerCase(Locale.ROOT), v);
        addOther("view", v.name());
    }

    void addOther(String type, String name) {
        others.put(name.toLowerCase(Locale.ROOT), type);
    }
}
