package io.tursoj.io.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.io.BufferPool;
import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.Errno;
import io.tursoj.io.OpenFlags;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@link UringFile#pwriteBatchAndSync}: N writes and an fsync as one IOSQE_IO_LINK chain, and its fallbacks. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class UringLinkedWriteTest extends UringTestSupport {

    private static final int PAGE = 4096;

    private MemorySegment[] pages(int count, int seed) {
        MemorySegment[] bufs = new MemorySegment[count];
        for (int i = 0; i < count; i++) {
            bufs[i] = pattern(PAGE, seed + i);
        }
        return bufs;
    }

    private static long[] positions(int... pageNumbers) {
        long[] positions = new long[pageNumbers.length];
        for (int i = 0; i < pageNumbers.length; i++) {
            positions[i] = (long) pageNumbers[i] * PAGE;
        }
        return positions;
    }

    private void assertPages(UringIO io, DatabaseFile f, long[] positions, MemorySegment[] bufs) throws IOException {
        for (int i = 0; i < bufs.length; i++) {
            MemorySegment in = buffer(PAGE);
            assertEquals(PAGE, await(io, f.pread(positions[i], in, new Completion())));
            assertSameBytes(bufs[i], in);
        }
    }

    @Test
    void shouldSubmitWritesAndSyncAsOneLinkedChain() throws IOException {
        UringIO io = newIO(16, false);
        try (DatabaseFile f = io.openFile(path("linked.db"), OpenFlags.READ_WRITE_CREATE)) {
            long[] positions = positions(2, 0, 1);
            MemorySegment[] bufs = pages(3, 10);
            UringIO.Stats before = io.stats();
            Thread[] callbackThread = new Thread[1];
            int[] callbacks = new int[1];
            Completion c = f.pwriteBatchAndSync(positions, bufs, new Completion(done -> {
                callbacks[0]++;
                callbackThread[0] = Thread.currentThread();
            }));
            assertEquals(3 * PAGE, await(io, c));
            UringIO.Stats after = io.stats();
            assertEquals(before.linkedChains() + 1, after.linkedChains(), "went through the linked path");
            assertEquals(before.ringOps() + 4, after.ringOps(), "three writes and one fsync in the ring");
            assertEquals(before.linkCancelled(), after.linkCancelled());
            assertEquals(1, callbacks[0]);
            assertSame(Thread.currentThread(), callbackThread[0]);
            assertEquals(3L * PAGE, f.size());
            assertPages(io, f, positions, bufs);
        }
    }

    @Test
    void shouldUseRegisteredBuffersInTheChain() throws IOException {
        UringIO io = newIO(16, false);
        BufferPool pool = newPool(PAGE, 8, 8);
        MemorySegment[] bufs = {fill(pool.acquire(), 1), fill(pool.acquire(), 2)};
        assumeTrue(io.registerBuffers(pool), "kernel refused to register buffers");
        try (DatabaseFile f = io.openFile(path("fixed.db"), OpenFlags.READ_WRITE_CREATE)) {
            long fixedBefore = io.stats().fixedBufferOps();
            long[] positions = positions(0, 1);
            assertEquals(2 * PAGE, await(io, f.pwriteBatchAndSync(positions, bufs, new Completion())));
            assertEquals(fixedBefore + 2, io.stats().fixedBufferOps());
            assertEquals(1, io.stats().linkedChains());
            assertPages(io, f, positions, bufs);
        }
    }

    /**
     * /dev/full fails every write with ENOSPC in the kernel, after our argument checks. Linked, the first failure
     * cancels the rest of the chain (the kernel completes them with -ECANCELED) and the caller sees ENOSPC. Unlinked,
     * the second write would fail with ENOSPC on its own and the fsync would run, so nothing would be cancelled.
     */
    @Test
    void shouldFailTheChainWithTheFirstRealErrorAndCancelTheRest() throws IOException {
        assumeTrue(Files.isWritable(Path.of("/dev/full")), "no /dev/full");
        UringIO io = newIO(16, false);
        try (DatabaseFile f = io.openFile("/dev/full", OpenFlags.READ_WRITE_EXISTING)) {
            long before = io.stats().linkCancelled();
            int[] callbacks = new int[1];
            Completion c =
                    f.pwriteBatchAndSync(positions(0, 1, 2), pages(3, 5), new Completion(done -> callbacks[0]++));
            assertEquals(-Errno.ENOSPC, await(io, c));
            assertEquals(1, callbacks[0]);
            assertEquals(before + 3, io.stats().linkCancelled(), "the later writes and the fsync were cancelled");
            assertEquals(1, io.stats().linkedChains());
            assertEquals(4, io.stats().ringOps(), "three writes and the fsync went into the ring");
            assertEquals(false, io.hasInFlight());
        }
    }

    @Test
    void shouldFallBackToThePortableChainWhenTheBatchExceedsTheQueueDepth() throws IOException {
        UringIO io = newIO(4, false);
        try (DatabaseFile f = io.openFile(path("big.db"), OpenFlags.READ_WRITE_CREATE)) {
            long[] positions = positions(9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
            MemorySegment[] bufs = pages(10, 30);
            int[] callbacks = new int[1];
            Completion c = f.pwriteBatchAndSync(positions, bufs, new Completion(done -> callbacks[0]++));
            assertEquals(10 * PAGE, await(io, c));
            assertEquals(1, callbacks[0]);
            assertEquals(0, io.stats().linkedChains(), "eleven SQEs do not fit four slots");
            assertEquals(10L * PAGE, f.size());
            assertPages(io, f, positions, bufs);
            // A batch that fits (three writes and the sync in four slots) is linked again.
            assertEquals(3 * PAGE, await(io, f.pwriteBatchAndSync(positions(0, 1, 2), pages(3, 50), new Completion())));
            assertEquals(1, io.stats().linkedChains());
        }
    }

    @Test
    void shouldFallBackWhenEarlierRequestsOverflow() throws IOException {
        UringIO io = newIO(4, false);
        try (DatabaseFile f = io.openFile(path("busy.db"), OpenFlags.READ_WRITE_CREATE)) {
            Completion[] writes = new Completion[6];
            for (int i = 0; i < writes.length; i++) {
                writes[i] = f.pwrite((long) i * PAGE, pattern(PAGE, i), new Completion());
            }
            long[] positions = positions(6, 7);
            MemorySegment[] bufs = pages(2, 70);
            Completion c = f.pwriteBatchAndSync(positions, bufs, new Completion());
            assertEquals(2 * PAGE, await(io, c));
            for (Completion w : writes) {
                assertEquals(PAGE, await(io, w));
            }
            assertEquals(0, io.stats().linkedChains(), "slots were taken: the portable chain ran");
            assertPages(io, f, positions, bufs);
        }
    }

    @Test
    void shouldLinkFromAnotherThreadAndRunTheCallbackOnTheStepper() throws Exception {
        UringIO io = newIO(16, false);
        try (DatabaseFile f = io.openFile(path("thread.db"), OpenFlags.READ_WRITE_CREATE)) {
            long[] positions = positions(0, 1);
            MemorySegment[] bufs = pages(2, 90);
            AtomicReference<Thread> callbackThread = new AtomicReference<>();
            AtomicReference<Completion> submitted = new AtomicReference<>();
            // The submitting thread stays alive until the chain finished: the kernel cancels the io-wq work of a
            // task that exits (the fsync would end with -ECANCELED), see io-uring/README.md "Known limits".
            CountDownLatch chainDone = new CountDownLatch(1);
            CountDownLatch chainSubmitted = new CountDownLatch(1);
            Thread t = new Thread(() -> {
                submitted.set(f.pwriteBatchAndSync(
                        positions, bufs, new Completion(done -> callbackThread.set(Thread.currentThread()))));
                chainSubmitted.countDown();
                try {
                    chainDone.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.start();
            chainSubmitted.await();
            try {
                assertEquals(2 * PAGE, await(io, submitted.get()));
            } finally {
                chainDone.countDown();
                t.join();
            }
            assertSame(Thread.currentThread(), callbackThread.get(), "the callback ran on the stepping thread");
            assertEquals(1, io.stats().linkedChains(), "the lease was free: the other thread issued the chain");
            assertPages(io, f, positions, bufs);
        }
    }

    @Test
    void shouldFallBackWhileAnotherThreadSteps() throws Exception {
        UringIO io = newIO(16, false);
        try (DatabaseFile f = io.openFile(path("stepping.db"), OpenFlags.READ_WRITE_CREATE)) {
            long[] positions = positions(0, 1);
            MemorySegment[] bufs = pages(2, 95);
            AtomicReference<Thread> callbackThread = new AtomicReference<>();
            // A callback on the stepping thread holds the lease while the other thread submits, so the chain
            // cannot be issued there and must take the hand-off (portable) path.
            Completion gate = new Completion(done -> {
                Thread t = new Thread(() -> f.pwriteBatchAndSync(
                        positions, bufs, new Completion(c -> callbackThread.set(Thread.currentThread()))));
                t.start();
                try {
                    t.join();
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
            });
            assertEquals(PAGE, await(io, f.pwrite(5L * PAGE, pattern(PAGE, 1), gate)));
            while (callbackThread.get() == null) {
                io.step(STEP_NANOS);
            }
            assertSame(Thread.currentThread(), callbackThread.get());
            assertEquals(0, io.stats().linkedChains());
            assertPages(io, f, positions, bufs);
        }
    }

    @Test
    void shouldRejectBadArgumentsBeforeAnySqe() throws IOException {
        UringIO io = newIO(16, false);
        String p = path("args.db");
        try (DatabaseFile f = io.openFile(p, OpenFlags.READ_WRITE_CREATE)) {
            long ops = io.stats().ringOps();
            assertEquals(-Errno.EINVAL, await(io, f.pwriteBatchAndSync(positions(0), pages(2, 1), new Completion())));
            assertEquals(
                    -Errno.EINVAL,
                    await(io, f.pwriteBatchAndSync(new long[] {0, -PAGE}, pages(2, 1), new Completion())));
            MemorySegment freed;
            try (Arena gone = Arena.ofConfined()) {
                freed = gone.allocate(PAGE);
            }
            assertEquals(
                    -Errno.EFAULT,
                    await(
                            io,
                            f.pwriteBatchAndSync(
                                    positions(0, 1), new MemorySegment[] {pattern(PAGE, 1), freed}, new Completion())));
            assertEquals(ops, io.stats().ringOps(), "no SQE for a rejected chain");
        }
        try (DatabaseFile ro = io.openFile(p, OpenFlags.READ_ONLY_EXISTING)) {
            assertEquals(-Errno.EBADF, await(io, ro.pwriteBatchAndSync(positions(0), pages(1, 1), new Completion())));
        }
        DatabaseFile closed = io.openFile(p, OpenFlags.READ_WRITE_EXISTING);
        closed.close();
        assertEquals(-Errno.EBADF, await(io, closed.pwriteBatchAndSync(positions(0), pages(1, 1), new Completion())));
        OpenFlags direct = OpenFlags.READ_WRITE_CREATE.with(OpenFlags.DIRECT);
        try (DatabaseFile d = io.openFile(path("direct.db"), direct)) {
            MemorySegment misaligned = buffer(2 * PAGE).asSlice(1, PAGE);
            assertEquals(
                    -Errno.EINVAL,
                    await(io, d.pwriteBatchAndSync(positions(0), new MemorySegment[] {misaligned}, new Completion())));
            MemorySegment[] bufs = pages(2, 3);
            assertEquals(2 * PAGE, await(io, d.pwriteBatchAndSync(positions(0, 1), bufs, new Completion())));
            assertEquals(1, io.stats().linkedChains());
        }
        assertEquals(0, io.stats().linkCancelled());
    }
}
