package io.tursoj.function.math;

import static io.tursoj.testing.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** SQLite's math functions: argument rules, NULL on domain errors, exact results where IEEE arithmetic is exact. */
class MathFunctionsTest {
    @Test
    void shouldReturnNullForNonNumericArguments() {
        for (String f : new String[] {"sqrt", "exp", "sin", "ln", "ceil", "floor", "trunc", "degrees"}) {
            assertEquals("NULL", call(f, "abc"), f);
            assertEquals("NULL", call(f, new byte[] {'4'}), f);
            assertEquals("NULL", call(f, (Object) null), f);
        }
        assertEquals("NULL", call("pow", 2, "x"));
        assertEquals("NULL", call("atan2", null, 1));
    }

    @Test
    void shouldAcceptNumericText() {
        assertEquals("2.0", call("sqrt", "4"));
        assertEquals("2.0", call("sqrt", " 4.0 "));
        assertEquals("0.0", call("sqrt", "-0"));
    }

    @Test
    void shouldReturnNullOnDomainErrors() {
        assertEquals("NULL", call("sqrt", -1));
        assertEquals("NULL", call("acos", 2));
        assertEquals("NULL", call("asin", -1.5));
        assertEquals("NULL", call("acosh", 0.5));
        assertEquals("NULL", call("atanh", 1.5));
        assertEquals("NULL", call("ln", 0));
        assertEquals("NULL", call("log", -1));
        assertEquals("NULL", call("log2", 0.0));
        assertEquals("NULL", call("pow", -8, 1.0 / 3));
        assertEquals("NULL", call("mod", 5, 0));
    }

    @Test
    void shouldKeepIntegersInCeilFloorAndTrunc() {
        assertEquals("5", call("ceil", 5));
        assertEquals("5", call("floor", "5"));
        assertEquals("2.0", call("ceiling", 1.2));
        assertEquals("-2.0", call("floor", -1.2));
        assertEquals("-1.0", call("trunc", -1.7));
        assertEquals("1.0", call("trunc", 1.7));
    }

    @Test
    void shouldComputeLogarithmsInAnyBase() {
        assertEquals("3.0", call("log2", 8));
        assertEquals("-1074.0", call("log2", Double.MIN_VALUE));
        assertEquals("2.0", call("log", 100));
        assertEquals("2.0", call("log10", 100));
        assertEquals("3.0", call("log", 2, 8));
        assertEquals("NULL", call("log", 1, 8));
        assertEquals("NULL", call("log", 0.5, 8));
        assertEquals("NULL", call("log", 2, 0));
        assertEquals("0.0", call("log", 10, "1,000"));
        assertEquals("1.0", call("ln", Math.E));
    }

    @Test
    void shouldComputeTheRest() {
        assertEquals("3.14159265358979", call("pi"));
        assertEquals("180.0", call("degrees", Math.PI));
        assertEquals("3.14159265358979", call("radians", 180));
        assertEquals("1024.0", call("pow", 2, 10));
        assertEquals("1024.0", call("power", "2", "10"));
        assertEquals("1.0", call("mod", 7, 3));
        assertEquals("-1.5", call("mod", -7.5, 3));
        assertEquals("1.0", call("exp", 0));
        assertEquals("0.0", call("sin", 0));
        assertEquals("1.0", call("cos", 0));
        assertEquals("0.785398163397448", call("atan", 1));
        assertEquals("0.785398163397448", call("atan2", 1, 1));
        assertEquals("Inf", call("atanh", 1));
        assertEquals("-Inf", call("atanh", -1));
        assertEquals("0.881373587019543", call("asinh", 1));
        assertEquals("1.31695789692482", call("acosh", 2));
        assertEquals("0.761594155955765", call("tanh", 1));
        assertEquals("Inf", call("exp", 1000));
    }
}
