package io.tursoj.shell.output;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The modes that size each column to its widest cell, so rows are buffered until {@link #end}: sqlite3's column,
 * box, table and markdown, and Turso's pretty (a box with a rule between every row).
 */
final class ColumnarPrinter implements RowPrinter {
    /** The frame of one style: left edge, column joint, right edge for the top, middle, and bottom rules. */
    enum Style {
        COLUMN,
        BOX,
        TABLE,
        MARKDOWN,
        PRETTY
    }

    private final PrintStream out;
    private final OutputSettings settings;
    private final Style style;
    private List<String> columns;
    private final List<String[]> rows = new ArrayList<>();

    ColumnarPrinter(PrintStream out, OutputSettings settings, Style style) {
        this.out = out;
        this.settings = settings;
        this.style = style;
    }

    @Override
    public void begin(List<String> columns) {
        this.columns = columns;
    }

    @Override
    public void row(Object[] values) {
        String[] cells = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            String t = Values.text(values[i]);
            cells[i] = t == null ? settings.nullValue() : t;
        }
        rows.add(cells);
    }

    @Override
    public void end() {
        if (rows.isEmpty() || columns.isEmpty()) {
            return;
        }
        int[] widths = new int[columns.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = width(columns.get(i));
            for (String[] r : rows) {
                widths[i] = Math.max(widths[i], width(r[i]));
            }
        }
        switch (style) {
            case COLUMN -> printColumn(widths);
            case MARKDOWN -> printMarkdown(widths);
            case TABLE -> printFramed(widths, "+-++", "|||", "+-++", "+-++", false);
            case BOX -> printFramed(widths, "┌─┬┐", "│││", "├─┼┤", "└─┴┘", false);
            case PRETTY -> printFramed(widths, "┌─┬┐", "│││", "├─┼┤", "└─┴┘", true);
        }
    }

    private void printColumn(int[] widths) {
        String[] names = columns.toArray(String[]::new);
        line(names, widths, "", "  ", "", false);
        String[] dashes = new String[widths.length];
        for (int i = 0; i < widths.length; i++) {
            dashes[i] = "-".repeat(widths[i]);
        }
        line(dashes, widths, "", "  ", "", false);
        for (String[] r : rows) {
            line(r, widths, "", "  ", "", false);
        }
    }

    private void printMarkdown(int[] widths) {
        line(columns.toArray(String[]::new), widths, "| ", " | ", " |", true);
        StringBuilder b = new StringBuilder("|");
        for (int w : widths) {
            b.append("-".repeat(w + 2)).append('|');
        }
        out.print(b.append('\n'));
        for (String[] r : rows) {
            line(r, widths, "| ", " | ", " |", false);
        }
    }

    /** {@code top}, {@code middle}, {@code bottom}: left corner, horizontal, joint, right corner. */
    private void printFramed(
            int[] widths, String top, String bars, String middle, String bottom, boolean ruleBetweenRows) {
        rule(widths, top);
        String l = bars.charAt(0) + " ";
        String m = " " + bars.charAt(1) + " ";
        String r = " " + bars.charAt(2);
        line(columns.toArray(String[]::new), widths, l, m, r, style != Style.PRETTY);
        rule(widths, middle);
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0 && ruleBetweenRows) {
                rule(widths, middle);
            }
            line(rows.get(i), widths, l, m, r, false);
        }
        rule(widths, bottom);
    }

    private void rule(int[] widths, String chars) {
        StringBuilder b = new StringBuilder().append(chars.charAt(0));
        for (int i = 0; i < widths.length; i++) {
            if (i > 0) {
                b.append(chars.charAt(2));
            }
            b.append(String.valueOf(chars.charAt(1)).repeat(widths[i] + 2));
        }
        out.print(b.append(chars.charAt(3)).append('\n'));
    }

    private void line(String[] cells, int[] widths, String left, String mid, String right, boolean centre) {
        StringBuilder b = new StringBuilder(left);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append(mid);
            }
            int pad = widths[i] - width(cells[i]);
            int before = centre ? pad / 2 : 0;
            b.append(" ".repeat(before)).append(cells[i]).append(" ".repeat(pad - before));
        }
        out.print(b.append(right).append('\n'));
    }

    private static int width(String s) {
        return s.codePointCount(0, s.length());
    }
}
