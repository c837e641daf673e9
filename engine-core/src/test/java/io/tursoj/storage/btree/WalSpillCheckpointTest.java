package io.tursoj.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.io.IO;
import io.tursoj.io.MemoryIO;
import io.tursoj.io.OpenFlags;
import io.tursoj.storage.CheckpointMode;
import io.tursoj.storage.CheckpointResult;
import io.tursoj.storage.Pager;
import io.tursoj.storage.PagerOptions;
import io.tursoj.storage.Wal;
import io.tursoj.storage.format.RecordBuilder;
import io.tursoj.storage.testing.Schema;
import io.tursoj.storage.testing.Sqlite3;
import io.tursoj.storage.testing.TestFiles;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A checkpoint from another connection while the writer has spilled uncommitted frames into the log copies only
 * committed frames: whether the writer then commits or rolls back, sqlite3 finds exactly the committed rows.
 */
class WalSpillCheckpointTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void shouldCopyOnlyCommittedFramesWhileAWriterHasSpilled(boolean commit) throws IOException {
        assumeTrue(Sqlite3.available());
        MemoryIO io = new MemoryIO();
        PagerOptions options =
                PagerOptions.DEFAULTS.withPageSize(512).withAutocheckpoint(0).withCacheSize(10);
        int root;
        try (WriteHarness h = new WriteHarness(io, "p.db", options)) {
            h.begin();
            root = h.create("table", "t", "t", "CREATE TABLE t(a, b, c)");
            try (BTreeCursor c = h.tree.openTableCursor(root)) {
                for (long k = 1; k <= 50; k++) {
                    h.insert(c, k, RecordBuilder.encode(k, "committed", new byte[30]));
                }
            }
            h.commit();
        }
        int dbPages;
        try (var f = io.openFile("p.db", OpenFlags.READ_ONLY_EXISTING)) {
            dbPages = (int) (f.size() / 512);
        }
        Wal wal = new Wal(io.openFile("p.db-wal", OpenFlags.READ_WRITE_CREATE), io.random(), 512, dbPages);
        io.block(wal::recover);
        int committedFrames = wal.maxFrame();
        Path out = dir.resolve("p.db");
        try (Pager writer = new Pager(io, "p.db", options, wal);
                Pager other = new Pager(io, "p.db", options, wal)) {
            io.block(writer::open);
            io.block(other::open);
            io.block(writer::beginWrite);
            BTree tree = new BTree(writer);
            try (BTreeCursor c = tree.openTableCursor(root)) {
                for (long key = 51; key <= 1050; key++) {
                    long k = key;
                    byte[] r = RecordBuilder.encode(k, "pending", new byte[100]);
                    io.block(() -> c.insert(k, MemorySegment.ofArray(r), 0, r.length));
                }
            }
            assertTrue(writer.spills() > 0, "the transaction spilled frames into the log");
            assertEquals(committedFrames, wal.maxFrame(), "spilled frames are not committed");
            CheckpointResult r = io.block(() -> other.checkpoint(CheckpointMode.PASSIVE));
            assertFalse(r.busy());
            assertEquals(committedFrames, r.logFrames());
            assertEquals(committedFrames, r.checkpointedFrames(), "every committed frame, and nothing else");
            other.beginRead();
            assertEquals(50, rows(io, other).size(), "the other connection sees only committed rows");
            other.endRead();
            if (commit) {
                io.block(writer::commit);
            } else {
                writer.rollback();
                io.block(writer::beginWrite);
                try (BTreeCursor c = tree.openTableCursor(root)) {
                    byte[] r1 = RecordBuilder.encode(2000L, "after rollback", new byte[3]);
                    io.block(() -> c.insert(2000, MemorySegment.ofArray(r1), 0, r1.length));
                }
                io.block(writer::commit);
            }
            TestFiles.save(io, "p.db", out); // as a crash now would leave it: the log not yet checkpointed
        } finally {
            wal.close();
        }
        String count = commit ? "1050" : "51";
        assertEquals(List.of("ok", count), Sqlite3.lines(out, "PRAGMA integrity_check; SELECT count(*) FROM t;"));
        assertEquals(
                List.of(commit ? "1000" : "0"),
                Sqlite3.lines(out, "SELECT count(*) FROM t WHERE b = 'pending';"),
                "the spilled rows exist exactly when their transaction committed");
    }

    private static List<String> rows(IO io, Pager pager) throws IOException {
        BTree tree = new BTree(pager);
        int root = Schema.roots(io, tree).get("t");
        return SqliteFixture.scanTable(io, tree, root, false);
    }
}
