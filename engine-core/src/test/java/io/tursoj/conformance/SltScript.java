package io.tursoj.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * The records of one sqllogictest file, read the way SQLite's reference runner and {@code shared/tools/slt.py} read
 * them: a record is a block of non-blank lines (comment lines starting with {@code #} are dropped and do not end a
 * block), led by any number of {@code skipif NAME} / {@code onlyif NAME} lines. Records under a condition that
 * excludes {@link #ENGINE} are counted as skipped; a {@code halt} that applies ends the file.
 */
final class SltScript {
    /** The engine name {@code skipif}/{@code onlyif} lines are matched against: TursoJ answers as SQLite does. */
    static final String ENGINE = "sqlite";

    /** How a query's values are ordered before they are compared. */
    enum Sort {
        NOSORT,
        ROWSORT,
        VALUESORT
    }

    /** A statement ({@code types == null}) or a query record that applies to {@link #ENGINE}. */
    record Item(int line, String sql, boolean expectError, String types, Sort sort, List<String> expected) {
        boolean isQuery() {
            return types != null;
        }
    }

    /** The records to run, in order, and how many were skipped by their conditions. */
    record Parsed(List<Item> items, int skipped) {}

    private SltScript() {}

    static Parsed parse(String text) {
        String[] lines = text.split("\n", -1);
        List<Item> items = new ArrayList<>();
        int skipped = 0;
        int i = 0;
        List<String> block = new ArrayList<>();
        while (i < lines.length) {
            block.clear();
            int firstLine = 0;
            while (i < lines.length) {
                String line = stripCr(lines[i++]);
                if (line.startsWith("#")) {
                    continue;
                }
                if (line.isBlank()) {
                    if (!block.isEmpty()) {
                        break;
                    }
                    continue;
                }
                if (block.isEmpty()) {
                    firstLine = i;
                }
                block.add(line);
            }
            if (block.isEmpty()) {
                continue;
            }
            boolean applies = true;
            int j = 0;
            for (; j < block.size(); j++) {
                String[] tokens = block.get(j).strip().split("\\s+");
                if (tokens[0].equals("skipif")) {
                    applies &= !(tokens.length > 1 && tokens[1].equals(ENGINE));
                } else if (tokens[0].equals("onlyif")) {
                    applies &= tokens.length > 1 && tokens[1].equals(ENGINE);
                } else {
                    break;
                }
            }
            if (j >= block.size()) {
                continue;
            }
            String[] head = block.get(j).strip().split("\\s+");
            List<String> body = block.subList(j + 1, block.size());
            int line = firstLine + j;
            switch (head[0]) {
                case "statement", "query" -> {
                    if (!applies) {
                        skipped++;
                    } else {
                        items.add(head[0].equals("statement") ? statement(line, head, body) : query(line, head, body));
                    }
                }
                case "halt" -> {
                    if (applies) {
                        return new Parsed(List.copyOf(items), skipped);
                    }
                }
                default -> {
                    // hash-threshold only matters when writing expected results: the form of each expected block
                    // decides how it is compared. Unknown commands are ignored as the reference runner does.
                }
            }
        }
        return new Parsed(List.copyOf(items), skipped);
    }

    private static Item statement(int line, String[] head, List<String> body) {
        boolean error = head.length > 1 && head[1].equals("error");
        return new Item(line, String.join("\n", body), error, null, Sort.NOSORT, List.of());
    }

    private static Item query(int line, String[] head, List<String> body) {
        String types = head.length > 1 ? head[1] : "";
        Sort sort = Sort.NOSORT;
        if (head.length > 2) {
            switch (head[2]) {
                case "rowsort" -> sort = Sort.ROWSORT;
                case "valuesort" -> sort = Sort.VALUESORT;
                default -> sort = Sort.NOSORT;
            }
        }
        int separator = body.indexOf("----");
        String sql = String.join("\n", separator < 0 ? body : body.subList(0, separator));
        List<String> expected = separator < 0 ? List.of() : List.copyOf(body.subList(separator + 1, body.size()));
        return new Item(line, sql, false, types, sort, expected);
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
