package io.tursoj.shell.output;

import java.io.PrintStream;
import java.util.List;

/** sqlite3's list mode (and tabs mode): values joined by the column separator, NULL as the null value. */
final class ListPrinter implements RowPrinter {
    private final PrintStream out;
    private final OutputSettings settings;
    private final String separator;

    ListPrinter(PrintStream out, OutputSettings settings, String separator) {
        this.out = out;
        this.settings = settings;
        this.separator = separator;
    }

    @Override
    public void begin(List<String> columns) {
        if (settings.headers()) {
            out.print(String.join(separator, columns));
            out.print(settings.rowSeparator());
        }
    }

    @Override
    public void row(Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.print(separator);
            }
            String t = Values.text(values[i]);
            out.print(t == null ? settings.nullValue() : t);
        }
        out.print(settings.rowSeparator());
    }

    @Override
    public void end() {}
}
