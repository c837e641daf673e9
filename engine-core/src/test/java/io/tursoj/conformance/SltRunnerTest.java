package io.tursoj.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.api.Connection;
import io.tursoj.api.Database;
import io.tursoj.api.Statement;
import io.tursoj.api.TursoException;
import io.tursoj.translate.parser.ParseException;
import io.tursoj.translate.parser.Parser;
import io.tursoj.translate.parser.ast.Stmt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs SQLite's sqllogictest files of {@code ../shared/conformance/slt} against TursoJ in-process, judging records as
 * the reference runner's SQLite driver does (see {@link SltFormat}; {@code skipif}/{@code onlyif} match the name
 * {@code sqlite}): each file on a fresh in-memory database. Prints per-file and total counts and the share of the
 * records run that pass; fails when a file passes fewer records than its line in {@code conformance/slt-first200.baseline}, or
 * when a record hangs (a watchdog interrupts a record after {@code -Dtursoj.slt.timeoutSeconds}, default 60).
 *
 * <p>By default every file runs, up to its first {@value #DEFAULT_MAX_RECORDS} records ({@code
 * -Dtursoj.slt.maxRecords=N}; 0 or the Maven profile {@code slt-full} runs whole files, checked against {@code
 * slt-all.baseline}). {@code -Dtursoj.slt.files=GLOB} (matched against the path below {@code slt/}, e.g.
 * {@code 'evidence/*'}) limits the run; the baseline then checks only those files.
 *
 * <p>Raise the baseline after features land (one command, from the repository root):
 *
 * <pre>
 * ./run-tests -pl engine-core -Dtest='SltRunnerTest,SqltestRunnerTest' -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtursoj.conformance.rebaseline=true
 * </pre>
 */
class SltRunnerTest {
    static final int DEFAULT_MAX_RECORDS = 200;
    private static final long TIMEOUT_SECONDS = Long.getLong("tursoj.slt.timeoutSeconds", 60);

    /**
     * Records run per file, from its start (0: all). The default keeps {@code ./run-tests} within its budget; the
     * Maven profile {@code slt-full} (or {@code -Dtursoj.slt.maxRecords=0}) runs the whole corpus.
     */
    private static final int MAX_RECORDS = Integer.getInteger("tursoj.slt.maxRecords", DEFAULT_MAX_RECORDS);

    private int passed;
    private int failed;
    private int skipped;
    private int hangs;

    @Test
    void shouldRunTheSqllogictestCorpusWithoutRegressions() throws IOException {
        Path root = Corpus.root("slt");
        assumeTrue(root != null && Files.isDirectory(root), "sqllogictest corpus not present");
        String glob = System.getProperty("tursoj.slt.files", "**");
        var matcher = root.getFileSystem().getPathMatcher("glob:" + glob);
        List<Path> files;
        try (Stream<Path> s = Files.walk(root)) {
            files = s.filter(p -> p.toString().endsWith(".test"))
                    .filter(p -> matcher.matches(root.relativize(p)))
                    .sorted()
                    .toList();
        }
        Map<String, Integer> perFile = new LinkedHashMap<>();
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        double cpuTotal = 0;
        ScheduledExecutorService watchdog = Corpus.watchdog("slt-watchdog");
        try {
            for (Path f : files) {
                String name = root.relativize(f).toString().replace('\\', '/');
                int passedBefore = passed;
                int failedBefore = failed;
                long cpuBefore = cpu.getCurrentThreadCpuTime();
                runFile(f, watchdog);
                perFile.put(name, passed - passedBefore);
                // CPU time, not wall time (the machine is shared): it informs the size of the CI subset.
                double cpuSeconds = (cpu.getCurrentThreadCpuTime() - cpuBefore) / 1e9;
                cpuTotal += cpuSeconds;
                System.out.printf(
                        "slt %s: %d passed, %d failed (%.1f cpu-s)%n",
                        name, passed - passedBefore, failed - failedBefore, cpuSeconds);
            }
        } finally {
            watchdog.shutdownNow();
        }
        int run = passed + failed;
        System.out.printf(
                "slt total: %d passed, %d failed, %d skipped, %d hangs; %.2f%% of %d records run pass (%.0f cpu-s)%n",
                passed, failed, skipped, hangs, run == 0 ? 0.0 : 100.0 * passed / run, run, cpuTotal);
        String baseline = MAX_RECORDS == 0 ? "slt-all" : "slt-first" + MAX_RECORDS;
        List<String> drops = Baseline.load(baseline)
                .compare(
                        perFile,
                        "sqllogictest records passed per file (SltRunnerTest); data, rewritten by " + "-D"
                                + Baseline.REBASELINE + "=true");
        assertTrue(hangs == 0, hangs + " records hung");
        assertTrue(drops.isEmpty(), "files below their baseline: " + drops);
    }

