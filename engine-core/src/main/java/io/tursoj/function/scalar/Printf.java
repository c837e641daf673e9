package io.tursoj.function.scalar;

import io.tursoj.vdbe.value.ByteBuilder;
import io.tursoj.vdbe.value.EvaluationException;
import io.tursoj.vdbe.value.FpDecode;
import io.tursoj.vdbe.value.RealFormat;
import io.tursoj.vdbe.value.Register;
import io.tursoj.vdbe.value.Utf8;

/**
 * SQLite's printf as the SQL function {@code printf(FORMAT, ...)} / {@code format(FORMAT, ...)} sees it
 * ({@code sqlite3_str_vappendf} with SQL-value arguments).
 *
 * <p>Conversions: {@code %d %i} signed, {@code %u} unsigned decimal, {@code %x %X %o} unsigned radix, {@code %p} as
 * {@code %X}, {@code %r} ordinal ({@code 1st}), {@code %f %e %E %g %G} reals, {@code %s %z} text, {@code %c} the
 * first character of the argument's text, {@code %q} text with {@code '} doubled, {@code %Q} the same in quotes
 * (NULL gives {@code NULL}), {@code %w} text with {@code "} doubled, {@code %%}, {@code %n} nothing. Flags
 * {@code - + space # ! 0 ,}; width and precision from digits or {@code *} (an argument). {@code !} makes width and
 * precision count characters instead of bytes for text. {@code #} with {@code %q}/{@code %Q} escapes control
 * characters, {@code %Q} then writing {@code unistr('...')}.
 *
 * <p>Arguments are converted as the conversion needs ({@code sqlite3_value_int64}, {@code _double}, {@code _text});
 * missing arguments read as 0, 0.0 or NULL. An unknown conversion ends the output where it stands. A result beyond the
 * length limit yields NULL, as in SQLite 3.50.
 */
final class Printf {
    private Printf() {}

    private static final int TEMP_LIMIT = 1_000_000_000;

    private static final class Spec {
        boolean left;
        byte prefix;
        boolean alt;
        boolean alt2;
        boolean zeroPad;
        boolean comma;
        int width;
        int precision;
        boolean upperPrefix;
    }

    /** Formats {@code args[1..]} with the format {@code args[0]} into {@code out}; NULL format gives NULL. */
    static void format(Register[] args, ByteBuilder out, Register result) {
        if (args.length < 1 || args[0].isNull()) {
            result.setNull();
            return;
        }
        byte[] fmt = args[0].textBytes();
        int fmtLen = Utf8.cLength(fmt, 0, args[0].textLength());
        out.reset();
        boolean appended;
        try {
            appended = render(fmt, fmtLen, args, out, result.fpDecode());
        } catch (EvaluationException e) {
            if (e.resultCode() != EvaluationException.SQLITE_TOOBIG) {
                throw e;
            }
            result.setNull();
            return;
        }
        if (appended) {
            result.setText(out);
        } else {
            result.setNull(); // SQLite 3.50 returns its never-allocated buffer, NULL, when nothing was written
        }
    }

    /**
     * Renders the format; returns whether anything was ever appended (even zero bytes): an empty format, or one that
     * starts with an unknown conversion, appends nothing.
     */
    private static boolean render(byte[] fmt, int end, Register[] args, ByteBuilder out, FpDecode fp) {
        int[] argIndex = {1};
        Spec spec = new Spec();
        boolean appended = false;
        int i = 0;
        while (i < end) {
            int pct = i;
            while (pct < end && fmt[pct] != '%') {
                pct++;
            }
            if (pct > i) {
                out.append(fmt, i, pct - i);
                appended = true;
            }
            if (pct >= end) {
                return appended;
            }
            i = pct + 1;
            if (i >= end) {
                out.append('%');
                return true;
            }
            i = parseSpec(fmt, i, end, args, argIndex, spec);
            int c = i < end ? fmt[i] & 0xff : 0;
            i++;
            if (!convert(c, spec, args, argIndex, out, fp)) {
                return appended;
            }
            appended = true;
        }
        return appended;
    }

