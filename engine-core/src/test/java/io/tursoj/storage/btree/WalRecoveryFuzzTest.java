package io.tursoj.storage.btree;

import static io.tursoj.storage.btree.SqliteFixture.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.io.Completion;
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
import io.tursoj.storage.format.WalFrameHeader;
import io.tursoj.storage.format.WalHeader;
import io.tursoj.storage.testing.Canon;
import io.tursoj.storage.testing.Schema;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Recovery of damaged logs against a model: whatever the cut or the corruption, recovery keeps exactly the committed
 * frames that precede the first damaged byte, serves the rows of that commit, and never fails.
 */
class WalRecoveryFuzzTest {
    private static final int PAGE_SIZE = 512;
    private static final int FRAME_BYTES = WalFrameHeader.SIZE + PAGE_SIZE;

    private byte[] database;
    private byte[] log;
    /** The log's frame count after each commit, in order (index 0: the schema commit). */
    private final List<Integer> commitFrames = new ArrayList<>();
    /** The rows of {@code t} after each commit. */
    private final List<List<String>> commitRows = new ArrayList<>();

    @BeforeEach
    void writeHistory() throws IOException {
        MemoryIO io = new MemoryIO();
        TreeMap<Long, byte[]> model = new TreeMap<>();
        try (WriteHarness h = new WriteHarness(
                io, "h.db", PagerOptions.DEFAULTS.withPageSize(PAGE_SIZE).withAutocheckpoint(0))) {
            h.begin();
            int root = h.create("table", "t", "t", "CREATE TABLE t(a, b, c)");
            h.commit();
            record(h, model);
            for (int tx = 0; tx < 8; tx++) {
                h.begin();
                try (BTreeCursor c = h.tree.openTableCursor(root)) {
                    for (int i = 0; i < 12; i++) {
                        long k = (tx * 41L + i * 17L) % 150;
                        byte[] r = RecordBuilder.encode(k, "v" + k + "-" + tx, new byte[(int) ((k * 7 + tx) % 700)]);
                        h.insert(c, k, r);
                        model.put(k, r);
                    }
                }
                h.commit();
                record(h, model);
            }
            database = read(io, "h.db");
            log = read(io, "h.db-wal");
        }
        assertEquals(commitFrames.getLast() * FRAME_BYTES + WalHeader.SIZE, log.length, "every frame is committed");
    }

    private void record(WriteHarness h, TreeMap<Long, byte[]> model) throws IOException {
        commitFrames.add(h.pager.wal().maxFrame());
        List<String> rows = new ArrayList<>();
        for (var e : model.entrySet()) {
            var reader = new RecordReader().parse(MemorySegment.ofArray(e.getValue()), 0, e.getValue().length);
            rows.add(e.getKey() + "|" + Canon.of(reader));
        }
        commitRows.add(rows);
    }

    /** The commit (index into the history) that survives when the first damaged byte is at {@code offset}. */
    private int survivingCommit(long offset) {
        if (offset < WalHeader.SIZE) {
            return -1; // a damaged header: the log is empty
        }
        long intactFrames = (offset - WalHeader.SIZE) / FRAME_BYTES;
        int survivor = -1;
        for (int i = 0; i < commitFrames.size(); i++) {
            if (commitFrames.get(i) <= intactFrames) {
                survivor = i;
            }
        }
        return survivor;
    }

    private int expectedMaxFrame(long firstDamagedByte) {
        int commit = survivingCommit(firstDamagedByte);
        return commit < 0 ? 0 : commitFrames.get(commit);
    }

    @Test
    void shouldKeepTheCommitsThatFitWhereverTheLogIsCut() throws IOException {
        MemoryIO io = new MemoryIO();
        for (int length = 0; length <= log.length; length++) {
            if (!interestingCut(length)) {
                continue;
            }
            put(io, "x.db-wal", Arrays.copyOf(log, length));
            assertEquals(expectedMaxFrame(length), recoveredMaxFrame(io), "log cut to " + length + " bytes");
        }
        // The rows, for a cut in the middle of each frame.
        for (int frame = 0; frame < commitFrames.getLast(); frame++) {
            int length = WalHeader.SIZE + frame * FRAME_BYTES + FRAME_BYTES / 2;
            assertRows(Arrays.copyOf(log, length), survivingCommit(length), "cut in frame " + (frame + 1));
        }
    }

