package io.tursoj.bench.parser;

import io.tursoj.translate.parser.ParseException;
import io.tursoj.translate.parser.Parser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Parses the statements of the conformance corpora (all of sqltest, every {@code sltStride}-th sqllogictest record).
 * The primary score is corpus passes per second; the {@code statements} and {@code bytes} counters give statements/s
 * and UTF-8 bytes/s of SQL text parsed.
 *
 * <pre>
 * mvn -B -q -ntp -pl bench -am package -DskipTests
 * java -cp "bench/target/classes:bench/target/lib/*" org.openjdk.jmh.Main ParserBench
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xms2g", "-Xmx2g"})
public class ParserBench {

    @Param("4")
    public int sltStride;

    private String[] statements;
    private long bytes;

    /** Per-thread counters that JMH reports as rates next to the primary score. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Rates {
        public long statements;
        public long bytes;

        @Setup(Level.Iteration)
        public void reset() {
            statements = 0;
            bytes = 0;
        }
    }

    @Setup
    public void load() {
        List<String> corpus = BenchCorpus.statements(BenchCorpus.locate(), sltStride);
        statements = corpus.toArray(new String[0]);
        for (String sql : statements) {
            bytes += sql.getBytes(StandardCharsets.UTF_8).length;
        }
        System.out.printf(
                Locale.ROOT, "%nparser corpus: %d statements, %.1f MB%n", statements.length, bytes / 1e6);
    }

    @Benchmark
    public int parseCorpus(Rates rates) {
        int parsed = 0;
        for (String sql : statements) {
            try {
                parsed += Parser.parseAll(sql).size();
            } catch (ParseException e) {
                parsed--;
            }
        }
        rates.statements += statements.length;
        rates.bytes += bytes;
        return parsed;
    }
}
