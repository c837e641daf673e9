package io.tursoj.shell.mcp;

import io.tursoj.api.DatabaseOptions;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;

/**
 * Runs the MCP server on stdin/stdout without the rest of the shell: {@code McpMain [--io BACKEND] [DATABASE]}.
 * {@code tursodb --mcp} is the way users start it; this entry point is for tests and for MCP clients configured with a
 * plain java command line.
 */
public final class McpMain {
    private McpMain() {}

    public static void main(String[] args) {
        DatabaseOptions options = DatabaseOptions.DEFAULTS;
        String path = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--io") && i + 1 < args.length) {
                options = options.withIoBackend(args[++i]);
            } else if (arg.startsWith("-") || path != null) {
                System.err.println("Usage: McpMain [--io uring|nio|sim|memory] [DATABASE]");
                System.exit(2);
                return;
            } else {
                path = arg;
            }
        }
        // Raw descriptors: System.out must not be used by anything else, or it would corrupt the message stream.
        int status = McpServer.serve(
                path,
                options,
                new FileInputStream(FileDescriptor.in),
                new FileOutputStream(FileDescriptor.out),
                System.err);
        System.exit(status);
    }
}
