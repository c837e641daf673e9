package io.tursoj.io.nio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.io.BufferPool;
import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.Errno;
import io.tursoj.io.IOOptions;
import io.tursoj.io.IOProviders;
import io.tursoj.io.OpenFlags;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What the NIO backend adds to the shared contract: threads, handler failures, continuation, locks, errno. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class NioIOBehaviourTest {
    @TempDir
    Path dir;

    private Arena arena;

    @BeforeEach
    void setUp() {
        arena = Arena.ofShared();
    }

    @AfterEach
    void tearDown() {
        arena.close();
    }

    private String path(String name) {
        return dir.resolve(name).toString();
    }

    private MemorySegment pattern(int bytes, int seed) {
        MemorySegment b = arena.allocate(bytes, BufferPool.ALIGNMENT_BYTES);
        for (int i = 0; i < bytes; i++) {
            b.set(ValueLayout.JAVA_BYTE, i, (byte) (seed * 17 + i * 3 + (i >>> 9)));
        }
        return b;
    }

    private MemorySegment buffer(int bytes) {
        return arena.allocate(bytes, BufferPool.ALIGNMENT_BYTES);
    }

    private static int await(NioIO io, Completion c) throws IOException {
        io.waitFor(c);
        return c.result();
    }

    private static List<Thread> liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith(prefix) && t.isAlive())
                .toList();
    }

    @Test
    void shouldLeaveNoWorkerThreadsAfterClose() throws IOException {
        NioIO io = new NioIO(IOOptions.defaults(), 4, 0);
        String prefix = io.threadNamePrefix();
        try (DatabaseFile f = io.openFile(path("threads.db"), OpenFlags.READ_WRITE_CREATE)) {
            List<Completion> writes = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                writes.add(f.pwrite(i * 4096L, pattern(4096, i), new Completion()));
            }
            writes.add(f.sync(new Completion()));
            for (Completion c : writes) {
                assertTrue(await(io, c) >= 0, c.toString());
            }
        }
        assertFalse(liveThreads(prefix).isEmpty(), "the work ran on this instance's workers");
        io.close();
        assertEquals(List.of(), liveThreads(prefix), "no worker outlives close()");
    }

    @Test
    void shouldFinishEverythingAndStopWorkersEvenWhenACallbackThrowsDuringClose() throws IOException {
        NioIO io = new NioIO(IOOptions.defaults(), 2, 0);
        String prefix = io.threadNamePrefix();
        DatabaseFile f = io.openFile(path("throwing.db"), OpenFlags.READ_WRITE_CREATE);
        List<Completion> writes = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            writes.add(f.pwrite(i * 512L, pattern(512, i), new Completion(c -> {
                throw new IllegalStateException("callback failure");
            })));
        }
        IllegalStateException thrown = assertThrows(IllegalStateException.class, io::close);
        assertEquals("callback failure", thrown.getMessage());
        for (Completion c : writes) {
            assertTrue(c.isDone());
        }
        assertFalse(io.hasInFlight());
        assertEquals(List.of(), liveThreads(prefix));
    }

    @Test
    void shouldRunCallbacksOnTheSteppingThreadNotOnWorkers() throws IOException {
        try (NioIO io = new NioIO(IOOptions.defaults(), 4, 0);
                DatabaseFile f = io.openFile(path("callbacks.db"), OpenFlags.READ_WRITE_CREATE)) {
            Set<String> callbackThreads = ConcurrentHashMap.newKeySet();
            List<Completion> ops = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                Completion c = new Completion(
                        done -> callbackThreads.add(Thread.currentThread().getName()));
                ops.add(f.pwrite(i * 512L, pattern(512, i), c));
            }
            for (Completion c : ops) {
                assertEquals(512, await(io, c));
            }
            assertEquals(Set.of(Thread.currentThread().getName()), callbackThreads);
        }
    }

    @Test
    void shouldTurnAHandlerExceptionIntoAFailedCompletion() throws IOException {
        try (NioIO io = new NioIO(IOOptions.defaults(), 2, 0);
                DatabaseFile f = io.openFile(path("hook.db"), OpenFlags.READ_WRITE_CREATE)) {
            AtomicInteger calls = new AtomicInteger();
            io.setHandlerHook(op -> {
                if (calls.incrementAndGet() == 1) {
                    throw new IllegalArgumentException("injected handler failure");
                }
            });
            Completion failed = f.pwrite(0, pattern(4096, 1), new Completion());
            assertEquals(-Errno.EIO, await(io, failed), "the exception became EIO, not a hang");
            Completion next = f.pwrite(0, pattern(4096, 2), new Completion());
            assertEquals(4096, await(io, next), "the backend keeps working after a handler failed");
            assertFalse(io.hasInFlight());
        }
    }

    @Test
    void shouldContinueTransfersThatMovedOnlyPartOfTheBuffer() throws IOException {
        int cap = 1000; // not a divisor of the sizes below: every transfer ends on a partial piece
        try (NioIO io = new NioIO(IOOptions.defaults(), 3, cap);
                DatabaseFile f = io.openFile(path("short.db"), OpenFlags.READ_WRITE_CREATE)) {
            MemorySegment out = pattern(16384, 4);
            assertEquals(16384, await(io, f.pwrite(4096, out, new Completion())));
            long afterWrite = io.continuations();
            assertEquals(16, afterWrite, "16 KiB in 1000-byte pieces is 17 calls, 16 continuations");
            MemorySegment[] parts = {pattern(3000, 5), pattern(512, 6), pattern(2500, 7)};
            assertEquals(6012, await(io, f.pwritev(20480, parts, new Completion())));
            assertTrue(io.continuations() > afterWrite);
            MemorySegment in = buffer(16384);
            assertEquals(16384, await(io, f.pread(4096, in, new Completion())));
            assertEquals(-1, out.mismatch(in));
            MemorySegment gathered = buffer(6012);
            assertEquals(6012, await(io, f.pread(20480, gathered, new Completion())));
            assertEquals(-1, parts[0].mismatch(gathered.asSlice(0, 3000)));
            assertEquals(-1, parts[1].mismatch(gathered.asSlice(3000, 512)));
            assertEquals(-1, parts[2].mismatch(gathered.asSlice(3512, 2500)));
            // A read across end of file continues until the end, then reports the short count.
            MemorySegment tail = buffer(8192);
            assertEquals(26492 - 24000, await(io, f.pread(24000, tail, new Completion())));
        }
    }

    @Test
    void shouldRefuseMemoryWorkerThreadsCannotReach() throws IOException {
        try (NioIO io = new NioIO(IOOptions.defaults(), 2, 0);
                DatabaseFile f = io.openFile(path("confined.db"), OpenFlags.READ_WRITE_CREATE);
                Arena confined = Arena.ofConfined()) {
            MemorySegment mine = confined.allocate(4096, 4096);
            assertEquals(-Errno.EFAULT, await(io, f.pwrite(0, mine, new Completion())));
            assertEquals(-Errno.EFAULT, await(io, f.pread(0, mine, new Completion())));
            Arena gone = Arena.ofShared();
            MemorySegment freed = gone.allocate(4096, 4096);
            gone.close();
            assertEquals(-Errno.EFAULT, await(io, f.pread(0, freed, new Completion())));
            assertEquals(0, f.size(), "nothing reached the file");
        }
    }

    @Test
    void shouldFinishATransferWhoseMemoryWasFreedWhileQueued() throws Exception {
        try (NioIO io = new NioIO(IOOptions.defaults(), 1, 0);
                DatabaseFile f = io.openFile(path("freed.db"), OpenFlags.READ_WRITE_CREATE)) {
            assertEquals(4096, await(io, f.pwrite(0, pattern(4096, 3), new Completion())));
            CountDownLatch release = new CountDownLatch(1);
            CountDownLatch blocked = new CountDownLatch(1);
            io.executor()
                    .execute(
                            () -> { // occupy the only worker so the read waits in the queue
                                blocked.countDown();
                                awaitQuietly(release);
                            });
            assertTrue(blocked.await(30, TimeUnit.SECONDS));
            Arena callerArena = Arena.ofShared();
            Completion read = f.pread(0, callerArena.allocate(4096, 4096), new Completion());
            callerArena.close(); // a caller bug: the memory goes away under a queued read
            release.countDown();
            // NIO's own task dies on the freed memory without calling the handler; the backend finishes the op.
            assertEquals(-Errno.EFAULT, await(io, read));
            assertEquals(4096, await(io, f.pread(0, buffer(4096), new Completion())));
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void shouldMapNioExceptionsToErrno() {
        assertEquals(Errno.ECANCELED, NioErrors.errnoOf(new AsynchronousCloseException()));
        assertEquals(Errno.ECANCELED, NioErrors.errnoOf(new ClosedChannelException()));
        assertEquals(Errno.EBADF, NioErrors.errnoOf(new NonWritableChannelException()));
        assertEquals(Errno.ENOSPC, NioErrors.errnoOf(new IOException("No space left on device")));
        assertEquals(Errno.EIO, NioErrors.errnoOf(new IOException("Input/output error")));
        assertEquals(Errno.EINVAL, NioErrors.errnoOf(new IOException("Invalid argument")));
        assertEquals(Errno.EROFS, NioErrors.errnoOf(new FileSystemException("f", null, "Read-only file system")));
        assertEquals(Errno.EFAULT, NioErrors.errnoOf(new IllegalStateException("Already closed")));
        assertEquals(Errno.EIO, NioErrors.errnoOf(new IOException("something new")));
        assertEquals(Errno.EIO, NioErrors.errnoOf(new NullPointerException()));
    }

    @Test
    void shouldShareLocksWithinTheProcessAndExcludeOnConflict() throws IOException {
        try (NioIO io = new NioIO(IOOptions.defaults(), 2, 0);
                DatabaseFile a = io.openFile(path("lock.db"), OpenFlags.READ_WRITE_CREATE)) {
            DatabaseFile b = io.openFile(path("lock.db"), OpenFlags.READ_WRITE_EXISTING);
            long fdsUnlocked = openDescriptors();
            assertTrue(a.tryLock(false));
            assertTrue(b.tryLock(false), "shared locks coexist");
            assertFalse(a.tryLock(true), "no exclusive lock beside another shared holder");
            b.unlock();
            assertTrue(a.tryLock(true), "the sole shared holder upgrades");
            assertFalse(b.tryLock(false), "no shared lock beside an exclusive one");
            assertFalse(b.tryLock(true));
            a.unlock();
            assertTrue(b.tryLock(true));
            b.close(); // closing releases the lock
            assertTrue(a.tryLock(true));
            a.unlock();
            assertEquals(fdsUnlocked - 1, openDescriptors(), "the lock channel closed with the last lock");
        }
    }

    @Test
    void shouldRefuseAnExclusiveLockOnAReadOnlyFile() throws IOException {
        try (NioIO io = new NioIO(IOOptions.defaults(), 2, 0)) {
            io.openFile(path("ro-lock.db"), OpenFlags.READ_WRITE_CREATE).close();
            try (DatabaseFile f = io.openFile(path("ro-lock.db"), OpenFlags.READ_ONLY_EXISTING)) {
                assertTrue(f.tryLock(false));
                assertThrows(IOException.class, () -> f.tryLock(true));
            }
        }
    }

    @Test
    void shouldBeFoundThroughTheServiceLoaderAndPreferredOverMemory() throws IOException {
        IOProviders.Selection named = IOProviders.named("nio");
        assertInstanceOf(NioIOProvider.class, named.provider());
        assertEquals(50, named.provider().priority());
        try (var io = named.create(IOOptions.defaults())) {
            assertInstanceOf(NioIO.class, io);
        }
        // Only memory (0) and nio (50) are on this module's class path.
        assertInstanceOf(NioIOProvider.class, IOProviders.best().provider());
    }

    @Test
    void shouldHonourASeedForItsRandomSource() {
        try (NioIO a = new NioIO(IOOptions.defaults().withSeed(42));
                NioIO b = new NioIO(IOOptions.defaults().withSeed(42))) {
            assertNotSame(a.random(), b.random());
            assertEquals(a.random().nextLong(), b.random().nextLong());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void shouldRefuseUseAfterCloseOfTheIO() throws IOException {
        NioIO io = new NioIO(IOOptions.defaults(), 2, 0);
        DatabaseFile f = io.openFile(path("after.db"), OpenFlags.READ_WRITE_CREATE);
        io.close();
        io.close(); // twice is a no-op
        Completion c = f.pwrite(0, pattern(512, 1), new Completion());
        assertEquals(-Errno.EBADF, c.result(), "failed at once: nothing steps a closed IO");
        assertThrows(IllegalStateException.class, () -> io.openFile(path("x.db"), OpenFlags.READ_WRITE_CREATE));
        assertThrows(IllegalStateException.class, io::step);
    }

    private static long openDescriptors() throws IOException {
        try (var s = java.nio.file.Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }
}
