package io.tursoj.vdbe.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Text of REAL values ({@code %!.15g}) and the newer 17-digit dialect. */
class RealFormatTest {
    @Test
    void shouldRenderRealsWithFifteenSignificantDigits() {
        assertEquals("0.1", RealFormat.valueText(0.1));
        assertEquals("1.0", RealFormat.valueText(1.0));
        assertEquals("-2.5", RealFormat.valueText(-2.5));
        assertEquals("1.0e+20", RealFormat.valueText(1e20));
        assertEquals("1.23456789012346e+15", RealFormat.valueText(1234567890123456.0));
        assertEquals("9.22337203685478e+18", RealFormat.valueText(9223372036854775807.0));
        assertEquals("0.3", RealFormat.valueText(0.1 + 0.2));
        assertEquals("0.333333333333333", RealFormat.valueText(1.0 / 3));
        assertEquals("100000000000000.0", RealFormat.valueText(1e14));
        assertEquals("1.0e+15", RealFormat.valueText(1e15));
        assertEquals("0.0001", RealFormat.valueText(0.0001));
        assertEquals("1.0e-05", RealFormat.valueText(0.00001));
        assertEquals("1.5e-07", RealFormat.valueText(1.5e-7));
        assertEquals("4.94065645841247e-324", RealFormat.valueText(Double.MIN_VALUE));
        assertEquals("1.79769313486232e+308", RealFormat.valueText(Double.MAX_VALUE));
    }

    @Test
    void shouldRenderZeroesAndInfinitiesAsSqliteDoes() {
        assertEquals("0.0", RealFormat.valueText(0.0));
        assertEquals("0.0", RealFormat.valueText(-0.0));
        assertEquals("Inf", RealFormat.valueText(Double.POSITIVE_INFINITY));
        assertEquals("-Inf", RealFormat.valueText(Double.NEGATIVE_INFINITY));
    }

    @Test
    void shouldReproduceSqlite350DigitsWhereTheyDifferFromExactArithmetic() {
        // SQLite 3.50's double-double scaling gives ...273 here, where the exact value rounds to ...272.
        assertEquals("9.51647180753273e+154", RealFormat.valueText(9.516471807532725E154));
        assertEquals("-5.73391115780999e+138", RealFormat.valueText(-5.733911157809995E138));
    }

    @Test
    void shouldRenderSeventeenDigitsInTheNewerDialect() {
        try {
            RealFormat.setDialect(RealFormat.Dialect.ROUND_TRIP_17);
            assertEquals("0.30000000000000004", RealFormat.valueText(0.1 + 0.2));
            assertEquals("49.47", RealFormat.valueText(49.47));
            assertEquals("0.1", RealFormat.valueText(0.1));
            assertEquals("1000000000000000.0", RealFormat.valueText(1e15));
            assertEquals("9.2233720368547758e+18", RealFormat.valueText(9223372036854775807.0));
            assertEquals("0.33333333333333332", RealFormat.valueText(1.0 / 3));
        } finally {
            RealFormat.setDialect(RealFormat.Dialect.LEGACY_15);
        }
    }

    @Test
    void shouldPadAndFlagLikePrintf() {
        ByteBuilder b = new ByteBuilder();
        FpDecode fp = new FpDecode();
        RealFormat.format(b, 3.14159, RealFormat.FIXED, false, 2, 8, RealFormat.FLAG_ZERO, (byte) '+', fp);
        assertEquals("+0003.14", b.toString());
        b.reset();
        RealFormat.format(b, 1234567.891, RealFormat.FIXED, false, 1, 0, RealFormat.FLAG_COMMA, (byte) 0, fp);
        assertEquals("1,234,567.9", b.toString());
        b.reset();
        RealFormat.format(
                b,
                Double.POSITIVE_INFINITY,
                RealFormat.GENERIC,
                false,
                15,
                0,
                RealFormat.FLAG_ALT2 | RealFormat.FLAG_ZERO,
                (byte) 0,
                fp);
        assertEquals("9.0e+999", b.toString());
        b.reset();
        RealFormat.format(b, 0.000123, RealFormat.EXPONENT, true, 3, 12, RealFormat.FLAG_LEFT, (byte) 0, fp);
        assertEquals("1.230E-04   ", b.toString());
    }

    @Test
    void shouldDecodeDigitsAndDecimalPoint() {
        FpDecode fp = new FpDecode();
        fp.decode(-123.45, 15, 16);
        assertEquals('-', fp.sign);
        assertEquals(3, fp.iDP);
        assertEquals(5, fp.n);
        assertEquals('1', fp.digit(0));
        assertEquals('5', fp.digit(4));
        fp.decode(0.5, 0, 16);
        assertEquals(1, fp.n);
        assertEquals('1', fp.digit(0));
        assertEquals(1, fp.iDP);
        fp.decode(Double.NaN, 15, 16);
        assertEquals(2, fp.special);
    }
}
