package io.tursoj.vdbe.value;

/**
 * Renders doubles as SQLite does. Two entry points:
 *
 * <ul>
 *   <li>{@link #appendValueText}: the text of a REAL value (CAST to TEXT, {@code ||}, results shown by the shell), which
 *       SQLite produces with {@code printf("%!.15g")}: up to 15 significant digits, round half up, trailing zeros
 *       removed but a {@code .0} kept on whole numbers, exponent form ({@code 1.0e+20}, {@code 1.5e-07}) when the
 *       decimal exponent is below -4 or above 14, {@code Inf}/{@code -Inf} for infinities, and {@code 0.0} for both
 *       zeros. Examples: {@code 0.1}, {@code 1.0}, {@code 1.0e+15}, {@code 1.23456789012346e+15},
 *       {@code 9.22337203685478e+18}.
 *   <li>{@link #format}: the {@code %f %e %E %g %G} conversions of SQLite's printf, with its flags.
 * </ul>
 *
 * <p>The dialect: SQLite up to 3.51 (the one TursoJ speaks, 3.50.4) renders values with 15 digits and computes
 * digits with double-double arithmetic ({@link Dialect#LEGACY_15}, the default). Newer SQLite renders with 17 digits,
 * shortened when fewer digits read back to the same double ({@code 0.1+0.2} gives {@code 0.30000000000000004}), and
 * computes digits exactly ({@link Dialect#ROUND_TRIP_17}). The dialect is process-wide, like a compile-time option;
 * the differential tests switch it to compare with the newer SQLite bundled in sqlite-jdbc.
 */
public final class RealFormat {
    private RealFormat() {}

    /** How reals are rendered as text and parsed from text. */
    public enum Dialect {
        /** SQLite 3.50: {@code %!.15g}, digits by double-double scaling. */
        LEGACY_15,
        /** Newer SQLite: {@code %!.17g} with round-trip shortening, exact digits. */
        ROUND_TRIP_17
    }

    private static volatile Dialect dialect = Dialect.LEGACY_15;

    public static Dialect dialect() {
        return dialect;
    }

    /** Switches the process-wide dialect (tests only: the engine runs with {@link Dialect#LEGACY_15}). */
    public static void setDialect(Dialect newDialect) {
        dialect = newDialect;
    }

    /** {@code %f}. */
    public static final int FIXED = 0;
    /** {@code %e} / {@code %E}. */
    public static final int EXPONENT = 1;
    /** {@code %g} / {@code %G}. */
    public static final int GENERIC = 2;

    /** Flag {@code -}: left-justify in the field width. */
    public static final int FLAG_LEFT = 1;
    /** Flag {@code #}: always a decimal point; {@code %g} keeps trailing zeros. */
    public static final int FLAG_ALT = 2;
    /** Flag {@code !}: up to 26 significant digits, trailing zeros removed, {@code .0} kept. */
    public static final int FLAG_ALT2 = 4;
    /** Flag {@code 0}: pad with zeros after the sign. */
    public static final int FLAG_ZERO = 8;
    /** Flag {@code ,}: thousands separators in the integer part. */
    public static final int FLAG_COMMA = 16;

    private static final int PRECISION_LIMIT = 100_000_000;

    /** Significant digits used for the text of a REAL value in the current dialect. */
    public static int valueDigits() {
        return dialect == Dialect.ROUND_TRIP_17 ? 17 : 15;
    }

    /** Appends the text of a REAL value ({@code %!.15g}, or {@code %!.17g} in the newer dialect). */
    public static void appendValueText(ByteBuilder out, double r, FpDecode scratch) {
        format(out, r, GENERIC, false, valueDigits(), 0, FLAG_ALT2, (byte) 0, scratch);
    }

    /** The text of a REAL value as a Java string (tests and the edges of the engine). */
    public static String valueText(double r) {
        ByteBuilder out = new ByteBuilder(32);
        appendValueText(out, r, new FpDecode());
        return out.toString();
    }

    /**
     * Appends one floating-point conversion of SQLite's printf, field width included.
     *
     * @param kind {@link #FIXED}, {@link #EXPONENT} or {@link #GENERIC}
     * @param upper whether the exponent letter is {@code E} (for {@code %E} and {@code %G})
     * @param precision the precision, or -1 for the default (6)
     * @param width the minimum field width (0 for none)
     * @param flags a combination of the {@code FLAG_} constants
     * @param prefix {@code '+'} or {@code ' '} for a positive value, or 0
     */
    public static void format(
            ByteBuilder out,
            double value,
            int kind,
            boolean upper,
            int precision,
            int width,
            int flags,
            byte prefix,
            FpDecode fp) {
        int start = out.length();
        formatDigits(out, value, kind, upper, precision, width, flags, prefix, fp);
        padToWidth(out, start, width, (flags & FLAG_LEFT) != 0);
    }

    /** Pads the text appended since {@code start} with spaces up to {@code width} bytes. */
    public static void padToWidth(ByteBuilder out, int start, int width, boolean left) {
        int length = out.length() - start;
        if (width > length) {
            if (left) {
                out.appendRepeated((byte) ' ', width - length);
            } else {
                out.insertRepeated(start, (byte) ' ', width - length);
            }
        }
    }

