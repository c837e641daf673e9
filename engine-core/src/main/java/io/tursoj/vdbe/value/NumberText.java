package io.tursoj.vdbe.value;

import java.math.BigDecimal;

/**
 * Text-to-number conversions with SQLite's rules ({@code sqlite3AtoF}, {@code sqlite3Atoi64}). All methods read a
 * byte range of UTF-8 text and never allocate.
 *
 * <p>What "looks like a number": optional leading and trailing white space, an optional sign, decimal digits with an
 * optional fraction and an optional exponent ({@code [+-]digits[.[digits]][E[+-]digits]} or
 * {@code [+-].digits[E[+-]digits]}). Hexadecimal ({@code 0x10}) is <em>not</em> a number when it comes from text; only
 * SQL literals accept it. A prefix that is a number still yields its value ({@code '12abc'} reads as 12), which is
 * what the value-extraction functions return; the classification functions say whether the whole text qualified.
 *
 * <p>Real parsing reproduces SQLite 3.50's algorithm (a 64-bit significand scaled by powers of ten with Dekker
 * double-double products), so the same text gives the same double as in SQLite, bit for bit. The newer, correctly
 * rounded algorithm is used instead when {@link RealFormat#dialect()} is {@link RealFormat.Dialect#ROUND_TRIP_17}.
 */
public final class NumberText {
    private NumberText() {}

    /** {@link #classifyReal}: the text is not a number, and no prefix of it has a decimal point or exponent. */
    public static final int NOT_NUMERIC = 0;
    /** {@link #classifyReal}: the whole text is an integer ({@code [+-]digits}). */
    public static final int INTEGER_SYNTAX = 1;
    /** {@link #classifyReal}: the whole text is a number with a decimal point or an exponent. */
    public static final int REAL_SYNTAX = 2;
    /** {@link #classifyReal}: not a number, but a prefix with a decimal point or exponent is. */
    public static final int REAL_PREFIX = -1;

    /** {@link #integerStatus}: the text is an integer that fits in 64 bits. */
    public static final int INT_OK = 0;
    /** {@link #integerStatus}: an integer followed by text other than white space. */
    public static final int INT_EXTRA_TEXT = 1;
    /** {@link #integerStatus}: too large for 64 bits. */
    public static final int INT_OVERFLOW = 2;
    /** {@link #integerStatus}: exactly 9223372036854775808 (fits only when negated). */
    public static final int INT_IS_2_POW_63 = 3;
    /** {@link #integerStatus}: not even a prefix of the text is an integer. */
    public static final int INT_NO_DIGITS = -1;

    private static final long LARGEST_UINT64_MINUS_9_DIV_10 = Long.divideUnsigned(-1L - 9, 10);
    private static final long LARGEST_UINT64_MINUS_7FF_DIV_10 = Long.divideUnsigned(-1L - 0x7ff, 10);

    // Error terms of the double nearest to each power of ten, for the double-double products.
    static final double E100_LO = errorTerm("1e100", 1e100);
    static final double EM100_LO = errorTerm("1e-100", 1e-100);
    static final double EM10_LO = errorTerm("1e-10", 1e-10);
    static final double EM1_LO = errorTerm("1e-1", 1e-1);

    private static double errorTerm(String exact, double nearest) {
        return new BigDecimal(exact).subtract(new BigDecimal(nearest)).doubleValue();
    }

    /** Classifies the text as a real: {@link #INTEGER_SYNTAX}, {@link #REAL_SYNTAX} (or more), {@link #NOT_NUMERIC} or {@link #REAL_PREFIX}. */
    public static int classifyReal(byte[] z, int off, int len) {
        return (int) scan(z, off, len, false);
    }

    /** The value of the text, or of its longest numeric prefix, as a double; 0.0 when there is none. */
    public static double parseReal(byte[] z, int off, int len) {
        return Double.longBitsToDouble(scan(z, off, len, true));
    }

    /** Whether the whole text is a number (integer or real syntax). */
    public static boolean isNumeric(byte[] z, int off, int len) {
        return classifyReal(z, off, len) > 0;
    }

