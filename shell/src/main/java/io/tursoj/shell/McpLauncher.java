package io.tursoj.shell;

import java.io.PrintStream;

/**
 * {@code tursodb --mcp}: THE ONE PLACE where the MCP server is started. The server
 * ({@code io.tursoj.shell.mcp.McpServer}) is built separately; until it is merged this says so and fails.
 */
final class McpLauncher {
    private McpLauncher() {}

    static int run(Options options, PrintStream stdout, PrintStream stderr) {
        // MCP-WIRING: replace this body with the McpServer start (options.database(), stdin, stdout).
        stderr.println("Error: MCP server not available in this build");
        return 1;
    }
}
