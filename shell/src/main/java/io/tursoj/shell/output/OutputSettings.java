package io.tursoj.shell.output;

/**
 * What the output modes read from the shell's settings.
 *
 * @param headers whether list-like modes print a header line
 * @param nullValue the text printed for NULL in text modes
 * @param columnSeparator between columns in list mode
 * @param rowSeparator after each row in list mode
 * @param insertTable the table name used by insert mode
 */
public record OutputSettings(
        boolean headers, String nullValue, String columnSeparator, String rowSeparator, String insertTable) {
    public static final OutputSettings DEFAULTS = new OutputSettings(false, "", "|", "\n", "table");
}
