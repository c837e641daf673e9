package io.tursoj.shell;

import io.tursoj.shell.command.DotCommands;
import io.tursoj.translate.parser.StatementSplitter;
import java.io.IOException;

/**
 * Reads lines, runs dot commands (a line starting with '.' while no statement is pending) and runs SQL as soon as
 * the buffered text is complete ({@link StatementSplitter#isComplete}, SQLite's {@code sqlite3_complete} rule). At
 * the end of input, a last statement without ';' is run too, as sqlite3 does.
 */
final class InputLoop {
    private final Shell shell;
    private final StringBuilder buffer = new StringBuilder();
    private int lineNumber;
    private int startLine;

    InputLoop(Shell shell) {
        this.shell = shell;
    }

    /** Runs until end of input, {@code .quit}/{@code .exit}, or an error under {@code .bail on}. */
    void run(LineSource source) throws IOException {
        while (shell.exitRequested() == null) {
            String line = source.readLine(!buffer.isEmpty());
            if (line == null) {
                break;
            }
            lineNumber++;
            if (!accept(line)) {
                break;
            }
        }
        if (shell.exitRequested() == null && !buffer.toString().isBlank()) {
            flush();
        }
    }

    /** Forgets a partly typed statement (Ctrl-C at the prompt). */
    void discardPending() {
        buffer.setLength(0);
    }

    boolean hasPending() {
        return !buffer.isEmpty();
    }

    /** Handles one line; false when the shell should stop reading ({@code .bail on} after an error). */
    private boolean accept(String line) {
        if (buffer.isEmpty()) {
            if (isBlank(line)) {
                return true;
            }
            String trimmed = line.stripLeading();
            if (trimmed.startsWith(".")) {
                if (shell.settings().echo) {
                    shell.out().println(line);
                }
                boolean ok = DotCommands.run(shell, trimmed, lineNumber);
                return ok || !shell.settings().bail;
            }
            startLine = lineNumber;
        }
        buffer.append(line).append('\n');
        if (line.indexOf(';') >= 0 && StatementSplitter.isComplete(buffer.toString())) {
            return flush() || !shell.settings().bail;
        }
        return true;
    }

    private boolean flush() {
        String sql = buffer.toString();
        buffer.setLength(0);
        return shell.runSql(sql, startLine);
    }

    /** Whitespace, or a line comment: sqlite3 does not start a statement on such a line. */
    private static boolean isBlank(String line) {
        String t = line.strip();
        return t.isEmpty() || (t.startsWith("--") && t.indexOf('\n') < 0);
    }
}
