package io.tursoj.shell.output;

import java.io.PrintStream;
import java.util.List;

/** sqlite3's line mode: one {@code name = value} line per column, names right-aligned, a blank line between rows. */
final class LinePrinter implements RowPrinter {
    private final PrintStream out;
    private final OutputSettings settings;
    private List<String> columns;
    /** sqlite3 pads names to at least five characters. */
    private int width = 5;

    private int rows;

    LinePrinter(PrintStream out, OutputSettings settings) {
        this.out = out;
        this.settings = settings;
    }

    @Override
    public void begin(List<String> columns) {
        this.columns = columns;
        for (String c : columns) {
            width = Math.max(width, c.length());
        }
    }

    @Override
    public void row(Object[] values) {
        if (rows++ > 0) {
            out.print('\n');
        }
        for (int i = 0; i < values.length; i++) {
            String t = Values.text(values[i]);
            out.print(" ".repeat(width - columns.get(i).length()));
            out.print(columns.get(i));
            out.print(" = ");
            out.print(t == null ? settings.nullValue() : t);
            out.print('\n');
        }
    }

    @Override
    public void end() {}
}
