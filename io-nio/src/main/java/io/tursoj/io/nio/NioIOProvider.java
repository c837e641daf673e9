package io.tursoj.io.nio;

import io.tursoj.io.IO;
import io.tursoj.io.IOOptions;
import io.tursoj.io.IOProvider;

/**
 * Registers {@link NioIO} as the {@code nio} backend. It needs nothing beyond the JDK, so it is always available
 * and is the default wherever io_uring is not.
 */
public final class NioIOProvider implements IOProvider {
    public static final int PRIORITY = 50;

    @Override
    public String name() {
        return "nio";
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    @Override
    public Availability probe() {
        return Availability.yes("java.nio AsynchronousFileChannel (blocking transfers on a worker pool)");
    }

    @Override
    public IO create(IOOptions options) {
        return new NioIO(options);
    }
}
