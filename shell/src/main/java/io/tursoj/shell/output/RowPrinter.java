package io.tursoj.shell.output;

import java.util.List;

/**
 * Prints the rows of one statement in one output mode. Values are null, Long, Double, String or byte[] (as
 * {@link io.tursoj.api.Statement#getValue} gives them). Modes that size columns to their content buffer the rows
 * and print at {@link #end}.
 */
public interface RowPrinter {
    void begin(List<String> columns);

    void row(Object[] values);

    void end();
}
