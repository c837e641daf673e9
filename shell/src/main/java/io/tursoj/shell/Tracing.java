package io.tursoj.shell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** {@code -t/--tracing-output PATH}: diagnostics appended to a file (the I/O backend chosen and why). */
final class Tracing {
    private Tracing() {}

    static void start(Shell shell, String path) {
        if (path == null) {
            return;
        }
        String text = "tursodb " + Main.VERSION + ": database " + shell.databasePath() + ", io backend "
                + shell.database().ioBackend() + " (" + shell.database().ioReason() + ")\n";
        try {
            Files.writeString(
                    Path.of(path), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException | RuntimeException e) {
            shell.err().println("Warning: cannot write tracing output \"" + path + "\": " + e.getMessage());
        }
    }
}
