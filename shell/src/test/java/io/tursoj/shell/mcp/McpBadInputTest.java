package io.tursoj.shell.mcp;

import static io.tursoj.shell.mcp.McpHarness.byId;
import static io.tursoj.shell.mcp.McpHarness.errorCode;
import static io.tursoj.shell.mcp.McpHarness.query;
import static io.tursoj.shell.mcp.McpHarness.run;
import static io.tursoj.shell.mcp.McpHarness.session;
import static io.tursoj.shell.mcp.McpHarness.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.shell.mcp.json.Json;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpBadInputTest {
    private static final String PING = "{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"ping\"}";

    /** Runs {@code bad} then a ping; expects exactly one error with {@code code} and id null, then the pong. */
    private static void assertOneError(String bad, int code, Json expectedId) {
        var run = run(null, bad + "\n" + PING + "\n");
        assertEquals(2, run.responses().size(), () -> bad + " -> " + run.rawOutput());
        Json.JsonObject error = run.responses().getFirst();
        assertEquals(code, errorCode(error), () -> bad + " -> " + run.rawOutput());
        assertEquals(expectedId, error.get("id"), bad);
        assertFalse(error.has("result"));
        assertEquals(Json.object(), byId(run, 42).get("result"));
        assertNoStackTrace(run);
    }

    private static void assertNoStackTrace(McpHarness.Run run) {
        for (String text : List.of(run.rawOutput(), run.log())) {
            assertFalse(text.contains("\tat "), text);
            assertFalse(text.contains("Exception"), text);
        }
    }

    @Test
    void shouldAnswerMalformedJsonWithParseError() {
        for (String bad : List.of(
                "{",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"",
                "{\"jsonrpc\":\"2.0\" \"id\":1}",
                "{'jsonrpc':'2.0'}",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",}",
                "[1,2,]",
                "{\"a\":01}",
                "{\"a\":\"\\x\"}",
                "{\"a\":\"\t\"}",
                "{\"a\":NaN}",
                "{\"a\":tru}",
                "{} {}",
                "// comment",
                "{\"a\":1,\"a\":2}",
                "\"unterminated",
                "[".repeat(10_000))) {
            assertOneError(bad, RpcError.PARSE_ERROR, Json.JsonNull.INSTANCE);
        }
    }

    @Test
    void shouldAnswerJsonThatIsNotARequestWithInvalidRequest() {
        assertOneError("[]", RpcError.INVALID_REQUEST, Json.JsonNull.INSTANCE);
        assertOneError("[" + PING + "]", RpcError.INVALID_REQUEST, Json.JsonNull.INSTANCE);
        assertOneError("42", RpcError.INVALID_REQUEST, Json.JsonNull.INSTANCE);
        assertOneError("\"ping\"", RpcError.INVALID_REQUEST, Json.JsonNull.INSTANCE);
        assertOneError("{}", RpcError.INVALID_REQUEST, Json.JsonNull.INSTANCE);
        assertOneError("{\"id\":1,\"method\":\"ping\"}", RpcError.INVALID_REQUEST, Json.of(1));
        assertOneError("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"ping\"}", RpcError.INVALID_REQUEST, Json.of(1));
        assertOneError("{\"jsonrpc\":2.0,\"id\":1,\"method\":\"ping\"}", RpcError.INVALID_REQUEST, Json.of(1));
        assertOneError(
                "{\"jsonrpc\":\"2.0\",\"id\":true,\"method\":\"ping\"}",
                RpcError.INVALID_REQUEST,
                Json.JsonNull.INSTANCE);
        assertOneError(
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}",
                RpcError.INVALID_REQUEST,
                Json.JsonNull.INSTANCE);
        assertOneError(
                "{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"ping\"}",
                RpcError.INVALID_REQUEST,
                Json.JsonNull.INSTANCE);
        assertOneError(
                "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}",
                RpcError.INVALID_REQUEST,
                Json.JsonNull.INSTANCE);
        assertOneError("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":7}", RpcError.INVALID_REQUEST, Json.of(1));
        assertOneError("{\"jsonrpc\":\"2.0\",\"id\":1}", RpcError.INVALID_REQUEST, Json.of(1));
        assertOneError(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":3}",
                RpcError.INVALID_REQUEST,
                Json.of(1));
        assertOneError(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":[]}",
                RpcError.INVALID_PARAMS,
                Json.of(1));
    }

    @Test
    void shouldAnswerUnknownMethodsAndToolsButNotUnknownNotifications() {
        assertOneError(
                "{\"jsonrpc\":\"2.0\",\"id\":\"m\",\"method\":\"sampling/createMessage\"}",
                RpcError.METHOD_NOT_FOUND,
                Json.of("m"));
        assertOneError(McpHarness.call(5, "no_such_tool", "{}"), RpcError.INVALID_PARAMS, Json.of(5));
        var run = run(null, "{\"jsonrpc\":\"2.0\",\"method\":\"sampling/createMessage\"}\n" + PING + "\n");
        assertEquals(1, run.responses().size(), run.rawOutput());
    }

    @Test
    void shouldAnswerInvalidUtf8WithParseError() {
        byte[] bad = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
        var run = run(null, new SequenceInputStream(new ByteArrayInputStream(bad), utf8(PING + "\n")));
        assertEquals(RpcError.PARSE_ERROR, errorCode(run.responses().getFirst()));
        assertEquals(2, run.responses().size());
    }

    @Test
    void shouldSkipAHugeLineWithOneErrorAndGoOn() {
        int limit = McpServer.DEFAULT_MAX_MESSAGE_BYTES;
        InputStream huge = new InputStream() {
            private long left = limit + 1_000_000L; // a "query" argument longer than the limit, never stored whole
            private final byte[] head = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":"
                            + "\"insert_data\",\"arguments\":{\"query\":\"")
                    .getBytes(StandardCharsets.UTF_8);
            private int headPos;

            @Override
            public int read() {
                if (headPos < head.length) {
                    return head[headPos++];
                }
                if (left-- > 0) {
                    return 'x';
                }
                return left == -1 ? '\n' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len) {
                    int c = read();
                    if (c < 0) {
                        return n == 0 ? -1 : n;
                    }
                    b[off + n++] = (byte) c;
                }
                return n;
            }
        };
        var run = run(null, new SequenceInputStream(huge, utf8(PING + "\n")));
        assertEquals(2, run.responses().size(), () -> run.rawOutput().substring(0, 300));
        Json.JsonObject error = run.responses().getFirst();
        assertEquals(RpcError.INVALID_REQUEST, errorCode(error));
        assertEquals(Json.JsonNull.INSTANCE, error.get("id"));
        assertEquals(Json.object(), byId(run, 42).get("result"));
        assertTrue(run.rawOutput().length() < 1000, "the error does not echo the message");
    }

    @Test
    void shouldAcceptAMessageOfExactlyTheLimitAndRefuseOneByteMore() {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";
        int limit = ping.length() + 4;
        String atLimit = ping + "    "; // trailing whitespace is allowed around a JSON value
        var run = McpHarness.run(null, utf8(atLimit + "\n" + atLimit + " \n"), limit);
        assertEquals(2, run.responses().size(), run.rawOutput());
        assertEquals(Json.object(), run.responses().get(0).get("result"));
        assertEquals(RpcError.INVALID_REQUEST, errorCode(run.responses().get(1)));
        assertEquals(
                Json.of("message of " + (limit + 1) + " bytes is longer than the limit of " + limit + " bytes"),
                ((Json.JsonObject) run.responses().get(1).get("error")).get("data"));
    }

    @Test
    void shouldAnswerAMessageCutOffByEndOfInputWithOneParseError() {
        var run = run(
                null,
                session("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\",\"params\":{\"na")
                        .stripTrailing());
        assertEquals(2, run.responses().size(), run.rawOutput());
        assertEquals(RpcError.PARSE_ERROR, errorCode(run.responses().get(1)));
        assertEquals(0, run.status());
        assertNoStackTrace(run);
    }

    @Test
    void shouldRunACompleteLastMessageWithoutItsNewline() {
        var run = run(null, PING);
        assertEquals(Json.object(), run.only().get("result"));
    }

    @Test
    void shouldIgnoreBlankLinesAndAcceptCrLf() {
        var run = run(null, "\n   \n\r\n" + PING + "\r\n");
        assertEquals(Json.object(), run.only().get("result"));
    }

    @Test
    void shouldLeaveTheDatabaseUntouchedByBadInput(@TempDir Path dir) throws IOException {
        String path = dir.resolve("bad.db").toString();
        var setup = run(
                path,
                session(
                        query(1, "schema_change", "CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT)"),
                        query(2, "insert_data", "INSERT INTO t VALUES (1, 'one'), (2, 'two')")));
        assertEquals("INSERT successful.", text(byId(setup, 2)));
        List<byte[]> before = contents(dir);

        String garbage = String.join(
                "\n",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"delete_data\","
                        + "\"arguments\":{\"query\":\"DELETE FROM t\"}",
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":\"delete_data\","
                        + "\"arguments\":{\"query\":\"DELETE FROM t\"}},\"id\":3}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"tools/call\",\"params\":{\"name\":\"delete_data\",\"arguments\":[]}}",
                "[{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/call\",\"params\":{\"name\":\"schema_change\","
                        + "\"arguments\":{\"query\":\"DROP TABLE t\"}}}]",
                query(5, "execute_query", "DELETE FROM t"),
                query(6, "insert_data", "INSERT INTO t VALUES (3, 'x'); DROP TABLE t"),
                query(7, "update_data", "UPDATE t SET v = 'x' WHERE id = 1")
                        .replace("\"jsonrpc\":\"2.0\"", "\"jsonrpc\":\"3.0\""),
                "\u0000\u0001garbage",
                "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"name\":\"delete_data\",\"arguments\":{\"query\":\"DELETE FROM t\"");
        var run = run(path, garbage);
        assertEquals(0, run.status());
        // 9 lines; the third is a notification (no id), which gets no answer even though it is wrong.
        assertEquals(8, run.responses().size(), run.rawOutput());
        assertNoStackTrace(run);
        assertEquals(before.size(), contents(dir).size());
        List<byte[]> after = contents(dir);
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i), "file " + i + " changed");
        }
        var check = run(path, session(query(1, "execute_query", "SELECT id, v FROM t ORDER BY id")));
        assertEquals("id | v\n------\n1 | one\n2 | two\n", text(byId(check, 1)));
    }

    @Test
    void shouldFailWithOneLineWhenTheDatabaseCannotBeOpened(@TempDir Path dir) {
        var run = run(dir.toString(), PING + "\n");
        assertEquals(1, run.status());
        assertEquals("", run.rawOutput());
        assertEquals(1, run.log().lines().count(), run.log());
        assertTrue(run.log().startsWith("Error: unable to open database \"" + dir + "\""), run.log());
        assertNoStackTrace(run);
    }

    private static List<byte[]> contents(Path dir) throws IOException {
        List<byte[]> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir).sorted()) {
            for (Path p : files.toList()) {
                out.add(Files.readAllBytes(p));
            }
        }
        return out;
    }

    private static InputStream utf8(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }
}