    private static void formatDigits(
            ByteBuilder out,
            double value,
            int kind,
            boolean upper,
            int precision,
            int width,
            int flags,
            byte flagPrefix,
            FpDecode fp) {
        boolean alt = (flags & FLAG_ALT) != 0;
        boolean alt2 = (flags & FLAG_ALT2) != 0;
        precision = Math.min(precision < 0 ? 6 : precision, PRECISION_LIMIT);
        int iRound;
        if (kind == FIXED) {
            iRound = -precision;
        } else if (kind == GENERIC) {
            precision = Math.max(precision, 1);
            iRound = precision;
        } else {
            iRound = precision + 1;
        }
        fp.decode(value, iRound, alt2 ? 26 : 16);
        if (fp.special != 0 && appendSpecial(out, fp, (flags & FLAG_ZERO) != 0, flagPrefix)) {
            return;
        }
        int start = out.length();
        byte prefix = fp.sign == '-' ? (byte) '-' : flagPrefix;
        int exp = fp.iDP - 1;
        boolean removeTrailingZeros = alt2;
        if (kind == GENERIC) {
            if (precision > 0) {
                precision--;
            }
            removeTrailingZeros = !alt;
            if (exp < -4 || exp > precision) {
                kind = EXPONENT;
            } else {
                precision = precision - exp;
                kind = FIXED;
            }
        }
        boolean decimalPoint = precision > 0 || alt || alt2;
        if (prefix != 0) {
            out.append(prefix);
        }
        appendDigits(out, fp, kind == EXPONENT ? 0 : exp, precision, decimalPoint, (flags & FLAG_COMMA) != 0);
        if (removeTrailingZeros && decimalPoint) {
            stripTrailingZeros(out, alt2);
        }
        if (kind == EXPONENT) {
            appendExponent(out, exp, upper);
        }
        int length = out.length() - start;
        if ((flags & FLAG_ZERO) != 0 && (flags & FLAG_LEFT) == 0 && length < width) {
            out.insertRepeated(start + (prefix != 0 ? 1 : 0), (byte) '0', width - length);
        }
    }

    /**
     * NaN and infinities: {@code NaN} ({@code null} with the zero flag), {@code Inf} / {@code -Inf} (with the sign
     * flag's prefix). With the zero flag an infinity is instead written as the digit 9 with exponent 999, which reads
     * back as infinity: returns false so that the caller renders it.
     */
    private static boolean appendSpecial(ByteBuilder out, FpDecode fp, boolean zeroPad, byte flagPrefix) {
        if (fp.special == 2) {
            out.appendAscii(zeroPad ? "null" : "NaN");
            return true;
        }
        if (zeroPad) {
            fp.setNinesForInfinity();
            return false;
        }
        if (fp.sign == '-') {
            out.appendAscii("-Inf");
        } else {
            if (flagPrefix != 0) {
                out.append(flagPrefix);
            }
            out.appendAscii("Inf");
        }
        return true;
    }

    /**
     * Writes the digits: the integer part (one digit in exponent form, {@code e2 + 1} digits otherwise, or a single 0
     * when {@code e2} is negative), then the point and {@code precision} fraction digits; digits beyond those decoded
     * are zeros.
     */
    private static void appendDigits(
            ByteBuilder out, FpDecode fp, int e2, int precision, boolean decimalPoint, boolean comma) {
        out.ensureSpare(Math.max(e2, 0) + (long) precision + 15 + (comma && e2 > 0 ? (e2 + 2) / 3 : 0));
        int n = fp.n;
        int j = 0;
        if (e2 < 0) {
            out.append('0');
        } else {
            for (; e2 >= 0; e2--) {
                out.append(j < n ? fp.digit(j++) : (byte) '0');
                if (comma && (e2 % 3) == 0 && e2 > 1) {
                    out.append(',');
                }
            }
        }
        if (decimalPoint) {
            out.append('.');
        }
        for (e2++; e2 < 0 && precision > 0; precision--, e2++) {
            out.append('0');
        }
        while ((precision--) > 0) {
            out.append(j < n ? fp.digit(j++) : (byte) '0');
        }
    }

    /** Removes trailing zeros after the point, and the point itself unless {@code !} asks to keep {@code .0}. */
    private static void stripTrailingZeros(ByteBuilder out, boolean keepPointZero) {
        while (out.byteAt(out.length() - 1) == '0') {
            out.truncate(out.length() - 1);
        }
        if (out.byteAt(out.length() - 1) == '.') {
            if (keepPointZero) {
                out.append('0');
            } else {
                out.truncate(out.length() - 1);
            }
        }
    }

    private static void appendExponent(ByteBuilder out, int exp, boolean upper) {
        out.append(upper ? 'E' : 'e');
        if (exp < 0) {
            out.append('-');
            exp = -exp;
        } else {
            out.append('+');
        }
        if (exp >= 100) {
            out.append((byte) ('0' + exp / 100));
            exp %= 100;
        }
        out.append((byte) ('0' + exp / 10));
        out.append((byte) ('0' + exp % 10));
    }
}