    /**
     * Every length through the header and the first two frames and the last one; elsewhere the lengths around each
     * frame's header, the start and end of its page, and its middle (each recovery costs a shared arena's close).
     */
    private boolean interestingCut(int length) {
        if (length < WalHeader.SIZE + 2 * FRAME_BYTES || length > log.length - FRAME_BYTES) {
            return true;
        }
        int within = (length - WalHeader.SIZE) % FRAME_BYTES;
        return within <= WalFrameHeader.SIZE + 8 || within >= FRAME_BYTES - 8 || within == FRAME_BYTES / 2;
    }

    @Test
    void shouldKeepTheCommittedPrefixWhateverBitIsFlipped() throws IOException {
        RandomSource random = RandomSource.seeded(20261128L);
        MemoryIO io = new MemoryIO();
        for (int trial = 0; trial < 3000; trial++) {
            byte[] damaged = log.clone();
            int at = random.nextInt(damaged.length);
            damaged[at] ^= (byte) (1 << random.nextInt(8));
            put(io, "x.db-wal", damaged);
            assertEquals(expectedMaxFrame(at), recoveredMaxFrame(io), "bit flipped at byte " + at);
            if (trial % 100 == 0) {
                assertRows(damaged, survivingCommit(at), "bit flipped at byte " + at);
            }
        }
    }

    @Test
    void shouldKeepTheCommittedPrefixWhateverSpanIsOverwritten() throws IOException {
        RandomSource random = RandomSource.seeded(77L);
        MemoryIO io = new MemoryIO();
        for (int trial = 0; trial < 1000; trial++) {
            byte[] damaged = log.clone();
            int at = random.nextInt(damaged.length);
            int span = Math.min(1 + random.nextInt(64), damaged.length - at);
            for (int i = 0; i < span; i++) {
                damaged[at + i] = (byte) random.nextLong();
            }
            int first = Arrays.mismatch(log, damaged);
            if (first < 0) {
                continue;
            }
            put(io, "x.db-wal", damaged);
            assertEquals(expectedMaxFrame(first), recoveredMaxFrame(io), "garbage from byte " + first);
        }
    }

    @Test
    void shouldStopAtAFrameWithForeignSaltsOrPageZeroEvenWithAGoodChecksum() throws IOException {
        MemoryIO io = new MemoryIO();
        int frames = commitFrames.getLast();
        for (int frame = 1; frame <= frames; frame++) {
            for (int kind = 0; kind < 3; kind++) {
                byte[] damaged = rechecksummed(log, frame, kind);
                put(io, "x.db-wal", damaged);
                long firstBad = WalHeader.SIZE + (long) (frame - 1) * FRAME_BYTES;
                assertEquals(expectedMaxFrame(firstBad), recoveredMaxFrame(io), "frame " + frame + " kind " + kind);
            }
        }
    }

    @Test
    void shouldIgnoreFramesOfTheLogGenerationBeforeARestart() throws IOException {
        MemoryIO io = new MemoryIO();
        put(io, "r.db", database);
        put(io, "r.db-wal", log);
        List<String> want;
        try (WriteHarness h = new WriteHarness(io, "r.db", PagerOptions.DEFAULTS.withAutocheckpoint(0))) {
            io.block(() -> h.pager.checkpoint(CheckpointMode.RESTART));
            assertEquals(0, h.pager.wal().maxFrame());
            h.begin();
            int root = Schema.roots(io, h.tree).get("t");
            try (BTreeCursor c = h.tree.openTableCursor(root)) {
                h.insert(c, 1000, RecordBuilder.encode(1000L, "after restart", new byte[3]));
            }
            h.commit();
            assertTrue(h.pager.wal().maxFrame() < commitFrames.getLast(), "older frames follow the new ones");
            want = rows(io, h.pager);
            assertEquals(commitRows.getLast().size() + 1, want.size());
            database = read(io, "r.db");
            byte[] restarted = read(io, "r.db-wal");
            assertEquals(log.length, restarted.length, "RESTART rewrites the log from the start, in place");
            MemoryIO fresh = new MemoryIO();
            put(fresh, "y.db", database);
            put(fresh, "y.db-wal", restarted);
            try (Pager pager = SqliteFixture.openPager(fresh, "y.db", 50)) {
                assertEquals(h.pager.wal().maxFrame(), pager.wal().maxFrame(), "the stale frames are not recovered");
                assertSameRows(want, rows(fresh, pager), "rows after reopening");
            }
        }
    }

