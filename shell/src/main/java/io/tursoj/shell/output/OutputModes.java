package io.tursoj.shell.output;

import java.io.PrintStream;
import java.util.List;

/** The output modes by name, and the printer each one makes. */
public final class OutputModes {
    private static final List<String> NAMES = List.of(
            "pretty", "list", "line", "csv", "json", "column", "box", "table", "markdown", "insert", "quote", "tabs");

    private OutputModes() {}

    public static List<String> names() {
        return NAMES;
    }

    public static boolean isKnown(String mode) {
        return NAMES.contains(mode);
    }

    /** Whether the mode shows a header line by default (sqlite3 turns headers on for the columnar modes). */
    public static boolean showsHeaderByDefault(String mode) {
        return switch (mode) {
            case "column", "box", "table", "markdown", "pretty" -> true;
            default -> false;
        };
    }

    public static RowPrinter create(String mode, OutputSettings settings, PrintStream out) {
        return switch (mode) {
            case "list" -> new ListPrinter(out, settings, settings.columnSeparator());
            case "tabs" -> new ListPrinter(out, settings, "\t");
            case "csv" -> new CsvPrinter(out, settings);
            case "line" -> new LinePrinter(out, settings);
            case "json" -> new JsonPrinter(out);
            case "insert" -> new QuotePrinter(out, settings, true);
            case "quote" -> new QuotePrinter(out, settings, false);
            case "column" -> new ColumnarPrinter(out, settings, ColumnarPrinter.Style.COLUMN);
            case "box" -> new ColumnarPrinter(out, settings, ColumnarPrinter.Style.BOX);
            case "table" -> new ColumnarPrinter(out, settings, ColumnarPrinter.Style.TABLE);
            case "markdown" -> new ColumnarPrinter(out, settings, ColumnarPrinter.Style.MARKDOWN);
            case "pretty" -> new ColumnarPrinter(out, settings, ColumnarPrinter.Style.PRETTY);
            default -> throw new IllegalArgumentException("unknown output mode: " + mode);
        };
    }
}
