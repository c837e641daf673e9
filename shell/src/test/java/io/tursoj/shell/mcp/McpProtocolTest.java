package io.tursoj.shell.mcp;

import static io.tursoj.shell.mcp.McpHarness.byId;
import static io.tursoj.shell.mcp.McpHarness.errorCode;
import static io.tursoj.shell.mcp.McpHarness.run;
import static io.tursoj.shell.mcp.McpHarness.session;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.shell.mcp.json.Json;
import io.tursoj.shell.mcp.json.JsonWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpProtocolTest {
    private static String initialize(String id, String version) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"initialize\",\"params\":{\"protocolVersion\":\""
                + version + "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}\n";
    }

    private static Json.JsonObject result(Json.JsonObject response) {
        return (Json.JsonObject) response.get("result");
    }

    @Test
    void shouldAnswerInitializeWithTheClientsVersionWhenSupported() {
        for (String version : McpMethods.PROTOCOL_VERSIONS) {
            var response = run(null, initialize("1", version)).only();
            assertEquals("2.0", ((Json.JsonString) response.get("jsonrpc")).value());
            assertEquals("1", ((Json.JsonNumber) response.get("id")).text());
            Json.JsonObject result = result(response);
            assertEquals(Json.of(version), result.get("protocolVersion"));
            assertTrue(((Json.JsonObject) result.get("capabilities")).has("tools"));
            assertEquals(Json.of(McpMethods.SERVER_NAME), ((Json.JsonObject) result.get("serverInfo")).get("name"));
        }
    }

    @Test
    void shouldOfferItsLatestVersionWhenTheClientsIsUnknown() {
        var response = run(null, initialize("\"a\"", "1999-01-01")).only();
        assertEquals(Json.of("a"), response.get("id"));
        assertEquals(
                Json.of(McpMethods.PROTOCOL_VERSIONS.getFirst()),
                result(response).get("protocolVersion"));
    }

    @Test
    void shouldRejectInitializeWithoutAProtocolVersion() {
        var response = run(null, "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"initialize\",\"params\":{}}\n")
                .only();
        assertEquals(RpcError.INVALID_PARAMS, errorCode(response));
        assertEquals("3", ((Json.JsonNumber) response.get("id")).text());
    }

    @Test
    void shouldNotAnswerNotifications() {
        var run = run(
                null,
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}\n"
                        + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}\n"
                        + "{\"jsonrpc\":\"2.0\",\"method\":\"no/such/notification\"}\n");
        assertEquals("", run.rawOutput());
        assertEquals(0, run.status());
    }

    @Test
    void shouldAnswerPingWithAnEmptyResult() {
        var run = run(null, session("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}"));
        assertEquals(Json.object(), result(byId(run, 7)));
    }

    @Test
    void shouldListTursosToolsWithTheirArguments() {
        var run = run(null, session("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\",\"params\":{}}"));
        Json.JsonArray tools = (Json.JsonArray) result(byId(run, 1)).get("tools");
        Map<String, List<String>> expected = Map.of(
                "open_database", List.of("path"),
                "current_database", List.of(),
                "list_tables", List.of(),
                "describe_table", List.of("table_name"),
                "execute_query", List.of("query"),
                "insert_data", List.of("query"),
                "update_data", List.of("query"),
                "delete_data", List.of("query"),
                "schema_change", List.of("query"));
        List<String> names = new ArrayList<>();
        for (Json t : tools.elements()) {
            Json.JsonObject tool = (Json.JsonObject) t;
            String name = ((Json.JsonString) tool.get("name")).value();
            names.add(name);
            Json.JsonObject schema = (Json.JsonObject) tool.get("inputSchema");
            assertEquals(Json.of("object"), schema.get("type"));
            List<String> required = new ArrayList<>();
            for (Json r : ((Json.JsonArray) schema.get("required")).elements()) {
                required.add(((Json.JsonString) r).value());
                assertTrue(((Json.JsonObject) schema.get("properties")).has(((Json.JsonString) r).value()));
            }
            assertEquals(expected.get(name), required, name);
        }
        assertEquals(
                expected.keySet().stream().sorted().toList(),
                names.stream().sorted().toList());
        assertEquals(
                "Execute a read-only SELECT query",
                ((Json.JsonString) ((Json.JsonObject) tools.elements().get(4)).get("description")).value());
    }

    @Test
    void shouldAnswerAnUnknownMethodWithMethodNotFound() {
        var run = run(null, session("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"resources/list\"}"));
        Json.JsonObject response = run.responses().get(1);
        assertEquals(Json.of("x"), response.get("id"));
        assertEquals(RpcError.METHOD_NOT_FOUND, errorCode(response));
        assertNull(response.get("result"));
    }

    @Test
    void shouldEchoLargeIntegerIdsExactly() {
        var response = run(null, "{\"jsonrpc\":\"2.0\",\"id\":123456789012345678901234567890,\"method\":\"ping\"}\n")
                .only();
        assertEquals("123456789012345678901234567890", ((Json.JsonNumber) response.get("id")).text());
    }

    @Test
    void shouldIgnoreResponsesFromTheClient() {
        var run = run(
                null,
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}\n"
                        + "{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":1,\"message\":\"m\"}}\n");
        assertEquals("", run.rawOutput());
    }

    @Test
    void shouldWriteEachResponseOnOneLineEvenWhenTextHasNewlines() {
        String sql = "SELECT 'a\nb' AS x";
        var run = run(null, session(McpHarness.query(1, "execute_query", sql)));
        assertEquals(2, run.rawOutput().split("\n").length, run.rawOutput());
        assertEquals("x\n-\na\nb\n", McpHarness.text(byId(run, 1)));
        assertTrue(JsonWriter.write(byId(run, 1)).indexOf('\n') < 0);
    }
}
