package io.tursoj.testing;

import io.tursoj.function.FunctionContext;
import io.tursoj.io.RandomSource;
import io.tursoj.vdbe.value.ByteBuilder;
import io.tursoj.vdbe.value.Collation;
import io.tursoj.vdbe.value.Collations;

/** A {@link FunctionContext} for tests: fixed counters, a seeded random source, a settable collation. */
public final class TestFunctionContext implements FunctionContext {
    private final RandomSource random;
    private final ByteBuilder scratch = new ByteBuilder();
    private Collation collation = Collations.BINARY;
    public long changes = 3;
    public long totalChanges = 17;
    public long lastInsertRowid = 42;

    public TestFunctionContext(long seed) {
        random = RandomSource.seeded(seed);
    }

    public TestFunctionContext withCollation(Collation c) {
        collation = c;
        return this;
    }

    @Override
    public long changes() {
        return changes;
    }

    @Override
    public long totalChanges() {
        return totalChanges;
    }

    @Override
    public long lastInsertRowid() {
        return lastInsertRowid;
    }

    @Override
    public RandomSource random() {
        return random;
    }

    @Override
    public Collation collation() {
        return collation;
    }

    @Override
    public ByteBuilder scratch() {
        scratch.reset();
        return scratch;
    }
}
