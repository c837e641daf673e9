package io.tursoj.storage.btree;

import static io.tursoj.storage.btree.SqliteFixture.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.io.MemoryIO;
import io.tursoj.io.RandomSource;
import io.tursoj.storage.format.RecordBuilder;
import io.tursoj.storage.testing.DeferredIO;
import io.tursoj.storage.testing.Sqlite3;
import io.tursoj.storage.testing.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** TursoJ writes, sqlite3 reads: random workloads through the b-tree API, checked by sqlite3 itself. */
class BTreeWriteTest {
    @TempDir
    Path dir;

    /** One row of table t(a INTEGER, b TEXT, c BLOB). */
    record Row(long a, String b, byte[] c) {
        byte[] record() {
            return RecordBuilder.encode(a, b, c);
        }

        byte[] indexKey(long rowid) {
            return RecordBuilder.encode(b, rowid);
        }

        String canon(long rowid) {
            return rowid + "|I" + a + ",T" + hex(b.getBytes(StandardCharsets.UTF_8)) + ",B" + hex(c);
        }
    }

    static String hex(byte[] b) {
        return java.util.HexFormat.of().withUpperCase().formatHex(b);
    }

    private static Row randomRow(RandomSource r, int pageSize, int bigOdds) {
        int textLength = switch (r.nextInt(bigOdds)) {
            case 0 -> r.nextInt(pageSize * 3);
            case 1, 2 -> r.nextInt(pageSize / 3);
            default -> r.nextInt(24);
        };
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < textLength; i++) {
            b.append((char) ('a' + r.nextInt(26)));
        }
        int blobLength = r.nextInt(bigOdds * 2) == 0 ? r.nextInt(pageSize * 4) : r.nextInt(60);
        byte[] c = new byte[blobLength];
        for (int i = 0; i < blobLength; i++) {
            c[i] = (byte) r.nextInt(256);
        }
        return new Row(r.nextLong() >> r.nextInt(64), b.toString(), c);
    }

    /**
     * Runs {@code ops} random inserts, updates and deletes on table t and its index t_b, keeping a model, and returns
     * the model.
     */
    static void workload(
            WriteHarness h, int root, int indexRoot, long seed, int ops, int pageSize, TreeMap<Long, Row> model)
            throws IOException {
        workload(h, root, indexRoot, seed, ops, pageSize, model, ops * 2, 10);
    }

    static void workload(
            WriteHarness h,
            int root,
            int indexRoot,
            long seed,
            int ops,
            int pageSize,
            TreeMap<Long, Row> model,
            int keyRange,
            int bigOdds)
            throws IOException {
        RandomSource r = RandomSource.seeded(seed);
        KeyInfo info = KeyInfo.binary(2);
        try (BTreeCursor t = h.tree.openTableCursor(root);
                BTreeCursor idx = h.tree.openIndexCursor(indexRoot, info)) {
            for (int op = 0; op < ops; op++) {
                int kind = r.nextInt(10);
                if (kind < 5 || model.isEmpty()) {
                    long rowid = r.nextInt(keyRange) - keyRange / 4;
                    Row old = model.get(rowid);
                    Row row = randomRow(r, pageSize, bigOdds);
                    if (old != null) {
                        deleteIndexEntry(h, idx, old, rowid);
                    }
                    h.insert(t, rowid, row.record());
                    h.insertKey(idx, row.indexKey(rowid));
                    model.put(rowid, row);
                } else {
                    Long rowid = model.ceilingKey((long) r.nextInt(keyRange) - keyRange / 4);
                    if (rowid == null) {
                        rowid = model.firstKey();
                    }
                    long id = rowid;
                    assertTrue(h.io.block(() -> t.seek(id, SeekOp.EQ)), "row " + id + " present");
                    h.io.block(t::delete);
                    deleteIndexEntry(h, idx, model.remove(id), id);
                }
            }
        }
    }

    private static void deleteIndexEntry(WriteHarness h, BTreeCursor idx, Row row, long rowid) throws IOException {
        SearchKey key = SearchKey.of(row.b, rowid);
        assertTrue(h.io.block(() -> idx.seek(key, SeekOp.EQ)), "index entry for " + rowid);
        h.io.block(idx::delete);
    }

    private Path writeAndSave(MemoryIO io, int pageSize, long seed, int ops, TreeMap<Long, Row> model, int cache)
            throws IOException {
        try (WriteHarness h = new WriteHarness(io, "w.db", pageSize, cache)) {
            h.begin();
            int root = h.create("table", "t", "t", "CREATE TABLE t(a INTEGER, b TEXT, c BLOB)");
            int indexRoot = h.create("index", "t_b", "t", "CREATE INDEX t_b ON t(b)");
            workload(h, root, indexRoot, seed, ops, pageSize, model);
            h.commit();
            assertEquals(0, h.tree.openCursors());
        }
        Path out = dir.resolve("w" + pageSize + "-" + seed + ".db");
        TestFiles.save(io, "w.db", out);
        return out;
    }

    private static void assertSqliteAgrees(Path db, Map<Long, Row> model) throws IOException {
        MemoryIO copy = new MemoryIO();
        TestFiles.load(copy, "copy.db", db);
        try (io.tursoj.storage.Pager pager = SqliteFixture.openPager(copy, "copy.db", 100)) {
            BTree tree = new BTree(pager);
            int index = io.tursoj.storage.testing.Schema.roots(copy, tree).get("t_b");
            List<String> problems = copy.block(new IntegrityChecker(tree, Map.of(index, KeyInfo.binary(2)))::run);
            assertEquals(List.of(), problems, "our integrity check of " + db);
        }
        assertEquals(List.of("ok"), Sqlite3.lines(db, "PRAGMA integrity_check;"), "integrity_check of " + db);
        List<String> want = new ArrayList<>();
        model.forEach((rowid, row) -> want.add(row.canon(rowid)));
        assertSameRows(want, SqliteFixture.sqliteTable(db, "t", "a", "b", "c"), "sqlite3 reads our rows");
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 2048, 4096, 8192, 16384, 32768, 65536})
    void shouldWriteRandomWorkloadsThatSqliteChecksAndReads(int pageSize) throws IOException {
        assumeTrue(Sqlite3.available());
        int ops = SqliteFixture.LARGE ? 200_000 : (pageSize <= 4096 ? 2500 : 1200);
        MemoryIO io = new MemoryIO();
        TreeMap<Long, Row> model = new TreeMap<>();
        Path db = writeAndSave(io, pageSize, pageSize * 31L, ops, model, 200);
        assertSqliteAgrees(db, model);
    }

    /** The long profile: a million operations; run with {@code -Dtursoj.storage.large=true}. */
    @ParameterizedTest
    @ValueSource(ints = {1024, 4096, 65536})
    void shouldSurviveAMillionOperations(int pageSize) throws IOException {
        assumeTrue(SqliteFixture.LARGE, "large storage tests run with -Dtursoj.storage.large=true");
        assumeTrue(Sqlite3.available());
        MemoryIO io = new MemoryIO();
        TreeMap<Long, Row> model = new TreeMap<>();
        try (WriteHarness h = new WriteHarness(io, "w.db", pageSize, 2000)) {
            h.begin();
            int root = h.create("table", "t", "t", "CREATE TABLE t(a INTEGER, b TEXT, c BLOB)");
            int indexRoot = h.create("index", "t_b", "t", "CREATE INDEX t_b ON t(b)");
            h.commit();
            for (int round = 0; round < 10; round++) {
                h.begin();
                workload(h, root, indexRoot, 1000 + round, 100_000, pageSize, model, 60_000, 200);
                h.commit();
            }
        }
        Path out = dir.resolve("million-" + pageSize + ".db");
        TestFiles.save(io, "w.db", out);
        assertSqliteAgrees(out, model);
    }

    @Test
    void shouldResumeWritesUnderDeferredIoWithATinyCache() throws IOException {
        assumeTrue(Sqlite3.available());
        MemoryIO memory = new MemoryIO();
        DeferredIO io = new DeferredIO(memory, 4);
        TreeMap<Long, Row> model = new TreeMap<>();
        try (WriteHarness h = new WriteHarness(io, "w.db", 1024, 5)) {
            h.begin();
            int root = h.create("table", "t", "t", "CREATE TABLE t(a INTEGER, b TEXT, c BLOB)");
            int indexRoot = h.create("index", "t_b", "t", "CREATE INDEX t_b ON t(b)");
            h.commit();
            for (int round = 0; round < 3; round++) {
                h.begin();
                workload(h, root, indexRoot, 77 + round, 400, 1024, model);
                h.commit();
            }
        }
        Path out = dir.resolve("deferred.db");
        TestFiles.save(memory, "w.db", out);
        assertSqliteAgrees(out, model);
        assertTrue(io.readOperations() > 100, "reads went through the deferred backend");
    }
}
