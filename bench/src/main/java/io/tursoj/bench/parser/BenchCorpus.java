package io.tursoj.bench.parser;

import io.tursoj.translate.parser.StatementSplitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The statements of the shared conformance corpora, for the parser benchmark: the SQL blocks of the {@code .sqltest}
 * files and the statement and query records of the sqllogictest files. Found through {@code -Dtursoj.conformance.dir}
 * or as {@code shared/conformance} in the working directory or a parent.
 */
final class BenchCorpus {
    private static final Pattern SQLTEST_BLOCK = Pattern.compile("(?m)^\\s*(?:setup|test|snapshot)\\s+\\S+\\s*\\{");

    private BenchCorpus() {}

    static Path locate() {
        String property = System.getProperty("tursoj.conformance.dir");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("conformance");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("shared/conformance not found; set -Dtursoj.conformance.dir");
    }

    /** Every sqltest statement and every {@code sltStride}-th sqllogictest record. */
    static List<String> statements(Path root, int sltStride) {
        List<String> statements = new ArrayList<>();
        for (Path file : files(root.resolve("sqltest"), ".sqltest")) {
            String text = read(file);
            Matcher matcher = SQLTEST_BLOCK.matcher(text);
            while (matcher.find()) {
                String block = block(text, matcher.end());
                for (StatementSplitter.Piece piece : StatementSplitter.split(block)) {
                    String sql = piece.text(block).strip();
                    if (!sql.isEmpty()) {
                        statements.add(sql);
                    }
                }
            }
        }
        int record = 0;
        for (Path file : files(root.resolve("slt"), ".test")) {
            for (String sql : sltRecords(read(file))) {
                if (record++ % sltStride == 0) {
                    statements.add(sql);
                }
            }
        }
        return statements;
    }

    private static String block(String text, int start) {
        int depth = 1;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}' && --depth == 0) {
                return text.substring(start, i);
            }
        }
        return text.substring(start);
    }

    private static List<String> sltRecords(String text) {
        List<String> records = new ArrayList<>();
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith("statement ") || lines[i].startsWith("query ")) {
                StringBuilder sql = new StringBuilder();
                int j = i + 1;
                while (j < lines.length && !lines[j].isBlank() && !lines[j].equals("----")) {
                    sql.append(lines[j]).append('\n');
                    j++;
                }
                records.add(sql.toString().strip());
                i = j;
            }
        }
        return records;
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
