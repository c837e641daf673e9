package io.tursoj.shell;

import io.tursoj.api.DatabaseOptions;
import io.tursoj.shell.mcp.McpServer;
import java.io.PrintStream;

/**
 * {@code tursodb --mcp [DATABASE]}: the one place where the shell hands standard input and output to the MCP server
 * ({@link McpServer}). Standard output then carries only protocol messages; diagnostics go to standard error.
 */
final class McpLauncher {
    private McpLauncher() {}

    static int run(Options options, PrintStream stdout, PrintStream stderr) {
        String path = options.databaseGiven() ? options.database() : null;
        DatabaseOptions dbOptions = DatabaseOptions.DEFAULTS;
        if (options.ioBackend() != null && path != null && !path.equals(":memory:")) {
            dbOptions = dbOptions.withIoBackend(options.ioBackend());
        }
        return McpServer.serve(path, dbOptions, System.in, stdout, stderr);
    }
}
