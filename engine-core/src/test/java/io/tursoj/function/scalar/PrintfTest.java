package io.tursoj.function.scalar;

import static io.tursoj.testing.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** SQLite's printf through {@code printf()} / {@code format()}, with SQLite 3.50's outputs. */
class PrintfTest {
    @Test
    void shouldFormatIntegers() {
        assertEquals(
                "'42|-42|+42| 42|00042|42   |   42'",
                call("printf", "%d|%i|%+d|% d|%05d|%-5d|%5d", 42, -42, 42, 42, 42, 42, 42));
        assertEquals("'1,234,567|-1,234'", call("printf", "%,d|%,d", 1234567, -1234));
        assertEquals(
                "'ff|FF|0xff|0XFF|17|021|0xFF'",
                call("printf", "%x|%X|%#x|%#X|%o|%#o|%#p", 255, 255, 255, 255, 15, 17, 255));
        assertEquals("'ffffffffffffffff|18446744073709551615'", call("printf", "%x|%u", -1, -1));
        assertEquals(
                "'1st 2nd 3rd 4th 11th 12th 13th 21st 003rd'",
                call("printf", "%r %r %r %r %r %r %r %r %05r", 1, 2, 3, 4, 11, 12, 13, 21, 3));
        assertEquals("'12|0'", call("printf", "%d|%d", "12abc", "x"));
        assertEquals("'-9223372036854775808'", call("printf", "%d", Long.MIN_VALUE));
        assertEquals("'00042'", call("printf", "%.5d", 42));
    }

    @Test
    void shouldFormatReals() {
        assertEquals(
                "'3.142|3.14e+00|3.14159|1e+100|1.000000E-10'",
                call("printf", "%.3f|%.2e|%g|%g|%E", 3.14159, 3.14159, 3.14159, 1e100, 1e-10));
        assertEquals(
                "'0.5|1e+01|1|2|0|100'",
                call("printf", "%.0g|%.0g|%.0g|%.0f|%.0f|%.0f", 0.5, 9.5, 0.96, 1.5, 0.4, 99.5));
        assertEquals("'1.00000|100.0|3.0|2.0e+00'", call("printf", "%#g|%!.3g|%!.0f|%!e", 1.0, 100.0, 3.0, 2.0));
        assertEquals("'0.10000000000000000000|0.1000000000000000055'", call("printf", "%.20f|%!.20f", 0.1, 0.1));
        assertEquals(
                "'Inf|-Inf|+Inf|0|-00003.142|1.23e+03  '",
                call(
                        "printf",
                        "%f|%e|%+g|%g|%010.3f|%-10.2e",
                        Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY,
                        Double.POSITIVE_INFINITY,
                        0.0,
                        -3.14159,
                        1234.5));
        assertEquals("'1,234,567.50'", call("printf", "%,.2f", 1234567.5));
        assertEquals("'2.5'", call("printf", "%g", "2.5x"));
    }

    @Test
    void shouldFormatText() {
        assertEquals("'abc|ab|  abc|abc  |'", call("printf", "%s|%.2s|%5s|%-5s|%s", "abc", "abc", "abc", "abc", null));
        assertEquals("'   hé|'", call("printf", "%!5.2s|", "héllo"));
        assertEquals("'1.5'", call("printf", "%s", 1.5));
        assertEquals("'h|    a|a    |xxx'", call("printf", "%c|%5c|%-5c|%.3c", "héllo", "ab", "ab", "x"));
        assertEquals(
                "'it''''s|''it''''s''|NULL|(NULL)|\"\"x\"\"'",
                call("printf", "%q|%Q|%Q|%q|%w", "it's", "it's", null, null, "\"x\""));
        assertEquals(
                "'x\\\\y\\u0001|unistr(''a\\u000ab'')|''a\\b'''",
                call("printf", "%#q|%#Q|%#Q", "x\\y\u0001", "a\nb", "a\\b"));
    }

    @Test
    void shouldTakeWidthAndPrecisionFromArguments() {
        assertEquals("'   42|42   |3.14'", call("printf", "%*d|%*d|%.*f", 5, 42, -5, 42, 2, 3.14159));
        assertEquals("'abc'", call("printf", "%.*s", -3, "abcdef"));
    }

    @Test
    void shouldHandleSpecialAndInvalidConversions() {
        assertEquals("'100%|ab%'", call("printf", "100%%|ab%"));
        assertEquals("'x'", call("printf", "x%yz", 1));
        assertEquals("'x'", call("printf", "x%Ty", 1));
        assertEquals("'ab'", call("printf", "a%nb"));
        assertEquals("NULL", call("printf", ""));
        assertEquals("NULL", call("printf", "%y"));
        assertEquals("''", call("printf", "%s", ""));
        assertEquals("NULL", call("printf", (Object) null));
        assertEquals("NULL", call("printf"));
        assertEquals("'0|0.0|'", call("printf", "%d|%.1f|%s"));
        assertEquals("NULL", call("printf", "%.2000000000d", 1));
    }

    @Test
    void shouldBeReachableAsFormat() {
        assertEquals("'7 apples'", call("format", "%d %s", 7, "apples"));
    }
}
