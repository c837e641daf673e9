package io.tursoj.translate.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Pulls the SQL out of sqllogictest files: the text of each {@code statement} and {@code query} record (up to a blank
 * line or {@code ----}) that applies to SQLite: records under {@code onlyif} another engine or {@code skipif sqlite}
 * are left out, and reading stops at a {@code halt} that applies to SQLite.
 */
final class SltReader {
    private SltReader() {}

    static List<String> records(String text) {
        List<String> records = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        boolean applies = true;
        for (int i = 0; i < lines.length; i++) {
            String line = stripCr(lines[i]);
            if (line.startsWith("onlyif ")) {
                applies = applies && line.substring(7).strip().equals("sqlite");
            } else if (line.startsWith("skipif ")) {
                applies = applies && !line.substring(7).strip().equals("sqlite");
            } else if (line.equals("halt")) {
                if (applies) {
                    break;
                }
                applies = true;
            } else if (line.startsWith("statement ") || line.startsWith("query ")) {
                StringBuilder sql = new StringBuilder();
                int j = i + 1;
                while (j < lines.length) {
                    String sqlLine = stripCr(lines[j]);
                    if (sqlLine.isEmpty() || sqlLine.equals("----")) {
                        break;
                    }
                    if (!sql.isEmpty()) {
                        sql.append('\n');
                    }
                    sql.append(sqlLine);
                    j++;
                }
                if (applies && !sql.isEmpty()) {
                    records.add(sql.toString());
                }
                applies = true;
                i = j;
            } else if (line.isEmpty() || line.startsWith("#") || line.startsWith("hash-threshold")) {
                // A blank line or comment between records; conditions only reach the next record.
                if (line.isEmpty()) {
                    continue;
                }
            } else {
                // Expected results of a query: skip to the blank line that ends them.
                while (i + 1 < lines.length && !stripCr(lines[i + 1]).isEmpty()) {
                    i++;
                }
            }
        }
        return records;
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
