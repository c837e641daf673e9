package io.tursoj.function;

import io.tursoj.vdbe.value.Register;

/**
 * The running state of one aggregate over one group (SQLite's aggregate context with its {@code xStep},
 * {@code xFinal}, {@code xValue} and {@code xInverse}). Accumulators are reusable: {@link #reset()} starts a new group
 * without allocating, and stepping allocates nothing per row where the function allows it.
 */
public interface Accumulator {
    /**
     * Adds one row. Returns whether the caller should load the "bare" columns of this row: min() and max() return
     * {@code false} when the row did not become the new extreme (SQLite's skip-accumulator-load flag); every other
     * aggregate returns {@code true}.
     */
    boolean step(FunctionContext ctx, Register[] args);

    /** Writes the aggregate's result for the rows stepped so far ({@code xFinal}). */
    void finish(FunctionContext ctx, Register result);

    /** The current value without ending the group ({@code xValue}, for window functions). */
    default void value(FunctionContext ctx, Register result) {
        finish(ctx, result);
    }

    /** Removes a row previously stepped ({@code xInverse}, for window frames). */
    default void inverse(FunctionContext ctx, Register[] args) {
        throw new UnsupportedOperationException("no inverse for this aggregate");
    }

    /** Whether {@link #inverse} is supported. */
    default boolean hasInverse() {
        return false;
    }

    /** Forgets every row: the accumulator is as new. */
    void reset();
}
