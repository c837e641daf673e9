package io.tursoj.shell.mcp;

import io.tursoj.shell.mcp.json.Json;

/**
 * A JSON-RPC 2.0 error object: the spec's reserved codes, the spec's messages, and an optional {@code data} member that
 * says what exactly was wrong.
 */
record RpcError(int code, String message, Json data) {
    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int METHOD_NOT_FOUND = -32601;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;

    static RpcError parseError(String detail) {
        return new RpcError(PARSE_ERROR, "Parse error", Json.of(detail));
    }

    static RpcError invalidRequest(String detail) {
        return new RpcError(INVALID_REQUEST, "Invalid Request", Json.of(detail));
    }

    static RpcError methodNotFound(String method) {
        return new RpcError(METHOD_NOT_FOUND, "Method not found", Json.object("method", Json.of(method)));
    }

    static RpcError invalidParams(String detail) {
        return new RpcError(INVALID_PARAMS, "Invalid params", Json.of(detail));
    }

    static RpcError internalError(String detail) {
        return new RpcError(INTERNAL_ERROR, "Internal error", Json.of(detail));
    }

    Json toJson() {
        return data == null
                ? Json.object("code", Json.of(code), "message", Json.of(message))
                : Json.object("code", Json.of(code), "message", Json.of(message), "data", data);
    }

    /** Thrown by a method handler to answer its request with this error. */
    static final class Failure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient RpcError error;

        Failure(RpcError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        RpcError error() {
            return error;
        }
    }
}
