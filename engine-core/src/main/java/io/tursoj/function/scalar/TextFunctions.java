package io.tursoj.function.scalar;

import io.tursoj.function.FunctionContext;
import io.tursoj.vdbe.value.Ascii;
import io.tursoj.vdbe.value.EvaluationException;
import io.tursoj.vdbe.value.Limits;
import io.tursoj.vdbe.value.Register;
import io.tursoj.vdbe.value.Utf8;
import io.tursoj.vdbe.value.ValueType;

/**
 * Core scalar functions on text and BLOBs (SQLite's func.c). Arguments are read through their text view
 * ({@link Register#textBytes()}): numbers as SQLite renders them, BLOB bytes as they are. Character-counting functions
 * stop at a NUL byte as SQLite's C strings do; byte-counting ones do not.
 */
final class TextFunctions {
    private TextFunctions() {}

    private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** {@code length(X)}: characters of TEXT (up to a NUL), bytes of a BLOB or of a number's text; NULL for NULL. */
    static void length(FunctionContext ctx, Register[] a, Register out) {
        Register x = a[0];
        switch (x.type()) {
            case NULL -> out.setNull();
            case TEXT -> out.setLong(Utf8.charCount(x.bytes(), 0, x.length()));
            default -> out.setLong(x.textLength());
        }
    }

    /** {@code octet_length(X)}: bytes of the value's text or BLOB; NULL for NULL. */
    static void octetLength(FunctionContext ctx, Register[] a, Register out) {
        if (a[0].isNull()) {
            out.setNull();
        } else {
            out.setLong(a[0].textLength());
        }
    }

    /** {@code upper(X)}: ASCII letters upper-cased, other bytes unchanged; the result is TEXT. */
    static void upper(FunctionContext ctx, Register[] a, Register out) {
        foldCase(a[0], out, true);
    }

    /** {@code lower(X)}: ASCII letters lower-cased, other bytes unchanged; the result is TEXT. */
    static void lower(FunctionContext ctx, Register[] a, Register out) {
        foldCase(a[0], out, false);
    }

    private static void foldCase(Register x, Register out, boolean upper) {
        if (x.isNull()) {
            out.setNull();
            return;
        }
        byte[] z = x.textBytes();
        int n = x.textLength();
        byte[] buf = out.prepareBuffer(n, false);
        for (int i = 0; i < n; i++) {
            int b = z[i] & 0xff;
            buf[i] = (byte) (upper ? Ascii.toUpper(b) : Ascii.toLower(b));
        }
        out.commitText(n);
    }

    /** {@code hex(X)}: upper-case hexadecimal of the value's bytes (its text for numbers); NULL gives ''. */
    static void hex(FunctionContext ctx, Register[] a, Register out) {
        Register x = a[0];
        byte[] z = x.textBytes();
        int n = x.textLength();
        Limits.checkLength(2L * n);
        byte[] buf = out.prepareBuffer(2 * n, false);
        for (int i = 0; i < n; i++) {
            buf[2 * i] = HEX[(z[i] >> 4) & 0xf];
            buf[2 * i + 1] = HEX[z[i] & 0xf];
        }
        out.commitText(2 * n);
    }

    /**
     * {@code unhex(X [, Y])}: the BLOB whose hexadecimal is X; characters of Y may appear between (not inside) byte
     * pairs. NULL when X has anything else, an odd digit count, or an argument is NULL.
     */
    static void unhex(FunctionContext ctx, Register[] a, Register out) {
        Register x = a[0];
        if (x.isNull() || (a.length == 2 && a[1].isNull())) {
            out.setNull();
            return;
        }
        byte[] z = x.textBytes();
        int end = Utf8.cLength(z, 0, x.textLength());
        byte[] pass = a.length == 2 ? a[1].textBytes() : null;
        int passLen = a.length == 2 ? a[1].textLength() : 0;
        byte[] buf = out.prepareBuffer(end / 2 + 1, false);
        int p = 0;
        int i = 0;
        while (i < end) {
            while (!Ascii.isHexDigit(z[i])) {
                long rc = Utf8.read(z, i, end);
                if (!contains(pass, passLen, Utf8.codePoint(rc))) {
                    out.setNull();
                    return;
                }
                i = Utf8.next(rc);
                if (i >= end) {
                    out.commitBlob(p);
                    return;
                }
            }
            int hi = z[i++];
            int lo = i < end ? z[i] : 0;
            i++;
            if (!Ascii.isHexDigit(lo)) {
                out.setNull();
                return;
            }
            buf[p++] = (byte) ((Ascii.hexValue(hi) << 4) | Ascii.hexValue(lo));
        }
        out.commitBlob(p);
    }

