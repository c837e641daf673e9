package io.tursoj.translate.parser;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pulls the SQL out of Turso's {@code .sqltest} DSL: the blocks after {@code setup NAME}, {@code test NAME}, {@code
 * snapshot[-eqp] NAME} and {@code matrix NAME} (expanded over its {@code @var} values), with the block macros
 * {@code {{expr_depth_limit}}} and {@code {{repeat:N:text}}} applied. Expectation blocks are skipped.
 */
final class SqltestReader {
    /** The value of {@code {{expr_depth_limit}}} the shared runner uses (Turso's parser limit). */
    static final int EXPR_DEPTH_LIMIT = 100;

    private record Item(String kind, String text) {}

    private SqltestReader() {}

    static List<String> sqlBlocks(String source) {
        List<Item> items = tokenize(source);
        List<String> blocks = new ArrayList<>();
        Map<String, List<String>> vars = new LinkedHashMap<>();
        for (int i = 0; i + 2 < items.size(); i++) {
            Item keyword = items.get(i);
            Item name = items.get(i + 1);
            Item block = items.get(i + 2);
            if (!keyword.kind.equals("word") || !name.kind.equals("word") || !block.kind.equals("block")) {
                continue;
            }
            switch (keyword.text) {
                case "@var" -> vars.put(name.text, splitValues(block.text));
                case "setup", "test", "snapshot", "snapshot-eqp" -> {
                    blocks.add(expandMacros(block.text));
                    vars.clear();
                }
                case "matrix" -> {
                    blocks.addAll(expandMatrix(expandMacros(block.text), vars));
                    vars.clear();
                }
                default -> {}
            }
        }
        return blocks;
    }

    private static List<String> splitValues(String block) {
        List<String> values = new ArrayList<>();
        for (String value : block.split("\\|", -1)) {
            values.add(value.strip());
        }
        return values;
    }

    private static List<String> expandMatrix(String sql, Map<String, List<String>> vars) {
        List<String> results = List.of(sql);
        List<String> names = new ArrayList<>(vars.keySet());
        names.sort((a, b) -> b.length() - a.length());
        for (String name : names) {
            List<String> next = new ArrayList<>();
            for (String partial : results) {
                for (String value : vars.get(name)) {
                    next.add(partial.replace("$" + name, value));
                }
            }
            results = next;
        }
        return results;
    }

    static String expandMacros(String content) {
        StringBuilder out = new StringBuilder();
        String rest = content;
        while (true) {
            int start = rest.indexOf("{{");
            if (start < 0) {
                break;
            }
            int end = rest.indexOf("}}", start + 2);
            if (end < 0) {
                break;
            }
            out.append(rest, 0, start);
            String body = rest.substring(start + 2, end).strip();
            if (body.startsWith("repeat:")) {
                String[] parts = body.substring(7).split(":", 2);
                out.append(parts[1].repeat(count(parts[0])));
            } else {
                out.append(count(body));
            }
            rest = rest.substring(end + 2);
        }
        return out.append(rest).toString();
    }

    private static int count(String expression) {
        String e = expression.replaceAll("\\s", "");
        if (e.startsWith("expr_depth_limit")) {
            String tail = e.substring("expr_depth_limit".length());
            return tail.isEmpty() ? EXPR_DEPTH_LIMIT : EXPR_DEPTH_LIMIT + Integer.parseInt(tail);
        }
        return Integer.parseInt(e);
    }

    /** Words (including {@code @words} and paths), quoted strings and brace blocks; comments dropped. */
    private static List<Item> tokenize(String source) {
        List<Item> items = new ArrayList<>();
        int i = 0;
        int n = source.length();
        while (i < n) {
            char c = source.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                int newline = source.indexOf('\n', i);
                i = newline < 0 ? n : newline;
            } else if (c == '{') {
                StringBuilder block = new StringBuilder();
                i = readBlock(source, i + 1, block);
                items.add(new Item("block", block.toString()));
            } else if (c == '"') {
                int j = i + 1;
                while (j < n && source.charAt(j) != '"') {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                items.add(new Item("string", source.substring(i + 1, Math.min(j, n))));
                i = j + 1;
            } else {
                int j = i;
                while (j < n && !Character.isWhitespace(source.charAt(j)) && "{}\"#".indexOf(source.charAt(j)) < 0) {
                    j++;
                }
                items.add(new Item("word", source.substring(i, Math.max(j, i + 1))));
                i = Math.max(j, i + 1);
            }
        }
        return items;
    }

    /** Reads a balanced block after '{'; returns the index after the closing '}'. */
    private static int readBlock(String source, int start, StringBuilder out) {
        int depth = 1;
        int i = start;
        int n = source.length();
        if (i < n && source.charAt(i) == '\n') {
            i++;
        }
        while (i < n) {
            char c = source.charAt(i);
            if (c == '\\' && i + 1 < n && "{}\\".indexOf(source.charAt(i + 1)) >= 0) {
                out.append(source.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    if (!out.isEmpty() && out.charAt(out.length() - 1) == '\n') {
                        out.setLength(out.length() - 1);
                    }
                    return i + 1;
                }
            }
            out.append(c);
            i++;
        }
        return n;
    }
}
