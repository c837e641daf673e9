package io.tursoj.shell.output;

import java.io.PrintStream;
import java.util.List;

/**
 * sqlite3's csv mode: comma-separated, CRLF after each row; text is quoted when it holds a space, a quote, a comma,
 * a control character or a non-ASCII character (sqlite3's rule), numbers never are.
 */
final class CsvPrinter implements RowPrinter {
    private final PrintStream out;
    private final OutputSettings settings;

    CsvPrinter(PrintStream out, OutputSettings settings) {
        this.out = out;
        this.settings = settings;
    }

    @Override
    public void begin(List<String> columns) {
        if (settings.headers()) {
            for (int i = 0; i < columns.size(); i++) {
                if (i > 0) {
                    out.print(',');
                }
                out.print(field(columns.get(i)));
            }
            out.print("\r\n");
        }
    }

    @Override
    public void row(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.print(',');
            }
            Object v = values[i];
            if (v == null) {
                out.print(settings.nullValue());
            } else if (v instanceof Long || v instanceof Double) {
                out.print(Values.text(v));
            } else {
                out.print(field(Values.text(v)));
            }
        }
        out.print("\r\n");
    }

    static String field(String s) {
        boolean quote = s.isEmpty();
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c <= ' ' || c == '"' || c == '\'' || c == ',' || c >= 0x7f;
        }
        return quote ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    @Override
    public void end() {}
}
