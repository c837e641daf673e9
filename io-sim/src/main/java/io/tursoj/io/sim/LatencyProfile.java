package io.tursoj.io.sim;

/**
 * How long each kind of simulated operation takes, in {@link SimClock} ticks, drawn uniformly from a range by the
 * seeded generator. Overlapping ranges are what make operations in flight finish out of submission order.
 *
 * @param read preads
 * @param write pwrites and pwritevs
 * @param sync fsync and fdatasync
 * @param truncate truncates
 */
public record LatencyProfile(TickRange read, TickRange write, TickRange sync, TickRange truncate) {

    /** A closed range {@code [minTicks, maxTicks]} of latencies. */
    public record TickRange(long minTicks, long maxTicks) {
        public TickRange {
            if (minTicks < 0 || maxTicks < minTicks) {
                throw new IllegalArgumentException("need 0 <= minTicks <= maxTicks: " + minTicks + ".." + maxTicks);
            }
        }

        @Override
        public String toString() {
            return minTicks + ".." + maxTicks;
        }
    }

    /** SSD-like: reads 5-100 µs, writes 10-200 µs, syncs 0.1-2 ms, truncates 20-300 µs. */
    public static final LatencyProfile DEFAULT = new LatencyProfile(
            new TickRange(5, 100), new TickRange(10, 200), new TickRange(100, 2000), new TickRange(20, 300));

    /** Every operation takes exactly one tick, so completions finish in submission order. */
    public static final LatencyProfile FIFO =
            new LatencyProfile(new TickRange(1, 1), new TickRange(1, 1), new TickRange(1, 1), new TickRange(1, 1));

    public LatencyProfile {
        if (read == null || write == null || sync == null || truncate == null) {
            throw new NullPointerException("every operation kind needs a latency range");
        }
    }

    @Override
    public String toString() {
        return "latency[read=" + read + " write=" + write + " sync=" + sync + " truncate=" + truncate + " ticks]";
    }
}
