package io.tursoj.function;

/**
 * An aggregate SQL function: a factory of accumulators, one per group. DISTINCT is the caller's business (the VDBE
 * filters repeated arguments before stepping, as SQLite does with an ephemeral index).
 */
@FunctionalInterface
public interface AggregateFunction {
    Accumulator newAccumulator();
}
