package io.tursoj.function;

import io.tursoj.vdbe.value.Register;

/**
 * A scalar SQL function. It reads its arguments from registers and writes its result into {@code result}; it must
 * not keep references to either after returning. {@code result} is never one of {@code args} (the VDBE guarantees it,
 * as SQLite does), so a function may build its result in place while still reading its arguments. Errors are thrown
 * as {@link io.tursoj.vdbe.value.EvaluationException} with SQLite's message.
 */
@FunctionalInterface
public interface ScalarFunction {
    void invoke(FunctionContext ctx, Register[] args, Register result);
}
