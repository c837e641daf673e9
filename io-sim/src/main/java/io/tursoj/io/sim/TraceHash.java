package io.tursoj.io.sim;

/**
 * A running 64-bit FNV-1a hash over every event of a simulated run (operation kind, file, offset, length, result,
 * virtual completion time, crash outcomes). Two runs with the same seed, profile and workload end with the same
 * value, bit for bit; any divergence in order, timing, result or fault changes it.
 */
final class TraceHash {
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private long hash = FNV_OFFSET_BASIS;
    private long events;

    /** Mixes one event of up to six fields; unused fields are passed as 0. */
    void event(long kind, long file, long offset, long length, long result, long timeNanos) {
        mix(kind);
        mix(file);
        mix(offset);
        mix(length);
        mix(result);
        mix(timeNanos);
        events++;
    }

    private void mix(long value) {
        long h = hash;
        for (int shift = 0; shift < 64; shift += 8) {
            h ^= (value >>> shift) & 0xff;
            h *= FNV_PRIME;
        }
        hash = h;
    }

    long value() {
        return hash;
    }

    long events() {
        return events;
    }
}