    /**
     * One pass of {@code sqlite3AtoF}: returns the classification, or (when {@code wantValue}) the raw bits of the
     * value.
     */
    private static long scan(byte[] z, int off, int len, boolean wantValue) {
        int end = off + len;
        int p = off;
        while (p < end && Ascii.isSpace(z[p])) {
            p++;
        }
        if (p >= end) {
            return wantValue ? Double.doubleToRawLongBits(0.0) : NOT_NUMERIC;
        }
        int sign = 1;
        if (z[p] == '-') {
            sign = -1;
            p++;
        } else if (z[p] == '+') {
            p++;
        }
        long s = 0; // unsigned significand
        int d = 0; // decimal exponent adjustment
        int nDigit = 0;
        int eType = 1;
        while (p < end && Ascii.isDigit(z[p])) {
            s = s * 10 + (z[p] - '0');
            p++;
            nDigit++;
            if (Long.compareUnsigned(s, LARGEST_UINT64_MINUS_9_DIV_10) >= 0) {
                while (p < end && Ascii.isDigit(z[p])) {
                    p++;
                    d++;
                }
            }
        }
        if (p < end && z[p] == '.') {
            p++;
            eType++;
            while (p < end && Ascii.isDigit(z[p])) {
                if (Long.compareUnsigned(s, LARGEST_UINT64_MINUS_9_DIV_10) < 0) {
                    s = s * 10 + (z[p] - '0');
                    d--;
                    nDigit++;
                }
                p++;
            }
        }
        return scanExponent(z, p, end, s, d, sign, nDigit, eType, wantValue);
    }

    /** The rest of {@link #scan}: an optional exponent and trailing white space, then the result. */
    private static long scanExponent(
            byte[] z, int p, int end, long s, int d, int sign, int nDigit, int eType, boolean wantValue) {
        boolean eValid = true;
        int e = 0;
        if (p < end && (z[p] == 'e' || z[p] == 'E')) {
            p++;
            eValid = false;
            eType++;
            int esign = 1;
            if (p < end && z[p] == '-') {
                esign = -1;
                p++;
            } else if (p < end && z[p] == '+') {
                p++;
            }
            while (p < end && Ascii.isDigit(z[p])) {
                e = e < 10000 ? (e * 10 + (z[p] - '0')) : 10000;
                p++;
                eValid = true;
            }
            e *= esign;
        }
        while (p < end && Ascii.isSpace(z[p])) {
            p++;
        }
        if (wantValue) {
            return Double.doubleToRawLongBits(toDouble(s, e + d, sign));
        }
        if (p == end && nDigit > 0 && eValid && eType > 0) {
            return eType;
        } else if (eType >= 2 && (eType == 3 || eValid) && nDigit > 0) {
            return REAL_PREFIX;
        }
        return NOT_NUMERIC;
    }

    /** {@code sign * s * 10^e}, with SQLite's rounding. {@code s} is unsigned. */
    static double toDouble(long s, int e, int sign) {
        if (s == 0) {
            return sign < 0 ? -0.0 : 0.0;
        }
        double r =
                RealFormat.dialect() == RealFormat.Dialect.ROUND_TRIP_17 ? exactToDouble(s, e) : dekkerToDouble(s, e);
        if (Double.isNaN(r)) {
            r = Double.POSITIVE_INFINITY;
        }
        return sign < 0 ? -r : r;
    }

    private static double exactToDouble(long s, int e) {
        if (e < -400) {
            return 0.0;
        } else if (e > 400) {
            return Double.POSITIVE_INFINITY;
        }
        return new BigDecimal(Long.toUnsignedString(s)).scaleByPowerOfTen(e).doubleValue();
    }

    private static double dekkerToDouble(long s, int e) {
        while (e > 0 && Long.compareUnsigned(s, LARGEST_UINT64_MINUS_7FF_DIV_10) < 0) {
            s *= 10;
            e--;
        }
        while (e < 0 && Long.remainderUnsigned(s, 10) == 0) {
            s = Long.divideUnsigned(s, 10);
            e++;
        }
        double hi = unsignedToDouble(s);
        double lo = 0.0;
        if (hi <= 18446744073709549568.0) {
            long s2 = doubleToUnsigned(hi);
            lo = Long.compareUnsigned(s, s2) >= 0 ? unsignedToDouble(s - s2) : -unsignedToDouble(s2 - s);
        }
        while (e != 0) {
            double y;
            double yy;
            int step;
            if (e >= 100) {
                y = 1.0e+100;
                yy = E100_LO;
                step = 100;
            } else if (e >= 10) {
                y = 1.0e+10;
                yy = 0.0;
                step = 10;
            } else if (e > 0) {
                y = 1.0e+01;
                yy = 0.0;
                step = 1;
            } else if (e <= -100) {
                y = 1.0e-100;
                yy = EM100_LO;
                step = -100;
            } else if (e <= -10) {
                y = 1.0e-10;
                yy = EM10_LO;
                step = -10;
            } else {
                y = 1.0e-01;
                yy = EM1_LO;
                step = -1;
            }
            double nextHi = Dekker.mulHi(hi, lo, y, yy);
            lo = Dekker.mulLo(hi, lo, y, yy);
            hi = nextHi;
            e -= step;
        }
        return hi + lo;
    }