    /**
     * A copy of the log where frame {@code frame} has a foreign salt1 (kind 0), a foreign salt2 (kind 1) or page
     * number 0 (kind 2), and every checksum from it on is recomputed so that only that defect remains.
     */
    private static byte[] rechecksummed(byte[] log, int frame, int kind) {
        byte[] out = log.clone();
        MemorySegment w = MemorySegment.ofArray(out);
        boolean big = WalHeader.bigEndianChecksums(w);
        long sum = io.tursoj.storage.format.WalChecksum.pack(WalHeader.checksum1(w), WalHeader.checksum2(w));
        for (int f = 1; f * (long) FRAME_BYTES + WalHeader.SIZE <= out.length; f++) {
            long at = WalHeader.SIZE + (long) (f - 1) * FRAME_BYTES;
            MemorySegment h = w.asSlice(at, WalFrameHeader.SIZE);
            MemorySegment page = w.asSlice(at + WalFrameHeader.SIZE, PAGE_SIZE);
            if (f < frame) {
                sum = WalFrameHeader.checksum(h, page, PAGE_SIZE, big, sum);
                continue;
            }
            int salt1 = WalFrameHeader.salt1(h) ^ (f == frame && kind == 0 ? 1 : 0);
            int salt2 = WalFrameHeader.salt2(h) ^ (f == frame && kind == 1 ? 0x100 : 0);
            int pageNumber = f == frame && kind == 2 ? 0 : WalFrameHeader.pageNumber(h);
            sum = WalFrameHeader.write(
                    h, pageNumber, WalFrameHeader.databaseSize(h), salt1, salt2, big, sum, page, PAGE_SIZE);
        }
        return out;
    }

    private int recoveredMaxFrame(IO io) throws IOException {
        Wal wal = new Wal(io.openFile("x.db-wal", OpenFlags.READ_WRITE_EXISTING), io.random(), PAGE_SIZE, 1);
        try {
            io.block(wal::recover);
            return wal.maxFrame();
        } finally {
            wal.close();
        }
    }

    private void assertRows(byte[] damagedLog, int commit, String what) throws IOException {
        MemoryIO io = new MemoryIO();
        put(io, "z.db", database);
        put(io, "z.db-wal", damagedLog);
        try (Pager pager = SqliteFixture.openPager(io, "z.db", 50)) {
            assertEquals(commit < 0 ? 0 : commitFrames.get(commit), pager.wal().maxFrame(), what);
            if (commit < 0) {
                return; // the database file alone predates the schema: nothing to scan
            }
            assertSameRows(commitRows.get(commit), rows(io, pager), what);
        }
    }

    private static List<String> rows(IO io, Pager pager) throws IOException {
        BTree tree = new BTree(pager);
        int root = Schema.roots(io, tree).get("t");
        return SqliteFixture.scanTable(io, tree, root, false);
    }

    private static void put(IO io, String name, byte[] bytes) throws IOException {
        try (DatabaseFile f = io.openFile(name, OpenFlags.of(OpenFlags.CREATE | OpenFlags.TRUNCATE));
                Arena arena = Arena.ofConfined()) {
            if (bytes.length > 0) {
                MemorySegment buf = arena.allocate(bytes.length);
                MemorySegment.copy(bytes, 0, buf, ValueLayout.JAVA_BYTE, 0, bytes.length);
                Completion c = f.pwrite(0, buf, new Completion());
                io.waitFor(c);
                c.bytesOrThrow();
            }
        }
    }

    private static byte[] read(IO io, String name) throws IOException {
        try (DatabaseFile f = io.openFile(name, OpenFlags.READ_ONLY_EXISTING);
                Arena arena = Arena.ofConfined()) {
            long size = f.size();
            MemorySegment buf = arena.allocate(Math.max(1, size));
            if (size > 0) {
                Completion c = f.pread(0, buf.asSlice(0, size), new Completion());
                io.waitFor(c);
                c.bytesOrThrow();
            }
            return buf.asSlice(0, size).toArray(ValueLayout.JAVA_BYTE);
        }
    }
}
