package io.tursoj.translate.parser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Asks the installed {@code sqlite3} command whether statements parse: each statement is prepared as {@code EXPLAIN QUERY
 * PLAN stmt} (so nothing runs), after the given context statements (which do run, so that tables exist for CREATE
 * TRIGGER and ALTER TABLE). One process takes a batch of statements as {@code -cmd} arguments; a deliberate error
 * naming a marker column after each statement separates their error messages on stderr.
 */
final class SqliteOracle {
    private static final int BATCH_CHARS = 400_000;
    private static final int BATCH_STATEMENTS = 2_000;
    private static final String MARKER = "zz_oracle_marker_";

    /**
     * Prepared behind EXPLAIN QUERY PLAN so nothing runs; the full prefix also keeps a statement that starts with the
     * word QUERY from reading as part of it.
     */
    private static final String PREFIX = "EXPLAIN QUERY PLAN ";

    /** How sqlite3 judged a statement. */
    enum Kind {
        /** Prepared, or failed for a reason that is not syntax (no such table...). */
        ACCEPTED,
        /** A syntax error, or an error SQLite's grammar actions raise while parsing. */
        SYNTAX,
        /** sqlite3 3.40's parser stack (about 100 nested parentheses) or expression depth ran out. */
        LIMIT
    }

    record Verdict(Kind kind, String message) {}

    /**
     * One step of a script: a statement to judge (prepared as EXPLAIN, nothing runs) or, with {@code run}, a
     * statement to execute so that later steps see its effect (CREATE TABLE before CREATE TRIGGER).
     */
    record Probe(String sql, boolean run) {}

    private SqliteOracle() {}

    static boolean available() {
        try {
            Process process = new ProcessBuilder("sqlite3", "-version")
                    .redirectErrorStream(true)
                    .start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Verdicts for the probes of one script, in order, in one database: after {@code context} ran. The verdict of a
     * run probe is the error it raised, if any.
     */
    static List<Verdict> judge(List<String> context, List<Probe> probes) {
        List<String> command = new ArrayList<>();
        command.add("sqlite3");
        command.add("-batch");
        command.add(":memory:");
        for (String sql : context) {
            command.add("-cmd");
            command.add(sql);
        }
        command.add("-cmd");
        command.add("SELECT " + MARKER + "context");
        for (int i = 0; i < probes.size(); i++) {
            Probe probe = probes.get(i);
            command.add("-cmd");
            command.add(probe.run() || startsWithExplain(probe.sql()) ? probe.sql() : PREFIX + probe.sql());
            command.add("-cmd");
            command.add("SELECT " + MARKER + i);
        }
        return parseErrors(run(command), probes.size());
    }

    /** Verdicts for {@code statements}, each prepared after the {@code context} statements ran. */
    static List<Verdict> verdicts(List<String> context, List<String> statements) {
        List<Verdict> verdicts = new ArrayList<>(statements.size());
        int from = 0;
        while (from < statements.size()) {
            int to = from;
            int chars = 0;
            while (to < statements.size() && to - from < BATCH_STATEMENTS && chars < BATCH_CHARS) {
                chars += statements.get(to).length() + 40;
                to++;
            }
            verdicts.addAll(runBatch(context, statements.subList(from, to)));
            from = to;
        }
        return verdicts;
    }

    private static List<Verdict> runBatch(List<String> context, List<String> statements) {
        List<String> command = new ArrayList<>();
        command.add("sqlite3");
        command.add("-batch");
        command.add(":memory:");
        for (String sql : context) {
            command.add("-cmd");
            command.add(sql);
        }
        command.add("-cmd");
        command.add("SELECT " + MARKER + "context");
        for (int i = 0; i < statements.size(); i++) {
            String sql = statements.get(i);
            command.add("-cmd");
            command.add(startsWithExplain(sql) ? sql : PREFIX + sql);
            command.add("-cmd");
            command.add("SELECT " + MARKER + i);
        }
        String stderr = run(command);
        return parseErrors(stderr, statements.size());
    }

    private static boolean startsWithExplain(String sql) {
        List<Token> tokens = Lexer.tokens(sql);
        return tokens.getFirst().type() == TokenType.EXPLAIN;
    }

    private static String run(List<String> command) {
        try {
            Path workDir = Files.createTempDirectory("tursoj-oracle");
            try {
                Process process = new ProcessBuilder(command)
                        .directory(workDir.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(
                                Path.of("/dev/null").toFile()))
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .start();
                byte[] err = process.getErrorStream().readAllBytes();
                if (!process.waitFor(10, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("sqlite3 did not finish");
                }
                return new String(err, StandardCharsets.UTF_8);
            } finally {
                try (var files = Files.walk(workDir)) {
                    files.sorted((a, b) -> b.compareTo(a))
                            .forEach(p -> p.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Splits stderr at the marker errors; the first error line of each segment is its statement's verdict. */
    private static List<Verdict> parseErrors(String stderr, int count) {
        List<Verdict> verdicts = new ArrayList<>(count);
        String pending = null;
        boolean contextDone = false;
        for (String line : stderr.split("\n")) {
            int marker = line.indexOf("no such column: " + MARKER);
            if (marker >= 0) {
                String tail = line.substring(marker + ("no such column: " + MARKER).length())
                        .strip();
                if (tail.equals("context")) {
                    contextDone = true;
                } else {
                    verdicts.add(classify(pending));
                }
                pending = null;
                continue;
            }
            if (contextDone && pending == null && line.startsWith("Error: ")) {
                pending = stripPrefix(line.substring("Error: ".length()));
            }
        }
        if (verdicts.size() != count) {
            throw new IllegalStateException("sqlite3 output has " + verdicts.size() + " verdicts for " + count
                    + " statements; stderr starts: " + stderr.substring(0, Math.min(500, stderr.length())));
        }
        return verdicts;
    }

    private static String stripPrefix(String message) {
        for (String prefix : List.of("in prepare, ", "stepping, ", "near line ")) {
            if (message.startsWith(prefix)) {
                return message.substring(prefix.length());
            }
        }
        return message;
    }

    static Verdict classify(String message) {
        if (message == null) {
            return new Verdict(Kind.ACCEPTED, null);
        }
        if (message.equals("parser stack overflow") || message.startsWith("Expression tree is too large")) {
            return new Verdict(Kind.LIMIT, message);
        }
        if (isSyntaxMessage(message)) {
            return new Verdict(Kind.SYNTAX, message);
        }
        return new Verdict(Kind.ACCEPTED, message);
    }

    /** The messages SQLite's parser and grammar actions produce, which the TursoJ parser reproduces. */
    static boolean isSyntaxMessage(String message) {
        return (message.startsWith("near \"") && message.endsWith("\": syntax error"))
                || message.equals("incomplete input")
                || message.startsWith("unrecognized token: ")
                || message.startsWith("unknown table option: ")
                || message.startsWith("a JOIN clause is required before ")
                || message.startsWith("unknown join type: ")
                || message.contains(" clause should come after ")
                || message.startsWith("syntax error after column name ")
                || message.startsWith("the INDEXED BY clause is not allowed")
                || message.startsWith("the NOT INDEXED clause is not allowed")
                || message.equals("cannot use RETURNING in a trigger")
                || message.equals("unsupported frame specification")
                || message.startsWith("error in generated column ");
    }
}