    private static boolean contains(byte[] z, int n, int ch) {
        for (int pos = 0; pos < n; ) {
            long rc = Utf8.read(z, pos, n);
            if (Utf8.codePoint(rc) == ch) {
                return true;
            }
            pos = Utf8.next(rc);
        }
        return false;
    }

    /** {@code char(X1, ..., XN)}: the text of those code points; out-of-range values give U+FFFD. */
    static void charFunction(FunctionContext ctx, Register[] a, Register out) {
        byte[] buf = out.prepareBuffer(a.length * 4, false);
        int pos = 0;
        for (Register r : a) {
            long x = r.asLong();
            if (x < 0 || x > 0x10ffff) {
                x = 0xfffd;
            }
            pos = Utf8.write(buf, pos, (int) (x & 0x1fffff));
        }
        out.commitText(pos);
    }

    /** {@code unicode(X)}: code point of the first character of X's text; NULL when empty or NULL. */
    static void unicode(FunctionContext ctx, Register[] a, Register out) {
        byte[] z = a[0].textBytes();
        int n = a[0].textLength();
        if (z == null || n == 0 || z[0] == 0) {
            out.setNull();
            return;
        }
        out.setLong(Utf8.codePoint(Utf8.read(z, 0, n)));
    }

    /**
     * {@code instr(X, Y)}: 1-based position of the first Y in X, in characters (in bytes when both are BLOBs); 0 when
     * absent; 1 when Y is empty; NULL when either is NULL.
     */
    static void instr(FunctionContext ctx, Register[] a, Register out) {
        Register h = a[0];
        Register nd = a[1];
        if (h.isNull() || nd.isNull()) {
            out.setNull();
            return;
        }
        byte[] zh = h.textBytes();
        int nh = h.textLength();
        byte[] zn = nd.textBytes();
        int nn = nd.textLength();
        long position = 1;
        if (nn > 0) {
            boolean isText = !(h.type() == ValueType.BLOB && nd.type() == ValueType.BLOB);
            int pos = 0;
            while (nn <= nh && !regionEquals(zh, pos, zn, nn)) {
                position++;
                do {
                    nh--;
                    pos++;
                } while (isText && nh > 0 && (zh[pos] & 0xc0) == 0x80);
            }
            if (nn > nh) {
                position = 0;
            }
        }
        out.setLong(position);
    }

    private static boolean regionEquals(byte[] a, int aOff, byte[] b, int n) {
        return java.util.Arrays.equals(a, aOff, aOff + n, b, 0, n);
    }

    /**
     * {@code substr(X, Y [, Z])} / {@code substring}: Z characters (bytes for a BLOB) of X starting at Y (1-based; a
     * negative Y counts from the end; position 0 is just before the first character; a negative Z takes the
     * characters before Y). NULL if any argument is NULL.
     */
    static void substr(FunctionContext ctx, Register[] a, Register out) {
        Register x = a[0];
        long p1 = a[1].asLong();
        if (x.isNull()) {
            out.setNull();
            return;
        }
        boolean blob = x.type() == ValueType.BLOB;
        byte[] z = x.textBytes();
        int n = blob ? x.length() : Utf8.cLength(z, 0, x.textLength());
        if (blob && n == 0) {
            out.setNull(); // sqlite3_value_blob() of an empty BLOB is a null pointer
            return;
        }
        long len = 0;
        if (!blob && p1 < 0) {
            len = Utf8.charCount(z, 0, n);
        } else if (blob) {
            len = n;
        }
        long p2;
        if (a.length == 3) {
            if (a[2].isNull()) {
                out.setNull();
                return;
            }
            p2 = a[2].asLong();
        } else {
            p2 = Limits.MAX_LENGTH;
        }
        if (p1 == 0 && a[1].isNull()) {
            out.setNull();
            return;
        }
        if (p1 < 0) {
            p1 += len;
            if (p1 < 0) {
                p2 = p2 < 0 ? 0 : p2 + p1;
                p1 = 0;
            }
        } else if (p1 > 0) {
            p1--;
        } else if (p2 > 0) {
            p2--;
        }
        if (p2 < 0) {
            if (p2 < -p1) {
                p2 = p1;
            } else {
                p2 = -p2;
            }
            p1 -= p2;
        }
        if (blob) {
            substrBytes(z, len, p1, p2, out);
        } else {
            int start = 0;
            for (; start < n && p1 > 0; p1--) {
                start = Utf8.skip(z, start, n);
            }
            int stop = start;
            for (; stop < n && p2 > 0; p2--) {
                stop = Utf8.skip(z, stop, n);
            }
            out.setText(z, start, stop - start);
        }
    }

