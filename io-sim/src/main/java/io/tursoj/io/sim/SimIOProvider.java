package io.tursoj.io.sim;

import io.tursoj.io.IO;
import io.tursoj.io.IOOptions;
import io.tursoj.io.IOProvider;

/**
 * Registers {@link SimIO} as the {@code sim} backend: only when asked for by name (priority 0), on a fresh
 * {@link SimDisk}, seeded with {@link IOOptions#seed()}, without faults. Tests that need faults, crashes or a
 * shared disk construct {@code SimIO} directly.
 */
public final class SimIOProvider implements IOProvider {
    @Override
    public String name() {
        return "sim";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability probe() {
        return Availability.yes("deterministic simulator (virtual time, seeded faults)");
    }

    @Override
    public IO create(IOOptions options) {
        return new SimIO(new SimDisk(), options.seed(), FaultProfile.NONE, LatencyProfile.DEFAULT);
    }
}
