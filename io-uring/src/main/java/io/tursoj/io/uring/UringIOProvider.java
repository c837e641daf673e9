package io.tursoj.io.uring;

import io.tursoj.io.IO;
import io.tursoj.io.IOOptions;
import io.tursoj.io.IOProvider;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Registers {@link UringIO} as the {@code uring} backend, the default (priority 100) wherever the probe passes. */
public final class UringIOProvider implements IOProvider {
    @Override
    public String name() {
        return "uring";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public Availability probe() {
        Capabilities c = Capabilities.get();
        return c.available() ? Availability.yes(c.reason()) : Availability.no(c.reason());
    }

    @Override
    public IO create(IOOptions options) {
        Capabilities c = Capabilities.get();
        if (!c.available()) {
            throw new IllegalStateException("io_uring is unavailable: " + c.reason());
        }
        try {
            return new UringIO(options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot set up an io_uring instance", e);
        }
    }
}
