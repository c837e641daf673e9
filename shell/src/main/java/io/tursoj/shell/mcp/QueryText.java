package io.tursoj.shell.mcp;

import io.tursoj.api.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The text {@code execute_query} returns, laid out as Turso's server lays it out: the column names joined by
 * {@code " | "}, a line of dashes as long as that header, then one line per row. Values print as SQLite prints them
 * as text (reals as {@code %!.15g}); unlike Turso, which prints NULL as an empty string, NULL prints as {@code NULL}
 * so that a model can tell it from an empty string, and a blob prints as its SQL literal ({@code X'00FF'}) where Turso
 * prints its bytes as lossy UTF-8.
 */
final class QueryText {
    private QueryText() {}

    /** Runs {@code s} to the end and lays out its rows. */
    static String format(Statement s) {
        StringBuilder out = new StringBuilder();
        List<String> headers = s.columnNames();
        if (!headers.isEmpty()) {
            String header = String.join(" | ", headers);
            out.append(header).append('\n').append("-".repeat(header.length())).append('\n');
        }
        List<String> row = new ArrayList<>(headers.size());
        while (s.stepBlocking()) {
            row.clear();
            for (int i = 0; i < s.columnCount(); i++) {
                row.add(value(s, i));
            }
            out.append(String.join(" | ", row)).append('\n');
        }
        return out.isEmpty() ? "No results returned from the query" : out.toString();
    }

    private static String value(Statement s, int column) {
        if (s.isNull(column)) {
            return "NULL";
        }
        if (s.columnType(column).equals("blob")) {
            return "X'" + HexFormat.of().withUpperCase().formatHex(s.getBlob(column)) + "'";
        }
        return s.getText(column);
    }
}
