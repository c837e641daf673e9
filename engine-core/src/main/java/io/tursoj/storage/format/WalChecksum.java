package io.tursoj.storage.format;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * The WAL's running checksum: the data is read as 32-bit words {@code x(0)..x(n-1)} (n even), in the byte order
 * the WAL header's magic names, and folded as
 *
 * <pre>
 *   s0 += x(i) + s1;  s1 += x(i+1) + s0;     for i = 0, 2, 4, ...
 * </pre>
 *
 * <p>with 32-bit wrap-around. The pair travels packed in one {@code long} ({@code s0} in the high half) so that a
 * running checksum costs no allocation. The checksums are always stored big-endian.
 */
public final class WalChecksum {
    private static final ValueLayout.OfInt LE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt BE = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private WalChecksum() {}

    /** Continues the checksum {@code previous} over {@code length} bytes (a multiple of 8) at {@code offset}. */
    public static long compute(MemorySegment s, long offset, int length, boolean bigEndian, long previous) {
        return compute(s, offset, length, bigEndian, first(previous), second(previous));
    }

    /** Continues the checksum {@code (s0, s1)} over {@code length} bytes (a multiple of 8) at {@code offset}. */
    public static long compute(MemorySegment s, long offset, int length, boolean bigEndian, int s0, int s1) {
        if ((length & 7) != 0) {
            throw new IllegalArgumentException("checksummed length must be a multiple of 8: " + length);
        }
        ValueLayout.OfInt layout = bigEndian ? BE : LE;
        long end = offset + length;
        for (long at = offset; at < end; at += 8) {
            s0 += s.get(layout, at) + s1;
            s1 += s.get(layout, at + 4) + s0;
        }
        return pack(s0, s1);
    }

    public static long pack(int s0, int s1) {
        return ((long) s0 << 32) | (s1 & 0xffff_ffffL);
    }

    public static int first(long sum) {
        return (int) (sum >>> 32);
    }

    public static int second(long sum) {
        return (int) sum;
    }
}
