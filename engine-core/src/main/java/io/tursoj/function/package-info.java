/**
 * SQL functions: the function table ({@link io.tursoj.function.FunctionRegistry}, SQLite's lookup and arity rules and
 * error texts), scalar functions ({@link io.tursoj.function.ScalarFunction}) and aggregates
 * ({@link io.tursoj.function.AggregateFunction} producing {@link io.tursoj.function.Accumulator}s), and the
 * {@link io.tursoj.function.FunctionContext} through which a function reaches the engine (change counters,
 * randomness from {@code IO.random()}, the call's collation, a scratch buffer).
 *
 * <p>For {@code OP_Function}, the code generator resolves the {@link io.tursoj.function.FunctionDef} once and the VDBE
 * builds the argument array once per call site (registers are stable cells), so a call allocates nothing. Entries
 * flagged {@link io.tursoj.function.FunctionDef#INLINE} ({@code coalesce}, {@code ifnull}, {@code iif}/{@code if},
 * {@code likely}, {@code unlikely}, {@code likelihood}) should be compiled to code that evaluates only the arguments
 * it needs, as SQLite does; their implementations here evaluate eagerly and serve as a fallback.
 *
 * <p>The built-ins live in {@code scalar} (core scalar functions, printf), {@code math} and {@code aggregate}.
 */
package io.tursoj.function;
