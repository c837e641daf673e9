package io.tursoj.storage.format;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

/**
 * Big-endian, unaligned accessors over a {@link MemorySegment}: every multi-byte integer in SQLite's database and
 * WAL files is stored most significant byte first, at any offset. Unsigned 32-bit values come back as {@code long}
 * (page numbers, counters), 16-bit ones as {@code int}. Bounds are checked by the segment itself.
 */
public final class BigEndian {
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private BigEndian() {}

    public static int u8(MemorySegment s, long offset) {
        return s.get(ValueLayout.JAVA_BYTE, offset) & 0xff;
    }

    public static int u16(MemorySegment s, long offset) {
        return s.get(U16, offset) & 0xffff;
    }

    public static int u24(MemorySegment s, long offset) {
        return (u8(s, offset) << 16) | u16(s, offset + 1);
    }

    /** The 32-bit value at {@code offset} as an unsigned number. */
    public static long u32(MemorySegment s, long offset) {
        return s.get(U32, offset) & 0xffff_ffffL;
    }

    /** The 32-bit value at {@code offset}, as Java's signed int (same bits). */
    public static int i32(MemorySegment s, long offset) {
        return s.get(U32, offset);
    }

    public static long i64(MemorySegment s, long offset) {
        return s.get(U64, offset);
    }

    public static double f64(MemorySegment s, long offset) {
        return s.get(F64, offset);
    }

    public static void putU8(MemorySegment s, long offset, int value) {
        s.set(ValueLayout.JAVA_BYTE, offset, (byte) value);
    }

    public static void putU16(MemorySegment s, long offset, int value) {
        s.set(U16, offset, (short) value);
    }

    public static void putU32(MemorySegment s, long offset, long value) {
        s.set(U32, offset, (int) value);
    }

    public static void putI64(MemorySegment s, long offset, long value) {
        s.set(U64, offset, value);
    }

    public static void putF64(MemorySegment s, long offset, double value) {
        s.set(F64, offset, value);
    }
}
