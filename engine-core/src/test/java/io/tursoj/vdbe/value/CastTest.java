package io.tursoj.vdbe.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tursoj.testing.Calls;
import org.junit.jupiter.api.Test;

/** CAST to every affinity. */
class CastTest {
    private static String cast(Object v, String type) {
        Register r = Register.of(Calls.value(v));
        Cast.apply(r, type);
        return Calls.literal(r);
    }

    @Test
    void shouldCastToInteger() {
        assertEquals("12", cast("12.9", "INTEGER"));
        assertEquals("1", cast("1e5", "INT"));
        assertEquals("3", cast(3.99, "INTEGER"));
        assertEquals("-3", cast(-3.99, "BIGINT"));
        assertEquals(String.valueOf(Long.MAX_VALUE), cast(1e30, "INTEGER"));
        assertEquals("0", cast("abc", "INTEGER"));
        assertEquals("12", cast(new byte[] {'1', '2'}, "INTEGER"));
        assertEquals("NULL", cast(null, "INTEGER"));
    }

    @Test
    void shouldCastToReal() {
        assertEquals("0.0", cast("abc", "REAL"));
        assertEquals("1.5", cast(" 1.5xyz", "FLOAT"));
        assertEquals("5.0", cast(5, "DOUBLE"));
        assertEquals("100000.0", cast("1e5", "REAL"));
    }

    @Test
    void shouldCastToNumeric() {
        assertEquals("3", cast("3.0", "NUMERIC"));
        assertEquals("3.5", cast("3.5", "DECIMAL(4,1)"));
        assertEquals("12", cast("12abc", "NUMERIC"));
        assertEquals("0", cast("abc", "NUMERIC"));
        assertEquals("1.5", cast("1.5xyz", "NUMERIC"));
        assertEquals("9.22337203685478e+18", cast("9223372036854775808", "NUMERIC"));
        assertEquals("-9223372036854775808", cast("-9223372036854775808", "NUMERIC"));
        assertEquals("3.0", cast(3.0, "NUMERIC"));
        assertEquals("Inf", cast("1e400", "NUMERIC"));
    }

    @Test
    void shouldCastToTextAndBlob() {
        assertEquals("'5'", cast(5, "TEXT"));
        assertEquals("'1.0'", cast(1.0, "VARCHAR(3)"));
        assertEquals("'ab'", cast(new byte[] {'a', 'b'}, "TEXT"));
        assertEquals("X'6162'", cast("ab", "BLOB"));
        assertEquals("X'312E35'", cast(1.5, "BLOB"));
        assertEquals("NULL", cast(null, "BLOB"));
    }
}
