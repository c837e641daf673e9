package io.tursoj.vdbe.value;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A double decoded into decimal digits, as SQLite's {@code sqlite3FpDecode} does for its printf: a sign, up to a
 * couple of dozen significant digits and the position of the decimal point. Reusable: one instance decodes many
 * values without allocating (in the default dialect).
 *
 * <p>Invariants after {@link #decode}: (1) {@code special} is 0 for a finite value, 1 for an infinity, 2 for NaN;
 * (2) for a finite value {@code n >= 1}, the digits are {@code digit(0) .. digit(n-1)} with no trailing zero, and the
 * value is {@code 0.d0d1d2... * 10^iDP}; (3) zero decodes as the single digit 0 with {@code iDP == 1} and a positive
 * sign, whatever the sign of the zero.
 *
 * <p>Rounding ({@code iRound}): if positive, round to that many significant digits; if zero or negative, round to
 * {@code -iRound} digits after the decimal point; never keep more than {@code mxRound} digits. Rounding is half-up on
 * the decimal digits.
 *
 * <p>In the default dialect the digits come from SQLite 3.50's algorithm: the value is scaled into
 * [9.2e17, 9.2e18] with Dekker double-double products and truncated to an integer, whose 18 or 19 digits are then
 * rounded; the result matches SQLite 3.50 bit for bit, including where that differs from exact arithmetic in the
 * 17th digit and beyond. In the {@link RealFormat.Dialect#ROUND_TRIP_17} dialect the digits are exact and precision 17
 * shortens the way newer SQLite does (see {@link RealFormat}).
 */
public final class FpDecode {
    private static final double SCALE_HIGH = 9.223372036854774784e+18;
    private static final double SCALE_LOW = 9.22337203685477478e+17;

    /** {@code '+'} or {@code '-'}. */
    public byte sign;
    /** 0 finite, 1 infinity, 2 NaN. */
    public int special;
    /** Number of significant digits. */
    public int n;
    /** Decimal point position: the value is {@code 0.<digits> * 10^iDP}. */
    public int iDP;

    private final byte[] buf = new byte[40];
    private int start;

    /**
     * Turns a decoded infinity into the single digit 9 with the decimal point 1000 places right, which is how
     * SQLite's printf writes an infinity under the zero flag ({@code 9.0e+999}, text that reads back as infinity).
     */
    void setNinesForInfinity() {
        assert special == 1;
        start = 0;
        buf[0] = '9';
        n = 1;
        iDP = 1000;
    }

    /** The i-th significant digit, as an ASCII byte. */
    public byte digit(int i) {
        assert i < n;
        return buf[start + i];
    }

    public void decode(double r, int iRound, int mxRound) {
        assert mxRound > 0;
        special = 0;
        if (r < 0.0) {
            sign = '-';
            r = -r;
        } else if (r == 0.0) {
            sign = '+';
            n = 1;
            iDP = 1;
            start = 0;
            buf[0] = '0';
            return;
        } else {
            sign = '+';
        }
        if (Double.isNaN(r) || Double.isInfinite(r)) {
            special = Double.isNaN(r) ? 2 : 1;
            n = 0;
            iDP = 0;
            return;
        }
        if (RealFormat.dialect() == RealFormat.Dialect.ROUND_TRIP_17) {
            decodeExact(r, iRound, mxRound);
        } else {
            decodeDekker(r, iRound, mxRound);
        }
    }

    private void decodeDekker(double r, int iRound, int mxRound) {
        int exp = 0;
        double hi = r;
        double lo = 0.0;
        while (hi > SCALE_HIGH || hi < SCALE_LOW) {
            double y;
            double yy;
            int step;
            if (hi > SCALE_HIGH) {
                if (hi > 9.223372036854774784e+118) {
                    y = 1.0e-100;
                    yy = NumberText.EM100_LO;
                    step = 100;
                } else if (hi > 9.223372036854774784e+28) {
                    y = 1.0e-10;
                    yy = NumberText.EM10_LO;
                    step = 10;
                } else {
                    y = 1.0e-01;
                    yy = NumberText.EM1_LO;
                    step = 1;
                }
            } else if (hi < 9.223372036854774784e-83) {
                y = 1.0e+100;
                yy = NumberText.E100_LO;
                step = -100;
            } else if (hi < 9.223372036854774784e+07) {
                y = 1.0e+10;
                yy = 0.0;
                step = -10;
            } else {
                y = 1.0e+01;
                yy = 0.0;
                step = -1;
            }
            double nextHi = Dekker.mulHi(hi, lo, y, yy);
            lo = Dekker.mulLo(hi, lo, y, yy);
            hi = nextHi;
            exp += step;
        }
        long v = lo < 0.0 ? (long) hi - (long) (-lo) : (long) hi + (long) lo;
        int end = buf.length;
        int i = end - 1;
        assert v > 0;
        while (v != 0) {
            buf[i--] = (byte) ('0' + v % 10);
            v /= 10;
        }
        start = i + 1;
        n = end - start;
        iDP = n + exp;
        round(normalizeRound(iRound), mxRound);
    }

    /**
     * Turns a "digits after the decimal point" request (zero or negative) into a number of significant digits. When
     * that is zero but the first digit rounds up, a leading zero digit is added so that the carry has somewhere to go.
     */
    private int normalizeRound(int iRound) {
        if (iRound <= 0) {
            iRound = iDP - iRound;
            if (iRound == 0 && buf[start] >= '5') {
                iRound = 1;
                buf[--start] = '0';
                n++;
                iDP++;
            }
        }
        return iRound;
    }

    /**
     * Applies the rounding rules to the digits in {@code buf[start .. start+n)}; a leading carry may be placed at
     * {@code start - 1}.
     */
    private void round(int iRound, int mxRound) {
        if (iRound > 0 && (iRound < n || n > mxRound)) {
            if (iRound > mxRound) {
                iRound = mxRound;
            }
            n = iRound;
            if (buf[start + iRound] >= '5') {
                roundUpAt(iRound - 1);
            }
        }
        while (buf[start + n - 1] == '0') {
            n--;
            assert n > 0;
        }
    }

    private void roundUpAt(int j) {
        while (true) {
            buf[start + j]++;
            if (buf[start + j] <= '9') {
                return;
            }
            buf[start + j] = '0';
            if (j == 0) {
                buf[--start] = '1';
                n++;
                iDP++;
                return;
            }
            j--;
        }
    }

    /**
     * Newer SQLite's decoding: the value is multiplied by the power of ten that leaves about {@code wanted} digits
     * before the point (estimated from the binary exponent, so 18 or 19 digits may result), then truncated, or rounded
     * to the nearest integer when 18 digits are wanted; precision 17 then shortens trailing runs of 9s and 0s.
     */
    private void decodeExact(double r, int iRound, int mxRound) {
        int wanted = (iRound <= 0 || iRound >= 18) ? 18 : iRound + 1;
        long bits = Double.doubleToRawLongBits(r);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        int e = biased == 0 ? -1074 - Long.numberOfLeadingZeros(bits & 0x000fffffffffffffL) : biased - 1086;
        int p = wanted - 1 - ((e + 63) * 78913 >> 18);
        BigDecimal scaled = new BigDecimal(r).scaleByPowerOfTen(p);
        String digits = scaled.setScale(0, wanted == 18 ? RoundingMode.HALF_UP : RoundingMode.DOWN)
                .toBigInteger()
                .toString();
        start = 8;
        n = digits.length();
        for (int k = 0; k < n; k++) {
            buf[start + k] = (byte) digits.charAt(k);
        }
        buf[start + n] = '0';
        iDP = n - p;
        iRound = normalizeRound(iRound);
        if (iRound > 0 && (iRound < n || n > mxRound) && Math.min(iRound, mxRound) == 17) {
            iRound = shortenedPrecision(r);
        }
        round(iRound, mxRound);
    }

    /** At precision 17, newer SQLite keeps fewer digits when a trailing run of 9s or 0s can go and the value survives. */
    private int shortenedPrecision(double r) {
        int exp = iDP - n; // value = digits * 10^exp
        if (buf[start + 15] == '9' && buf[start + 14] == '9') {
            int jj = 14;
            while (jj > 0 && buf[start + jj - 1] == '9') {
                jj--;
            }
            BigDecimal v2 = jj == 0 ? BigDecimal.ONE : new BigDecimal(prefix(jj)).add(BigDecimal.ONE);
            if (v2.scaleByPowerOfTen(exp + n - jj).doubleValue() == r) {
                return jj + 1;
            }
        } else if (iDP >= n || (buf[start + 15] == '0' && buf[start + 14] == '0' && buf[start + 13] == '0')) {
            int jj = 13;
            while (buf[start + jj - 1] == '0') {
                jj--;
            }
            if (new BigDecimal(prefix(jj)).scaleByPowerOfTen(exp + n - jj).doubleValue() == r) {
                return jj + 1;
            }
        }
        return 17;
    }

    private String prefix(int count) {
        return new String(buf, start, count, java.nio.charset.StandardCharsets.US_ASCII);
    }
}
