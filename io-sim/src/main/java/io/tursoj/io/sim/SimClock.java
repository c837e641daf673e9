package io.tursoj.io.sim;

import io.tursoj.io.Clock;

/**
 * Virtual time for a {@link SimIO}: it moves only when the simulator advances it (to the next due completion, or
 * by a step's wait when nothing is in flight), never with the wall clock, so a run replays bit for bit.
 *
 * <p>Latencies are drawn in ticks of {@link #NANOS_PER_TICK}; the clock itself counts nanoseconds. Wall-clock time
 * ({@link #epochMillis()}) is a fixed origin plus the virtual time, so dates the engine writes are reproducible too.
 */
public final class SimClock implements Clock {
    /** One latency tick: a microsecond of virtual time. */
    public static final long NANOS_PER_TICK = 1_000;

    /** {@link #epochMillis()} at virtual time zero: 2024-01-01T00:00:00Z. */
    public static final long EPOCH_ORIGIN_MILLIS = 1_704_067_200_000L;

    private volatile long nowNanos;

    SimClock(long startNanos) {
        if (startNanos < 0) {
            throw new IllegalArgumentException("start must be >= 0: " + startNanos);
        }
        this.nowNanos = startNanos;
    }

    @Override
    public long monotonicNanos() {
        return nowNanos;
    }

    @Override
    public long epochMillis() {
        return EPOCH_ORIGIN_MILLIS + nowNanos / 1_000_000;
    }

    /** The current virtual time in ticks. */
    public long ticks() {
        return nowNanos / NANOS_PER_TICK;
    }

    void advanceTo(long nanos) {
        assert nanos >= nowNanos : "virtual time never goes backwards";
        nowNanos = nanos;
    }

    void advanceBy(long nanos) {
        if (nanos > 0) {
            nowNanos = nowNanos + nanos;
        }
    }

    @Override
    public String toString() {
        return "SimClock[" + nowNanos + " ns]";
    }
}
