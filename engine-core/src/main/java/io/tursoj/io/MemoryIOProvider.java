package io.tursoj.io;

/** Registers {@link MemoryIO} as the {@code memory} backend (always available; never a default for file databases, which must reach the disk). */
public final class MemoryIOProvider implements IOProvider {
    @Override
    public String name() {
        return "memory";
    }

    @Override
    public int priority() {
        return 0;
    }

    @Override
    public Availability probe() {
        return Availability.yes("in-process memory, no files on disk");
    }

    @Override
    public IO create(IOOptions options) {
        return new MemoryIO(
                Clock.SYSTEM, options.seed() != 0 ? RandomSource.seeded(options.seed()) : RandomSource.system());
    }
}
