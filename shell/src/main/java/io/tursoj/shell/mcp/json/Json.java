package io.tursoj.shell.mcp.json;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A JSON value (RFC 8259). Objects keep their members in the order they were read or built; a number keeps its
 * source text, so that a request id such as {@code 12345678901234567890} is echoed back exactly as it was sent.
 */
public sealed interface Json {

    /** An object; member names are unique (the reader rejects duplicates). */
    record JsonObject(Map<String, Json> members) implements Json {
        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        /** The member {@code name}, or null when absent. */
        public Json get(String name) {
            return members.get(name);
        }

        public boolean has(String name) {
            return members.containsKey(name);
        }
    }

    record JsonArray(List<Json> elements) implements Json {
        public JsonArray {
            elements = List.copyOf(elements);
        }
    }

    record JsonString(String value) implements Json {}

    /** A number as written: {@code text} matches RFC 8259's {@code number} production. */
    record JsonNumber(String text) implements Json {
        /** Whether the number is written without fraction or exponent. */
        public boolean isInteger() {
            return text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
        }
    }

    record JsonBool(boolean value) implements Json {}

    enum JsonNull implements Json {
        INSTANCE
    }

    static JsonString of(String value) {
        return new JsonString(value);
    }

    static JsonBool of(boolean value) {
        return new JsonBool(value);
    }

    static JsonNumber of(long value) {
        return new JsonNumber(Long.toString(value));
    }

    /** An object from alternating names and values: {@code object("a", x, "b", y)}. */
    static JsonObject object(Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must alternate");
        }
        Map<String, Json> members = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            members.put((String) namesAndValues[i], (Json) namesAndValues[i + 1]);
        }
        return new JsonObject(members);
    }

    static JsonArray array(Json... elements) {
        return new JsonArray(List.of(elements));
    }
}
