package io.tursoj.storage.btree;

import static io.tursoj.storage.btree.SqliteFixture.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.io.IO;
import io.tursoj.io.MemoryIO;
import io.tursoj.io.OpenFlags;
import io.tursoj.storage.CheckpointMode;
import io.tursoj.storage.CheckpointResult;
import io.tursoj.storage.DatabaseBusyException;
import io.tursoj.storage.Pager;
import io.tursoj.storage.PagerOptions;
import io.tursoj.storage.Synchronous;
import io.tursoj.storage.Wal;
import io.tursoj.storage.format.RecordBuilder;
import io.tursoj.storage.format.WalFrameHeader;
import io.tursoj.storage.format.WalHeader;
import io.tursoj.storage.testing.CrashIO;
import io.tursoj.storage.testing.Schema;
import io.tursoj.storage.testing.Sqlite3;
import io.tursoj.storage.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The write-ahead log: sqlite3's logs, recovery, snapshots, the writer lock, checkpoints and sync policy. */
class WalTest {
    @TempDir
    Path dir;

    private static byte[] row(long k, int size) {
        return RecordBuilder.encode(k, "v" + k, new byte[size]);
    }

    private static List<String> rows(IO io, Pager pager) throws IOException {
        BTree tree = new BTree(pager);
        int root = Schema.roots(io, tree).get("t");
        return SqliteFixture.scanTable(io, tree, root, false);
    }