    /** The BLOB case of substr: bytes {@code [p1, p1+p2)} clipped to the length. */
    private static void substrBytes(byte[] z, long len, long p1, long p2, Register out) {
        if (p1 >= len) {
            p1 = 0;
            p2 = 0;
        } else if (p2 > len - p1) {
            p2 = len - p1;
        }
        out.setBlob(z, (int) p1, (int) p2);
    }

    /** {@code trim(X [, Y])}, {@code ltrim}, {@code rtrim}: remove characters of Y (default a space) from the ends. */
    static void trim(Register[] a, Register out, boolean left, boolean right) {
        Register x = a[0];
        if (x.isNull() || (a.length == 2 && a[1].isNull())) {
            out.setNull();
            return;
        }
        byte[] z = x.textBytes();
        int start = 0;
        int end = x.textLength();
        byte[] set = a.length == 2 ? a[1].textBytes() : SPACE;
        int setLen = a.length == 2 ? Utf8.cLength(set, 0, a[1].textLength()) : 1;
        if (setLen > 0) {
            if (left) {
                int len;
                while (start < end && (len = matchingSetChar(set, setLen, z, start, end - start, true)) > 0) {
                    start += len;
                }
            }
            if (right) {
                int len;
                while (start < end && (len = matchingSetChar(set, setLen, z, start, end - start, false)) > 0) {
                    end -= len;
                }
            }
        }
        out.setText(z, start, end - start);
    }

    private static final byte[] SPACE = {' '};

    /** Length of the first character of {@code set} found at the start (or end) of the region, or 0. */
    private static int matchingSetChar(byte[] set, int setLen, byte[] z, int off, int n, boolean atStart) {
        for (int pos = 0; pos < setLen; ) {
            int next = Utf8.skip(set, pos, setLen);
            int len = next - pos;
            if (len <= n) {
                int at = atStart ? off : off + n - len;
                if (java.util.Arrays.equals(z, at, at + len, set, pos, next)) {
                    return len;
                }
            }
            pos = next;
        }
        return 0;
    }

    /** {@code replace(X, Y, Z)}: every Y in X replaced by Z, byte for byte; an empty Y returns X's text. */
    static void replace(FunctionContext ctx, Register[] a, Register out) {
        Register x = a[0];
        Register y = a[1];
        Register w = a[2];
        if (x.isNull() || y.isNull()) {
            out.setNull();
            return;
        }
        byte[] zs = x.textBytes();
        int ns = x.textLength();
        byte[] zp = y.textBytes();
        int np = y.textLength();
        if (np == 0 || zp[0] == 0) {
            out.setText(zs, 0, ns);
            return;
        }
        if (w.isNull()) {
            out.setNull();
            return;
        }
        byte[] zr = w.textBytes();
        int nr = w.textLength();
        long total = 0;
        int i = 0;
        for (; i <= ns - np; i++) {
            if (zs[i] == zp[0] && regionEquals(zs, i, zp, np)) {
                total += nr;
                i += np - 1;
            } else {
                total++;
            }
        }
        total += ns - i;
        Limits.checkLength(total);
        byte[] buf = out.prepareBuffer((int) total, false);
        int j = 0;
        for (i = 0; i <= ns - np; i++) {
            if (zs[i] == zp[0] && regionEquals(zs, i, zp, np)) {
                System.arraycopy(zr, 0, buf, j, nr);
                j += nr;
                i += np - 1;
            } else {
                buf[j++] = zs[i];
            }
        }
        System.arraycopy(zs, i, buf, j, ns - i);
        out.commitText(j + ns - i);
    }

    /** {@code concat(X, ...)}: the text of the non-NULL arguments, joined; '' when all are NULL. */
    static void concat(FunctionContext ctx, Register[] a, Register out) {
        join(a, 0, null, 0, out);
    }

    /**
     * {@code concat_ws(SEP, X, ...)}: the non-NULL arguments joined by SEP; NULL when SEP is NULL. As in SQLite 3.50, a
     * separator is written only once some text has been: leading empty values add nothing ({@code concat_ws(',', '',
     * 'b')} is {@code 'b'}), later ones do ({@code concat_ws(',', 'a', '', 'b')} is {@code 'a,,b'}).
     */
    static void concatWs(FunctionContext ctx, Register[] a, Register out) {
        if (a[0].isNull()) {
            out.setNull();
            return;
        }
        join(a, 1, a[0].textBytes(), a[0].textLength(), out);
    }