    /** Unsigned 64-bit integer to the nearest double, as C's conversion does. */
    static double unsignedToDouble(long u) {
        if (u >= 0) {
            return (double) u;
        }
        return ((double) ((u >>> 1) | (u & 1))) * 2.0;
    }

    /** Non-negative double below 2^64 to unsigned 64-bit integer, truncating. */
    static long doubleToUnsigned(double r) {
        if (r < 9223372036854775808.0) {
            return (long) r;
        }
        return ((long) (r - 9223372036854775808.0)) ^ Long.MIN_VALUE;
    }

    /**
     * Status of the text as a 64-bit integer ({@code sqlite3Atoi64}): {@link #INT_OK}, {@link #INT_EXTRA_TEXT},
     * {@link #INT_OVERFLOW}, {@link #INT_IS_2_POW_63} or {@link #INT_NO_DIGITS}. Decimal only.
     */
    public static int integerStatus(byte[] z, int off, int len) {
        int end = off + len;
        int p = skipSpaceAndSign(z, off, end);
        boolean neg = p > off && z[p - 1] == '-';
        int start = p;
        while (p < end && z[p] == '0') {
            p++;
        }
        int digitsStart = p;
        while (p < end && Ascii.isDigit(z[p])) {
            p++;
        }
        int nDigits = p - digitsStart;
        int rc = INT_OK;
        if (nDigits == 0 && start == digitsStart) {
            rc = INT_NO_DIGITS;
        } else {
            for (int q = p; q < end; q++) {
                if (!Ascii.isSpace(z[q])) {
                    rc = INT_EXTRA_TEXT;
                    break;
                }
            }
        }
        if (nDigits < 19) {
            return rc;
        }
        int c = nDigits > 19 ? 1 : compareTo2Pow63(z, digitsStart);
        if (c < 0) {
            return rc;
        } else if (c > 0) {
            return INT_OVERFLOW;
        }
        return neg ? rc : INT_IS_2_POW_63;
    }

    /**
     * The integer value of the text's longest integer prefix ({@code sqlite3Atoi64}'s result): leading white space and
     * a sign are allowed, text after the digits is ignored, and magnitudes beyond 64 bits clamp to the limits. 0 when
     * there are no digits.
     */
    public static long integerValue(byte[] z, int off, int len) {
        int end = off + len;
        int p = skipSpaceAndSign(z, off, end);
        boolean neg = p > off && z[p - 1] == '-';
        while (p < end && z[p] == '0') {
            p++;
        }
        int digitsStart = p;
        long u = 0;
        while (p < end && Ascii.isDigit(z[p])) {
            u = u * 10 + (z[p++] - '0');
        }
        int nDigits = p - digitsStart;
        if (nDigits > 19 || (nDigits == 19 && compareTo2Pow63(z, digitsStart) >= 0)) {
            return neg ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return neg ? -u : u;
    }

    private static int skipSpaceAndSign(byte[] z, int p, int end) {
        while (p < end && Ascii.isSpace(z[p])) {
            p++;
        }
        if (p < end && (z[p] == '-' || z[p] == '+')) {
            p++;
        }
        return p;
    }

    private static final byte[] POW63 = "9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static int compareTo2Pow63(byte[] z, int p) {
        for (int i = 0; i < 19; i++) {
            int c = z[p + i] - POW63[i];
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    /** {@code sqlite3RealToI64}: a double to the nearest representable 64-bit integer, truncating toward zero. */
    public static long realToInt64(double r) {
        if (r < -9223372036854774784.0) {
            return Long.MIN_VALUE;
        }
        if (r > 9223372036854774784.0) {
            return Long.MAX_VALUE;
        }
        return (long) r;
    }

    /**
     * {@code sqlite3RealSameAsInt}: whether {@code r} is exactly the small integer {@code i} (or zero), so that storing
     * the integer loses nothing.
     */
    public static boolean realSameAsInt(double r, long i) {
        double r2 = (double) i;
        return r == 0.0
                || (Double.doubleToRawLongBits(r) == Double.doubleToRawLongBits(r2)
                        && i >= -2251799813685248L
                        && i < 2251799813685248L);
    }

    /** {@code doubleToInt64} of the VDBE: clamps to the 64-bit limits and truncates toward zero. */
    public static long doubleToInt64(double r) {
        if (r <= -9223372036854775808.0) {
            return Long.MIN_VALUE;
        } else if (r >= 9223372036854775807.0) {
            return Long.MAX_VALUE;
        }
        return (long) r;
    }
}
