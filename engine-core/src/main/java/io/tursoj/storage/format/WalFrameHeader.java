package io.tursoj.storage.format;

import java.lang.foreign.MemorySegment;

/**
 * The 24-byte header before each page image in a write-ahead log. All fields are big-endian.
 *
 * <pre>
 *   OFFSET SIZE DESCRIPTION
 *      0     4  page number
 *      4     4  for a commit frame, the database size in pages after the commit; 0 for other frames
 *      8     4  salt-1, copied from the WAL header
 *     12     4  salt-2, copied from the WAL header
 *     16     4  checksum-1: cumulative over the WAL header's first 24 bytes, then for every frame up to this
 *     20     4  checksum-2  one its first 8 header bytes and its page image
 * </pre>
 *
 * <p>Frame {@code n} (1-based) starts at {@code 32 + (n - 1) * (24 + pageSize)}. A frame is valid when its salts
 * match the header, its page number is not 0 and its checksum matches; the log's content is the prefix of valid
 * frames up to the last valid commit frame.
 */
public final class WalFrameHeader {
    public static final int SIZE = 24;
    public static final int PAGE_NUMBER_OFFSET = 0;
    public static final int DATABASE_SIZE_OFFSET = 4;
    public static final int SALT1_OFFSET = 8;
    public static final int SALT2_OFFSET = 12;
    public static final int CHECKSUM1_OFFSET = 16;
    public static final int CHECKSUM2_OFFSET = 20;
    /** The bytes of the frame header covered by the checksum. */
    public static final int CHECKSUMMED_BYTES = 8;

    private WalFrameHeader() {}

    /** The file offset of frame {@code frame} (1-based). */
    public static long frameOffset(long frame, int pageSize) {
        return WalHeader.SIZE + (frame - 1) * (SIZE + (long) pageSize);
    }

    public static int pageNumber(MemorySegment f) {
        return BigEndian.i32(f, PAGE_NUMBER_OFFSET);
    }

    /** The database size after the commit, for a commit frame; 0 otherwise. */
    public static int databaseSize(MemorySegment f) {
        return BigEndian.i32(f, DATABASE_SIZE_OFFSET);
    }

    public static int salt1(MemorySegment f) {
        return BigEndian.i32(f, SALT1_OFFSET);
    }

    public static int salt2(MemorySegment f) {
        return BigEndian.i32(f, SALT2_OFFSET);
    }

    public static int checksum1(MemorySegment f) {
        return BigEndian.i32(f, CHECKSUM1_OFFSET);
    }

    public static int checksum2(MemorySegment f) {
        return BigEndian.i32(f, CHECKSUM2_OFFSET);
    }

    /**
     * Fills in a frame header for {@code page} of {@code pageSize} bytes, continuing the running checksum
     * {@code previous}; returns the new running checksum.
     */
    public static long write(
            MemorySegment f,
            int pageNumber,
            int databaseSize,
            int salt1,
            int salt2,
            boolean bigEndian,
            long previous,
            MemorySegment page,
            int pageSize) {
        BigEndian.putU32(f, PAGE_NUMBER_OFFSET, pageNumber);
        BigEndian.putU32(f, DATABASE_SIZE_OFFSET, databaseSize);
        BigEndian.putU32(f, SALT1_OFFSET, salt1);
        BigEndian.putU32(f, SALT2_OFFSET, salt2);
        long sum = WalChecksum.compute(f, 0, CHECKSUMMED_BYTES, bigEndian, previous);
        sum = WalChecksum.compute(page, 0, pageSize, bigEndian, sum);
        BigEndian.putU32(f, CHECKSUM1_OFFSET, WalChecksum.first(sum));
        BigEndian.putU32(f, CHECKSUM2_OFFSET, WalChecksum.second(sum));
        return sum;
    }

    /** The running checksum after frame {@code f} with page image {@code page}, continuing {@code previous}. */
    public static long checksum(MemorySegment f, MemorySegment page, int pageSize, boolean bigEndian, long previous) {
        long sum = WalChecksum.compute(f, 0, CHECKSUMMED_BYTES, bigEndian, previous);
        return WalChecksum.compute(page, 0, pageSize, bigEndian, sum);
    }

    /**
     * Whether frame {@code f} belongs to the log generation with {@code salt1}/{@code salt2}, names a page, and
     * carries the running checksum {@code sum} (from {@link #checksum}).
     */
    public static boolean isValid(MemorySegment f, int salt1, int salt2, long sum) {
        return salt1(f) == salt1
                && salt2(f) == salt2
                && pageNumber(f) != 0
                && checksum1(f) == WalChecksum.first(sum)
                && checksum2(f) == WalChecksum.second(sum);
    }
}
