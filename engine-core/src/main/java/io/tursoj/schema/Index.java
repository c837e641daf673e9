package io.tursoj.schema;

import java.util.List;

/**
 * An index of a table: the table columns it keys on (positions into {@link Table#columns()}), their collations and
 * orders, and the root page of its b-tree. Entries are records of the key columns followed by the rowid.
 * {@code sql} is null for the automatic indexes of UNIQUE and PRIMARY KEY constraints.
 */
public record Index(
        String name,
        String tableName,
        List<Integer> columns,
        List<String> collations,
        List<Boolean> descending,
        boolean unique,
        int rootPage,
        String sql) {

    public boolean isAutoIndex() {
        return sql == null;
    }
}
