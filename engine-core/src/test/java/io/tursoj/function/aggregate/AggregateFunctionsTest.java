package io.tursoj.function.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.function.Accumulator;
import io.tursoj.testing.Calls;
import io.tursoj.testing.TestFunctionContext;
import io.tursoj.vdbe.value.Collations;
import io.tursoj.vdbe.value.EvaluationException;
import io.tursoj.vdbe.value.Register;
import org.junit.jupiter.api.Test;

/** The aggregate functions: results, NULL and overflow rules, bare-column flags, window inverses, reuse. */
class AggregateFunctionsTest {
    private final TestFunctionContext ctx = new TestFunctionContext(1);

    private Accumulator accumulator(String name, int argc) {
        return Calls.REGISTRY.resolve(name, argc).aggregate().newAccumulator();
    }

    private String aggregate(String name, Object... values) {
        return aggregateWith(name, null, values);
    }

    /** Steps {@code values} (each with {@code separator} as second argument when not null) and renders the result. */
    private String aggregateWith(String name, Object separator, Object... values) {
        Accumulator acc = accumulator(name, separator == null ? 1 : 2);
        for (Object v : values) {
            acc.step(ctx, separator == null ? Calls.registers(v) : Calls.registers(v, separator));
        }
        Register out = new Register();
        try {
            acc.finish(ctx, out);
        } catch (EvaluationException e) {
            return "error: " + e.getMessage();
        }
        return Calls.literal(out);
    }

    @Test
    void shouldCountRowsAndNonNullValues() {
        Accumulator star = accumulator("count", 0);
        for (int i = 0; i < 3; i++) {
            star.step(ctx, new Register[0]);
        }
        Register out = new Register();
        star.finish(ctx, out);
        assertEquals("3", Calls.literal(out));
        assertEquals("2", aggregate("count", 1, null, "x"));
        assertEquals("0", aggregate("count"));
    }

    @Test
    void shouldSumIntegersExactlyAndFailOnOverflow() {
        assertEquals("6", aggregate("sum", 1, 2, 3));
        assertEquals("NULL", aggregate("sum"));
        assertEquals("NULL", aggregate("sum", null, null));
        assertEquals("6.5", aggregate("sum", 1, 2.5, 3));
        assertEquals("15", aggregate("sum", "5", 10));
        assertEquals("5.0", aggregate("sum", "abc", 5));
        assertEquals("error: integer overflow", aggregate("sum", Long.MAX_VALUE, 1));
        assertEquals("9.22337203685478e+18", aggregate("sum", Long.MAX_VALUE, 1, 0.5));
        assertEquals("error: integer overflow", aggregate("sum", Long.MAX_VALUE, 1, -1));
        assertEquals("-9223372036854775808", aggregate("sum", Long.MIN_VALUE + 1, -1));
    }

    @Test
    void shouldTotalAlwaysAsReal() {
        assertEquals("0.0", aggregate("total"));
        assertEquals("6.0", aggregate("total", 1, 2, 3));
        assertEquals("1.84467440737096e+19", aggregate("total", Long.MAX_VALUE, Long.MAX_VALUE, 1, 1));
        assertEquals("1.0", aggregate("total", 1e100, 1.0, -1e100));
    }

    @Test
    void shouldAverage() {
        assertEquals("2.0", aggregate("avg", 1, 2, 3));
        assertEquals("2.5", aggregate("avg", 2, null, 3));
        assertEquals("NULL", aggregate("avg", (Object) null));
        assertEquals("9.22337203685478e+18", aggregate("avg", Long.MAX_VALUE, Long.MAX_VALUE));
    }

    @Test
    void shouldFindExtremesAcrossStorageClasses() {
        assertEquals("1", aggregate("min", 3, null, 1, 2.5));
        assertEquals("X'00'", aggregate("max", 3, "z", new byte[] {0}, null));
        assertEquals("NULL", aggregate("max", null, null));
        Accumulator max = accumulator("max", 1);
        TestFunctionContext nocase = new TestFunctionContext(1).withCollation(Collations.NOCASE);
        max.step(nocase, Calls.registers("a"));
        max.step(nocase, Calls.registers("A"));
        Register out = new Register();
        max.finish(nocase, out);
        assertEquals("'a'", Calls.literal(out));
    }

