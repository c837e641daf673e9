package io.tursoj.translate;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines of {@code EXPLAIN QUERY PLAN}, worded as SQLite 3.40 words them: {@code SCAN t},
 * {@code SEARCH t USING INDEX i (a=? AND b>?)}, {@code SEARCH t USING INTEGER PRIMARY KEY (rowid=?)},
 * {@code SEARCH t USING COVERING INDEX i (a=?)}, {@code USE TEMP B-TREE FOR ORDER BY}; a LEFT JOIN's right side
 * ends in {@code LEFT-JOIN}.
 */
final class QueryPlanText {
    private QueryPlanText() {}

    static String describe(JoinLevel level, AccessPath path) {
        String name = level.source().visibleName();
        String text = switch (path) {
            case AccessPath.FullScan f -> "SCAN " + name;
            case AccessPath.RowidEq eq -> "SEARCH " + name + " USING INTEGER PRIMARY KEY (rowid=?)";
            case AccessPath.RowidRange r ->
                "SEARCH " + name + " USING INTEGER PRIMARY KEY (" + range("rowid", r.lower(), r.upper()) + ")";
            case AccessPath.IndexSeek s -> index(name, s);
        };
        return level.left() ? text + " LEFT-JOIN" : text;
    }

    private static String index(String name, AccessPath.IndexSeek s) {
        String using = (s.covering() ? " USING COVERING INDEX " : " USING INDEX ")
                + s.index().name();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.equal().size(); i++) {
            parts.add(s.columnNames().get(i) + "=?");
        }
        if (s.lower() != null || s.upper() != null) {
            parts.add(range(s.columnNames().get(s.equal().size()), s.lower(), s.upper()));
        }
        if (parts.isEmpty()) {
            return "SCAN " + name + using;
        }
        return "SEARCH " + name + using + " (" + String.join(" AND ", parts) + ")";
    }

    private static String range(String column, AccessPath.Bound lower, AccessPath.Bound upper) {
        List<String> parts = new ArrayList<>();
        if (lower != null) {
            parts.add(column + ">?");
        }
        if (upper != null) {
            parts.add(column + "<?");
        }
        return String.join(" AND ", parts);
    }
}
