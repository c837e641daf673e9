package io.tursoj.bench.query;

import io.tursoj.api.Connection;
import io.tursoj.api.Database;
import io.tursoj.api.Statement;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The point-lookup and range workloads of {@code shared/perf/WORKLOADS.md} (W2, W4's lookups, W5) on an in-memory
 * table of {@link #rows} rows shaped as the workloads define it, through the Java API. {@code plan=seek} runs the
 * SQL as written; {@code plan=scan} writes the key column as {@code +id} / {@code +grp}, which no index or rowid
 * seek can serve: the full scan that every query got before the planner. Each benchmark checks its result.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class AccessPathBench {
    private static final int BATCH = 100;

    @Param({"100000"})
    int rows;

    @Param({"seek", "scan"})
    String plan;

    private Database db;
    private Connection c;
    private Statement point;
    private Statement range;
    private Statement groupCount;
    private long next;

    @Setup(Level.Trial)
    public void setUp() {
        db = Database.open(":memory:");
        c = db.connect();
        c.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL, grp INTEGER)");
        c.exec("BEGIN");
        Statement ins = c.prepare("INSERT INTO t(id, name, score, grp) VALUES (?, ?, ?, ?)");
        for (long id = 1; id <= rows; id++) {
            ins.run(id, "name-" + id, ((id * 2654435761L) % 100000) / 100.0, (id * 7919) % 1000);
        }
        c.exec("COMMIT");
        c.exec("CREATE INDEX t_grp ON t(grp)");
        String key = plan.equals("seek") ? "" : "+";
        point = c.prepare("SELECT name, score, grp FROM t WHERE " + key + "id = ?");
        range = c.prepare("SELECT id, name FROM t WHERE " + key + "id BETWEEN ? AND ?");
        groupCount = c.prepare("SELECT count(*) FROM t WHERE " + key + "grp = ?");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        c.close();
        db.close();
    }

    private long key() {
        next++;
        return (next * 2654435761L) % rows + 1;
    }

    /** W2: {@code BATCH} point lookups by rowid; ops/s is lookups per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public long pointLookup() {
        long sum = 0;
        for (int i = 0; i < BATCH; i++) {
            long k = key();
            var row = point.get(k);
            if (row == null || ((Number) row.get(2)).longValue() != (k * 7919) % 1000) {
                throw new IllegalStateException("wrong row for id " + k);
            }
            sum += ((Number) row.get(2)).longValue();
        }
        return sum;
    }

    /** W5: one range of 100 rows; ops/s is ranges per second (rows/s is 100×). */
    @Benchmark
    public long rangeScan() {
        long lo = key();
        long hi = lo + 99;
        long n = 0;
        for (var it = range.iterate(lo, hi); it.hasNext(); ) {
            it.next();
            n++;
        }
        if (n != Math.min(hi, rows) - lo + 1) {
            throw new IllegalStateException("range " + lo + ".." + hi + " gave " + n + " rows");
        }
        return n;
    }

    /** W4's lookups: count the rows of one group through the grp index (rows/1000 rows each). */
    @Benchmark
    public long indexCount() {
        long g = key() % 1000;
        long n = ((Number) groupCount.get(g).get(0)).longValue();
        if (n != rows / 1000) {
            throw new IllegalStateException("group " + g + " counted " + n);
        }
        return n;
    }
}
