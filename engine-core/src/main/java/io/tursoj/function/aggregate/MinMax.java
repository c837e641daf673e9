package io.tursoj.function.aggregate;

import io.tursoj.function.Accumulator;
import io.tursoj.function.FunctionContext;
import io.tursoj.vdbe.value.Compare;
import io.tursoj.vdbe.value.Register;

/**
 * The {@code min(X)} and {@code max(X)} aggregates: the smallest (largest) non-NULL value by {@code sqlite3MemCompare}
 * with the call's collation, NULL when there is none. {@link #step} reports whether the row's bare columns should be
 * loaded: yes when the row became the new extreme, and (as in SQLite) for a NULL row while no value has been seen.
 */
final class MinMax implements Accumulator {
    private final boolean max;
    private final Register best = new Register();
    private boolean hasValue;

    MinMax(boolean max) {
        this.max = max;
    }

    @Override
    public boolean step(FunctionContext ctx, Register[] args) {
        Register x = args[0];
        if (x.isNull()) {
            return !hasValue;
        }
        if (hasValue) {
            int cmp = Compare.compare(best, x, ctx.collation());
            if (max ? cmp < 0 : cmp > 0) {
                best.copyFrom(x);
                return true;
            }
            return false;
        }
        best.copyFrom(x);
        hasValue = true;
        return true;
    }

    @Override
    public void finish(FunctionContext ctx, Register result) {
        if (hasValue) {
            result.copyFrom(best);
        } else {
            result.setNull();
        }
    }

    @Override
    public void reset() {
        hasValue = false;
        best.setNull();
    }
}
