package io.tursoj.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.io.DatabaseFile;
import io.tursoj.io.IO;
import io.tursoj.io.MemoryIO;
import io.tursoj.io.OpenFlags;
import io.tursoj.io.RandomSource;
import io.tursoj.storage.CheckpointMode;
import io.tursoj.storage.Pager;
import io.tursoj.storage.PagerOptions;
import io.tursoj.storage.Wal;
import io.tursoj.storage.format.RecordBuilder;
import io.tursoj.storage.format.RecordReader;
import io.tursoj.storage.testing.Canon;
import io.tursoj.storage.testing.Schema;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Snapshot isolation under real threads: connections (pagers) sharing one {@link Wal}, one writer committing and
 * checkpointing in every mode, and readers on their own threads that must each see exactly one committed state,
 * the same one throughout a read transaction, never older than the last one they saw.
 */
class WalThreadsTest {
    private static final int PAGE_SIZE = 512;
    private static final int ROWS = 120;
    private static final int COMMITS = 300;
    private static final int READERS = 3;

    /** Every committed state of {@code t}, keyed by its row 0 (which names the commit). */
    private final Map<String, List<String>> states = new ConcurrentHashMap<>();

    private final Map<String, Integer> commitOf = new ConcurrentHashMap<>();

    @Test
    void shouldGiveEveryReaderOneCommittedStateWhileTheWriterCommitsAndCheckpoints() throws Exception {
        MemoryIO io = new MemoryIO();
        PagerOptions options = PagerOptions.DEFAULTS.withPageSize(PAGE_SIZE).withAutocheckpoint(40);
        TreeMap<Long, byte[]> model = new TreeMap<>();
        int root;
        try (WriteHarness h = new WriteHarness(io, "s.db", options)) {
            h.begin();
            root = h.create("table", "t", "t", "CREATE TABLE t(a, b, c)");
            try (BTreeCursor c = h.tree.openTableCursor(root)) {
                for (long k = 0; k <= ROWS; k++) {
                    byte[] r = k == 0 ? RecordBuilder.encode(0L) : RecordBuilder.encode(k, "v0", new byte[20]);
                    h.insert(c, k, r);
                    model.put(k, r);
                }
            }
            publish(0, model);
            h.commit();
        }
        int dbPages;
        try (DatabaseFile f = io.openFile("s.db", OpenFlags.READ_ONLY_EXISTING)) {
            dbPages = (int) (f.size() / PAGE_SIZE);
        }
        Wal wal = new Wal(io.openFile("s.db-wal", OpenFlags.READ_WRITE_CREATE), io.random(), PAGE_SIZE, dbPages);
        io.block(wal::recover);
        List<Pager> pagers = new ArrayList<>();
        try {
            for (int i = 0; i <= READERS; i++) {
                Pager p = new Pager(io, "s.db", options, wal);
                io.block(p::open);
                pagers.add(p);
            }
            Pager writer = pagers.getFirst();
            AtomicBoolean writing = new AtomicBoolean(true);
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger transactions = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            threads.add(Thread.ofPlatform().name("writer").start(guard(failures, writing, () -> {
                write(io, writer, root, model);
            })));
            for (int i = 1; i <= READERS; i++) {
                Pager reader = pagers.get(i);
                threads.add(Thread.ofPlatform().name("reader-" + i).start(guard(failures, null, () -> {
                    int last = -1;
                    while (writing.get()) {
                        last = readOnce(io, reader, last);
                        transactions.incrementAndGet();
                    }
                })));
            }
            for (Thread t : threads) {
                t.join(Duration.ofMinutes(2)); // a guard against a hang, not a timing assertion
                assertFalse(t.isAlive(), t.getName() + " did not finish");
            }
            assertTrue(failures.isEmpty(), () -> "failures: " + failures);
            assertTrue(transactions.get() > 0, "readers ran");
            assertNull(writer.lastCheckpointError());
            assertEquals(COMMITS, readOnce(io, pagers.get(1), -1), "a new reader sees the last commit");
        } finally {
            for (Pager p : pagers) {
                p.close();
            }
            wal.close();
        }
        try (Pager reopened = SqliteFixture.openPager(io, "s.db", 50)) {
            assertEquals(COMMITS, readOnce(io, reopened, -1), "the same after recovery");
        }
    }

    private void write(IO io, Pager writer, int root, TreeMap<Long, byte[]> model) throws IOException {
        RandomSource random = RandomSource.seeded(4242L);
        BTree tree = new BTree(writer);
        CheckpointMode[] modes = CheckpointMode.values();
        for (int t = 1; t <= COMMITS; t++) {
            io.block(writer::beginWrite);
            try (BTreeCursor c = tree.openTableCursor(root)) {
                for (int i = 0; i < 6; i++) {
                    long k = 1 + random.nextInt(ROWS);
                    byte[] r = RecordBuilder.encode(k, "v" + t, new byte[random.nextInt(200)]);
                    io.block(() -> c.insert(k, MemorySegment.ofArray(r), 0, r.length));
                    model.put(k, r);
                }
                byte[] head = RecordBuilder.encode((long) t);
                io.block(() -> c.insert(0, MemorySegment.ofArray(head), 0, head.length));
                model.put(0L, head);
            }
            publish(t, model); // before the commit, so a reader can always look the state up
            io.block(writer::commit);
            if (t % 10 == 0) {
                CheckpointMode mode = modes[(t / 10) % modes.length];
                io.block(() -> writer.checkpoint(mode)); // may report busy while readers hold old snapshots
            }
        }
    }

    /** One read transaction: two scans that must agree and match a published commit. Returns that commit. */
    private int readOnce(IO io, Pager reader, int lastSeen) throws IOException {
        reader.beginRead();
        try {
            List<String> first = rows(io, reader);
            Thread.yield(); // let the writer and its checkpoints run between the two scans
            List<String> second = rows(io, reader);
            assertEquals(first, second, "one snapshot throughout the read transaction");
            List<String> want = states.get(first.getFirst());
            assertNotNull(want, () -> "not a committed state: " + first.getFirst());
            assertEquals(want, first);
            int commit = commitOf.get(first.getFirst());
            assertTrue(commit >= lastSeen, "snapshots never go back: " + commit + " after " + lastSeen);
            return commit;
        } finally {
            reader.endRead();
        }
    }

    private void publish(int commit, TreeMap<Long, byte[]> model) throws IOException {
        List<String> rows = new ArrayList<>();
        for (var e : model.entrySet()) {
            var reader = new RecordReader().parse(MemorySegment.ofArray(e.getValue()), 0, e.getValue().length);
            rows.add(e.getKey() + "|" + Canon.of(reader));
        }
        states.put(rows.getFirst(), rows);
        commitOf.put(rows.getFirst(), commit);
    }

    private static List<String> rows(IO io, Pager pager) throws IOException {
        BTree tree = new BTree(pager);
        int root = Schema.roots(io, tree).get("t");
        return SqliteFixture.scanTable(io, tree, root, false);
    }

    private interface Body {
        void run() throws Exception;
    }

    /** Runs {@code body}, recording any failure; clears {@code done} (when given) at the end either way. */
    private static Runnable guard(ConcurrentLinkedQueue<Throwable> failures, AtomicBoolean done, Body body) {
        return () -> {
            try {
                body.run();
            } catch (Throwable e) {
                failures.add(e);
            } finally {
                if (done != null) {
                    done.set(false);
                }
            }
        };
    }
}
