package io.tursoj.io.uring;

import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.EventPoller;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

/**
 * A timing harness (not a unit test) that chose the cross-thread hand-off queue of {@link UringIO}: several producer
 * threads hand requests (five fields, like a pread) to one consumer that drains them in batches, as
 * {@link UringIO#step} does. Compares Agrona's {@code ManyToOneConcurrentArrayQueue} (one request object allocated
 * per hand-off, since the queue carries references) with LMAX Disruptor's multi-producer {@code RingBuffer} (events
 * preallocated and filled in place, drained through an {@code EventPoller}).
 *
 * <p>Run: {@code java -cp <test classpath> io.tursoj.io.uring.HandOffBench [producers] [opsPerProducer] [rounds]}.
 * Prints hand-offs per second for each queue, rounds interleaved so machine noise hits both alike.
 */
public final class HandOffBench {
    private static final int CAPACITY = 1024;
    private static final boolean CLEAR = !Boolean.getBoolean("noclear");

    /** What a producer hands over; mutable so the Disruptor can reuse it. */
    static final class Req {
        int op;
        Object file;
        long pos;
        Object buf;
        Object completion;
    }

    interface Queue {
        void offer(int op, Object file, long pos, Object buf, Object completion);

        /** Drains what is there; returns how many, adding their positions to sum[0]. */
        int drain(long[] sum);
    }

    static final class AgronaQueue implements Queue {
        private final ManyToOneConcurrentArrayQueue<Req> q = new ManyToOneConcurrentArrayQueue<>(CAPACITY);

        @Override
        public void offer(int op, Object file, long pos, Object buf, Object completion) {
            Req r = new Req();
            r.op = op;
            r.file = file;
            r.pos = pos;
            r.buf = buf;
            r.completion = completion;
            while (!q.offer(r)) {
                Thread.yield(); // not onSpinWait: on 2 vCPUs spinning producers starve the consumer
            }
        }

        @Override
        public int drain(long[] sum) {
            return q.drain(r -> sum[0] += r.pos + r.op, CAPACITY);
        }
    }

    static final class DisruptorQueue implements Queue {
        // No thread ever waits on the wait strategy (the consumer polls), so use one whose signal is free:
        // the default BlockingWaitStrategy takes a lock and notifies on every publish.
        private final RingBuffer<Req> ring =
                RingBuffer.createMultiProducer(Req::new, CAPACITY, new BusySpinWaitStrategy());
        private final EventPoller<Req> poller = ring.newPoller();
        private long[] target;
        private int drained;
        private final EventPoller.Handler<Req> handler = (r, seq, end) -> {
            target[0] += r.pos + r.op;
            if (CLEAR) {
                r.file = null;
                r.buf = null;
                r.completion = null;
            }
            drained++;
            return true;
        };

        DisruptorQueue() {
            ring.addGatingSequences(poller.getSequence());
        }

        @Override
        public void offer(int op, Object file, long pos, Object buf, Object completion) {
            long seq;
            while (true) {
                if (!ring.hasAvailableCapacity(1)) { // avoid throwing InsufficientCapacityException in a loop
                    Thread.yield();
                    continue;
                }
                try {
                    seq = ring.tryNext();
                    break;
                } catch (InsufficientCapacityException full) {
                    Thread.onSpinWait();
                }
            }
            Req r = ring.get(seq);
            r.op = op;
            r.file = file;
            r.pos = pos;
            r.buf = buf;
            r.completion = completion;
            ring.publish(seq);
        }

        @Override
        public int drain(long[] sum) {
            target = sum;
            drained = 0;
            try {
                poller.poll(handler);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return drained;
        }
    }

    private HandOffBench() {}

    static double run(Queue q, int producers, int opsPerProducer) throws InterruptedException {
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        Object file = new Object();
        Object buf = new Object();
        Object completion = new Object();
        for (int p = 0; p < producers; p++) {
            Thread t = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < opsPerProducer; i++) {
                    q.offer(1, file, i, buf, completion);
                }
            });
            t.start();
            threads.add(t);
        }
        long total = (long) producers * opsPerProducer;
        long[] sum = new long[1];
        long t0 = System.nanoTime();
        start.countDown();
        long seen = 0;
        while (seen < total) {
            int n = q.drain(sum);
            if (n == 0) {
                Thread.yield();
            }
            seen += n;
        }
        long elapsed = System.nanoTime() - t0;
        for (Thread t : threads) {
            t.join();
        }
        long expected = producers * ((long) opsPerProducer * (opsPerProducer - 1) / 2 + opsPerProducer);
        if (sum[0] != expected) {
            throw new AssertionError("lost or duplicated hand-offs: " + sum[0] + " != " + expected);
        }
        return total * 1e9 / elapsed;
    }

    public static void main(String[] args) throws InterruptedException {
        int producers = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int ops = args.length > 1 ? Integer.parseInt(args[1]) : 2_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 7;
        for (int warm = 0; warm < 2; warm++) {
            run(new AgronaQueue(), producers, ops / 4);
            run(new DisruptorQueue(), producers, ops / 4);
        }
        double[] agrona = new double[rounds];
        double[] disruptor = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            agrona[r] = run(new AgronaQueue(), producers, ops);
            disruptor[r] = run(new DisruptorQueue(), producers, ops);
            System.out.printf(
                    "round %d: agrona %.2f M/s, disruptor %.2f M/s%n", r, agrona[r] / 1e6, disruptor[r] / 1e6);
        }
        java.util.Arrays.sort(agrona);
        java.util.Arrays.sort(disruptor);
        System.out.printf(
                "producers=%d ops/producer=%d median: agrona %.2f M/s (min %.2f max %.2f), disruptor %.2f M/s (min %.2f max %.2f)%n",
                producers,
                ops,
                agrona[rounds / 2] / 1e6,
                agrona[0] / 1e6,
                agrona[rounds - 1] / 1e6,
                disruptor[rounds / 2] / 1e6,
                disruptor[0] / 1e6,
                disruptor[rounds - 1] / 1e6);
    }
}
