package io.tursoj.translate.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The statements of the shared conformance corpora ({@code shared/conformance}): every SQL block of the
 * {@code .sqltest} files (setups, tests, snapshots, matrix expansions) and every statement and query record of the
 * sqllogictest files that applies to SQLite, each split into statements the way sqlite3's shell would.
 *
 * <p>The folder is found through the system property {@code tursoj.conformance.dir}, or as {@code
 * shared/conformance} in the working directory or one of its parents.
 */
final class ConformanceCorpus {

    /** One statement of the corpus; {@code script} groups the statements that run together, in order. */
    record Statement(String origin, int script, String sql) {}

    private ConformanceCorpus() {}

    static Path locate() {
        String property = System.getProperty("tursoj.conformance.dir");
        if (property != null && !property.isBlank()) {
            Path path = Path.of(property);
            return Files.isDirectory(path) ? path : null;
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("shared").resolve("conformance");
            if (Files.isDirectory(candidate.resolve("sqltest")) || Files.isDirectory(candidate.resolve("slt"))) {
                return candidate;
            }
            dir = dir.getParent();
        }
        return null;
    }

    static List<Statement> sqltestStatements(Path root) {
        List<Statement> statements = new ArrayList<>();
        int script = 0;
        for (Path file : files(root.resolve("sqltest"), ".sqltest")) {
            String text = read(file);
            String origin = root.relativize(file).toString();
            for (String sql : SqltestReader.sqlBlocks(text)) {
                script++;
                for (StatementSplitter.Piece piece : StatementSplitter.split(sql)) {
                    String stmt = piece.text(sql).strip();
                    if (!stmt.isEmpty()) {
                        statements.add(new Statement(origin, script, stmt));
                    }
                }
            }
        }
        return statements;
    }

    static List<Statement> sltStatements(Path root) {
        List<Statement> statements = new ArrayList<>();
        int script = 1_000_000;
        for (Path file : files(root.resolve("slt"), ".test")) {
            script++;
            String origin = root.relativize(file).toString();
            for (String sql : SltReader.records(read(file))) {
                statements.add(new Statement(origin, script, sql));
            }
        }
        return statements;
    }

    private static List<Path> files(Path dir, String suffix) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
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
