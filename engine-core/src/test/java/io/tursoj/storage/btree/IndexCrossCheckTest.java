package io.tursoj.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.io.MemoryIO;
import io.tursoj.storage.CheckpointMode;
import io.tursoj.storage.Pager;
import io.tursoj.storage.PagerOptions;
import io.tursoj.storage.format.RecordBuilder;
import io.tursoj.storage.testing.Schema;
import io.tursoj.storage.testing.Sqlite3;
import io.tursoj.storage.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The table-versus-index half of integrity_check, differentially: sqlite3 builds a table with two indexes, the test
 * damages an index through the b-tree API (an entry deleted, a stray entry added), and the cross-check must print
 * exactly what {@code sqlite3 FILE "PRAGMA integrity_check"} prints.
 */
class IndexCrossCheckTest {
    @TempDir
    Path dir;

    private Path db;

    @BeforeEach
    void build() throws IOException {
        assumeTrue(Sqlite3.available());
        db = dir.resolve("x.db");
        Sqlite3.run(
                db,
                "PRAGMA page_size=1024; CREATE TABLE t(id INTEGER PRIMARY KEY, a TEXT, b INT);"
                        + " CREATE INDEX ia ON t(a); CREATE INDEX ib ON t(b, id);"
                        + " INSERT INTO t SELECT value * 10, 'v' || (value * 37 % 101), value % 7"
                        + " FROM generate_series(1, 400);");
    }

    private static List<IndexCrossCheck.IndexSpec> specs(Map<String, Integer> roots) {
        return List.of(
                new IndexCrossCheck.IndexSpec("ia", roots.get("ia"), new int[] {1}, KeyInfo.binary(2)),
                new IndexCrossCheck.IndexSpec(
                        "ib", roots.get("ib"), new int[] {2, IndexCrossCheck.ROWID}, KeyInfo.binary(3)));
    }

    /** Applies {@code damage} in a write transaction, saves the file for sqlite3, and runs our cross-check. */
    private List<String> damageAndCheck(Consumer<WriteHarness> damage) throws IOException {
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "x.db", db);
        try (WriteHarness h = new WriteHarness(io, "x.db", PagerOptions.DEFAULTS)) {
            h.begin();
            damage.accept(h);
            h.commit();
            io.block(() -> h.pager.checkpoint(CheckpointMode.TRUNCATE));
        }
        TestFiles.save(io, "x.db", db);
        try (Pager pager = SqliteFixture.openPager(io, "x.db", 50)) {
            BTree tree = new BTree(pager);
            Map<String, Integer> roots = Schema.roots(io, tree);
            List<String> ours = new ArrayList<>(io.block(new IntegrityChecker(tree)::run));
            ours.addAll(io.block(new IndexCrossCheck(tree, roots.get("t"), specs(roots))::run));
            return ours.isEmpty() ? List.of("ok") : ours;
        }
    }

    private static void deleteIndexEntry(WriteHarness h, String index, int columns, Object... key) {
        try {
            int root = Schema.roots(h.io, h.tree).get(index);
            try (BTreeCursor c = h.tree.openIndexCursor(root, KeyInfo.binary(columns))) {
                assertTrue(h.io.block(() -> c.seek(SearchKey.of(key), SeekOp.EQ)), "entry to delete");
                h.io.block(c::delete);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addIndexEntry(WriteHarness h, String index, int columns, Object... key) {
        try {
            int root = Schema.roots(h.io, h.tree).get(index);
            try (BTreeCursor c = h.tree.openIndexCursor(root, KeyInfo.binary(columns))) {
                h.insertKey(c, RecordBuilder.encode(key));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void shouldAgreeWithSqliteOnSoundIndexes() throws IOException {
        List<String> ours = damageAndCheck(h -> {});
        assertEquals(List.of("ok"), Sqlite3.lines(db, "PRAGMA integrity_check;"));
        assertEquals(List.of("ok"), ours);
    }

    @Test
    void shouldReportARowMissingFromAnIndexAsSqliteDoes() throws IOException {
        // Row with id 50 is the 5th row in rowid order: 'v' || (5 * 37 % 101) = 'v84'.
        List<String> ours = damageAndCheck(h -> deleteIndexEntry(h, "ia", 2, "v84", 50L));
        List<String> sqlite = Sqlite3.lines(db, "PRAGMA integrity_check;");
        assertEquals(2, sqlite.size(), "sqlite3 finds the damage: " + sqlite);
        assertEquals(sqlite, ours);
    }

    @Test
    void shouldReportStrayAndMissingEntriesInSeveralIndexesAsSqliteDoes() throws IOException {
        List<String> ours = damageAndCheck(h -> {
            deleteIndexEntry(h, "ib", 3, 2L, 1000L, 1000L); // id 1000: b = 100 % 7
            deleteIndexEntry(h, "ia", 2, "v27", 2000L); // id 2000: 200 * 37 % 101 = 27
            addIndexEntry(h, "ia", 2, "zzz", 999_999L);
        });
        List<String> sqlite = Sqlite3.lines(db, "PRAGMA integrity_check;");
        assertTrue(sqlite.size() >= 3, "sqlite3 finds the damage: " + sqlite);
        assertEquals(sqlite, ours);
    }
}
