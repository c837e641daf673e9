package io.tursoj.io.sim;

/**
 * A change to a simulated file that completed but may not be durable yet: it sits in its file's unsynced list until a
 * sync covers it, and a crash decides per sector whether it reached the disk.
 */
sealed interface Mutation permits Mutation.Write, Mutation.Truncate {

    void applyTo(SimImage image);

    /** {@code data} written at {@code pos}; the array is the simulator's own copy. */
    record Write(long pos, byte[] data) implements Mutation {
        @Override
        public void applyTo(SimImage image) {
            image.write(pos, data, 0, data.length);
        }
    }

    record Truncate(long length) implements Mutation {
        @Override
        public void applyTo(SimImage image) {
            image.truncate(length);
        }
    }
}
