package io.tursoj.translate.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tursoj.translate.parser.ast.Stmt;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing: random token streams, mutated corpus statements, random text and very deep nesting. Whatever the input,
 * only {@link ParseException} may come out (no other exception, no StackOverflowError); whatever parses must print
 * and parse back to the same tree; and the work grows linearly with the input.
 *
 * <p>The case count is fixed ({@code -Dtursoj.parser.fuzzCases}, default 120,000) and the seed too ({@code
 * -Dtursoj.parser.seed}), so a failure reproduces.
 */
class FuzzTest {
    private static final int CASES = Integer.getInteger("tursoj.parser.fuzzCases", 120_000);
    private static final long SEED = Long.getLong("tursoj.parser.seed", 20240601L);

    private final List<String> failures = new ArrayList<>();
    private int parsed;

    @Test
    void shouldOnlyEverThrowParseException() {
        SplittableRandom random = new SplittableRandom(SEED);
        Mutator mutator = new Mutator(SEED);
        List<String> seeds = seedStatements();
        for (int i = 0; i < CASES; i++) {
            String input = switch (i % 4) {
                case 0 -> randomTokens(random, mutator);
                case 1 -> randomText(random);
                default -> mutator.mutate(seeds.get(random.nextInt(seeds.size())));
            };
            check(input);
        }
        for (String input : deepInputs()) {
            check(input);
        }
        System.out.printf(Locale.ROOT, "fuzz: %d cases (seed %d), %d parsed%n", CASES, SEED, parsed);
        if (!failures.isEmpty()) {
            fail(failures.size() + " fuzz failures, e.g.\n"
                    + String.join("\n", failures.subList(0, Math.min(10, failures.size()))));
        }
        assertTrue(parsed > CASES / 50, "too few fuzz inputs parsed to exercise the printer: " + parsed);
    }

    /** Corpus statements when the corpus is there, else generated ones. */
    private static List<String> seedStatements() {
        List<String> seeds = new ArrayList<>();
        Path root = ConformanceCorpus.locate();
        if (root != null) {
            ConformanceCorpus.sqltestStatements(root).forEach(s -> seeds.add(s.sql()));
        }
        for (int seed = 0; seed < 5_000; seed++) {
            seeds.add(SqlPrinter.print(new AstGenerator(seed, false).statement()));
        }
        return seeds;
    }

    private void check(String input) {
        try {
            List<Stmt> statements = Parser.parseAll(input);
            parsed++;
            for (Stmt stmt : statements) {
                String problem = RoundTripTest.roundTripProblem(stmt);
                if (problem != null) {
                    failures.add("round trip of " + abbreviate(input) + ": " + problem);
                }
            }
        } catch (ParseException expected) {
            // the only exception allowed
        } catch (Throwable t) {
            failures.add(t + " on input " + abbreviate(input));
        }
        try {
            StatementSplitter.split(input);
            StatementSplitter.isComplete(input);
        } catch (Throwable t) {
            failures.add("splitter: " + t + " on input " + abbreviate(input));
        }
    }

    private static String abbreviate(String input) {
        String text = input.length() > 300 ? input.substring(0, 300) + "..." : input;
        return "[" + text.replace("\n", "\\n") + "]";
    }

