package io.tursoj.vdbe.value;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.function.Accumulator;
import io.tursoj.function.FunctionDef;
import io.tursoj.testing.Calls;
import io.tursoj.testing.TestFunctionContext;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The per-row paths allocate nothing once warmed up: arithmetic, comparisons, affinity, text stored into registers,
 * LIKE, common scalar functions and aggregate steps. Measured with the JVM's per-thread allocation counter over many
 * iterations; a few hundred bytes of slack absorb one-off allocations (class loading, a buffer growing once).
 */
class AllocationTest {
    private static final int ROWS = 50_000;
    private static final long SLACK_BYTES = 16 * 1024;

    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }

    private static void assertAllocationFree(String what, Runnable perRow) {
        for (int i = 0; i < ROWS; i++) {
            perRow.run(); // warm-up: let the JIT compile (and scalar-replace) the path
        }
        long before = allocatedBytes();
        for (int i = 0; i < ROWS; i++) {
            perRow.run();
        }
        long bytes = allocatedBytes() - before;
        assertTrue(bytes < SLACK_BYTES, what + " allocated " + bytes + " bytes over " + ROWS + " rows");
    }

    @Test
    void shouldComputeArithmeticAndComparisonsWithoutAllocating() {
        Register a = Register.of(Value.ofLong(41));
        Register b = Register.of(Value.ofDouble(1.5));
        Register t = Register.of(Value.ofText("41"));
        Register out = new Register();
        assertAllocationFree("integer arithmetic", () -> Arithmetic.apply(Arithmetic.Op.ADD, a, a, out));
        assertAllocationFree("real arithmetic", () -> Arithmetic.apply(Arithmetic.Op.MULTIPLY, a, b, out));
        assertAllocationFree("text arithmetic", () -> Arithmetic.apply(Arithmetic.Op.SUBTRACT, t, a, out));
        assertAllocationFree(
                "numeric comparison", () -> Compare.evaluate(Compare.Op.LT, a, b, Affinity.NONE, null, false));
        assertAllocationFree(
                "comparison with affinity", () -> Compare.evaluate(Compare.Op.EQ, a, t, Affinity.NUMERIC, null, false));
        assertAllocationFree("text comparison", () -> Compare.compare(t, t, Collations.NOCASE));
        assertAllocationFree("number as text", () -> Compare.evaluate(Compare.Op.EQ, b, t, Affinity.TEXT, null, false));
    }

    @Test
    void shouldStoreAndConvertValuesWithoutAllocating() {
        byte[] text = Utf8.encode("  12345  ");
        Register r = new Register();
        Register out = new Register();
        Register x = Register.of(Value.ofText("abc"));
        assertAllocationFree("numeric affinity on text", () -> {
            r.setText(text, 0, text.length);
            Affinity.INTEGER.apply(r);
        });
        assertAllocationFree("text affinity on a number", () -> {
            r.setDouble(2.5);
            Affinity.TEXT.apply(r);
        });
        assertAllocationFree("concatenation", () -> Arithmetic.concat(x, x, out));
        Register pattern = Register.of(Value.ofText("%B_"));
        assertAllocationFree("LIKE", () -> PatternMatch.evaluateLike(x, pattern, null, false));
    }

    @Test
    void shouldCallFunctionsAndStepAggregatesWithoutAllocating() {
        TestFunctionContext ctx = new TestFunctionContext(1);
        Register out = new Register();
        Register[] text = Calls.registers("Hello, world");
        Register[] substr = Calls.registers("Hello, world", 2, 5);
        Register[] number = Calls.registers(-7.25);
        FunctionDef upper = Calls.REGISTRY.resolve("upper", 1);
        FunctionDef length = Calls.REGISTRY.resolve("length", 1);
        FunctionDef sub = Calls.REGISTRY.resolve("substr", 3);
        FunctionDef abs = Calls.REGISTRY.resolve("abs", 1);
        FunctionDef round = Calls.REGISTRY.resolve("round", 2);
        Register[] roundArgs = Calls.registers(2.345, 2);
        assertAllocationFree("upper", () -> upper.scalar().invoke(ctx, text, out));
        assertAllocationFree("length", () -> length.scalar().invoke(ctx, text, out));
        assertAllocationFree("substr", () -> sub.scalar().invoke(ctx, substr, out));
        assertAllocationFree("abs", () -> abs.scalar().invoke(ctx, number, out));
        assertAllocationFree("round", () -> round.scalar().invoke(ctx, roundArgs, out));
        for (String name : new String[] {"sum", "total", "avg", "count", "min", "max"}) {
            Accumulator acc = Calls.REGISTRY.resolve(name, 1).aggregate().newAccumulator();
            Register[] row = Calls.registers(3);
            assertAllocationFree(name + " step", () -> acc.step(ctx, row));
        }
    }
}
