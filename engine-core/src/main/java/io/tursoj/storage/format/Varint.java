package io.tursoj.storage.format;

import io.tursoj.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * SQLite's variable-length integer: 1 to 9 bytes, big-endian. Each of the first eight bytes gives 7 bits and has
 * its high bit set when another byte follows; a ninth byte, if reached, gives all 8 of its bits. Values are
 * two's-complement 64-bit, so negative numbers always take 9 bytes.
 *
 * <pre>
 *   0xxxxxxx                                  0 .. 127
 *   1xxxxxxx 0xxxxxxx                         128 .. 16383
 *   ...
 *   1xxxxxxx * 8, xxxxxxxx                    64 bits
 * </pre>
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>{@link #write} produces the shortest encoding, of {@link #sizeOf} bytes.
 *   <li>{@link #read} accepts any encoding (also over-long ones, as SQLite does) and never reads at or past
 *       {@code end}: a varint cut off by {@code end} is corruption.
 * </ol>
 */
public final class Varint {
    /** The longest encoding, in bytes. */
    public static final int MAX_BYTES = 9;

    private Varint() {}

    /**
     * Decodes the varint at {@code offset}, reading no byte at or past {@code end}. Use {@link #length} for its size.
     */
    public static long read(MemorySegment s, long offset, long end) throws CorruptDatabaseException {
        long value = 0;
        for (int i = 0; i < 8; i++) {
            if (offset + i >= end) {
                throw truncated(offset);
            }
            int b = s.get(ValueLayout.JAVA_BYTE, offset + i);
            value = (value << 7) | (b & 0x7f);
            if (b >= 0) {
                return value;
            }
        }
        if (offset + 8 >= end) {
            throw truncated(offset);
        }
        return (value << 8) | (s.get(ValueLayout.JAVA_BYTE, offset + 8) & 0xff);
    }

    /** The number of bytes of the varint at {@code offset}, reading no byte at or past {@code end}. */
    public static int length(MemorySegment s, long offset, long end) throws CorruptDatabaseException {
        for (int i = 0; i < 8; i++) {
            if (offset + i >= end) {
                throw truncated(offset);
            }
            if (s.get(ValueLayout.JAVA_BYTE, offset + i) >= 0) {
                return i + 1;
            }
        }
        if (offset + 8 >= end) {
            throw truncated(offset);
        }
        return MAX_BYTES;
    }

    /** The size of the shortest encoding of {@code value}. */
    public static int sizeOf(long value) {
        if (value >= 0 && value < 0x80) {
            return 1;
        }
        if ((value & 0xff00_0000_0000_0000L) != 0) {
            return MAX_BYTES;
        }
        int bits = 64 - Long.numberOfLeadingZeros(value);
        return (bits + 6) / 7;
    }

    /** Writes the shortest encoding of {@code value} at {@code offset}; returns its size. */
    public static int write(MemorySegment s, long offset, long value) {
        int n = sizeOf(value);
        if (n == MAX_BYTES) {
            s.set(ValueLayout.JAVA_BYTE, offset + 8, (byte) value);
            long v = value >>> 8;
            for (int i = 7; i >= 0; i--) {
                s.set(ValueLayout.JAVA_BYTE, offset + i, (byte) ((v & 0x7f) | 0x80));
                v >>>= 7;
            }
            return n;
        }
        long v = value;
        for (int i = n - 1; i >= 0; i--) {
            int b = (int) (v & 0x7f);
            if (i != n - 1) {
                b |= 0x80;
            }
            s.set(ValueLayout.JAVA_BYTE, offset + i, (byte) b);
            v >>>= 7;
        }
        return n;
    }

    private static CorruptDatabaseException truncated(long offset) {
        return new CorruptDatabaseException("varint at offset " + offset + " runs past its bounds");
    }
}
