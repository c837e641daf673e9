package io.tursoj.io;

/**
 * Settings for a new backend instance.
 *
 * @param queueDepth how many operations may be in flight at once (io_uring's SQ entries; bounded everywhere)
 * @param seed the seed of the deterministic simulator, and of {@link IO#random()} where a backend honours it
 */
public record IOOptions(int queueDepth, long seed) {
    public static final int DEFAULT_QUEUE_DEPTH = 256;

    public IOOptions {
        if (queueDepth < 1 || queueDepth > 32768 || Integer.bitCount(queueDepth) != 1) {
            throw new IllegalArgumentException("queueDepth must be a power of two in [1, 32768]: " + queueDepth);
        }
    }

    public static IOOptions defaults() {
        return new IOOptions(DEFAULT_QUEUE_DEPTH, 0);
    }

    public IOOptions withQueueDepth(int depth) {
        return new IOOptions(depth, seed);
    }

    public IOOptions withSeed(long newSeed) {
        return new IOOptions(queueDepth, newSeed);
    }
}
