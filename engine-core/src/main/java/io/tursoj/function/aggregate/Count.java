package io.tursoj.function.aggregate;

import io.tursoj.function.Accumulator;
import io.tursoj.function.FunctionContext;
import io.tursoj.vdbe.value.Register;

/** {@code count(*)} (no argument: every row) and {@code count(X)} (rows where X is not NULL). */
final class Count implements Accumulator {
    private long n;

    @Override
    public boolean step(FunctionContext ctx, Register[] args) {
        if (args.length == 0 || !args[0].isNull()) {
            n++;
        }
        return true;
    }

    @Override
    public void inverse(FunctionContext ctx, Register[] args) {
        if (args.length == 0 || !args[0].isNull()) {
            n--;
        }
    }

    @Override
    public boolean hasInverse() {
        return true;
    }

    @Override
    public void finish(FunctionContext ctx, Register result) {
        result.setLong(n);
    }

    @Override
    public void reset() {
        n = 0;
    }
}
