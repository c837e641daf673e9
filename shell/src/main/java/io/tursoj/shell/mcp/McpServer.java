package io.tursoj.shell.mcp;

import io.tursoj.api.DatabaseOptions;
import io.tursoj.api.TursoException;
import io.tursoj.shell.mcp.json.Json;
import io.tursoj.shell.mcp.json.JsonParseException;
import io.tursoj.shell.mcp.json.JsonReader;
import io.tursoj.shell.mcp.json.JsonWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The MCP server of {@code tursodb --mcp}: the Model Context Protocol over stdio, with Turso's database tools.
 *
 * <p>Framing: one JSON-RPC 2.0 message per line in each direction (UTF-8, LF-terminated, no embedded newlines);
 * nothing but MCP messages is written to {@code out}, and diagnostics go to {@code log}. Every request gets exactly
 * one response; notifications and the client's responses get none. Input that is not a request gets the spec's error
 * object: -32700 for text that is not JSON (or not UTF-8), -32600 for JSON that is not a request, -32601 for an
 * unknown method, -32602 for bad parameters. Nothing the client sends can make the server print a stack trace or
 * touch the database outside a tool call.
 *
 * <p>Requests are handled one at a time, in order, on the calling thread.
 */
public final class McpServer {
    /** The longest message accepted, in bytes; longer lines are skipped unread and answered with -32600. */
    static final int DEFAULT_MAX_MESSAGE_BYTES = 8 << 20;

    private final MessageReader reader;
    private final int maxMessageBytes;
    private final OutputStream out;
    private final PrintStream log;
    private final McpMethods methods;

    private McpServer(
            MessageReader reader, int maxMessageBytes, OutputStream out, PrintStream log, McpMethods methods) {
        this.reader = reader;
        this.maxMessageBytes = maxMessageBytes;
        this.out = out;
        this.log = log;
        this.methods = methods;
    }

    /**
     * Serves MCP on {@code in}/{@code out} until {@code in} ends.
     *
     * @param databasePathOrNull the database to open first, or null for a transient in-memory one
     * @param options how to open it (and any database opened later with the {@code open_database} tool)
     * @param log where diagnostics go (stderr); never MCP messages
     * @return the exit status: 0 when the input ended, 1 when the database could not be opened or a stream failed
     */
    public static int serve(
            String databasePathOrNull, DatabaseOptions options, InputStream in, OutputStream out, PrintStream log) {
        return serve(databasePathOrNull, options, in, out, log, DEFAULT_MAX_MESSAGE_BYTES);
    }

    static int serve(
            String databasePathOrNull,
            DatabaseOptions options,
            InputStream in,
            OutputStream out,
            PrintStream log,
            int maxMessageBytes) {
        DatabaseSession session;
        try {
            session = DatabaseSession.open(databasePathOrNull, options);
        } catch (TursoException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            // The engine's own error, or the I/O backend's (an unknown or unavailable --io name): one line.
            String name = databasePathOrNull == null ? DatabaseSession.MEMORY : databasePathOrNull;
            log.println("Error: unable to open database \"" + name + "\": " + e.getMessage());
            return 1;
        }
        try (session) {
            McpMethods methods = new McpMethods(new DatabaseTools(session));
            McpServer server = new McpServer(
                    new MessageReader(in, maxMessageBytes),
                    maxMessageBytes,
                    new BufferedOutputStream(out),
                    log,
                    methods);
            return server.run();
        }
    }

    private int run() {
        try {
            for (MessageReader.Line line; (line = reader.next()) != null; ) {
                Json response = handle(line);
                if (response != null) {
                    send(response);
                }
            }
            return 0;
        } catch (IOException e) {
            log.println("Error: MCP stream failed: " + e.getMessage());
            return 1;
        }
    }

    /** The response to one line, or null when it needs none. */
    private Json handle(MessageReader.Line line) {
        return switch (line) {
            case MessageReader.Line.TooLong t ->
                errorResponse(
                        Json.JsonNull.INSTANCE,
                        RpcError.invalidRequest("message of " + t.lengthBytes() + " bytes is longer than the limit of "
                                + maxMessageBytes + " bytes"));
            case MessageReader.Line.NotUtf8 ignored ->
                errorResponse(Json.JsonNull.INSTANCE, RpcError.parseError("message is not valid UTF-8"));
            case MessageReader.Line.Text t -> t.text().isBlank() ? null : handleText(t.text());
        };
    }

    private Json handleText(String text) {
        Json message;
        try {
            message = JsonReader.parse(text);
        } catch (JsonParseException e) {
            return errorResponse(Json.JsonNull.INSTANCE, RpcError.parseError(e.getMessage()));
        }
        Envelope envelope = Envelope.of(message);
        return switch (envelope) {
            case Envelope.Invalid inv -> errorResponse(inv.id(), inv.error());
            case Envelope.ClientResponse ignored -> null; // we never send requests, so nothing waits for it
            case Envelope.Notification n -> {
                methods.notification(n.method(), n.params());
                yield null;
            }
            case Envelope.Request r -> answer(r);
        };
    }

    private Json answer(Envelope.Request request) {
        try {
            Json result = methods.request(request.method(), request.params());
            return Json.object("jsonrpc", Json.of("2.0"), "id", request.id(), "result", result);
        } catch (RpcError.Failure f) {
            return errorResponse(request.id(), f.error());
        } catch (RuntimeException | StackOverflowError e) {
            // A bug, not the client's fault: answer the request, and keep the detail for the log.
            log.println("Error: internal error in " + request.method() + ": " + e);
            return errorResponse(request.id(), RpcError.internalError(String.valueOf(e.getMessage())));
        }
    }

    private static Json errorResponse(Json id, RpcError error) {
        return Json.object("jsonrpc", Json.of("2.0"), "id", id, "error", error.toJson());
    }

    private void send(Json message) throws IOException {
        out.write(JsonWriter.write(message).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
        out.flush();
    }
}
