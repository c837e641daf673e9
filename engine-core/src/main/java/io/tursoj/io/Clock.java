package io.tursoj.io;

/**
 * Time, as the engine sees it. Everything above the backends reads time only through {@link IO#clock()}, so the
 * simulator can run a virtual clock and replay a run bit for bit.
 */
public interface Clock {
    /** Monotonic nanoseconds from an arbitrary origin; never goes backwards. */
    long monotonicNanos();

    /** Milliseconds since the Unix epoch (for date/time functions and file headers). */
    long epochMillis();

    /** The real clock of the machine. */
    Clock SYSTEM = new Clock() {
        @Override
        public long monotonicNanos() {
            return System.nanoTime();
        }

        @Override
        public long epochMillis() {
            return System.currentTimeMillis();
        }
    };
}
