package io.tursoj.io.uring;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.function.Consumer;
import org.agrona.concurrent.ManyToOneConcurrentArrayQueue;

/**
 * The bounded many-producer, one-consumer queue through which threads that are not the issuer hand requests to it.
 * {@link #offer} never blocks: when the queue is full it returns false and the caller spills the request elsewhere.
 *
 * <p>Agrona's {@code ManyToOneConcurrentArrayQueue} was measured against LMAX Disruptor's multi-producer ring
 * buffer (io-uring's {@code HandOffBench}) and was faster, so it is the default. Agrona 2 reaches
 * {@code jdk.internal.misc.Unsafe}, which the JVM exports to it only with
 * {@code --add-exports java.base/jdk.internal.misc=ALL-UNNAMED}; without that flag the backend falls back to the
 * JDK's {@link ArrayBlockingQueue} (a lock per operation, used without blocking) instead of giving up io_uring.
 */
interface HandOff {
    boolean offer(Request r);

    /** Passes up to {@code limit} queued requests to {@code sink}, oldest first; returns how many. */
    int drain(Consumer<Request> sink, int limit);

    boolean isEmpty();

    /** Agrona's queue when this JVM lets it work, else the JDK fallback. */
    static HandOff create(int capacity, boolean preferAgrona) {
        if (preferAgrona && agronaUsable()) {
            return new Agrona(capacity);
        }
        return new Jdk(capacity);
    }

    /** Whether Agrona's queues can reach {@code jdk.internal.misc.Unsafe} in this JVM. */
    static boolean agronaUsable() {
        return AgronaProbe.USABLE;
    }

    /** Agrona's lock-free many-to-one array queue. */
    final class Agrona implements HandOff {
        private final ManyToOneConcurrentArrayQueue<Request> queue;

        Agrona(int capacity) {
            queue = new ManyToOneConcurrentArrayQueue<>(capacity);
        }

        @Override
        public boolean offer(Request r) {
            return queue.offer(r);
        }

        @Override
        public int drain(Consumer<Request> sink, int limit) {
            return queue.drain(sink, limit);
        }

        @Override
        public boolean isEmpty() {
            return queue.isEmpty();
        }
    }

    /** The JDK's bounded array queue, never waited on. */
    final class Jdk implements HandOff {
        private final ArrayBlockingQueue<Request> queue;

        Jdk(int capacity) {
            queue = new ArrayBlockingQueue<>(capacity);
        }

        @Override
        public boolean offer(Request r) {
            return queue.offer(r);
        }

        @Override
        public int drain(Consumer<Request> sink, int limit) {
            int n = 0;
            Request r;
            while (n < limit && (r = queue.poll()) != null) {
                sink.accept(r);
                n++;
            }
            return n;
        }

        @Override
        public boolean isEmpty() {
            return queue.isEmpty();
        }
    }

    /** Tries Agrona once per JVM. */
    final class AgronaProbe {
        static final boolean USABLE = probe();

        private AgronaProbe() {}

        private static boolean probe() {
            try {
                return new ManyToOneConcurrentArrayQueue<Object>(2).offer("probe");
            } catch (LinkageError e) {
                return false;
            }
        }
    }
}
