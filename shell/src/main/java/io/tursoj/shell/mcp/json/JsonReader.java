package io.tursoj.shell.mcp.json;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 reader: exactly one value, surrounded only by JSON whitespace (space, tab, LF, CR). No comments,
 * no trailing commas, no single quotes, no leading zeros, no NaN, no unescaped control characters in strings. Two
 * deliberate limits on top of the RFC (which allows implementations to set them): nesting is at most {@link
 * #MAX_DEPTH} deep, so hostile input cannot exhaust the stack, and an object may not repeat a member name, so no
 * message can mean two things. Every failure is a {@link JsonParseException}; nothing else escapes.
 */
public final class JsonReader {
    /** Deepest nesting of arrays and objects accepted; MCP messages are a handful of levels deep. */
    public static final int MAX_DEPTH = 128;

    private final String text;
    private int pos;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The one JSON value of {@code text}. */
    public static Json parse(String text) throws JsonParseException {
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        Json value = reader.value(0);
        reader.skipWhitespace();
        if (reader.pos < text.length()) {
            throw reader.error("unexpected text after the value");
        }
        return value;
    }

    private Json value(int depth) throws JsonParseException {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> new Json.JsonString(string());
            case 't' -> literal("true", new Json.JsonBool(true));
            case 'f' -> literal("false", new Json.JsonBool(false));
            case 'n' -> literal("null", Json.JsonNull.INSTANCE);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected character " + describe(c));
            }
        };
    }

    private Json object(int depth) throws JsonParseException {
        checkDepth(depth);
        pos++; // '{'
        Map<String, Json> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return new Json.JsonObject(members);
        }
        for (; ; ) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a member name");
            }
            int nameOffset = pos;
            String name = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Json value = value(depth);
            if (members.putIfAbsent(name, value) != null) {
                pos = nameOffset;
                throw error("duplicate member name \"" + name + "\"");
            }
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == '}') {
                return new Json.JsonObject(members);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private Json array(int depth) throws JsonParseException {
        checkDepth(depth);
        pos++; // '['
        List<Json> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return new Json.JsonArray(elements);
        }
        for (; ; ) {
            skipWhitespace();
            elements.add(value(depth));
            skipWhitespace();
            char c = peek();
            pos++;
            if (c == ']') {
                return new Json.JsonArray(elements);
            }
            if (c != ',') {
                pos--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() throws JsonParseException {
        pos++; // opening quote
        StringBuilder out = new StringBuilder();
        for (; ; ) {
            if (pos >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(pos);
            if (c == '"') {
                pos++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error("unescaped control character " + describe(c) + " in a string");
            }
            if (c == '\\') {
                escape(out);
            } else {
                out.append(c);
                pos++;
            }
        }
    }

    private void escape(StringBuilder out) throws JsonParseException {
        if (pos + 1 >= text.length()) {
            throw error("unterminated string");
        }
        char e = text.charAt(pos + 1);
        pos += 2;
        switch (e) {
            case '"' -> out.append('"');
            case '\\' -> out.append('\\');
            case '/' -> out.append('/');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'u' -> out.append(hex4());
            default -> {
                pos -= 2;
                throw error("invalid escape \\" + describe(e));
            }
        }
    }

    private char hex4() throws JsonParseException {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0 || text.charAt(pos + i) > 'f') {
                throw error("invalid hex digit in \\u escape");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private Json number() throws JsonParseException {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit");
        }
        if (peek() == '.') {
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        return new Json.JsonNumber(text.substring(start, pos));
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Json literal(String word, Json value) throws JsonParseException {
        if (!text.startsWith(word, pos)) {
            throw error("invalid literal");
        }
        pos += word.length();
        return value;
    }

    private void expect(char c) throws JsonParseException {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    /** The current char, or U+0000 at the end (never valid where a token is expected outside strings). */
    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private void checkDepth(int depth) throws JsonParseException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private JsonParseException error(String message) {
        if (pos >= text.length() && !message.startsWith("unexpected end")) {
            return new JsonParseException("unexpected end of input", text.length());
        }
        return new JsonParseException(message, pos);
    }

    private static String describe(char c) {
        return c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("U+%04X", (int) c);
    }
}
