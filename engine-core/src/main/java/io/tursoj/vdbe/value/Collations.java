package io.tursoj.vdbe.value;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQLite's built-in collations and a registry of named ones. Names are case-insensitive (ASCII), as in SQLite.
 *
 * <ul>
 *   <li>{@link #BINARY}: {@code memcmp} of the bytes, then the shorter first.
 *   <li>{@link #NOCASE}: like BINARY after folding ASCII upper case to lower case (other characters are compared as
 *       bytes); as in SQLite, the folded comparison stops at a NUL byte.
 *   <li>{@link #RTRIM}: like BINARY, ignoring trailing spaces (0x20 only).
 * </ul>
 */
public final class Collations {
    private Collations() {}

    public static final Collation BINARY = Collations::binary;
    public static final Collation NOCASE = Collations::nocase;
    public static final Collation RTRIM = Collations::rtrim;

    private static final Map<String, Collation> BUILT_IN = Map.of("binary", BINARY, "nocase", NOCASE, "rtrim", RTRIM);

    /** A registry of collations by name, starting with the built-in ones (one per connection). */
    public static final class Registry {
        private final Map<String, Collation> byName = new ConcurrentHashMap<>(BUILT_IN);

        /** Registers (or replaces) a collation. */
        public void register(String name, Collation collation) {
            byName.put(key(name), collation);
        }

        /** The collation called {@code name}, or {@code null}: the caller reports {@code no such collation sequence: NAME}. */
        public Collation find(String name) {
            return byName.get(key(name));
        }
    }

    /** The built-in collation called {@code name} (case-insensitive), or {@code null}. */
    public static Collation builtIn(String name) {
        return BUILT_IN.get(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    static int binary(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        int c = java.util.Arrays.compareUnsigned(
                a, aOff, aOff + Math.min(aLen, bLen), b, bOff, bOff + Math.min(aLen, bLen));
        if (c != 0) {
            return c;
        }
        return aLen - bLen;
    }

    static int nocase(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        int n = Math.min(aLen, bLen);
        for (int i = 0; i < n; i++) {
            int ca = a[aOff + i] & 0xff;
            int cb = b[bOff + i] & 0xff;
            if (ca == 0) {
                // sqlite3StrNICmp stops at a NUL in the first string.
                int r = Ascii.toLower(ca) - Ascii.toLower(cb);
                return r != 0 ? r : aLen - bLen;
            }
            int r = Ascii.toLower(ca) - Ascii.toLower(cb);
            if (r != 0) {
                return r;
            }
        }
        return aLen - bLen;
    }

    static int rtrim(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen) {
        while (aLen > 0 && a[aOff + aLen - 1] == ' ') {
            aLen--;
        }
        while (bLen > 0 && b[bOff + bLen - 1] == ' ') {
            bLen--;
        }
        return binary(a, aOff, aLen, b, bOff, bLen);
    }
}
