package io.tursoj.vdbe.value;

import java.nio.charset.StandardCharsets;

/**
 * UTF-8 as SQLite reads it. SQLite stores text as UTF-8 but never validates it: a lead byte swallows every
 * continuation byte after it, over-long or surrogate encodings decode to U+FFFD, and a stray continuation byte is a
 * character of its own. Text is also NUL-terminated inside SQLite, so character-oriented functions stop at the first
 * 0x00 byte; the helpers here treat a NUL byte or the end of the range as the end of the string.
 */
public final class Utf8 {
    private Utf8() {}

    /** Replacement character, used for malformed sequences as {@code sqlite3Utf8Read} does. */
    public static final int REPLACEMENT = 0xFFFD;

    /** Converts Java text to UTF-8 bytes. */
    public static byte[] encode(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Converts UTF-8 bytes to Java text; malformed input becomes U+FFFD, as anywhere at the edges of the engine. */
    public static String decode(byte[] z, int off, int len) {
        return new String(z, off, len, StandardCharsets.UTF_8);
    }

    /**
     * Decodes the character starting at {@code pos} (which must be below {@code end}) the way {@code sqlite3Utf8Read}
     * does, and returns it in the low 32 bits with the position after it in the high 32 bits.
     */
    public static long read(byte[] z, int pos, int end) {
        int c = z[pos++] & 0xff;
        if (c >= 0xc0) {
            c = leadBits(c);
            while (pos < end && (z[pos] & 0xc0) == 0x80) {
                c = (c << 6) + (z[pos++] & 0x3f);
            }
            if (c < 0x80 || (c & 0xFFFFF800) == 0xD800 || (c & 0xFFFFFFFE) == 0xFFFE) {
                c = REPLACEMENT;
            }
        }
        return ((long) pos << 32) | (c & 0xffffffffL);
    }

    /** The character part of a {@link #read} result. */
    public static int codePoint(long read) {
        return (int) read;
    }

    /** The position part of a {@link #read} result. */
    public static int next(long read) {
        return (int) (read >>> 32);
    }

    private static int leadBits(int c) {
        if (c < 0xe0) {
            return c - 0xc0;
        } else if (c < 0xf0) {
            return c - 0xe0;
        } else if (c < 0xf8) {
            return c - 0xf0;
        } else if (c < 0xfc) {
            return c - 0xf8;
        } else if (c < 0xfe) {
            return c - 0xfc;
        }
        return 0;
    }

    /** Position after the character at {@code pos}: a lead byte at or above 0xC0 takes its continuation bytes along. */
    public static int skip(byte[] z, int pos, int end) {
        if ((z[pos++] & 0xff) >= 0xc0) {
            while (pos < end && (z[pos] & 0xc0) == 0x80) {
                pos++;
            }
        }
        return pos;
    }

    /** Number of bytes before the first NUL byte (or {@code len} if there is none): SQLite's C-string view. */
    public static int cLength(byte[] z, int off, int len) {
        for (int i = 0; i < len; i++) {
            if (z[off + i] == 0) {
                return i;
            }
        }
        return len;
    }

    /** Number of characters as {@code length()} counts them: up to the first NUL, continuation bytes after a lead byte not counted. */
    public static int charCount(byte[] z, int off, int len) {
        int end = off + cLength(z, off, len);
        int count = 0;
        for (int pos = off; pos < end; count++) {
            pos = skip(z, pos, end);
        }
        return count;
    }

    /** Bytes needed by {@link #write} for {@code c}. */
    public static int encodedLength(int c) {
        if (c < 0x80) {
            return 1;
        } else if (c < 0x800) {
            return 2;
        } else if (c < 0x10000) {
            return 3;
        }
        return 4;
    }

    /**
     * Writes {@code c} (at most 0x1FFFFF) at {@code pos} in SQLite's encoding (no check for surrogates) and returns
     * the position after it.
     */
    public static int write(byte[] dst, int pos, int c) {
        if (c < 0x80) {
            dst[pos++] = (byte) c;
        } else if (c < 0x800) {
            dst[pos++] = (byte) (0xC0 + ((c >> 6) & 0x1F));
            dst[pos++] = (byte) (0x80 + (c & 0x3F));
        } else if (c < 0x10000) {
            dst[pos++] = (byte) (0xE0 + ((c >> 12) & 0x0F));
            dst[pos++] = (byte) (0x80 + ((c >> 6) & 0x3F));
            dst[pos++] = (byte) (0x80 + (c & 0x3F));
        } else {
            dst[pos++] = (byte) (0xF0 + ((c >> 18) & 0x07));
            dst[pos++] = (byte) (0x80 + ((c >> 12) & 0x3F));
            dst[pos++] = (byte) (0x80 + ((c >> 6) & 0x3F));
            dst[pos++] = (byte) (0x80 + (c & 0x3F));
        }
        return pos;
    }
}
