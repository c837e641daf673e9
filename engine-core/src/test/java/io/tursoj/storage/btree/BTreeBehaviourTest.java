package io.tursoj.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.io.MemoryIO;
import io.tursoj.io.RandomSource;
import io.tursoj.storage.CheckpointMode;
import io.tursoj.storage.CheckpointResult;
import io.tursoj.storage.JournalMode;
import io.tursoj.storage.Pager;
import io.tursoj.storage.PagerOptions;
import io.tursoj.storage.format.DatabaseHeader;
import io.tursoj.storage.format.RecordBuilder;
import io.tursoj.storage.testing.Schema;
import io.tursoj.storage.testing.Sqlite3;
import io.tursoj.storage.testing.TestFiles;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the trees TursoJ writes are shaped, and how cursors behave around writes. */
class BTreeBehaviourTest {
    @TempDir
    Path dir;

    private static final String FILLER = "x".repeat(100);

    private static byte[] row(long value) {
        return RecordBuilder.encode(value, FILLER);
    }

    private static List<Long> shuffled(int n, long seed) {
        List<Long> keys = new ArrayList<>();
        for (long i = 1; i <= n; i++) {
            keys.add(i);
        }
        RandomSource r = RandomSource.seeded(seed);
        for (int i = n - 1; i > 0; i--) {
            Collections.swap(keys, i, r.nextInt(i + 1));
        }
        return keys;
    }

    private int files;

    private Path ours(int pageSize, List<Long> inserts, List<Long> deletes) throws IOException {
        MemoryIO io = new MemoryIO();
        try (WriteHarness h = new WriteHarness(io, "o.db", pageSize, 500)) {
            h.begin();
            int root = h.create("table", "t", "t", "CREATE TABLE t(a, b)");
            try (BTreeCursor c = h.tree.openTableCursor(root)) {
                for (long k : inserts) {
                    h.insert(c, k, row(k));
                }
                for (long k : deletes) {
                    assertTrue(io.block(() -> c.seek(k, SeekOp.EQ)));
                    io.block(c::delete);
                }
            }
            h.commit();
        }
        Path out = dir.resolve("ours-" + pageSize + "-" + files++ + ".db");
        TestFiles.save(io, "o.db", out);
        return out;
    }

    private Path theirs(int pageSize, List<Long> inserts, List<Long> deletes) throws IOException {
        StringBuilder sql = new StringBuilder("PRAGMA page_size=" + pageSize + "; BEGIN; CREATE TABLE t(a, b);");
        for (long k : inserts) {
            sql.append("INSERT INTO t(rowid, a, b) VALUES(")
                    .append(k)
                    .append(',')
                    .append(k)
                    .append(",'")
                    .append(FILLER)
                    .append("');");
        }
        for (long k : deletes) {
            sql.append("DELETE FROM t WHERE rowid=").append(k).append(';');
        }
        sql.append("COMMIT;");
        Path out = dir.resolve("theirs-" + pageSize + "-" + files++ + ".db");
        Sqlite3.run(out, sql.toString());
        return out;
    }