    private void runFile(Path file, ScheduledExecutorService watchdog) throws IOException {
        SltScript.Parsed script = SltScript.parse(Files.readString(file, StandardCharsets.UTF_8));
        if (MAX_RECORDS > 0 && script.items().size() > MAX_RECORDS) {
            script = new SltScript.Parsed(script.items().subList(0, MAX_RECORDS), script.skipped());
        }
        try (TursoEngine engine = new TursoEngine(watchdog)) {
            FileResult r = run(script, engine);
            passed += r.passed();
            failed += r.failed();
            skipped += r.skipped();
            for (int line : engine.hungLines) {
                hangs++;
                System.out.println("slt hang: " + file.getFileName() + ":" + line);
            }
        }
    }

    /** TursoJ on a fresh in-memory database; a record still running after the timeout is interrupted (a hang). */
    private static final class TursoEngine implements Engine {
        private final Database db = Database.open(":memory:");
        private final Connection conn = db.connect();
        private final ScheduledExecutorService watchdog;
        final List<Integer> hungLines = new ArrayList<>();

        TursoEngine(ScheduledExecutorService watchdog) {
            this.watchdog = watchdog;
        }

        @Override
        public Outcome execute(SltScript.Item item) {
            ScheduledFuture<?> alarm = watchdog.schedule(conn::interrupt, TIMEOUT_SECONDS, TimeUnit.SECONDS);
            try {
                Outcome o = SltRunnerTest.execute(conn, item);
                if ("interrupted".equals(o.error())) {
                    hungLines.add(item.line());
                }
                return o;
            } finally {
                alarm.cancel(false);
            }
        }

        @Override
        public void close() {
            conn.close();
            db.close();
        }
    }

    /** What running a record gave: its formatted rows, the error it raised and whether that came while stepping. */
    record Outcome(List<List<String>> rows, String error, boolean runtime) {}

    /** Runs a file's records in order on one database; {@link SltJudgeTest} puts real SQLite behind it. */
    interface Engine extends AutoCloseable {
        Outcome execute(SltScript.Item item);

        @Override
        void close();
    }

    /** Counts of one file, judged with {@link #judge}. */
    record FileResult(int passed, int failed, int skipped, List<Integer> failedLines) {}

    /** Runs every record of {@code script} on {@code engine} and judges it. */
    static FileResult run(SltScript.Parsed script, Engine engine) {
        int ok = 0;
        List<Integer> bad = new ArrayList<>();
        for (SltScript.Item item : script.items()) {
            if (judge(item, engine.execute(item))) {
                ok++;
            } else {
                bad.add(item.line());
            }
        }
        return new FileResult(ok, bad.size(), script.skipped(), bad);
    }

    static boolean judge(SltScript.Item item, Outcome outcome) {
        if (!item.isQuery()) {
            return item.expectError() == (outcome.error() != null);
        }
        if (outcome.error() != null && !outcome.runtime()) {
            return false;
        }
        for (List<String> row : outcome.rows()) {
            if (row.size() != item.types().length()) {
                return false;
            }
        }
        return SltFormat.matches(item.expected(), SltFormat.order(item.sort(), outcome.rows()));
    }

    /** Runs every statement of the record; a query's rows are formatted for its type string. */
    static Outcome execute(Connection conn, SltScript.Item item) {
        String sql = item.sql();
        List<List<String>> rows = new ArrayList<>();
        Parser parser = new Parser(sql);
        for (; ; ) {
            int begin = parser.position();
            Statement s;
            try {
                Stmt stmt = parser.next();
                if (stmt == null) {
                    return new Outcome(rows, null, false);
                }
                s = conn.prepare(sql.substring(begin, parser.position()));
            } catch (ParseException | TursoException e) {
                return new Outcome(rows, message(e), false);
            } catch (RuntimeException e) {
                return new Outcome(rows, "internal: " + e, false);
            }
            try (s) {
                while (s.stepBlocking()) {
                    if (item.isQuery()) {
                        rows.add(row(s, item.types()));
                    }
                }
            } catch (TursoException e) {
                return new Outcome(rows, message(e), true);
            } catch (RuntimeException e) {
                return new Outcome(rows, "internal: " + e, true);
            }
        }
    }

    private static String message(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static List<String> row(Statement s, String types) {
        int n = s.columnCount();
        List<String> row = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            char type = i < types.length() ? types.charAt(i) : 'T';
            Object value = s.getValue(i);
            row.add(SltFormat.format(type, value, value instanceof Number ? s.getText(i) : null));
        }
        return row;
    }
}
