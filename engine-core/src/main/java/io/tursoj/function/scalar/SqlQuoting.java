package io.tursoj.function.scalar;

import io.tursoj.vdbe.value.ByteBuilder;
import io.tursoj.vdbe.value.FpDecode;
import io.tursoj.vdbe.value.NumberText;
import io.tursoj.vdbe.value.RealFormat;
import io.tursoj.vdbe.value.Register;
import io.tursoj.vdbe.value.Utf8;

/**
 * SQL literal quoting: printf's {@code %q %Q %w} and the {@code quote()} / {@code unistr_quote()} functions
 * ({@code sqlite3QuoteValue}).
 */
final class SqlQuoting {
    private SqlQuoting() {}

    private static final byte[] HEX_UPPER = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] HEX_LOWER = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * Appends {@code %q} ({@code kind == 'q'}: quotes doubled), {@code %Q} ({@code 'Q'}: doubled and enclosed, NULL as
     * {@code NULL}) or {@code %w} ({@code 'w'}: double quotes doubled) of {@code arg} ({@code null} for a NULL
     * argument). {@code precision} limits the bytes (characters with {@code alt2}) taken from the text; {@code alt}
     * escapes backslashes and control characters as {@code unistr()} understands them (for {@code %Q} only when the
     * text has a control character, and then wrapped in {@code unistr('...')}).
     */
    static void escape(Register arg, int kind, boolean alt, boolean alt2, int precision, ByteBuilder out) {
        byte q = (byte) (kind == 'w' ? '"' : '\'');
        boolean isNull = arg == null;
        byte[] z;
        int n;
        if (isNull) {
            z = (kind == 'Q' ? "NULL" : "(NULL)").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            n = z.length;
        } else {
            z = arg.textBytes();
            n = Utf8.cLength(z, 0, arg.textLength());
        }
        int taken = 0;
        for (int k = precision; k != 0 && taken < n; k--) {
            byte ch = z[taken];
            if (alt2 && (ch & 0xc0) == 0xc0) {
                while (taken + 1 < n && (z[taken + 1] & 0xc0) == 0x80) {
                    taken++;
                }
            }
            taken++;
        }
        boolean escapes = false;
        boolean unistr = false;
        if (alt && kind != 'w') {
            int controls = 0;
            for (int k = 0; k < taken; k++) {
                if ((z[k] & 0xff) <= 31) {
                    controls++;
                }
            }
            if (controls > 0 || kind == 'q') {
                escapes = true;
                unistr = kind == 'Q' && !isNull;
            }
        }
        boolean needQuote = !isNull && kind == 'Q';
        if (unistr) {
            out.appendAscii("unistr('");
        } else if (needQuote) {
            out.append(q);
        }
        for (int k = 0; k < taken; k++) {
            byte ch = z[k];
            if (escapes && ch == '\\') {
                out.append(ch).append(ch);
            } else if (escapes && (ch & 0xff) <= 31) {
                out.appendAscii("\\u00").append((byte) (ch >= 16 ? '1' : '0')).append(HEX_LOWER[ch & 15]);
            } else {
                out.append(ch);
                if (ch == q) {
                    out.append(ch);
                }
            }
        }
        if (needQuote || unistr) {
            out.append('\'');
        }
        if (unistr) {
            out.append(')');
        }
    }

    /**
     * Appends the SQL literal for a value ({@code quote()}; with {@code escapeControls}, {@code unistr_quote()}):
     * NULL, an integer, a real with enough digits to read back exactly, {@code X'..'} for a BLOB, a quoted string
     * (cut at a NUL byte).
     */
    static void quote(Register v, boolean escapeControls, ByteBuilder out, FpDecode fp) {
        switch (v.type()) {
            case NULL -> out.appendAscii("NULL");
            case INTEGER -> out.appendLong(v.longRaw());
            case REAL -> {
                double r = v.doubleRaw();
                int start = out.length();
                RealFormat.format(
                        out,
                        r,
                        RealFormat.GENERIC,
                        false,
                        RealFormat.valueDigits(),
                        0,
                        RealFormat.FLAG_ALT2 | RealFormat.FLAG_ZERO,
                        (byte) 0,
                        fp);
                double back = NumberText.parseReal(out.array(), start, out.length() - start);
                if (back != r) {
                    out.truncate(start);
                    RealFormat.format(
                            out,
                            r,
                            RealFormat.EXPONENT,
                            false,
                            20,
                            0,
                            RealFormat.FLAG_ALT2 | RealFormat.FLAG_ZERO,
                            (byte) 0,
                            fp);
                }
            }
            case BLOB -> {
                byte[] z = v.bytes();
                int n = v.length();
                out.ensureSpare(2L * n + 3);
                out.append('X').append('\'');
                for (int i = 0; i < n; i++) {
                    out.append(HEX_UPPER[(z[i] >> 4) & 0xf]).append(HEX_UPPER[z[i] & 0xf]);
                }
                out.append('\'');
            }
            case TEXT -> escape(v, 'Q', escapeControls, false, -1, out);
        }
    }
}
