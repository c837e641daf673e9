package io.tursoj.bench.storage;

import io.tursoj.io.RandomSource;
import io.tursoj.storage.btree.BTreeCursor;
import io.tursoj.storage.btree.SeekOp;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** Point seeks by rowid and full scans of a table of {@link #rows} rows, with a cache that holds it all. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BTreeReadBench {
    @Param({"memory"})
    public String backend;

    @Param({"4096"})
    public int pageSize;

    @Param({"200000"})
    public long rows;

    private StorageFixture db;
    private BTreeCursor cursor;
    private RandomSource random;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        db = new StorageFixture(backend, pageSize, -256_000);
        db.fill(rows);
        cursor = db.tree.openTableCursor(db.root);
        random = RandomSource.seeded(7);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        cursor.close();
        db.close();
    }

    @Benchmark
    public long pointSeek() throws IOException {
        long key = 1 + random.nextInt((int) rows);
        if (!db.io.block(() -> cursor.seek(key, SeekOp.EQ))) {
            throw new IllegalStateException("missing row " + key);
        }
        return db.io.block(cursor::record).longValue(0);
    }

    /** One full scan per call: rows per second is this score times {@link #rows}. */
    @Benchmark
    public long fullScan() throws IOException {
        long sum = 0;
        boolean more = db.io.block(cursor::first);
        while (more) {
            sum += cursor.rowid();
            more = db.io.block(cursor::next);
        }
        return sum;
    }
}
