package io.tursoj.vdbe.value;

/**
 * SQLite's character classes ({@code sqlite3CtypeMap}): they are ASCII-only and never consult the locale. Bytes at or
 * above 0x80 are neither spaces, digits nor letters, and case folding leaves them unchanged.
 */
public final class Ascii {
    private Ascii() {}

    /** Space, tab, newline, vertical tab, form feed or carriage return. */
    public static boolean isSpace(int b) {
        return b == ' ' || (b >= 0x09 && b <= 0x0d);
    }

    public static boolean isDigit(int b) {
        return b >= '0' && b <= '9';
    }

    public static boolean isHexDigit(int b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f') || (b >= 'A' && b <= 'F');
    }

    public static boolean isAlpha(int b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z');
    }

    /** The value of a hexadecimal digit; only defined when {@link #isHexDigit} holds. */
    public static int hexValue(int b) {
        return b <= '9' ? b - '0' : (b | 0x20) - 'a' + 10;
    }

    /** ASCII lower case of a byte value (0..255); other values are returned unchanged. */
    public static int toLower(int b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b;
    }

    /** ASCII upper case of a byte value (0..255); other values are returned unchanged. */
    public static int toUpper(int b) {
        return b >= 'a' && b <= 'z' ? b - 32 : b;
    }
}
