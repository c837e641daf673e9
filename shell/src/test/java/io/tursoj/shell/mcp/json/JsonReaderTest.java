package io.tursoj.shell.mcp.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class JsonReaderTest {
    @Test
    void shouldReadEveryKindOfValue() throws JsonParseException {
        Json v = JsonReader.parse(
                " {\"s\":\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00\",\"n\":[0,-0,1.5,-2e10,3E+2,4e-1],"
                        + "\"t\":true,\"f\":false,\"z\":null,\"o\":{},\"a\":[]}\r\n");
        Json.JsonObject o = (Json.JsonObject) v;
        assertEquals(Json.of("a\"\\/\b\f\n\r\té😀"), o.get("s"));
        assertEquals(
                List.of("0", "-0", "1.5", "-2e10", "3E+2", "4e-1"),
                ((Json.JsonArray) o.get("n"))
                        .elements().stream()
                                .map(e -> ((Json.JsonNumber) e).text())
                                .toList());
        assertEquals(Json.of(true), o.get("t"));
        assertEquals(Json.of(false), o.get("f"));
        assertEquals(Json.JsonNull.INSTANCE, o.get("z"));
        assertEquals(Json.object(), o.get("o"));
        assertEquals(Json.array(), o.get("a"));
        assertEquals(
                List.of("s", "n", "t", "f", "z", "o", "a"),
                List.copyOf(o.members().keySet()));
    }

    @Test
    void shouldReadScalarsAtTheTopLevel() throws JsonParseException {
        assertEquals(Json.of("x"), JsonReader.parse("\"x\""));
        assertEquals(new Json.JsonNumber("12"), JsonReader.parse(" 12 "));
        assertEquals(Json.JsonNull.INSTANCE, JsonReader.parse("null"));
    }

    @Test
    void shouldRejectWhatRfc8259Forbids() {
        for (String bad : List.of(
                "",
                " ",
                "{",
                "}",
                "[1,]",
                "[,1]",
                "{\"a\":1,}",
                "{\"a\" 1}",
                "{a:1}",
                "{'a':1}",
                "01",
                "-",
                "1.",
                ".5",
                "1e",
                "1e+",
                "+1",
                "0x10",
                "NaN",
                "Infinity",
                "-Infinity",
                "True",
                "nul",
                "\"a",
                "\"\\u12\"",
                "\"\\u12g4\"",
                "\"\\uＡＡＡＡ\"",
                "\"\\a\"",
                "\"\u0001\"",
                "\"line\nbreak\"",
                "1 2",
                "[1] x",
                "/* c */ 1",
                "\u00a01",
                "\ufeff{}",
                "{\"a\":1,\"a\":1}")) {
            assertThrows(JsonParseException.class, () -> JsonReader.parse(bad), () -> "accepted: " + bad);
        }
    }

    @Test
    void shouldLimitNestingDepth() throws JsonParseException {
        int ok = JsonReader.MAX_DEPTH;
        JsonReader.parse("[".repeat(ok) + "]".repeat(ok));
        JsonParseException e =
                assertThrows(JsonParseException.class, () -> JsonReader.parse("[".repeat(ok + 1) + "]".repeat(ok + 1)));
        assertTrue(e.getMessage().contains("nesting deeper than"), e.getMessage());
        assertThrows(JsonParseException.class, () -> JsonReader.parse("{\"a\":".repeat(100_000)));
    }

    @Test
    void shouldReportWhereReadingStopped() {
        JsonParseException e = assertThrows(JsonParseException.class, () -> JsonReader.parse("[1, 2, x]"));
        assertEquals(7, e.offset());
        assertTrue(e.getMessage().endsWith("at offset 7"), e.getMessage());
    }

    @Test
    void shouldWriteWhatItReadsBackIdentically() throws JsonParseException {
        SplittableRandom random = new SplittableRandom(0x5EED_0001L);
        for (int i = 0; i < 2000; i++) {
            Json value = randomValue(random, 0);
            String text = JsonWriter.write(value);
            assertTrue(text.indexOf('\n') < 0 && text.indexOf('\r') < 0, text);
            assertEquals(value, JsonReader.parse(text), text);
        }
    }

    @Test
    void shouldEscapeControlCharactersAndLoneSurrogates() throws JsonParseException {
        String s = "\u0000\u001f\ud800x\udc00\u2028é";
        String text = JsonWriter.write(Json.of(s));
        assertEquals("\"\\u0000\\u001f\\ud800x\\udc00\u2028é\"", text);
        assertEquals(Json.of(s), JsonReader.parse(text));
    }

    /**
     * Fuzz: mutate valid documents (flip, insert, delete, duplicate and truncate characters) and read them. Each
     * result must be either a value or a {@link JsonParseException}; any other exception fails the test.
     */
    @Test
    void shouldOnlyEverFailWithAParseError() {
        SplittableRandom random = new SplittableRandom(0x5EED_0002L);
        String alphabet = "{}[],:\"\\/ \t\n-+.0123456789eEtrufalsnbu\u0000\u001f\ud800é";
        int parsed = 0;
        int rejected = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder doc = new StringBuilder(JsonWriter.write(randomValue(random, 0)));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && !doc.isEmpty(); e++) {
                int at = random.nextInt(doc.length());
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(5)) {
                    case 0 -> doc.setCharAt(at, c);
                    case 1 -> doc.insert(at, c);
                    case 2 -> doc.deleteCharAt(at);
                    case 3 -> doc.insert(at, doc.substring(at, Math.min(doc.length(), at + 1 + random.nextInt(8))));
                    default -> doc.setLength(at);
                }
            }
            try {
                JsonReader.parse(doc.toString());
                parsed++;
            } catch (JsonParseException expected) {
                rejected++;
            }
        }
        assertTrue(parsed > 100 && rejected > 10_000, "parsed " + parsed + ", rejected " + rejected);
    }

    private static Json randomValue(SplittableRandom random, int depth) {
        int kind = random.nextInt(depth > 4 ? 4 : 6);
        return switch (kind) {
            case 0 -> Json.of(randomString(random));
            case 1 -> randomNumber(random);
            case 2 -> Json.of(random.nextBoolean());
            case 3 -> Json.JsonNull.INSTANCE;
            case 4 -> {
                List<Json> elements = new ArrayList<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    elements.add(randomValue(random, depth + 1));
                }
                yield new Json.JsonArray(elements);
            }
            default -> {
                Map<String, Json> members = new LinkedHashMap<>();
                for (int i = random.nextInt(4); i > 0; i--) {
                    members.put(randomString(random), randomValue(random, depth + 1));
                }
                yield new Json.JsonObject(members);
            }
        };
    }

    private static Json.JsonNumber randomNumber(SplittableRandom random) {
        String[] forms = {"0", "-0", "7", "-12", "3.25", "1e5", "-2.5E-3", "123456789012345678901234567890", "6.02e+23"
        };
        return new Json.JsonNumber(forms[random.nextInt(forms.length)]);
    }

    private static String randomString(SplittableRandom random) {
        StringBuilder sb = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            sb.append(
                    switch (random.nextInt(6)) {
                        case 0 -> (char) random.nextInt(0x20);
                        case 1 -> '"';
                        case 2 -> '\\';
                        case 3 -> (char) (0xd800 + random.nextInt(0x800)); // surrogates, paired or not
                        case 4 -> (char) (0x80 + random.nextInt(0x700));
                        default -> (char) ('a' + random.nextInt(26));
                    });
        }
        return sb.toString();
    }
}