    /** Reads flags, width and precision starting at {@code i}; returns the position of the conversion character. */
    private static int parseSpec(byte[] fmt, int i, int end, Register[] args, int[] argIndex, Spec s) {
        s.left = false;
        s.prefix = 0;
        s.alt = false;
        s.alt2 = false;
        s.zeroPad = false;
        s.comma = false;
        s.width = 0;
        s.precision = -1;
        s.upperPrefix = false;
        while (i < end) {
            int c = fmt[i];
            switch (c) {
                case '-' -> s.left = true;
                case '+' -> s.prefix = '+';
                case ' ' -> s.prefix = ' ';
                case '#' -> s.alt = true;
                case '!' -> s.alt2 = true;
                case '0' -> s.zeroPad = true;
                case ',' -> s.comma = true;
                case 'l' -> {
                    i++;
                    if (i < end && fmt[i] == 'l') {
                        i++;
                    }
                    return i;
                }
                default -> {
                    if (c >= '1' && c <= '9') {
                        int wx = 0;
                        while (i < end && fmt[i] >= '0' && fmt[i] <= '9') {
                            wx = wx * 10 + (fmt[i] - '0');
                            i++;
                        }
                        s.width = wx & 0x7fffffff;
                        if (i < end && (fmt[i] == '.' || fmt[i] == 'l')) {
                            continue;
                        }
                        return i;
                    } else if (c == '*') {
                        int w = (int) intArg(args, argIndex);
                        if (w < 0) {
                            s.left = true;
                            w = w >= -2147483647 ? -w : 0;
                        }
                        s.width = w;
                        i++;
                        if (i < end && (fmt[i] == '.' || fmt[i] == 'l')) {
                            continue;
                        }
                        return i;
                    } else if (c == '.') {
                        i = parsePrecision(fmt, i + 1, end, args, argIndex, s);
                        if (i < end && fmt[i] == 'l') {
                            continue;
                        }
                        return i;
                    } else {
                        return i;
                    }
                }
            }
            i++;
        }
        return i;
    }

    private static int parsePrecision(byte[] fmt, int i, int end, Register[] args, int[] argIndex, Spec s) {
        if (i < end && fmt[i] == '*') {
            int p = (int) intArg(args, argIndex);
            if (p < 0) {
                p = p >= -2147483647 ? -p : -1;
            }
            s.precision = p;
            return i + 1;
        }
        int px = 0;
        while (i < end && fmt[i] >= '0' && fmt[i] <= '9') {
            px = px * 10 + (fmt[i] - '0');
            i++;
        }
        s.precision = px & 0x7fffffff;
        return i;
    }

    private static long intArg(Register[] args, int[] argIndex) {
        return argIndex[0] < args.length ? args[argIndex[0]++].asLong() : 0;
    }

    private static double doubleArg(Register[] args, int[] argIndex) {
        return argIndex[0] < args.length ? args[argIndex[0]++].asDouble() : 0.0;
    }

    /** The next argument as a text register, or {@code null} for a missing or NULL argument. */
    private static Register textArg(Register[] args, int[] argIndex) {
        if (argIndex[0] >= args.length) {
            return null;
        }
        Register r = args[argIndex[0]++];
        return r.isNull() ? null : r;
    }

    /** Performs one conversion; returns false when the output must stop here (unknown conversion). */
    private static boolean convert(int c, Spec s, Register[] args, int[] argIndex, ByteBuilder out, FpDecode fp) {
        int start = out.length();
        switch (c) {
            case 'd', 'i' -> integer(intArg(args, argIndex), true, 10, false, s, false, out);
            case 'u' -> integer(intArg(args, argIndex), false, 10, false, s, false, out);
            case 'r' -> integer(intArg(args, argIndex), true, 10, false, noComma(s), true, out);
            case 'x' -> integer(intArg(args, argIndex), false, 16, false, noComma(s), false, out);
            case 'X' -> {
                s.upperPrefix = true;
                integer(intArg(args, argIndex), false, 16, true, noComma(s), false, out);
            }
            case 'p' -> integer(intArg(args, argIndex), false, 16, true, noComma(s), false, out);
            case 'o' -> integer(intArg(args, argIndex), false, 8, false, noComma(s), false, out);
            case 'f', 'e', 'E', 'g', 'G' -> {
                int kind =
                        c == 'f' ? RealFormat.FIXED : (c == 'e' || c == 'E') ? RealFormat.EXPONENT : RealFormat.GENERIC;
                int flags = (s.left ? RealFormat.FLAG_LEFT : 0)
                        | (s.alt ? RealFormat.FLAG_ALT : 0)
                        | (s.alt2 ? RealFormat.FLAG_ALT2 : 0)
                        | (s.zeroPad ? RealFormat.FLAG_ZERO : 0)
                        | (s.comma ? RealFormat.FLAG_COMMA : 0);
                RealFormat.format(
                        out,
                        doubleArg(args, argIndex),
                        kind,
                        c == 'E' || c == 'G',
                        s.precision,
                        s.width,
                        flags,
                        s.prefix,
                        fp);
                return true;
            }
            case 'n' -> {
                return true;
            }
            case '%' -> out.append('%');
            case 'c' -> {
                character(textArg(args, argIndex), s, out);
                return true;
            }
            case 's', 'z' -> text(textArg(args, argIndex), s, out);
            case 'q', 'Q', 'w' -> {
                Register r = textArg(args, argIndex);
                SqlQuoting.escape(r, c, s.alt, s.alt2, s.precision, out);
                adjustWidthForUtf8(out, start, s);
            }
            default -> {
                return false; // includes the internal-only %T and %S
            }
        }
        RealFormat.padToWidth(out, start, s.width, s.left);
        return true;
    }

    private static Spec noComma(Spec s) {
        s.comma = false;
        return s;
    }

