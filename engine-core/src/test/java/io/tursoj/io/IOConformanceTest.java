package io.tursoj.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one conformance suite every {@link IO} backend passes: one subclass per backend supplies {@link #newIO()}.
 * It checks the contract of {@link DatabaseFile} and {@link IO}: results with io_uring's meaning, many operations in
 * flight, any completion order, short reads at end of file, durability across reopen, truncate, errors as failed
 * completions, close with operations in flight, and no leaked file descriptors.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class IOConformanceTest {

    /** Fault injection for backends that support it (the simulator); others return null from {@link #faults}. */
    public interface Faults {
        /** The next write (pwrite/pwritev) submitted fails with {@code -errno}. */
        void failNextWrite(int errno);

        /** The next read submitted fails with {@code -errno}. */
        void failNextRead(int errno);
    }

    @TempDir
    protected Path dir;

    protected Arena arena;
    protected IO io;

    /** A fresh backend instance. */
    protected abstract IO newIO() throws IOException;

    /** The backend's name as its provider reports it. */
    protected abstract String expectedName();

    /**
     * A new instance that sees what {@code old} made durable. Disk backends close {@code old} and open a new one;
     * backends whose files live in the instance override this to reuse it.
     */
    protected IO reopen(IO old) throws IOException {
        old.close();
        return newIO();
    }

    /** The backend's fault injector, or null if it has none. */
    protected Faults faults(IO backend) {
        return null;
    }

    /** Whether this backend opens real files (then file descriptors are counted). */
    protected boolean usesRealFiles() {
        return true;
    }

    /** Whether the backend supports O_DIRECT on this file system. */
    protected boolean supportsDirect() {
        return true;
    }

    @BeforeEach
    void setUp() throws IOException {
        arena = Arena.ofShared();
        io = newIO();
    }

    @AfterEach
    void tearDown() throws IOException {
        if (io != null) {
            io.close();
        }
        arena.close();
    }

    protected String path(String name) {
        return dir.resolve(name).toString();
    }

    protected MemorySegment buffer(int bytes) {
        return arena.allocate(bytes, BufferPool.ALIGNMENT_BYTES);
    }

    protected MemorySegment pattern(int bytes, int seed) {
        MemorySegment b = buffer(bytes);
        for (int i = 0; i < bytes; i++) {
            b.set(ValueLayout.JAVA_BYTE, i, (byte) (seed * 31 + i * 7 + (i >>> 8)));
        }
        return b;
    }

    protected int await(Completion c) throws IOException {
        io.waitFor(c);
        assertTrue(c.isDone());
        return c.result();
    }

    @Test
    void shouldReportItsName() {
        assertEquals(expectedName(), io.name());
    }

    @Test
    void shouldReadWhatWasWritten() throws IOException {
        try (DatabaseFile f = io.openFile(path("a.db"), OpenFlags.READ_WRITE_CREATE)) {
            MemorySegment out = pattern(4096, 1);
            assertEquals(4096, await(f.pwrite(8192, out, new Completion())));
            MemorySegment in = buffer(4096);
            assertEquals(4096, await(f.pread(8192, in, new Completion())));
            assertEquals(-1, out.mismatch(in));
            assertEquals(12288, f.size());
            // The hole before the write reads as zeros.
            MemorySegment hole = pattern(4096, 9);
            assertEquals(4096, await(f.pread(0, hole, new Completion())));
            assertEquals(-1, hole.mismatch(buffer(4096)));
        }
    }

    @Test
    void shouldKeepAtLeast256OperationsInFlight() throws IOException {
        int n = 512;
        int pageBytes = 4096;
        try (DatabaseFile f = io.openFile(path("many.db"), OpenFlags.READ_WRITE_CREATE)) {
            List<Completion> writes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                writes.add(f.pwrite((long) i * pageBytes, pattern(pageBytes, i), new Completion()));
            }
            for (Completion c : writes) {
                assertEquals(pageBytes, await(c));
            }
            List<Completion> reads = new ArrayList<>();
            List<MemorySegment> bufs = new ArrayList<>();
            for (int i = n - 1; i >= 0; i--) { // reverse order, to mix up the queue
                MemorySegment b = buffer(pageBytes);
                bufs.add(b);
                reads.add(f.pread((long) i * pageBytes, b, new Completion()));
            }
            assertTrue(io.hasInFlight() || reads.stream().allMatch(Completion::isDone));
            for (Completion c : reads) {
                await(c);
            }
            for (int k = 0; k < n; k++) {
                int i = n - 1 - k;
                assertEquals(pageBytes, reads.get(k).result());
                assertEquals(-1, pattern(pageBytes, i).mismatch(bufs.get(k)), "page " + i);
            }
        }
    }

    @Test
    void shouldRunCallbacksOncePerCompletionInAnyOrder() throws IOException {
        int n = 300;
        try (DatabaseFile f = io.openFile(path("order.db"), OpenFlags.READ_WRITE_CREATE)) {
            assertEquals(n * 512, await(f.pwrite(0, pattern(n * 512, 3), new Completion())));
            List<Integer> order = new ArrayList<>();
            Thread stepping = Thread.currentThread();
            CompletionGroup group = new CompletionGroup();
            for (int i = 0; i < n; i++) {
                int index = i;
                Completion c = new Completion(done -> {
                    assertSame(stepping, Thread.currentThread(), "callbacks run on the stepping thread");
                    order.add(index);
                });
                f.pread((long) i * 512, buffer(512), group.add(c));
            }
            Completion all = group.seal();
            await(all);
            assertEquals(n * 512, all.result());
            assertEquals(n, order.size());
            assertEquals(n, order.stream().distinct().count());
        }
    }

    @Test
    void shouldReadShortAtEndOfFile() throws IOException {
        try (DatabaseFile f = io.openFile(path("short.db"), OpenFlags.READ_WRITE_CREATE)) {
            assertEquals(4096, await(f.pwrite(0, pattern(4096, 5), new Completion())));
            assertEquals(0, await(f.truncate(1000, new Completion())));
            MemorySegment in = buffer(4096);
            assertEquals(1000, await(f.pread(0, in, new Completion())));
            assertEquals(-1, pattern(4096, 5).asSlice(0, 1000).mismatch(in.asSlice(0, 1000)));
            assertEquals(0, await(f.pread(4096, buffer(4096), new Completion())));
            assertEquals(0, await(f.pread(1000, buffer(512), new Completion())));
        }
    }

    @Test
    void shouldKeepSyncedWritesAcrossReopen() throws IOException {
        String p = path("durable.db");
        try (DatabaseFile f = io.openFile(p, OpenFlags.READ_WRITE_CREATE)) {
            MemorySegment[] pages = {pattern(4096, 11), pattern(4096, 12), pattern(4096, 13)};
            assertEquals(3 * 4096, await(f.pwritev(4096, pages, new Completion())));
            assertEquals(0, await(f.sync(new Completion())));
            assertEquals(4096, await(f.pwrite(0, pattern(4096, 10), new Completion())));
            assertEquals(0, await(f.dataSync(new Completion())));
        }
        io = reopen(io);
        try (DatabaseFile f = io.openFile(p, OpenFlags.READ_WRITE_EXISTING)) {
            assertEquals(4 * 4096, f.size());
            for (int i = 0; i < 4; i++) {
                MemorySegment in = buffer(4096);
                assertEquals(4096, await(f.pread(i * 4096L, in, new Completion())));
                assertEquals(-1, pattern(4096, 10 + i).mismatch(in), "page " + i);
            }
        }
    }

    @Test
    void shouldWriteABatchThenSyncAsOneChain() throws IOException {
        String p = path("batch.db");
        try (DatabaseFile f = io.openFile(p, OpenFlags.READ_WRITE_CREATE)) {
            long[] positions = {3 * 4096L, 0, 4096};
            MemorySegment[] bufs = {pattern(4096, 23), pattern(4096, 20), pattern(4096, 21)};
            int[] callbacks = new int[1];
            Completion c = f.pwriteBatchAndSync(positions, bufs, new Completion(done -> callbacks[0]++));
            assertEquals(3 * 4096, await(c));
            assertEquals(1, callbacks[0]);
            assertEquals(
                    -Errno.EINVAL,
                    await(f.pwriteBatchAndSync(new long[] {-1}, new MemorySegment[] {buffer(512)}, new Completion())));
            assertEquals(
                    -Errno.EINVAL, await(f.pwriteBatchAndSync(new long[0], new MemorySegment[0], new Completion())));
        }
        io = reopen(io);
        try (DatabaseFile f = io.openFile(p, OpenFlags.READ_WRITE_EXISTING)) {
            assertEquals(4 * 4096, f.size());
            for (int i : new int[] {0, 1, 3}) {
                MemorySegment in = buffer(4096);
                assertEquals(4096, await(f.pread(i * 4096L, in, new Completion())));
                assertEquals(-1, pattern(4096, 20 + i).mismatch(in), "page " + i);
            }
        }
        try (DatabaseFile f = io.openFile(p, OpenFlags.READ_ONLY_EXISTING)) {
            Completion c =
                    f.pwriteBatchAndSync(new long[] {0}, new MemorySegment[] {pattern(4096, 1)}, new Completion());
            assertEquals(-Errno.EBADF, await(c), "a failed write fails the chain");
        }
    }

    @Test
    void shouldTruncateAndExtend() throws IOException {
        try (DatabaseFile f = io.openFile(path("trunc.db"), OpenFlags.READ_WRITE_CREATE)) {
            assertEquals(16384, await(f.pwrite(0, pattern(16384, 2), new Completion())));
            assertEquals(0, await(f.truncate(4096, new Completion())));
            assertEquals(4096, f.size());
            assertEquals(0, await(f.truncate(8192, new Completion())));
            assertEquals(8192, f.size());
            MemorySegment in = pattern(4096, 77);
            assertEquals(4096, await(f.pread(4096, in, new Completion())));
            assertEquals(-1, in.mismatch(buffer(4096)), "extended region reads as zeros");
            assertEquals(0, await(f.truncate(0, new Completion())));
            assertEquals(0, f.size());
        }
    }

    @Test
    void shouldFailWritesToReadOnlyFile() throws IOException {
        String p = path("ro.db");
        try (DatabaseFile f = io.openFile(p, OpenFlags.READ_WRITE_CREATE)) {
            await(f.pwrite(0, pattern(4096, 1), new Completion()));
            await(f.sync(new Completion()));
        }
        try (DatabaseFile f = io.openFile(p, OpenFlags.READ_ONLY_EXISTING)) {
            Completion w = f.pwrite(0, pattern(4096, 2), new Completion());
            assertEquals(-Errno.EBADF, await(w));
            assertTrue(w.failed());
            assertEquals(Errno.EBADF, w.errno());
            assertEquals(-Errno.EBADF, await(f.truncate(0, new Completion())));
            assertEquals(-Errno.EBADF, await(f.sync(new Completion())));
            assertEquals(-Errno.EBADF, await(f.dataSync(new Completion())));
            MemorySegment in = buffer(4096);
            assertEquals(4096, await(f.pread(0, in, new Completion())));
            assertEquals(-1, pattern(4096, 1).mismatch(in), "the failed write changed nothing");
        }
    }

    @Test
    void shouldFailBadOffsetsBeforeAnySystemCall() throws IOException {
        try (DatabaseFile f = io.openFile(path("bad.db"), OpenFlags.READ_WRITE_CREATE)) {
            assertEquals(-Errno.EINVAL, await(f.pread(-1, buffer(512), new Completion())));
            assertEquals(-Errno.EINVAL, await(f.pwrite(-4096, buffer(512), new Completion())));
            assertEquals(-Errno.EFBIG, await(f.pwrite(Long.MAX_VALUE - 10, buffer(512), new Completion())));
            assertEquals(-Errno.EFBIG, await(f.pread(IOArgs.MAX_FILE_BYTES, buffer(512), new Completion())));
            assertEquals(-Errno.EINVAL, await(f.truncate(-1, new Completion())));
            assertEquals(-Errno.EINVAL, await(f.pwritev(0, new MemorySegment[0], new Completion())));
            MemorySegment heap = MemorySegment.ofArray(new byte[512]);
            assertEquals(-Errno.EFAULT, await(f.pread(0, heap, new Completion())));
            assertEquals(0, f.size(), "nothing was written");
        }
    }

    @Test
    void shouldRejectUnalignedDirectTransfers() throws IOException {
        if (!supportsDirect()) {
            return;
        }
        try (DatabaseFile f = io.openFile(path("direct.db"), OpenFlags.READ_WRITE_CREATE.with(OpenFlags.DIRECT))) {
            MemorySegment aligned = pattern(4096, 4);
            assertEquals(4096, await(f.pwrite(0, aligned, new Completion())));
            MemorySegment in = buffer(4096);
            assertEquals(4096, await(f.pread(0, in, new Completion())));
            assertEquals(-1, aligned.mismatch(in));
            MemorySegment unalignedAddress = buffer(8192).asSlice(1, 4096);
            assertEquals(-Errno.EINVAL, await(f.pread(0, unalignedAddress, new Completion())));
            assertEquals(-Errno.EINVAL, await(f.pwrite(100, aligned, new Completion())));
            assertEquals(-Errno.EINVAL, await(f.pread(0, buffer(4096).asSlice(0, 1000), new Completion())));
        }
    }

    @Test
    void shouldFailOperationsAfterClose() throws IOException {
        DatabaseFile f = io.openFile(path("closed.db"), OpenFlags.READ_WRITE_CREATE);
        f.close();
        f.close(); // twice is a no-op
        assertEquals(-Errno.EBADF, await(f.pread(0, buffer(512), new Completion())));
        assertEquals(-Errno.EBADF, await(f.pwrite(0, buffer(512), new Completion())));
        assertEquals(-Errno.EBADF, await(f.sync(new Completion())));
    }

    @Test
    void shouldRefuseMissingFileWithoutCreate() throws IOException {
        assertThrows(NoSuchFileException.class, () -> io.openFile(path("missing.db"), OpenFlags.READ_WRITE_EXISTING));
        assertFalse(io.exists(path("missing.db")));
        try (DatabaseFile f = io.openFile(path("made.db"), OpenFlags.READ_WRITE_CREATE)) {
            assertNotNull(f);
        }
        assertTrue(io.exists(path("made.db")));
        io.removeFile(path("made.db"));
        assertFalse(io.exists(path("made.db")));
        io.removeFile(path("made.db")); // missing is not an error
    }

    @Test
    void shouldRefuseToSubmitACompletionTwice() throws IOException {
        try (DatabaseFile f = io.openFile(path("twice.db"), OpenFlags.READ_WRITE_CREATE)) {
            Completion c = new Completion();
            await(f.pwrite(0, pattern(512, 1), c));
            assertThrows(IllegalStateException.class, () -> f.pwrite(0, pattern(512, 1), c));
            c.reset();
            assertEquals(512, await(f.pread(0, buffer(512), c)));
        }
    }

    @Test
    void shouldFinishEveryOperationWhenClosedWithOperationsInFlight() throws IOException {
        DatabaseFile f = io.openFile(path("inflight.db"), OpenFlags.READ_WRITE_CREATE);
        await(f.pwrite(0, pattern(64 * 4096, 6), new Completion()));
        List<Completion> reads = new ArrayList<>();
        int[] callbacks = new int[1];
        for (int i = 0; i < 64; i++) {
            reads.add(f.pread(i * 4096L, buffer(4096), new Completion(c -> callbacks[0]++)));
        }
        f.close();
        long deadline = io.clock().monotonicNanos() + TimeUnit.SECONDS.toNanos(30);
        while (io.hasInFlight() && io.clock().monotonicNanos() < deadline) {
            io.step(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertFalse(io.hasInFlight());
        for (Completion c : reads) {
            assertTrue(c.isDone());
            assertTrue(c.result() == 4096 || c.result() == -Errno.ECANCELED, "result " + c);
        }
        assertEquals(64, callbacks[0]);
    }

    @Test
    void shouldCloseIOWithOperationsInFlight() throws IOException {
        DatabaseFile f = io.openFile(path("ioclose.db"), OpenFlags.READ_WRITE_CREATE);
        List<Completion> writes = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            writes.add(f.pwrite(i * 4096L, pattern(4096, i), new Completion()));
        }
        io.close();
        for (Completion c : writes) {
            assertTrue(c.isDone(), "closing the IO finished every operation");
        }
        io = null;
    }

    @Test
    void shouldNotLeakFileDescriptors() throws IOException {
        if (!usesRealFiles()) {
            return;
        }
        io.close();
        long before = openDescriptors();
        for (int round = 0; round < 5; round++) {
            io = newIO();
            for (int i = 0; i < 20; i++) {
                DatabaseFile f = io.openFile(path("fd" + i + ".db"), OpenFlags.READ_WRITE_CREATE);
                await(f.pwrite(0, pattern(512, i), new Completion()));
                f.close();
            }
            try {
                io.openFile(path("nope/missing.db"), OpenFlags.READ_WRITE_EXISTING);
            } catch (IOException expected) {
                // a failed open leaves nothing open
            }
            io.close();
        }
        io = newIO();
        long after = openDescriptors();
        io.close();
        long afterClose = openDescriptors();
        io = null;
        assertTrue(after - before <= 16, "descriptors before " + before + ", with one IO open " + after);
        assertEquals(before, afterClose, "every descriptor closed");
    }

    @Test
    void shouldWriteGatheredBuffersInOrder() throws IOException {
        try (DatabaseFile f = io.openFile(path("vec.db"), OpenFlags.READ_WRITE_CREATE)) {
            MemorySegment[] parts = new MemorySegment[8];
            for (int i = 0; i < parts.length; i++) {
                parts[i] = pattern(512 * (i + 1), i);
            }
            int total = 512 * 36;
            assertEquals(total, await(f.pwritev(512, parts, new Completion())));
            MemorySegment in = buffer(total);
            assertEquals(total, await(f.pread(512, in, new Completion())));
            long at = 0;
            for (MemorySegment part : parts) {
                assertEquals(-1, part.mismatch(in.asSlice(at, part.byteSize())));
                at += part.byteSize();
            }
        }
    }

    @Test
    void shouldSurfaceInjectedFaultsAsFailedCompletions() throws IOException {
        Faults faults = faults(io);
        if (faults == null) {
            return;
        }
        try (DatabaseFile f = io.openFile(path("faults.db"), OpenFlags.READ_WRITE_CREATE)) {
            assertEquals(4096, await(f.pwrite(0, pattern(4096, 1), new Completion())));
            faults.failNextWrite(Errno.ENOSPC);
            assertEquals(-Errno.ENOSPC, await(f.pwrite(4096, pattern(4096, 2), new Completion())));
            assertEquals(4096, f.size(), "the failed write did not extend the file");
            faults.failNextRead(Errno.EIO);
            assertEquals(-Errno.EIO, await(f.pread(0, buffer(4096), new Completion())));
            MemorySegment in = buffer(4096);
            assertEquals(4096, await(f.pread(0, in, new Completion())));
            assertEquals(-1, pattern(4096, 1).mismatch(in));
        }
    }

    @Test
    void shouldBlockOnResumableOperations() throws IOException {
        try (DatabaseFile f = io.openFile(path("resume.db"), OpenFlags.READ_WRITE_CREATE)) {
            await(f.pwrite(0, pattern(4096, 8), new Completion()));
            MemorySegment in = buffer(4096);
            Completion c = new Completion();
            int[] calls = new int[1];
            // A two-state machine: submit a read, then report its first byte once the read finished.
            Integer first = io.block(() -> {
                calls[0]++;
                if (!c.isSubmitted()) {
                    f.pread(0, in, c);
                }
                return c.isDone() ? IOResult.done((int) in.get(ValueLayout.JAVA_BYTE, 0)) : c.pending();
            });
            assertEquals((int) pattern(4096, 8).get(ValueLayout.JAVA_BYTE, 0), first);
            assertTrue(calls[0] >= 1);
            assertArrayEquals(
                    pattern(16, 8).toArray(ValueLayout.JAVA_BYTE),
                    in.asSlice(0, 16).toArray(ValueLayout.JAVA_BYTE));
        }
    }

    protected static long openDescriptors() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }
}
