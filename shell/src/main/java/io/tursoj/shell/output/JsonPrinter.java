package io.tursoj.shell.output;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** sqlite3's json mode: an array of one object per row, rows separated by ",\n". */
final class JsonPrinter implements RowPrinter {
    private final PrintStream out;
    private List<String> columns;
    private int rows;

    JsonPrinter(PrintStream out) {
        this.out = out;
    }

    @Override
    public void begin(List<String> columns) {
        this.columns = columns;
    }

    @Override
    public void row(Object[] values) {
        out.print(rows++ == 0 ? "[{" : ",\n{");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.print(',');
            }
            out.print(string(columns.get(i)));
            out.print(':');
            out.print(value(values[i]));
        }
        out.print('}');
    }

    private static String value(Object v) {
        return switch (v) {
            case null -> "null";
            case Long l -> l.toString();
            case Double d -> Values.exactReal(d);
            case byte[] b -> string(new String(b, StandardCharsets.ISO_8859_1));
            default -> string(v.toString());
        };
    }

    static String string(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    @Override
    public void end() {
        if (rows > 0) {
            out.print("]\n");
        }
    }
}
