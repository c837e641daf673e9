package io.tursoj.shell.command;

import io.tursoj.shell.Shell;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One row of sqlite_schema, read in rowid (creation) order; filtering is done here, not in SQL. */
record SchemaEntry(String type, String name, String tableName, long rootPage, String sql) {
    static List<SchemaEntry> read(Shell shell) {
        List<SchemaEntry> entries = new ArrayList<>();
        List<Object[]> rows = shell.query("SELECT type, name, tbl_name, rootpage, sql FROM sqlite_schema");
        for (Object[] r : rows) {
            entries.add(new SchemaEntry(
                    (String) r[0],
                    (String) r[1],
                    (String) r[2],
                    r[3] instanceof Long l ? l : 0,
                    r[4] == null ? null : r[4].toString()));
        }
        return entries;
    }

    boolean isInternal() {
        return name.toLowerCase(Locale.ROOT).startsWith("sqlite_");
    }

    /** SQLite's LIKE on ASCII: {@code %} any run, {@code _} one character, case-insensitive. */
    static boolean like(String pattern, String text) {
        return like(pattern.toLowerCase(Locale.ROOT), 0, text.toLowerCase(Locale.ROOT), 0);
    }

    private static boolean like(String p, int pi, String t, int ti) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '%') {
                for (int k = ti; k <= t.length(); k++) {
                    if (like(p, pi + 1, t, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (ti >= t.length() || (c != '_' && c != t.charAt(ti))) {
                return false;
            }
            pi++;
            ti++;
        }
        return ti == t.length();
    }
}
