package io.tursoj.shell.mcp;

import io.tursoj.shell.mcp.json.Json;
import java.util.List;

/**
 * The MCP methods the server answers: the lifecycle ({@code initialize}, {@code notifications/initialized}), {@code
 * ping}, and the tools capability ({@code tools/list}, {@code tools/call}). Anything else is -32601.
 */
final class McpMethods {
    /** Protocol revisions this server speaks, newest first; the first is offered when the client's is unknown. */
    static final List<String> PROTOCOL_VERSIONS = List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

    static final String SERVER_NAME = "tursoj-mcp";
    static final String SERVER_VERSION = "0.1.0";

    private final DatabaseTools tools;

    McpMethods(DatabaseTools tools) {
        this.tools = tools;
    }

    Json request(String method, Json.JsonObject params) throws RpcError.Failure {
        return switch (method) {
            case "initialize" -> initialize(params);
            case "ping" -> Json.object();
            case "tools/list" -> Json.object("tools", ToolCatalog.definitions());
            case "tools/call" -> callTool(params);
            default -> throw new RpcError.Failure(RpcError.methodNotFound(method));
        };
    }

    /** Notifications need no answer; the ones MCP defines for a server without subscriptions change nothing here. */
    void notification(String method, Json.JsonObject params) {
        // notifications/initialized, notifications/cancelled (requests run to completion before the next is
        // read, so there is never one in flight to cancel), and unknown ones, which JSON-RPC says to ignore.
    }

    /**
     * Version negotiation as the lifecycle spec says: answer with the client's version when we support it, otherwise
     * with the newest we support, and let the client decide whether to go on.
     */
    private static Json initialize(Json.JsonObject params) throws RpcError.Failure {
        if (!(params.get("protocolVersion") instanceof Json.JsonString requested)) {
            throw new RpcError.Failure(RpcError.invalidParams("\"protocolVersion\" must be a string"));
        }
        String version =
                PROTOCOL_VERSIONS.contains(requested.value()) ? requested.value() : PROTOCOL_VERSIONS.getFirst();
        return Json.object(
                "protocolVersion", Json.of(version),
                "capabilities", Json.object("tools", Json.object("listChanged", Json.of(false))),
                "serverInfo", Json.object("name", Json.of(SERVER_NAME), "version", Json.of(SERVER_VERSION)));
    }

    private Json callTool(Json.JsonObject params) throws RpcError.Failure {
        if (!(params.get("name") instanceof Json.JsonString name)) {
            throw new RpcError.Failure(RpcError.invalidParams("\"name\" must be a string"));
        }
        Json arguments = params.get("arguments");
        if (arguments != null && !(arguments instanceof Json.JsonObject)) {
            throw new RpcError.Failure(RpcError.invalidParams("\"arguments\" must be an object"));
        }
        if (!ToolCatalog.exists(name.value())) {
            // The tools spec's own example: an unknown tool is a protocol error, -32602.
            throw new RpcError.Failure(new RpcError(RpcError.INVALID_PARAMS, "Unknown tool: " + name.value(), null));
        }
        Json.JsonObject args = arguments == null ? Json.object() : (Json.JsonObject) arguments;
        ToolResult result = tools.call(name.value(), args);
        return Json.object(
                "content",
                Json.array(Json.object("type", Json.of("text"), "text", Json.of(result.text()))),
                "isError",
                Json.of(result.isError()));
    }
}