    @Test
    void shouldTellWhenBareColumnsFollowTheExtreme() {
        Accumulator min = accumulator("min", 1);
        assertTrue(min.step(ctx, Calls.registers((Object) null)), "no value yet: load");
        assertTrue(min.step(ctx, Calls.registers(5)));
        assertFalse(min.step(ctx, Calls.registers(7)));
        assertFalse(min.step(ctx, Calls.registers((Object) null)));
        assertFalse(min.step(ctx, Calls.registers(5)), "a tie keeps the first row");
        assertTrue(min.step(ctx, Calls.registers(2)));
        assertTrue(accumulator("sum", 1).step(ctx, Calls.registers(1)));
    }

    @Test
    void shouldConcatenateGroups() {
        assertEquals("'a,b,1.5'", aggregate("group_concat", "a", null, "b", 1.5));
        assertEquals("'a; b'", aggregateWith("group_concat", "; ", "a", null, "b"));
        assertEquals("'ab'", aggregateWith("string_agg", "", "a", "b"));
        assertEquals("NULL", aggregate("group_concat", null, null));
        assertEquals("''", aggregate("group_concat", ""));
        assertEquals("',b'", aggregate("group_concat", "", "b"));
    }

    @Test
    void shouldUseEachRowsSeparatorAndSkipNullSeparators() {
        Accumulator acc = accumulator("group_concat", 2);
        acc.step(ctx, Calls.registers("a", "-"));
        acc.step(ctx, Calls.registers("b", null));
        acc.step(ctx, Calls.registers("c", "+"));
        Register out = new Register();
        acc.finish(ctx, out);
        assertEquals("'ab+c'", Calls.literal(out));
    }

    @Test
    void shouldRemoveRowsForWindowFrames() {
        Accumulator gc = accumulator("group_concat", 2);
        gc.step(ctx, Calls.registers("a", "-"));
        gc.step(ctx, Calls.registers("bb", "+"));
        gc.step(ctx, Calls.registers("c", "=="));
        gc.inverse(ctx, Calls.registers("a", "-"));
        Register out = new Register();
        gc.value(ctx, out);
        assertEquals("'bb==c'", Calls.literal(out));
        gc.inverse(ctx, Calls.registers("bb", "+"));
        gc.value(ctx, out);
        assertEquals("'c'", Calls.literal(out));
        Accumulator sum = accumulator("sum", 1);
        sum.step(ctx, Calls.registers(5));
        sum.step(ctx, Calls.registers(2.5));
        sum.inverse(ctx, Calls.registers(5));
        sum.value(ctx, out);
        assertEquals("2.5", Calls.literal(out));
        Accumulator count = accumulator("count", 1);
        count.step(ctx, Calls.registers(1));
        count.inverse(ctx, Calls.registers(1));
        count.value(ctx, out);
        assertEquals("0", Calls.literal(out));
        assertFalse(accumulator("min", 1).hasInverse());
        assertThrows(
                UnsupportedOperationException.class, () -> accumulator("max", 1).inverse(ctx, Calls.registers(1)));
    }

    @Test
    void shouldStartOverAfterReset() {
        for (String name : new String[] {"sum", "total", "avg", "min", "max", "group_concat", "count"}) {
            Accumulator acc = accumulator(name, 1);
            acc.step(ctx, Calls.registers(Long.MAX_VALUE));
            acc.step(ctx, Calls.registers(Long.MAX_VALUE));
            acc.reset();
            acc.step(ctx, Calls.registers(4));
            Register out = new Register();
            acc.finish(ctx, out);
            String expected = switch (name) {
                case "total", "avg" -> "4.0";
                case "group_concat" -> "'4'";
                case "count" -> "1";
                default -> "4";
            };
            assertEquals(expected, Calls.literal(out), name);
        }
    }
}