    private static String randomTokens(SplittableRandom random, Mutator mutator) {
        StringBuilder sql = new StringBuilder();
        int count = 1 + random.nextInt(40);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sql.append(' ');
            }
            sql.append(mutator.randomToken());
        }
        return sql.toString();
    }

    private static String randomText(SplittableRandom random) {
        String alphabet = "SELECTFROMWHEREabcxyz019 ()[]{}'\"`.,;:?@$#-+*/%|&~<>=!\n\t\0_\u00e9\uFEFF\u000B";
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    /** Nesting far past every limit, in each construct that recurses. */
    static List<String> deepInputs() {
        int n = 50_000;
        return List.of(
                "SELECT " + "(".repeat(n) + "1" + ")".repeat(n),
                "SELECT " + "(".repeat(n),
                "SELECT " + "NOT ".repeat(n) + "1",
                "SELECT " + "-".repeat(n) + "1",
                "SELECT " + "~ ".repeat(n) + "1",
                "SELECT " + "(SELECT ".repeat(n) + "1" + ")".repeat(n),
                "SELECT " + "f(".repeat(n) + "1" + ")".repeat(n),
                "SELECT " + "CASE WHEN ".repeat(n) + "1",
                "SELECT " + "CAST(".repeat(n) + "1",
                "SELECT " + "1 IN (".repeat(n) + "1" + ")".repeat(n),
                "SELECT " + "EXISTS (SELECT ".repeat(n),
                "SELECT * FROM " + "(".repeat(n) + "t" + ")".repeat(n),
                "SELECT * FROM " + "(SELECT * FROM ".repeat(n) + "t" + ")".repeat(n),
                "WITH " + "a AS (WITH ".repeat(n),
                "SELECT 1" + " OR 1".repeat(n),
                "SELECT 1" + " = 1".repeat(n),
                "SELECT 1" + " COLLATE x".repeat(n),
                "SELECT a" + " ISNULL".repeat(n),
                "SELECT " + "a BETWEEN ".repeat(n) + "1",
                "SELECT " + "1 LIKE ".repeat(n) + "1",
                "SELECT " + "(1, ".repeat(n),
                "SELECT " + "x.".repeat(n),
                "CREATE TABLE t(a CHECK (" + "(".repeat(n) + "1" + ")".repeat(n) + "))",
                "CREATE TRIGGER t AFTER INSERT ON x BEGIN " + "SELECT 1; ".repeat(n) + "END",
                "SELECT sum(a) OVER (" + "PARTITION BY (".repeat(n),
                "SELECT " + "RAISE(ABORT, ".repeat(n));
    }

    // ---- linear work

    /** A family of inputs whose size grows with n, none of which nests past the limits. */
    private record Family(String name, IntFunction<String> input) {}

    @Test
    void shouldDoLinearWorkInTheInputSize() {
        List<Family> families = List.of(
                new Family("long select list", n -> "SELECT " + "a + 1, ".repeat(n) + "1"),
                new Family("long IN list", n -> "SELECT x IN (" + "1, ".repeat(n) + "1)"),
                new Family("many statements", n -> "SELECT 1; ".repeat(n)),
                new Family("many joins", n -> "SELECT * FROM t" + " JOIN t ON 1".repeat(n)),
                new Family("long CASE", n -> "SELECT CASE" + " WHEN a THEN b".repeat(n) + " END"),
                new Family("many VALUES rows", n -> "VALUES " + "(1, 'x'), ".repeat(n) + "(2, 'y')"),
                new Family("wide table", n -> "CREATE TABLE t(" + "c INT NOT NULL DEFAULT 0, ".repeat(n) + "d)"),
                new Family("error at the end", n -> "SELECT " + "1,\n".repeat(n) + "+"),
                new Family("unterminated string", n -> "SELECT '" + "a".repeat(n * 8)),
                new Family("long comment", n -> "SELECT 1 /*" + " x".repeat(n * 4)),
                new Family(
                        "nesting to the limit, repeated",
                        n -> ("SELECT " + "(".repeat(500) + "1" + ")".repeat(500) + ";\n")
                                .repeat(Math.max(1, n / 500))),
                new Family(
                        "long trigger",
                        n -> "CREATE TRIGGER r AFTER INSERT ON t BEGIN "
                                + "UPDATE t SET a = a + 1 WHERE b = 2; ".repeat(n) + "END"));
        List<String> problems = new ArrayList<>();
        for (Family family : families) {
            long small = allocatedBytes(family.input().apply(2_000));
            long large = allocatedBytes(family.input().apply(16_000));
            double ratio = (double) large / Math.max(1, small);
            // Linear work makes the ratio about 8; quadratic work would make it about 64.
            if (ratio > 20) {
                problems.add(
                        String.format(Locale.ROOT, "%s: 8x the input took %.1fx the allocation", family.name(), ratio));
            }
        }
        if (!problems.isEmpty()) {
            fail("super-linear work:\n" + String.join("\n", problems));
        }
    }

    /** Bytes this thread allocates to parse, print and split {@code sql} (the least of a few runs). */
    private static long allocatedBytes(String sql) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long threadId = Thread.currentThread().threadId();
        long least = Long.MAX_VALUE;
        for (int run = 0; run < 3; run++) {
            long before = threads.getThreadAllocatedBytes(threadId);
            try {
                for (Stmt stmt : Parser.parseAll(sql)) {
                    SqlPrinter.print(stmt);
                }
            } catch (ParseException expected) {
                // errors are part of what must stay linear
            }
            StatementSplitter.split(sql);
            least = Math.min(least, threads.getThreadAllocatedBytes(threadId) - before);
        }
        return least;
    }
}
