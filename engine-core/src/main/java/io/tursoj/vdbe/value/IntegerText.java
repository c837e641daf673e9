package io.tursoj.vdbe.value;

/** Decimal rendering of 64-bit integers ({@code sqlite3Int64ToText}), without allocation. */
public final class IntegerText {
    private IntegerText() {}

    /** Longest rendering: {@code -9223372036854775808}. */
    public static final int MAX_LENGTH = 20;

    /** Writes the decimal text of {@code v} at {@code pos} and returns the position after it. */
    public static int write(long v, byte[] dst, int pos) {
        int digits = 1;
        // Magnitude as an unsigned value, so that Long.MIN_VALUE needs no special case.
        long u = v < 0 ? -v : v;
        for (long t = u; Long.compareUnsigned(t, 10) >= 0; t = Long.divideUnsigned(t, 10)) {
            digits++;
        }
        if (v < 0) {
            dst[pos++] = '-';
        }
        int end = pos + digits;
        for (int i = end - 1; i >= pos; i--) {
            dst[i] = (byte) ('0' + Long.remainderUnsigned(u, 10));
            u = Long.divideUnsigned(u, 10);
        }
        return end;
    }

    /** Number of bytes {@link #write} produces for {@code v}. */
    public static int length(long v) {
        int digits = 1;
        long u = v < 0 ? -v : v;
        for (long t = u; Long.compareUnsigned(t, 10) >= 0; t = Long.divideUnsigned(t, 10)) {
            digits++;
        }
        return v < 0 ? digits + 1 : digits;
    }
}
