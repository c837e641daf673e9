package io.tursoj.bench.storage;

import io.tursoj.io.RandomSource;
import io.tursoj.storage.btree.BTreeCursor;
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

/**
 * Row inserts through the b-tree API: sequential rowids (SQLite's balance_quick path) and random rowids (full
 * three-sibling balancing), committed every 10,000 rows through the WAL.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class BTreeInsertBench {
    private static final int ROWS_PER_COMMIT = 10_000;

    @Param({"memory"})
    public String backend;

    @Param({"4096"})
    public int pageSize;

    private StorageFixture db;
    private BTreeCursor cursor;
    private long next;
    private long inTransaction;
    private RandomSource random;
    private final byte[] record = StorageFixture.row(0);

    @Setup(Level.Iteration)
    public void setUp() throws IOException {
        db = new StorageFixture(backend, pageSize, -64_000);
        cursor = db.tree.openTableCursor(db.root);
        random = RandomSource.seeded(42);
        next = 0;
        inTransaction = 0;
    }

    @TearDown(Level.Iteration)
    public void tearDown() throws IOException {
        cursor.close();
        if (db.pager.inWriteTransaction()) {
            db.io.block(db.pager::commit);
        }
        db.close();
    }

    @Benchmark
    public long sequentialInsert() throws IOException {
        if (inTransaction == 0) {
            db.io.block(db.pager::beginWrite);
        }
        db.insert(cursor, ++next, record);
        commitEvery();
        return next;
    }

    @Benchmark
    public long randomInsert() throws IOException {
        if (inTransaction == 0) {
            db.io.block(db.pager::beginWrite);
        }
        long key = random.nextLong() >>> 20;
        db.insert(cursor, key, record);
        commitEvery();
        return key;
    }

    private void commitEvery() throws IOException {
        if (++inTransaction == ROWS_PER_COMMIT) {
            cursor.close();
            db.io.block(db.pager::commit);
            inTransaction = 0;
        }
    }
}