    @Test
    void shouldReadAWalThatSqliteLeftUncheckpointed() throws IOException {
        assumeTrue(Sqlite3.available());
        Path db = dir.resolve("s.db");
        Path copy = dir.resolve("c.db");
        Sqlite3.run(
                db,
                "PRAGMA page_size=1024;\nPRAGMA journal_mode=WAL;\nPRAGMA wal_autocheckpoint=0;\n"
                        + "CREATE TABLE t(a, b);\n"
                        + "INSERT INTO t SELECT value, randomblob(value % 700) FROM generate_series(1, 1500);\n"
                        + "UPDATE t SET b = 'changed' WHERE a % 7 = 0;\nDELETE FROM t WHERE a % 11 = 0;\n"
                        + "CREATE INDEX t_b ON t(b);\n"
                        + ".shell cp '" + db + "' '" + copy + "'; cp '" + db + "-wal' '" + copy + "-wal'\n");
        assertTrue(Files.size(dir.resolve("c.db-wal")) > 100_000, "the copy caught the log before any checkpoint");
        long walBytes = Files.size(dir.resolve("c.db-wal"));
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "c.db", copy);
        List<String> want = SqliteFixture.sqliteTable(copy, "t", "a", "b"); // sqlite3 checkpoints the copy here
        try (Pager pager = SqliteFixture.openPager(io, "c.db", 100)) {
            long frames = (walBytes - WalHeader.SIZE) / (WalFrameHeader.SIZE + 1024);
            assertEquals(frames, pager.wal().maxFrame(), "every frame sqlite3 wrote checks out");
            assertSameRows(want, rows(io, pager), "rows through sqlite3's log");
        }
    }

    /** Commits {@code transactions} transactions; returns the log size and the rows after each one. */
    private List<Object[]> commitSeveral(MemoryIO io, int transactions) throws IOException {
        List<Object[]> history = new ArrayList<>();
        TreeMap<Long, byte[]> model = new TreeMap<>();
        try (WriteHarness h = new WriteHarness(
                io, "r.db", PagerOptions.DEFAULTS.withPageSize(512).withAutocheckpoint(0))) {
            h.begin();
            int root = h.create("table", "t", "t", "CREATE TABLE t(a, b, c)");
            h.commit();
            history.add(new Object[] {h.pager.wal().maxFrame(), snapshot(model)});
            for (int tx = 0; tx < transactions; tx++) {
                h.begin();
                try (BTreeCursor c = h.tree.openTableCursor(root)) {
                    for (int i = 0; i < 30; i++) {
                        long k = (tx * 37L + i * 11L) % 200;
                        byte[] r = row(k + tx, (int) ((k * 13 + tx) % 900));
                        h.insert(c, k, r);
                        model.put(k, r);
                    }
                }
                h.commit();
                history.add(new Object[] {h.pager.wal().maxFrame(), snapshot(model)});
            }
        }
        return history;
    }

    private static List<String> snapshot(TreeMap<Long, byte[]> model) throws IOException {
        List<String> out = new ArrayList<>();
        for (var e : model.entrySet()) {
            var reader = new io.tursoj.storage.format.RecordReader()
                    .parse(java.lang.foreign.MemorySegment.ofArray(e.getValue()), 0, e.getValue().length);
            out.add(e.getKey() + "|" + io.tursoj.storage.testing.Canon.of(reader));
        }
        return out;
    }

    @Test
    void shouldRecoverExactlyTheValidCommittedPrefix() throws IOException {
        MemoryIO io = new MemoryIO();
        List<Object[]> history = commitSeveral(io, 6);
        Path db = dir.resolve("r.db");
        TestFiles.save(io, "r.db", db);
        byte[] wal = Files.readAllBytes(dir.resolve("r.db-wal"));
        int frameBytes = WalFrameHeader.SIZE + 512;
        int frames = (wal.length - WalHeader.SIZE) / frameBytes;
        for (int cut = (int) history.get(0)[0]; cut <= frames; cut += 2) {
            for (int damage = 0; damage < 2; damage++) {
                byte[] damaged;
                if (damage == 0) {
                    // The log ends in the middle of frame cut+1.
                    damaged = java.util.Arrays.copyOf(wal, WalHeader.SIZE + cut * frameBytes + frameBytes / 2);
                } else {
                    // One byte of frame cut+1's page image is flipped.
                    damaged = wal.clone();
                    int at = WalHeader.SIZE + cut * frameBytes + WalFrameHeader.SIZE + 100;
                    if (at >= damaged.length) {
                        continue;
                    }
                    damaged[at] ^= 0x40;
                }
                int expected = 0;
                for (int i = 0; i < history.size(); i++) {
                    if ((int) history.get(i)[0] <= cut) {
                        expected = i;
                    }
                }
                Path walCopy = dir.resolve("x.db-wal");
                Files.write(walCopy, damaged);
                Files.copy(db, dir.resolve("x.db"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                MemoryIO fresh = new MemoryIO();
                TestFiles.load(fresh, "x.db", dir.resolve("x.db"));
                try (Pager pager = SqliteFixture.openPager(fresh, "x.db", 50)) {
                    assertEquals((int) history.get(expected)[0], pager.wal().maxFrame(), "cut " + cut + " " + damage);
                    @SuppressWarnings("unchecked")
                    List<String> want = (List<String>) history.get(expected)[1];
                    assertSameRows(want, rows(fresh, pager), "rows after damage at frame " + (cut + 1));
                }
            }
        }
    }

    @Test
    void shouldKeepReadersOnTheirSnapshotWhileOneWriterCommits() throws IOException {
        MemoryIO io = new MemoryIO();
        PagerOptions options = PagerOptions.DEFAULTS.withPageSize(1024).withAutocheckpoint(0);
        int root;
        try (WriteHarness h = new WriteHarness(io, "s.db", options)) {
            h.begin();
            root = h.create("table", "t", "t", "CREATE TABLE t(a, b, c)");
            try (BTreeCursor c = h.tree.openTableCursor(root)) {
                for (long k = 1; k <= 100; k++) {
                    h.insert(c, k, row(k, 50));
                }
            }
            h.commit();
        }
        Wal wal = new Wal(io.openFile("s.db-wal", OpenFlags.READ_WRITE_EXISTING), io.random(), 1024, 0);
        io.block(wal::recover);
        try (Pager reader = new Pager(io, "s.db", options, wal);
                Pager writer = new Pager(io, "s.db", options, wal);
                Pager other = new Pager(io, "s.db", options, wal)) {
            io.block(reader::open);
            io.block(writer::open);
            io.block(other::open);
            reader.beginRead();
            other.beginRead();
            List<String> before = rows(io, reader);
            assertEquals(100, before.size());
            BTree tree = new BTree(writer);
            for (int tx = 0; tx < 3; tx++) {
                io.block(writer::beginWrite);
                assertThrows(DatabaseBusyException.class, () -> io.block(other::beginWrite), "one writer at a time");
                try (BTreeCursor c = tree.openTableCursor(root)) {
                    for (long k = 101 + tx * 50; k <= 150 + tx * 50; k++) {
                        long key = k;
                        byte[] r = row(k, 50);
                        io.block(() -> c.insert(key, java.lang.foreign.MemorySegment.ofArray(r), 0, r.length));
                    }
                }
                io.block(writer::commit);
            }
            assertEquals(before, rows(io, reader), "the reader keeps its snapshot");
            assertThrows(
                    DatabaseBusyException.class,
                    () -> io.block(other::beginWrite),
                    "a writer must start from the latest snapshot");
            other.endRead();
            CheckpointResult passive = io.block(() -> writer.checkpoint(CheckpointMode.PASSIVE));
            assertTrue(passive.checkpointedFrames() < passive.logFrames(), "PASSIVE stops at the reader's snapshot");
            CheckpointResult full = io.block(() -> writer.checkpoint(CheckpointMode.FULL));
            assertTrue(full.busy(), "FULL is busy while a reader needs older frames");
            reader.endRead();
            reader.beginRead();
            assertEquals(250, rows(io, reader).size(), "a new read transaction sees every commit");
            reader.endRead();
            CheckpointResult restart = io.block(() -> writer.checkpoint(CheckpointMode.RESTART));
            assertFalse(restart.busy());
            assertEquals(0, wal.maxFrame(), "RESTART resets the log");
            int sequence = wal.checkpointSequence();
            io.block(writer::beginWrite);
            try (BTreeCursor c = tree.openTableCursor(root)) {
                byte[] r = row(1, 10);
                io.block(() -> c.insert(1, java.lang.foreign.MemorySegment.ofArray(r), 0, r.length));
            }
            io.block(writer::commit);
            assertEquals(2, wal.maxFrame(), "the next commit starts over at frame 1");
            assertEquals(sequence, wal.checkpointSequence());
            CheckpointResult truncate = io.block(() -> writer.checkpoint(CheckpointMode.TRUNCATE));
            assertFalse(truncate.busy());
            try (var f = io.openFile("s.db-wal", OpenFlags.READ_ONLY_EXISTING)) {
                assertEquals(0, f.size(), "TRUNCATE empties the log file");
            }
            reader.beginRead();
            assertEquals(250, rows(io, reader).size());
            reader.endRead();
        } finally {
            wal.close();
        }
    }

    @Test
    void shouldCheckpointAutomaticallyAtTheThresholdAndThenRestartTheLog() throws IOException {
        assumeTrue(Sqlite3.available());
        MemoryIO io = new MemoryIO();
        try (WriteHarness h = new WriteHarness(io, "a.db", PagerOptions.DEFAULTS.withPageSize(512))) {
            h.begin();
            int root = h.create("table", "t", "t", "CREATE TABLE t(a, b, c)");
            h.commit();
            int maxSeen = 0;
            for (int tx = 0; tx < 40; tx++) {
                h.begin();
                try (BTreeCursor c = h.tree.openTableCursor(root)) {
                    for (int i = 0; i < 40; i++) {
                        long k = tx * 40L + i;
                        h.insert(c, k, row(k, 300));
                    }
                }
                h.commit();
                maxSeen = Math.max(maxSeen, h.pager.wal().maxFrame());
            }
            assertTrue(maxSeen >= Wal.DEFAULT_AUTOCHECKPOINT_FRAMES, "the log reached the threshold");
            assertTrue(h.pager.wal().maxFrame() < Wal.DEFAULT_AUTOCHECKPOINT_FRAMES, "and was restarted after it");
            assertTrue(h.pager.wal().checkpointSequence() > 0);
        }
        Path out = dir.resolve("a.db");
        TestFiles.save(io, "a.db", out);
        assertEquals(List.of("ok", "1600"), Sqlite3.lines(out, "PRAGMA integrity_check; SELECT count(*) FROM t;"));
    }

    @ParameterizedTest
    @EnumSource(Synchronous.class)
    void shouldSyncCommitsAsSynchronousSays(Synchronous sync) throws IOException {
        CrashIO io = new CrashIO(1);
        try (WriteHarness h = new WriteHarness(
                io,
                "y.db",
                PagerOptions.DEFAULTS.withPageSize(512).withSynchronous(sync).withAutocheckpoint(0))) {
            h.begin();
            int root = h.create("table", "t", "t", "CREATE TABLE t(a, b, c)");
            h.commit();
            long before = io.syncs();
            for (int tx = 0; tx < 10; tx++) {
                h.begin();
                try (BTreeCursor c = h.tree.openTableCursor(root)) {
                    h.insert(c, tx, row(tx, 20));
                }
                h.commit();
            }
            long commitSyncs = io.syncs() - before;
            assertEquals(sync == Synchronous.FULL ? 10 : 0, commitSyncs, "syncs for 10 commits");
            before = io.syncs();
            io.block(() -> h.pager.checkpoint(CheckpointMode.FULL));
            assertEquals(sync == Synchronous.OFF ? 0 : 2, io.syncs() - before, "a checkpoint syncs log and file");
        }
    }
}
