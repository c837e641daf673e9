package io.tursoj.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.io.IO;
import io.tursoj.io.MemoryIO;
import io.tursoj.io.RandomSource;
import io.tursoj.storage.PagerOptions;
import io.tursoj.storage.format.RecordBuilder;
import io.tursoj.storage.testing.DeferredIO;
import io.tursoj.storage.testing.Sqlite3;
import io.tursoj.storage.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A write transaction far larger than cache_size spills dirty pages to the log and stays within the cache. */
class SpillTest {
    @TempDir
    Path dir;

    private static final int CACHE_PAGES = 12;

    private static int insertMany(WriteHarness h, int root, long seed, int rows) throws IOException {
        RandomSource r = RandomSource.seeded(seed);
        int maxFrames = 0;
        try (BTreeCursor c = h.tree.openTableCursor(root)) {
            for (int i = 0; i < rows; i++) {
                long k = r.nextInt(rows * 4);
                h.insert(c, k, RecordBuilder.encode(k, "value " + k, new byte[(int) (k % 700)]));
                maxFrames = Math.max(maxFrames, h.pager.cache().frames());
            }
        }
        return maxFrames;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void shouldSpillToTheLogAndCommitOrRollBack(boolean deferred) throws IOException {
        assumeTrue(Sqlite3.available());
        MemoryIO memory = new MemoryIO();
        IO io = deferred ? new DeferredIO(memory, 9) : memory;
        PagerOptions options = PagerOptions.DEFAULTS
                .withPageSize(1024)
                .withCacheSize(CACHE_PAGES)
                .withAutocheckpoint(0);
        int rows = 3000;
        try (WriteHarness h = new WriteHarness(io, "s.db", options)) {
            h.begin();
            int root = h.create("table", "t", "t", "CREATE TABLE t(a, b, c)");
            int maxFrames = insertMany(h, root, 1, rows);
            assertTrue(h.pager.spills() > 0, "the transaction spilled");
            // Pinned pages (a cursor's path, a balance's siblings) may add a few frames beyond cache_size.
            assertTrue(maxFrames <= CACHE_PAGES + 16, "cache stayed bounded: " + maxFrames);
            h.commit();
            List<String> committed = SqliteFixture.scanTable(io, h.tree, root, false);
            assertTrue(committed.size() > rows / 2);

            h.begin();
            long spillsBefore = h.pager.spills();
            insertMany(h, root, 2, rows);
            assertTrue(h.pager.spills() > spillsBefore, "the second transaction spilled too");
            h.pager.rollback();
            assertEquals(committed, SqliteFixture.scanTable(io, h.tree, root, false), "rollback forgot spilled pages");
        }
        Path out = dir.resolve("s" + deferred + ".db");
        TestFiles.save(memory, "s.db", out);
        assertEquals(List.of("ok"), Sqlite3.lines(out, "PRAGMA integrity_check;"));
        assertEquals(
                String.valueOf(
                        SqliteFixture.sqliteTable(out, "t", "a", "b", "c").size()),
                Sqlite3.run(out, "SELECT count(*) FROM t;").strip());
    }
}
