package io.tursoj.storage.btree;

import static io.tursoj.storage.btree.SqliteFixture.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.io.IO;
import io.tursoj.io.MemoryIO;
import io.tursoj.storage.Pager;
import io.tursoj.storage.PagerOptions;
import io.tursoj.storage.format.RecordBuilder;
import io.tursoj.storage.format.WalFrameHeader;
import io.tursoj.storage.format.WalHeader;
import io.tursoj.storage.testing.Schema;
import io.tursoj.storage.testing.Sqlite3;
import io.tursoj.storage.testing.TestFiles;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Differential tests of the write-ahead log against the real SQLite: a log that sqlite3 left behind in the middle of
 * a transaction (committed frames followed by spilled, uncommitted ones) is recovered exactly as sqlite3 recovers it,
 * and frames TursoJ appends after sqlite3's (little- or big-endian checksums) are recovered by sqlite3.
 */
class WalSqliteInteropTest {
    @TempDir
    Path dir;

    @BeforeEach
    void requireSqlite() {
        assumeTrue(Sqlite3.available());
    }

    /**
     * Has sqlite3 commit several transactions in WAL mode without checkpointing, then spill an open transaction's
     * pages into the log, and copies the database and its log at that moment to {@code copy}.
     */
    private Path sqliteLogWithUncommittedTail(int pageSize) throws IOException {
        Path db = dir.resolve("s" + pageSize + ".db");
        Path copy = dir.resolve("c" + pageSize + ".db");
        Sqlite3.run(
                db,
                "PRAGMA page_size=" + pageSize + ";\nPRAGMA journal_mode=WAL;\nPRAGMA wal_autocheckpoint=0;\n"
                        + "CREATE TABLE t(a, b);\nCREATE INDEX t_b ON t(b);\n"
                        + "CREATE TABLE u(x, y);\nINSERT INTO u VALUES(1, 'sqlite'), (2, zeroblob(10));\n"
                        + "INSERT INTO t SELECT value, 'row' || value || '-' || hex(randomblob(value % 40))"
                        + " FROM generate_series(1, 400);\n"
                        + "UPDATE t SET b = b || '-u' WHERE a % 5 = 0;\nDELETE FROM t WHERE a % 13 = 0;\n"
                        + "INSERT INTO t VALUES(5000, hex(randomblob(3000)));\n"
                        + "PRAGMA cache_size=10;\nBEGIN;\n"
                        + "INSERT INTO t SELECT 10000 + value, hex(randomblob(200)) FROM generate_series(1, 3000);\n"
                        + ".shell cp '" + db + "' '" + copy + "'; cp '" + db + "-wal' '" + copy + "-wal'\n"
                        + "ROLLBACK;\n");
        return copy;
    }

    /** The frame number of the last commit frame of a log whose frames are all valid. */
    private static int lastCommitFrame(byte[] wal, int pageSize) {
        int frames = frameCount(wal, pageSize);
        MemorySegment w = MemorySegment.ofArray(wal);
        for (int f = frames; f >= 1; f--) {
            long at = WalHeader.SIZE + (long) (f - 1) * (WalFrameHeader.SIZE + pageSize);
            if (WalFrameHeader.databaseSize(w.asSlice(at, WalFrameHeader.SIZE)) != 0) {
                return f;
            }
        }
        return 0;
    }

