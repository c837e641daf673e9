package io.tursoj.shell.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** sqlite3's quote mode (values as SQL literals joined by ",") and insert mode (one INSERT statement per row). */
final class QuotePrinter implements RowPrinter {
    private final PrintStream out;
    private final OutputSettings settings;
    private final boolean insert;
    private String columnList = "";

    QuotePrinter(PrintStream out, OutputSettings settings, boolean insert) {
        this.out = out;
        this.settings = settings;
        this.insert = insert;
    }

    @Override
    public void begin(List<String> columns) {
        if (!settings.headers()) {
            return;
        }
        List<String> names = new ArrayList<>();
        for (String c : columns) {
            names.add(insert ? Values.quoteName(c) : Values.quoteString(c));
        }
        if (insert) {
            columnList = "(" + String.join(",", names) + ")";
        } else {
            out.print(String.join(",", names));
            out.print('\n');
        }
    }

    @Override
    public void row(Object[] values) {
        if (insert) {
            out.print("INSERT INTO ");
            out.print(Values.quoteName(settings.insertTable()));
            out.print(columnList);
            out.print(" VALUES(");
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.print(',');
            }
            out.print(Values.literal(values[i]));
        }
        out.print(insert ? ");\n" : "\n");
    }

    @Override
    public void end() {}
}