    private static void join(Register[] a, int first, byte[] sep, int sepLen, Register out) {
        long total = 0;
        for (int i = first; i < a.length; i++) {
            if (!a[i].isNull()) {
                total += (total > 0 ? sepLen : 0) + a[i].textLength();
            }
        }
        Limits.checkLength(total);
        byte[] buf = out.prepareBuffer((int) total, false);
        int pos = 0;
        for (int i = first; i < a.length; i++) {
            if (!a[i].isNull()) {
                if (pos > 0 && sepLen > 0) {
                    System.arraycopy(sep, 0, buf, pos, sepLen);
                    pos += sepLen;
                }
                int n = a[i].textLength();
                System.arraycopy(a[i].textBytes(), 0, buf, pos, n);
                pos += n;
            }
        }
        out.commitText(pos);
    }

    /** {@code soundex(X)}: the four-character Soundex code; {@code ?000} when X has no ASCII letter. */
    static void soundex(FunctionContext ctx, Register[] a, Register out) {
        byte[] z = a[0].textBytes();
        int n = z == null ? 0 : Utf8.cLength(z, 0, a[0].textLength());
        int i = 0;
        while (i < n && !Ascii.isAlpha(z[i])) {
            i++;
        }
        if (i >= n) {
            out.setText(QUESTION_ZEROES);
            return;
        }
        byte[] result = out.prepareBuffer(4, false);
        int prev = SOUNDEX[z[i] & 0x7f];
        result[0] = (byte) Ascii.toUpper(z[i]);
        int j = 1;
        for (; j < 4 && i < n; i++) {
            int code = SOUNDEX[z[i] & 0x7f];
            if (code > 0) {
                if (code != prev) {
                    prev = code;
                    result[j++] = (byte) ('0' + code);
                }
            } else {
                prev = 0;
            }
        }
        while (j < 4) {
            result[j++] = '0';
        }
        out.commitText(4);
    }

    private static final byte[] QUESTION_ZEROES = {'?', '0', '0', '0'};

    // Soundex digit of each letter (0 for vowels, H, W, Y and non-letters), for upper and lower case.
    private static final byte[] SOUNDEX = soundexTable();

    private static byte[] soundexTable() {
        byte[] t = new byte[128];
        String codes = "01230120022455012623010202"; // A..Z
        for (int c = 0; c < 26; c++) {
            t['A' + c] = (byte) (codes.charAt(c) - '0');
            t['a' + c] = (byte) (codes.charAt(c) - '0');
        }
        return t;
    }

    /**
     * {@code unistr(X)}: X with its escapes decoded (a backslash followed by four hex digits, by {@code u} and four, by
     * {@code +} and six, or by {@code U} and eight; two backslashes for one); error {@code invalid Unicode escape} for any
     * other backslash.
     */
    static void unistr(FunctionContext ctx, Register[] a, Register out) {
        Register x = a[0];
        if (x.isNull()) {
            out.setNull();
            return;
        }
        byte[] z = x.textBytes();
        int n = x.textLength();
        byte[] buf = out.prepareBuffer(n, false);
        int i = 0;
        int j = 0;
        while (i < n) {
            if (z[i] == 0) {
                // SQLite looks for backslashes with strchr(): nothing after a NUL byte is decoded.
                System.arraycopy(z, i, buf, j, n - i);
                j += n - i;
                break;
            }
            if (z[i] != '\\') {
                buf[j++] = z[i++];
                continue;
            }
            int next = i + 1 < n ? z[i + 1] : 0;
            int digits;
            int skip;
            if (next == '\\') {
                buf[j++] = '\\';
                i += 2;
                continue;
            } else if (Ascii.isHexDigit(next)) {
                digits = 4;
                skip = 1;
            } else if (next == '+') {
                digits = 6;
                skip = 2;
            } else if (next == 'u') {
                digits = 4;
                skip = 2;
            } else if (next == 'U') {
                digits = 8;
                skip = 2;
            } else {
                throw new EvaluationException("invalid Unicode escape");
            }
            long v = 0;
            for (int k = 0; k < digits; k++) {
                int p = i + skip + k;
                if (p >= n || !Ascii.isHexDigit(z[p])) {
                    throw new EvaluationException("invalid Unicode escape");
                }
                v = (v << 4) + Ascii.hexValue(z[p]);
            }
            i += skip + digits;
            j = Utf8.write(buf, j, (int) (v & 0x1fffff));
        }
        out.commitText(j);
    }
}
