package io.tursoj.io.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.Errno;
import io.tursoj.io.OpenFlags;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Single issuer, many submitters: hand-off to the stepping thread, its wake-up, and the overflow queue. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CrossThreadTest extends UringTestSupport {

    /** Runs {@code action} on a new thread and waits for it. */
    private static void onOtherThread(ThrowingRunnable action) {
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                action.run();
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
        if (failure.get() != null) {
            throw new AssertionError("other thread failed", failure.get());
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    private UringIO newIO(boolean agrona) throws IOException {
        return newIO(new UringIO.Config(16, true, true, agrona, 1, TimeUnit.MILLISECONDS.toNanos(100)));
    }

    @ParameterizedTest(name = "agrona={0}")
    @ValueSource(booleans = {true, false})
    void shouldHandOverToTheIssuerWhileItIsBusy(boolean agrona) throws IOException {
        UringIO io = newIO(agrona);
        DatabaseFile f = io.openFile(path("handoff.db"), OpenFlags.READ_WRITE_CREATE);
        toClose.add(f);
        Thread owner = Thread.currentThread();
        MemorySegment data = pattern(4096, 9);
        List<Thread> ranOn = new ArrayList<>();
        Completion handedWrite = new Completion(c -> ranOn.add(Thread.currentThread()));
        Completion handedError = new Completion(c -> ranOn.add(Thread.currentThread()));
        // The callback runs on the issuer, holding the lease: a submission from another thread now must queue.
        Completion trigger = new Completion(c -> onOtherThread(() -> {
            f.pwrite(0, data, handedWrite);
            f.pread(-1, buffer(512), handedError);
            assertFalse(handedWrite.isDone(), "queued for the issuer, not run here");
            assertFalse(handedError.isDone(), "even an argument error waits for the issuer's thread");
        }));
        long handedBefore = io.stats().handedOff();
        await(io, f.pwrite(8192, pattern(512, 1), trigger));
        assertTrue(io.hasInFlight(), "queued requests count as in flight");
        assertEquals(4096, await(io, handedWrite));
        assertEquals(-Errno.EINVAL, await(io, handedError));
        assertEquals(List.of(owner, owner), ranOn, "callbacks ran on the stepping thread");
        assertEquals(handedBefore + 2, io.stats().handedOff());
        MemorySegment in = buffer(4096);
        assertEquals(4096, await(io, f.pread(0, in, new Completion())));
        assertSameBytes(data, in);
    }

    @ParameterizedTest(name = "agrona={0}")
    @ValueSource(booleans = {true, false})
    void shouldFinishEverySubmissionFromManyThreadsWhileTheOwnerSteps(boolean agrona) throws Exception {
        UringIO io = newIO(agrona);
        DatabaseFile f = io.openFile(path("many.db"), OpenFlags.READ_WRITE_CREATE);
        toClose.add(f);
        int threads = 4;
        int perThread = 150;
        Thread owner = Thread.currentThread();
        AtomicInteger inCallback = new AtomicInteger();
        AtomicInteger finished = new AtomicInteger();
        Set<Thread> callbackThreads = ConcurrentHashMap.newKeySet();
        List<Completion> all = java.util.Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> producers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread p = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    int page = id * perThread + i;
                    Completion c = new Completion(done -> {
                        assertEquals(1, inCallback.incrementAndGet(), "callbacks never overlap");
                        callbackThreads.add(Thread.currentThread());
                        finished.incrementAndGet();
                        inCallback.decrementAndGet();
                    });
                    all.add(c);
                    f.pwrite(page * 512L, pattern(512, page), c);
                }
            });
            p.start();
            producers.add(p);
        }
        start.countDown();
        while (finished.get() < threads * perThread) {
            io.step(STEP_NANOS);
        }
        for (Thread p : producers) {
            p.join();
        }
        assertFalse(io.hasInFlight());
        for (Completion c : all) {
            assertEquals(512, c.result());
        }
        assertTrue(callbackThreads.contains(owner));
        for (int page = 0; page < threads * perThread; page++) {
            MemorySegment in = buffer(512);
            assertEquals(512, await(io, f.pread(page * 512L, in, new Completion())));
            assertSameBytes(pattern(512, page), in);
        }
    }

    @ParameterizedTest(name = "agrona={0}")
    @ValueSource(booleans = {true, false})
    void shouldWakeAStepperSleepingInTheKernelWhenAnotherThreadSubmits(boolean agrona) throws Exception {
        // A short close drain: the fifo read below never finishes, so closing the IO cancels it.
        UringIO io = newIO(agrona);
        DatabaseFile fifo = openFifo(io, "wake.fifo");
        Completion parked = fifo.pread(0, buffer(8), new Completion()); // never finishes until the fifo is written
        DatabaseFile f = io.openFile(path("wake.db"), OpenFlags.READ_WRITE_CREATE);
        toClose.add(f);
        Completion write = new Completion();
        Thread producer = new Thread(() -> f.pwrite(0, pattern(4096, 4), write));
        io.step(0); // submits the fifo read: from now on each step sleeps in the kernel
        producer.start();
        int steps = 0;
        while (!write.isDone()) {
            io.step(TimeUnit.SECONDS.toNanos(60)); // without the eventfd wake-up this would sleep a minute
            steps++;
        }
        producer.join();
        assertEquals(4096, write.result());
        assertTrue(steps >= 1);
        assertFalse(parked.isDone());
        fifo.close();
    }

    @Test
    void shouldWakeASleepingStepperAndCancelWhatNeverFinishesOnClose() throws Exception {
        UringIO io = newIO(new UringIO.Config(8, true, true, true, 1, TimeUnit.MILLISECONDS.toNanos(100)));
        DatabaseFile fifo = openFifo(io, "close.fifo");
        Completion parked = fifo.pread(0, buffer(8), new Completion());
        io.step(0);
        AtomicReference<Throwable> ownerEnd = new AtomicReference<>();
        CountDownLatch stepping = new CountDownLatch(1);
        Thread owner = new Thread(() -> {
            stepping.countDown();
            try {
                while (true) {
                    io.step(TimeUnit.SECONDS.toNanos(60));
                }
            } catch (Throwable e) {
                ownerEnd.set(e);
            }
        });
        owner.start();
        stepping.await();
        io.close(); // must wake the owner, wait 100 ms for the fifo read, then cancel it
        owner.join();
        assertTrue(ownerEnd.get() instanceof IllegalStateException, "step after close: " + ownerEnd.get());
        assertEquals(-Errno.ECANCELED, parked.result());
        assertFalse(io.hasInFlight());
    }

    @Test
    void shouldQueueBeyondTheSlotsAndFinishEverything() throws IOException {
        UringIO io = newIO(4, false);
        try (DatabaseFile f = io.openFile(path("overflow.db"), OpenFlags.READ_WRITE_CREATE)) {
            int n = 100;
            List<Completion> writes = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                writes.add(f.pwrite(i * 1024L, pattern(1024, i), new Completion()));
            }
            writes.add(f.pwritev(n * 1024L, new MemorySegment[] {pattern(512, 1), pattern(512, 2)}, new Completion()));
            assertTrue(io.stats().overflowed() >= n - 4, "more operations than slots wait in the overflow queue");
            for (Completion c : writes) {
                assertTrue(await(io, c) > 0);
            }
            List<Completion> reads = new ArrayList<>();
            List<MemorySegment> bufs = new ArrayList<>();
            for (int i = n - 1; i >= 0; i--) {
                MemorySegment b = buffer(1024);
                bufs.add(b);
                reads.add(f.pread(i * 1024L, b, new Completion()));
            }
            while (io.hasInFlight()) {
                io.step(STEP_NANOS);
            }
            for (int k = 0; k < n; k++) {
                assertEquals(1024, reads.get(k).result());
                assertSameBytes(pattern(1024, n - 1 - k), bufs.get(k));
            }
            assertEquals((n + 1) * 1024L, f.size());
        }
    }

    private DatabaseFile openFifo(UringIO io, String name) throws Exception {
        String p = path(name);
        Process mk = new ProcessBuilder("mkfifo", p).inheritIO().start();
        assertEquals(0, mk.waitFor());
        DatabaseFile fifo = io.openFile(p, OpenFlags.READ_WRITE_EXISTING); // O_RDWR: opening does not block
        assertNotNull(fifo);
        return fifo;
    }
}
