package io.tursoj.vdbe.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Text-to-number rules ({@code sqlite3AtoF}, {@code sqlite3Atoi64}). */
class NumberTextTest {
    private static int classify(String s) {
        byte[] z = Utf8.encode(s);
        return NumberText.classifyReal(z, 0, z.length);
    }

    private static double real(String s) {
        byte[] z = Utf8.encode(s);
        return NumberText.parseReal(z, 0, z.length);
    }

    private static long integer(String s) {
        byte[] z = Utf8.encode(s);
        return NumberText.integerValue(z, 0, z.length);
    }

    private static int status(String s) {
        byte[] z = Utf8.encode(s);
        return NumberText.integerStatus(z, 0, z.length);
    }

    @Test
    void shouldClassifyNumericText() {
        assertEquals(NumberText.INTEGER_SYNTAX, classify("12"));
        assertEquals(NumberText.INTEGER_SYNTAX, classify(" \t-12 \n"));
        assertEquals(NumberText.INTEGER_SYNTAX, classify("+0"));
        assertTrue(classify("1.5") >= NumberText.REAL_SYNTAX);
        assertTrue(classify(".5") >= NumberText.REAL_SYNTAX);
        assertTrue(classify("5.") >= NumberText.REAL_SYNTAX);
        assertTrue(classify("1e5") >= NumberText.REAL_SYNTAX);
        assertTrue(classify("1.5E-3") >= NumberText.REAL_SYNTAX);
        assertEquals(NumberText.NOT_NUMERIC, classify("0x10"));
        assertEquals(NumberText.NOT_NUMERIC, classify("12abc"));
        assertEquals(NumberText.NOT_NUMERIC, classify(""));
        assertEquals(NumberText.NOT_NUMERIC, classify("  "));
        assertEquals(NumberText.NOT_NUMERIC, classify("."));
        assertEquals(NumberText.NOT_NUMERIC, classify("-"));
        assertEquals(NumberText.NOT_NUMERIC, classify("1e"));
        assertEquals(NumberText.NOT_NUMERIC, classify("1,000"));
        assertEquals(NumberText.REAL_PREFIX, classify("1.5x"));
        assertEquals(NumberText.REAL_PREFIX, classify("1e5x"));
        assertEquals(NumberText.REAL_PREFIX, classify("3.0\0"));
        assertTrue(NumberText.isNumeric(Utf8.encode("1e400"), 0, 5));
        assertFalse(NumberText.isNumeric(Utf8.encode("inf"), 0, 3));
    }

    @Test
    void shouldReadTheLongestNumericPrefixAsAReal() {
        assertEquals(12.0, real("12abc"));
        assertEquals(1.5, real(" 1.5x"));
        assertEquals(1.0, real("1e"));
        assertEquals(100000.0, real("1e5"));
        assertEquals(0.0, real("0x10"));
        assertEquals(0.0, real("abc"));
        assertEquals(Double.POSITIVE_INFINITY, real("1e400"));
        assertEquals(Double.NEGATIVE_INFINITY, real("-1e400"));
        assertEquals(0.0, real("1e-400"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(real("-0")));
        assertEquals(0.1, real("0.1"));
        assertEquals(9223372036854775808.0, real("9223372036854775808"));
        assertEquals(1.2345678901234567e19, real("12345678901234567890123e-3"));
    }

    @Test
    void shouldReadTheLongestIntegerPrefix() {
        assertEquals(12, integer("12.9"));
        assertEquals(1, integer("1e5"));
        assertEquals(-7, integer("  -7xyz"));
        assertEquals(0, integer("abc"));
        assertEquals(0, integer("0x10"));
        assertEquals(Long.MIN_VALUE, integer("-9223372036854775808"));
        assertEquals(Long.MAX_VALUE, integer("9223372036854775808"));
        assertEquals(Long.MAX_VALUE, integer("99999999999999999999"));
        assertEquals(Long.MIN_VALUE, integer("-99999999999999999999"));
        assertEquals(5, integer("0000000000000000000000005"));
    }

    @Test
    void shouldReportIntegerStatus() {
        assertEquals(NumberText.INT_OK, status(" 42 "));
        assertEquals(NumberText.INT_EXTRA_TEXT, status("42x"));
        assertEquals(NumberText.INT_NO_DIGITS, status("x"));
        assertEquals(NumberText.INT_NO_DIGITS, status(""));
        assertEquals(NumberText.INT_OVERFLOW, status("9223372036854775809"));
        assertEquals(NumberText.INT_IS_2_POW_63, status("9223372036854775808"));
        assertEquals(NumberText.INT_OK, status("-9223372036854775808"));
    }

    @Test
    void shouldConvertBetweenRealsAndIntegersAsTheVdbeDoes() {
        assertEquals(Long.MAX_VALUE, NumberText.doubleToInt64(1e30));
        assertEquals(Long.MIN_VALUE, NumberText.doubleToInt64(-1e30));
        assertEquals(-3, NumberText.doubleToInt64(-3.9));
        assertTrue(NumberText.realSameAsInt(3.0, 3));
        assertTrue(NumberText.realSameAsInt(-0.0, 0));
        assertFalse(NumberText.realSameAsInt(3.5, 3));
        assertFalse(NumberText.realSameAsInt(1e18, 1000000000000000000L));
        assertEquals(Long.MAX_VALUE, NumberText.realToInt64(1e19));
    }
}