    /** Pages in use by table t, and its leaf fill (fraction of leaf bytes in use), per sqlite3's dbstat. */
    private static double[] shape(Path db) throws IOException {
        String[] f = Sqlite3.run(
                        db,
                        "SELECT count(*), sum(CASE WHEN pagetype='leaf' THEN pgsize-unused END) * 1.0"
                                + " / sum(CASE WHEN pagetype='leaf' THEN pgsize END) FROM dbstat WHERE name='t';")
                .strip()
                .split("\\|");
        return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])};
    }

    @ParameterizedTest
    @ValueSource(ints = {1024, 4096})
    void shouldFillPagesAsWellAsSqliteForSequentialRandomAndDeleteWorkloads(int pageSize) throws IOException {
        assumeTrue(Sqlite3.available());
        int n = 6000;
        List<Long> sequential = shuffled(n, 1);
        Collections.sort(sequential);
        double[] oursSeq = shape(ours(pageSize, sequential, List.of()));
        double[] theirsSeq = shape(theirs(pageSize, sequential, List.of()));
        assertTrue(oursSeq[1] > 0.9, "sequential inserts fill leaves: " + oursSeq[1]);
        // The balancing follows SQLite's, so the trees come out the same size as sqlite3's own.
        assertEquals(theirsSeq[0], oursSeq[0], "pages after sequential inserts");

        List<Long> random = shuffled(n, 2);
        List<Long> deletes = shuffled(n, 3).subList(0, n * 7 / 10);
        double[] oursRandom = shape(ours(pageSize, random, deletes));
        double[] theirsRandom = shape(theirs(pageSize, random, deletes));
        assertTrue(
                oursRandom[0] <= theirsRandom[0] * 1.1,
                "after random inserts and deletes: pages " + oursRandom[0] + " vs sqlite " + theirsRandom[0]);
        assertTrue(oursRandom[1] > 0.45, "leaves stay filled after deletes: " + oursRandom[1]);
        System.out.println("random+deletes " + pageSize + ": ours " + java.util.Arrays.toString(oursRandom) + " sqlite "
                + java.util.Arrays.toString(theirsRandom));
    }

    @Test
    void shouldShrinkToTheRootAndReuseEveryFreedPage() throws IOException {
        assumeTrue(Sqlite3.available());
        MemoryIO io = new MemoryIO();
        int pagesAfterFill;
        try (WriteHarness h = new WriteHarness(io, "s.db", 512, 100)) {
            h.begin();
            int root = h.create("table", "t", "t", "CREATE TABLE t(a, b)");
            try (BTreeCursor c = h.tree.openTableCursor(root)) {
                for (long k : shuffled(3000, 9)) {
                    h.insert(c, k, row(k));
                }
                pagesAfterFill = h.pager.databaseSizePages();
                for (long k : shuffled(3000, 10)) {
                    assertTrue(io.block(() -> c.seek(k, SeekOp.EQ)));
                    io.block(c::delete);
                }
                assertFalse(io.block(c::first), "empty");
            }
            assertEquals(pagesAfterFill - 2, h.pager.freeList().count(), "every page but page 1 and the root freed");
            h.commit();
            h.begin();
            try (BTreeCursor c = h.tree.openTableCursor(root)) {
                for (long k : shuffled(3000, 9)) {
                    h.insert(c, k, row(k));
                }
            }
            assertEquals(pagesAfterFill, h.pager.databaseSizePages(), "refilling reuses the freed pages");
            h.commit();
        }
        Path out = dir.resolve("s.db");
        TestFiles.save(io, "s.db", out);
        assertEquals(List.of("ok", "3000"), Sqlite3.lines(out, "PRAGMA integrity_check; SELECT count(*) FROM t;"));
    }

    @Test
    void shouldContinueScansAcrossDeletesOfTheCurrentEntry() throws IOException {
        MemoryIO io = new MemoryIO();
        try (WriteHarness h = new WriteHarness(io, "d.db", 1024, 100)) {
            h.begin();
            int root = h.create("table", "t", "t", "CREATE TABLE t(a, b)");
            int index = h.create("index", "i", "t", "CREATE INDEX i ON t(a)");
            try (BTreeCursor c = h.tree.openTableCursor(root);
                    BTreeCursor ic = h.tree.openIndexCursor(index, KeyInfo.binary(2))) {
                for (long k = 1; k <= 2000; k++) {
                    h.insert(c, k, row(k));
                    h.insertKey(ic, RecordBuilder.encode(k % 97, k));
                }
                List<Long> kept = new ArrayList<>();
                boolean more = io.block(c::first);
                while (more) {
                    long k = c.rowid();
                    if (k % 2 == 0) {
                        io.block(c::delete);
                        assertTrue(c.requiresSeek());
                    } else {
                        kept.add(k);
                    }
                    more = io.block(c::next);
                }
                assertEquals(1000, kept.size());
                assertEquals(1L, kept.getFirst());
                assertEquals(1999L, kept.getLast());
                // Backwards over the index, deleting every entry whose rowid is a multiple of 3.
                int seen = 0;
                more = io.block(ic::last);
                while (more) {
                    var r = io.block(ic::record);
                    if (r.longValue(1) % 3 == 0) {
                        io.block(ic::delete);
                    }
                    seen++;
                    more = io.block(ic::prev);
                }
                assertEquals(2000, seen);
                int left = 0;
                more = io.block(ic::first);
                while (more) {
                    assertTrue(io.block(ic::record).longValue(1) % 3 != 0);
                    left++;
                    more = io.block(ic::next);
                }
                assertEquals(2000 - 666, left);
            }
            h.commit();
        }
    }

    @Test
    void shouldRestoreOtherCursorsAfterAnotherCursorSplitsTheTree() throws IOException {
        MemoryIO io = new MemoryIO();
        try (WriteHarness h = new WriteHarness(io, "r.db", 512, 100)) {
            h.begin();
            int root = h.create("table", "t", "t", "CREATE TABLE t(a, b)");
            TreeSet<Long> keys = new TreeSet<>();
            try (BTreeCursor writer = h.tree.openTableCursor(root);
                    BTreeCursor reader = h.tree.openTableCursor(root)) {
                for (long k = 0; k < 3000; k += 10) {
                    h.insert(writer, k, row(k));
                    keys.add(k);
                }
                assertTrue(io.block(() -> reader.seek(1500, SeekOp.EQ)));
                RandomSource r = RandomSource.seeded(4);
                for (int i = 0; i < 2000; i++) {
                    long k = r.nextInt(3000);
                    h.insert(writer, k, row(k));
                    keys.add(k);
                }
                assertTrue(reader.requiresSeek(), "the writer saved the reader's position");
                assertTrue(io.block(reader::next));
                assertEquals(keys.higher(1500L), reader.rowid());
                assertTrue(io.block(reader::prev));
                assertEquals(keys.lower(keys.higher(1500L)), reader.rowid());
            }
            h.commit();
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.EnumSource(JournalMode.class)
    void shouldWriteIntoTablesSqliteCreatedAndKeepItsCounters(JournalMode mode) throws IOException {
        assumeTrue(Sqlite3.available());
        Path db = dir.resolve("theirs.db");
        Sqlite3.run(
                db,
                "PRAGMA page_size=1024; CREATE TABLE t(a, b); CREATE INDEX t_a ON t(a);"
                        + "INSERT INTO t SELECT value, randomblob(value % 900) FROM generate_series(1, 3000);"
                        + "DELETE FROM t WHERE rowid % 4 = 0;");
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "theirs.db", db);
        long counterBefore = DatabaseHeader.changeCounter(MemorySegment.ofArray(Files.readAllBytes(db)));
        Pager opened = new Pager(
                io, "theirs.db", PagerOptions.DEFAULTS.withJournalMode(mode).withCacheSize(100));
        io.block(opened::open);
        try (Pager pager = opened) {
            BTree tree = new BTree(pager);
            Map<String, Integer> roots = Schema.roots(io, tree);
            io.block(pager::beginWrite);
            try (BTreeCursor t = tree.openTableCursor(roots.get("t"));
                    BTreeCursor i = tree.openIndexCursor(roots.get("t_a"), KeyInfo.binary(2))) {
                for (long n = 3001; n <= 4000; n++) {
                    long k = n;
                    byte[] rec = RecordBuilder.encode(k, new byte[(int) (k % 1500)]);
                    io.block(() -> t.insert(k, MemorySegment.ofArray(rec), 0, rec.length));
                    byte[] key = RecordBuilder.encode(k, k);
                    io.block(() -> i.insert(MemorySegment.ofArray(key), 0, key.length));
                }
                for (long k = 1; k <= 3000; k += 3) {
                    long id = k;
                    if (io.block(() -> t.seek(id, SeekOp.EQ))) {
                        io.block(t::delete);
                        SearchKey key = SearchKey.of(id, id);
                        assertTrue(io.block(() -> i.seek(key, SeekOp.EQ)));
                        io.block(i::delete);
                    }
                }
            }
            io.block(pager::commit);
            if (mode == JournalMode.WAL) {
                assertTrue(pager.wal().maxFrame() > 0, "the first write switched the file to WAL");
                CheckpointResult r = io.block(() -> pager.checkpoint(CheckpointMode.TRUNCATE));
                assertFalse(r.busy());
            }
        }
        TestFiles.save(io, "theirs.db", db);
        MemorySegment h = MemorySegment.ofArray(Files.readAllBytes(db));
        if (mode == JournalMode.WAL) {
            assertEquals(counterBefore, DatabaseHeader.changeCounter(h), "WAL commits leave the counter alone");
            assertEquals(2, DatabaseHeader.writeVersion(h));
            assertEquals(2, DatabaseHeader.readVersion(h));
            assertFalse(Files.exists(dir.resolve("theirs.db-wal")) && Files.size(dir.resolve("theirs.db-wal")) > 0);
        } else {
            assertEquals(counterBefore + 1, DatabaseHeader.changeCounter(h));
        }
        assertEquals(DatabaseHeader.changeCounter(h), DatabaseHeader.versionValidFor(h));
        assertEquals(Files.size(db) / 1024, DatabaseHeader.databaseSizePages(h));
        assertEquals(
                List.of("ok", String.valueOf(DatabaseHeader.freelistCount(h))),
                Sqlite3.lines(db, "PRAGMA integrity_check; PRAGMA freelist_count;"));
        List<String> want = new ArrayList<>();
        for (long k = 1; k <= 4000; k++) {
            boolean deletedBySqlite = k <= 3000 && k % 4 == 0;
            boolean deletedByUs = k <= 3000 && k % 3 == 1;
            if (!deletedBySqlite && !deletedByUs) {
                want.add(String.valueOf(k));
            }
        }
        assertEquals(want, Sqlite3.lines(db, "SELECT a FROM t ORDER BY a;"));
        // sqlite3 can keep writing the file we wrote.
        assertEquals(List.of("ok"), Sqlite3.lines(db, "INSERT INTO t VALUES(1, 2); PRAGMA integrity_check;"));
    }
}