    private static void integer(
            long v, boolean signed, int base, boolean upper, Spec s, boolean ordinal, ByteBuilder out) {
        byte prefix = 0;
        long u = v;
        if (signed) {
            if (v < 0) {
                u = -v;
                prefix = '-';
            } else {
                prefix = s.prefix;
            }
        }
        boolean alt = s.alt && u != 0;
        int precision = s.precision;
        if (s.zeroPad && precision < s.width - (prefix != 0 ? 1 : 0)) {
            precision = s.width - (prefix != 0 ? 1 : 0);
        }
        if ((long) precision + 10 > TEMP_LIMIT) {
            throw EvaluationException.tooBig();
        }
        int start = out.length();
        appendDigits(u, base, upper, out);
        if (ordinal) {
            appendOrdinalSuffix(u, out);
        }
        int length = out.length() - start;
        if (precision > length) {
            out.insertRepeated(start, (byte) '0', precision - length);
            length = precision;
        }
        if (s.comma) {
            insertThousands(out, start, length);
        }
        if (prefix != 0) {
            out.insertRepeated(start, prefix, 1);
        }
        if (alt && base == 8) {
            out.insertRepeated(start, (byte) '0', 1);
        } else if (alt && base == 16) {
            out.insertRepeated(start, (byte) (s.upperPrefix ? 'X' : 'x'), 1);
            out.insertRepeated(start, (byte) '0', 1);
        }
    }

    private static void appendDigits(long u, int base, boolean upper, ByteBuilder out) {
        int start = out.length();
        do {
            int d = (int) Long.remainderUnsigned(u, base);
            out.append((byte) (d < 10 ? '0' + d : (upper ? 'A' : 'a') + d - 10));
            u = Long.divideUnsigned(u, base);
        } while (u != 0);
        for (int i = start, j = out.length() - 1; i < j; i++, j--) {
            byte t = out.byteAt(i);
            out.setByteAt(i, out.byteAt(j));
            out.setByteAt(j, t);
        }
    }

    private static void insertThousands(ByteBuilder out, int digitsStart, int length) {
        int commas = (length - 1) / 3;
        int firstGroup = (length - 1) % 3 + 1;
        for (int k = commas; k >= 1; k--) {
            out.insertRepeated(digitsStart + firstGroup + (k - 1) * 3, (byte) ',', 1);
        }
    }

    private static void appendOrdinalSuffix(long u, ByteBuilder out) {
        int x = (int) Long.remainderUnsigned(u, 10);
        if (x >= 4 || Long.remainderUnsigned(Long.divideUnsigned(u, 10), 10) == 1) {
            x = 0;
        }
        out.appendAscii(
                switch (x) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                });
    }

    private static void character(Register arg, Spec s, ByteBuilder out) {
        byte[] one = new byte[4];
        int length = 1;
        if (arg != null) {
            byte[] z = arg.textBytes();
            int n = arg.textLength();
            one[0] = n > 0 ? z[0] : 0;
            if ((one[0] & 0xc0) == 0xc0) {
                while (length < 4 && length < n && (z[length] & 0xc0) == 0x80) {
                    one[length] = z[length];
                    length++;
                }
            }
        }
        int width = s.width;
        int precision = s.precision;
        if (precision > 1) {
            width -= precision - 1;
            if (width > 1 && !s.left) {
                out.appendRepeated((byte) ' ', width - 1);
                width = 0;
            }
            for (int k = 1; k < precision; k++) {
                out.append(one, 0, length);
            }
        }
        int start = out.length();
        out.append(one, 0, length);
        for (int ii = length - 1; ii >= 0 && width > 0; ii--) {
            if ((one[ii] & 0xc0) == 0x80) {
                width++;
            }
        }
        RealFormat.padToWidth(out, start, width, s.left);
    }

    private static void text(Register arg, Spec s, ByteBuilder out) {
        if (arg == null) {
            adjustWidthForUtf8(out, out.length(), s);
            return;
        }
        byte[] z = arg.textBytes();
        int n = Utf8.cLength(z, 0, arg.textLength());
        int length;
        if (s.precision >= 0) {
            if (s.alt2) {
                int pos = 0;
                for (int k = s.precision; k > 0 && pos < n; k--) {
                    pos = Utf8.skip(z, pos, n);
                }
                length = pos;
            } else {
                length = Math.min(s.precision, n);
            }
        } else {
            length = n;
        }
        int start = out.length();
        out.append(z, 0, length);
        adjustWidthForUtf8(out, start, s);
    }

    /** With the {@code !} flag the width counts characters: widen it by the continuation bytes of the text. */
    private static void adjustWidthForUtf8(ByteBuilder out, int start, Spec s) {
        if (s.alt2 && s.width > 0) {
            for (int k = out.length() - 1; k >= start; k--) {
                if ((out.byteAt(k) & 0xc0) == 0x80) {
                    s.width++;
                }
            }
        }
    }
}
