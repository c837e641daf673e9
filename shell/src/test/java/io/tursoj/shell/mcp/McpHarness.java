package io.tursoj.shell.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.tursoj.api.DatabaseOptions;
import io.tursoj.shell.mcp.json.Json;
import io.tursoj.shell.mcp.json.JsonParseException;
import io.tursoj.shell.mcp.json.JsonReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs {@link McpServer#serve} in-process on given input bytes and reads back what it wrote. */
final class McpHarness {
    /** What one server run produced. */
    record Run(int status, List<Json.JsonObject> responses, String rawOutput, String log) {
        Json.JsonObject only() {
            assertEquals(1, responses.size(), () -> "expected one response, got: " + rawOutput);
            return responses.getFirst();
        }
    }

    private McpHarness() {}

    static Run run(String databasePathOrNull, String input) {
        return run(databasePathOrNull, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
    }

    static Run run(String databasePathOrNull, InputStream in) {
        return run(databasePathOrNull, in, McpServer.DEFAULT_MAX_MESSAGE_BYTES);
    }

    static Run run(String databasePathOrNull, InputStream in, int maxMessageBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        int status;
        try (PrintStream logStream = new PrintStream(log, true, StandardCharsets.UTF_8)) {
            status = McpServer.serve(databasePathOrNull, DatabaseOptions.DEFAULTS, in, out, logStream, maxMessageBytes);
        }
        String raw = out.toString(StandardCharsets.UTF_8);
        List<Json.JsonObject> responses = new ArrayList<>();
        if (!raw.isEmpty()) {
            if (!raw.endsWith("\n")) {
                fail("output does not end with a newline: " + raw);
            }
            for (String line : raw.substring(0, raw.length() - 1).split("\n", -1)) {
                try {
                    responses.add((Json.JsonObject) JsonReader.parse(line));
                } catch (JsonParseException | ClassCastException e) {
                    fail("server wrote a line that is not a JSON object: " + line, e);
                }
            }
        }
        return new Run(status, responses, raw, log.toString(StandardCharsets.UTF_8));
    }

    /** The lines of a session: an initialize request (id 0), the initialized notification, then {@code lines}. */
    static String session(String... lines) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{\"protocolVersion\":"
                + "\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"test\",\"version\":\"1\"}}}\n");
        sb.append("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n");
        for (String line : lines) {
            sb.append(line).append('\n');
        }
        return sb.toString();
    }

    /** A tools/call request line with a JSON {@code arguments} text. */
    static String call(int id, String tool, String argumentsJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"tools/call\",\"params\":{\"name\":\"" + tool
                + "\",\"arguments\":" + argumentsJson + "}}";
    }

    static String query(int id, String tool, String sql) {
        return call(id, tool, "{\"query\":" + io.tursoj.shell.mcp.json.JsonWriter.write(Json.of(sql)) + "}");
    }

    /** The response with id {@code id}. */
    static Json.JsonObject byId(Run run, int id) {
        for (Json.JsonObject r : run.responses()) {
            if (r.get("id") instanceof Json.JsonNumber n && n.text().equals(Integer.toString(id))) {
                return r;
            }
        }
        throw new AssertionError("no response with id " + id + " in: " + run.rawOutput());
    }

    /** The text of a tool result response. */
    static String text(Json.JsonObject response) {
        Json.JsonObject result = (Json.JsonObject) response.get("result");
        Json.JsonArray content = (Json.JsonArray) result.get("content");
        return ((Json.JsonString) ((Json.JsonObject) content.elements().getFirst()).get("text")).value();
    }

    static boolean isError(Json.JsonObject response) {
        return ((Json.JsonObject) response.get("result")).get("isError") instanceof Json.JsonBool b && b.value();
    }

    static int errorCode(Json.JsonObject response) {
        Json.JsonObject error = (Json.JsonObject) response.get("error");
        if (error == null) {
            throw new AssertionError("not an error response: " + response);
        }
        return Integer.parseInt(((Json.JsonNumber) error.get("code")).text());
    }
}
