package io.tursoj.translate;

import io.tursoj.schema.Table;

/** One table of a FROM clause as the code generator sees it: the table, the name it goes by, and its cursor. */
record Source(Table table, String alias, int cursor) {
    String visibleName() {
        return alias != null ? alias : table.name();
    }
}
