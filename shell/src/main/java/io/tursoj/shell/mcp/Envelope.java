package io.tursoj.shell.mcp;

import io.tursoj.shell.mcp.json.Json;

/**
 * What a parsed message is by JSON-RPC 2.0 and MCP's rules: a request (has an {@code id}), a notification (no
 * {@code id}), a response from the client (an {@code id} and a {@code result} or {@code error} but no {@code
 * method}), or not a valid message at all. MCP narrows JSON-RPC: ids are strings or integers, never null; params, when
 * present, are an object; batches are not part of the protocol since 2025-06-18.
 */
sealed interface Envelope {
    record Request(Json id, String method, Json.JsonObject params) implements Envelope {}

    record Notification(String method, Json.JsonObject params) implements Envelope {}

    record ClientResponse() implements Envelope {}

    /** @param id the request's id when it could be read, else JSON null (as JSON-RPC asks) */
    record Invalid(Json id, RpcError error) implements Envelope {}

    static Envelope of(Json message) {
        if (message instanceof Json.JsonArray) {
            return new Invalid(Json.JsonNull.INSTANCE, RpcError.invalidRequest("batches are not supported"));
        }
        if (!(message instanceof Json.JsonObject m)) {
            return new Invalid(Json.JsonNull.INSTANCE, RpcError.invalidRequest("a message must be a JSON object"));
        }
        Json id = m.get("id");
        boolean validId = id instanceof Json.JsonString || (id instanceof Json.JsonNumber n && n.isInteger());
        Json replyId = validId ? id : Json.JsonNull.INSTANCE;
        if (!(m.get("jsonrpc") instanceof Json.JsonString v) || !v.value().equals("2.0")) {
            return new Invalid(replyId, RpcError.invalidRequest("\"jsonrpc\" must be \"2.0\""));
        }
        if (id != null && !validId) {
            return new Invalid(
                    Json.JsonNull.INSTANCE, RpcError.invalidRequest("\"id\" must be a string or an integer"));
        }
        if (!m.has("method") && id != null && (m.has("result") || m.has("error"))) {
            return new ClientResponse();
        }
        if (!(m.get("method") instanceof Json.JsonString method)) {
            return new Invalid(replyId, RpcError.invalidRequest("\"method\" must be a string"));
        }
        Json params = m.get("params");
        if (params != null && !(params instanceof Json.JsonObject)) {
            RpcError error = params instanceof Json.JsonArray
                    ? RpcError.invalidParams("MCP params must be an object")
                    : RpcError.invalidRequest("\"params\" must be an object");
            return new Invalid(replyId, error);
        }
        Json.JsonObject paramsObject = params == null ? Json.object() : (Json.JsonObject) params;
        return id == null
                ? new Notification(method.value(), paramsObject)
                : new Request(id, method.value(), paramsObject);
    }
}