    private static int[] commitFrames(byte[] wal, int pageSize) {
        MemorySegment w = MemorySegment.ofArray(wal);
        List<Integer> out = new ArrayList<>();
        for (int f = 1; f <= frameCount(wal, pageSize); f++) {
            long at = WalHeader.SIZE + (long) (f - 1) * (WalFrameHeader.SIZE + pageSize);
            if (WalFrameHeader.databaseSize(w.asSlice(at, WalFrameHeader.SIZE)) != 0) {
                out.add(f);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int frameCount(byte[] wal, int pageSize) {
        return (wal.length - WalHeader.SIZE) / (WalFrameHeader.SIZE + pageSize);
    }

    private static List<String> rows(IO io, Pager pager, String table) throws IOException {
        BTree tree = new BTree(pager);
        int root = Schema.roots(io, tree).get(table);
        return SqliteFixture.scanTable(io, tree, root, false);
    }

    /** Writes {@code db} and {@code wal} under {@code name} in the temp dir; returns the database path. */
    private Path writeCopy(String name, byte[] db, byte[] wal) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, db);
        Files.write(dir.resolve(name + "-wal"), wal);
        Files.deleteIfExists(dir.resolve(name + "-shm"));
        return p;
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 4096, 65536})
    void shouldRecoverExactlyTheCommittedFramesThatSqliteRecovers(int pageSize) throws IOException {
        Path copy = sqliteLogWithUncommittedTail(pageSize);
        byte[] wal = Files.readAllBytes(dir.resolve(copy.getFileName() + "-wal"));
        int committed = lastCommitFrame(wal, pageSize);
        assertTrue(committed > 0 && committed < frameCount(wal, pageSize), "the log ends in uncommitted frames");
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "c.db", copy);
        // sqlite3 recovers the copy (and checkpoints it on close: our in-memory copy stays as it was)
        List<String> wantT = SqliteFixture.sqliteTable(copy, "t", "a", "b");
        List<String> wantU = SqliteFixture.sqliteTable(copy, "u", "x", "y");
        try (Pager pager = SqliteFixture.openPager(io, "c.db", 100)) {
            assertEquals(pageSize, pager.pageSizeBytes());
            assertEquals(committed, pager.wal().maxFrame(), "the uncommitted tail is not recovered");
            assertSameRows(wantT, rows(io, pager, "t"), "t through sqlite3's log");
            assertSameRows(wantU, rows(io, pager, "u"), "u through sqlite3's log");
        }
    }

    @Test
    void shouldSeeWhatSqliteSeesWhenTheLogEndsAtEachCommit() throws IOException {
        int pageSize = 1024;
        Path copy = sqliteLogWithUncommittedTail(pageSize);
        byte[] db = Files.readAllBytes(copy);
        byte[] wal = Files.readAllBytes(dir.resolve(copy.getFileName() + "-wal"));
        int[] commits = commitFrames(wal, pageSize);
        assertTrue(commits.length >= 6, "one commit per statement: " + commits.length);
        for (int i = 1; i < commits.length; i++) { // the first commit only creates t (no rows to compare)
            int commit = commits[i];
            byte[] cut = Arrays.copyOf(wal, WalHeader.SIZE + commit * (WalFrameHeader.SIZE + pageSize));
            Path at = writeCopy("cut" + commit + ".db", db, cut);
            MemoryIO io = new MemoryIO();
            TestFiles.load(io, "c.db", at);
            List<String> want = SqliteFixture.sqliteTable(at, "t", "a", "b");
            try (Pager pager = SqliteFixture.openPager(io, "c.db", 100)) {
                assertEquals(commit, pager.wal().maxFrame());
                assertSameRows(want, rows(io, pager, "t"), "rows as of commit frame " + commit);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096, 65536})
    void shouldWriteALogWhoseEveryCommitSqliteRecovers(int pageSize) throws IOException {
        MemoryIO io = new MemoryIO();
        Path out = dir.resolve("w" + pageSize + ".db");
        List<String> ours;
        int frames;
        try (WriteHarness h = new WriteHarness(
                io, "w.db", PagerOptions.DEFAULTS.withPageSize(pageSize).withAutocheckpoint(0))) {
            h.begin();
            int root = h.create("table", "t", "t", "CREATE TABLE t(a, b, c)");
            h.commit();
            for (int tx = 0; tx < 12; tx++) {
                h.begin();
                try (BTreeCursor c = h.tree.openTableCursor(root)) {
                    for (int i = 0; i < 25; i++) {
                        long k = (tx * 53L + i * 29L) % 240;
                        h.insert(c, k, RecordBuilder.encode(k, "tx" + tx, new byte[(int) ((k * 31 + tx) % 1500)]));
                    }
                }
                h.commit();
            }
            frames = h.pager.wal().maxFrame();
            ours = rows(io, h.pager, "t");
            TestFiles.save(io, "w.db", out); // with the connection open: the log is not checkpointed
        }
        assertEquals(
                List.of("0|" + frames + "|" + frames),
                Sqlite3.lines(out, "PRAGMA wal_checkpoint(PASSIVE);"),
                "sqlite3 recovered every frame we committed");
        assertEquals(List.of("ok"), Sqlite3.lines(out, "PRAGMA integrity_check;"));
        assertSameRows(ours, SqliteFixture.sqliteTable(out, "t", "a", "b", "c"), "rows sqlite3 reads from our log");
    }

    @Test
    void shouldAppendAfterSqlitesFramesSoThatSqliteRecoversBoth() throws IOException {
        appendAndCheck(false);
    }

    @Test
    void shouldContinueABigEndianLogSoThatSqliteRecoversIt() throws IOException {
        appendAndCheck(true);
    }

    /**
     * Opens sqlite3's log (optionally re-checksummed in big-endian word order), commits rows into {@code u} after
     * sqlite3's committed frames (over its uncommitted tail), and has sqlite3 recover and check the result.
     */
    private void appendAndCheck(boolean bigEndian) throws IOException {
        int pageSize = 1024;
        Path copy = sqliteLogWithUncommittedTail(pageSize);
        byte[] db = Files.readAllBytes(copy);
        byte[] wal = Files.readAllBytes(dir.resolve(copy.getFileName() + "-wal"));
        if (bigEndian) {
            wal = toBigEndianChecksums(wal, pageSize);
        }
        Path source = writeCopy("src.db", db, wal);
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "a.db", source);
        List<String> wantU = new ArrayList<>(SqliteFixture.sqliteTable(copy, "u", "x", "y"));
        List<String> wantT = SqliteFixture.sqliteTable(copy, "t", "a", "b");
        Path out = dir.resolve("out.db");
        int ourFrames;
        try (WriteHarness h = new WriteHarness(io, "a.db", PagerOptions.DEFAULTS.withAutocheckpoint(0))) {
            int sqliteFrames = h.pager.wal().maxFrame();
            int root = Schema.roots(io, h.tree).get("u");
            for (int tx = 0; tx < 3; tx++) {
                h.begin();
                try (BTreeCursor c = h.tree.openTableCursor(root)) {
                    for (int i = 0; i < 20; i++) {
                        long rowid = 100 + tx * 20L + i;
                        h.insert(c, rowid, RecordBuilder.encode(rowid, "ours" + rowid));
                    }
                }
                h.commit();
            }
            ourFrames = h.pager.wal().maxFrame();
            assertTrue(ourFrames > sqliteFrames, "our commits went to the log");
            // Save while the connection is open: what a crash right now would leave (no checkpoint on close).
            TestFiles.save(io, "a.db", out);
            List<String> ours = rows(io, h.pager, "u");
            assertEquals(wantU.size() + 60, ours.size());
            wantU = ours;
        }
        byte[] saved = Files.readAllBytes(dir.resolve("out.db-wal"));
        MemorySegment header = MemorySegment.ofArray(saved);
        assertEquals(bigEndian ? WalHeader.MAGIC_BIG_ENDIAN : WalHeader.MAGIC_LITTLE_ENDIAN, WalHeader.magic(header));
        // PASSIVE reports the log frames sqlite3 recovered: every frame we committed, none of the stale tail.
        assertEquals(
                List.of("0|" + ourFrames + "|" + ourFrames),
                Sqlite3.lines(out, "PRAGMA wal_checkpoint(PASSIVE);"),
                "sqlite3 recovered exactly our committed frames");
        assertEquals(List.of("ok"), Sqlite3.lines(out, "PRAGMA integrity_check;"));
        assertSameRows(wantU, SqliteFixture.sqliteTable(out, "u", "x", "y"), "u after our commits");
        assertSameRows(wantT, SqliteFixture.sqliteTable(out, "t", "a", "b"), "t untouched");
    }

    /** Rewrites every checksum of a log in big-endian word order, as a big-endian machine would have written it. */
    static byte[] toBigEndianChecksums(byte[] wal, int pageSize) {
        byte[] out = wal.clone();
        MemorySegment w = MemorySegment.ofArray(out);
        long sum = WalHeader.write(
                w, true, pageSize, WalHeader.checkpointSequence(w), WalHeader.salt1(w), WalHeader.salt2(w));
        int frameBytes = WalFrameHeader.SIZE + pageSize;
        for (long at = WalHeader.SIZE; at + frameBytes <= out.length; at += frameBytes) {
            MemorySegment f = w.asSlice(at, WalFrameHeader.SIZE);
            MemorySegment page = w.asSlice(at + WalFrameHeader.SIZE, pageSize);
            sum = WalFrameHeader.write(
                    f,
                    WalFrameHeader.pageNumber(f),
                    WalFrameHeader.databaseSize(f),
                    WalFrameHeader.salt1(f),
                    WalFrameHeader.salt2(f),
                    true,
                    sum,
                    page,
                    pageSize);
        }
        assertEquals(WalHeader.MAGIC_BIG_ENDIAN, WalHeader.magic(w));
        return out;
    }
}
