package io.tursoj.shell.mcp.json;

import java.util.Map;

/**
 * Writes JSON on one line (MCP's stdio transport frames messages by newline, so none may contain one). Strings are
 * escaped as RFC 8259 requires, and a lone surrogate is written as a {@code \}{@code u} escape so the output is always
 * valid UTF-8.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() {}

    public static String write(Json value) {
        StringBuilder out = new StringBuilder(128);
        write(value, out);
        return out.toString();
    }

    public static void write(Json value, StringBuilder out) {
        switch (value) {
            case Json.JsonObject o -> {
                out.append('{');
                boolean first = true;
                for (Map.Entry<String, Json> m : o.members().entrySet()) {
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    string(m.getKey(), out);
                    out.append(':');
                    write(m.getValue(), out);
                }
                out.append('}');
            }
            case Json.JsonArray a -> {
                out.append('[');
                for (int i = 0; i < a.elements().size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(a.elements().get(i), out);
                }
                out.append(']');
            }
            case Json.JsonString s -> string(s.value(), out);
            case Json.JsonNumber n -> out.append(n.text());
            case Json.JsonBool b -> out.append(b.value());
            case Json.JsonNull ignored -> out.append("null");
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        unicodeEscape(c, out);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private static void unicodeEscape(char c, StringBuilder out) {
        out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
    }
}
