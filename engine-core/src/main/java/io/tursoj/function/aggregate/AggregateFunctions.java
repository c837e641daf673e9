package io.tursoj.function.aggregate;

import static io.tursoj.function.FunctionDef.COUNT;
import static io.tursoj.function.FunctionDef.DETERMINISTIC;
import static io.tursoj.function.FunctionDef.MIN_MAX;
import static io.tursoj.function.FunctionDef.NEEDS_COLLATION;
import static io.tursoj.function.FunctionDef.aggregate;

import io.tursoj.function.FunctionDef;
import java.util.function.Consumer;

/** SQLite's aggregate functions (FEATURES.md §5d): count, sum, total, avg, min, max, group_concat, string_agg. */
public final class AggregateFunctions {
    private AggregateFunctions() {}

    public static void register(Consumer<FunctionDef> sink) {
        int d = DETERMINISTIC;
        sink.accept(aggregate("count", 0, d | COUNT, Count::new));
        sink.accept(aggregate("count", 1, d, Count::new));
        sink.accept(aggregate("sum", 1, d, () -> new Sum(Sum.Kind.SUM)));
        sink.accept(aggregate("total", 1, d, () -> new Sum(Sum.Kind.TOTAL)));
        sink.accept(aggregate("avg", 1, d, () -> new Sum(Sum.Kind.AVG)));
        sink.accept(aggregate("min", 1, d | MIN_MAX | NEEDS_COLLATION, () -> new MinMax(false)));
        sink.accept(aggregate("max", 1, d | MIN_MAX | NEEDS_COLLATION, () -> new MinMax(true)));
        sink.accept(aggregate("group_concat", 1, d, GroupConcat::new));
        sink.accept(aggregate("group_concat", 2, d, GroupConcat::new));
        sink.accept(aggregate("string_agg", 2, d, GroupConcat::new));
    }
}
