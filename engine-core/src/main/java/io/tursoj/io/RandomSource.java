package io.tursoj.io;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * Randomness, as the engine sees it: WAL salts, {@code random()}, temporary names. Reached only through
 * {@link IO#random()} so that one seed drives a whole simulated run.
 */
public interface RandomSource {
    long nextLong();

    /** Uniform in {@code [0, bound)}. */
    default int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) Long.remainderUnsigned(nextLong(), bound);
    }

    /** Fills {@code dst} with random bytes. */
    default void fill(MemorySegment dst) {
        long n = dst.byteSize();
        long i = 0;
        for (; i + 8 <= n; i += 8) {
            dst.set(ValueLayout.JAVA_LONG_UNALIGNED, i, nextLong());
        }
        if (i < n) {
            long v = nextLong();
            for (; i < n; i++, v >>>= 8) {
                dst.set(ValueLayout.JAVA_BYTE, i, (byte) v);
            }
        }
    }

    /** A deterministic generator (L64X128MixRandom) seeded with {@code seed}: the same seed, the same sequence. */
    static RandomSource seeded(long seed) {
        RandomGenerator g = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        return g::nextLong;
    }

    /** A generator seeded from the operating system's entropy, for real backends. */
    static RandomSource system() {
        return seeded(new SecureRandom().nextLong());
    }
}
