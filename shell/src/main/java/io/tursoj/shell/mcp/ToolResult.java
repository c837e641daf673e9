package io.tursoj.shell.mcp;

/** What a tool returns: one text, and whether it reports a failure (MCP's {@code isError}). */
record ToolResult(String text, boolean isError) {
    static ToolResult ok(String text) {
        return new ToolResult(text, false);
    }

    static ToolResult error(String text) {
        return new ToolResult(text, true);
    }
}
