package io.tursoj.storage.format;

import java.lang.foreign.MemorySegment;

/**
 * The 32-byte header at the start of a write-ahead log. All fields are big-endian.
 *
 * <pre>
 *   OFFSET SIZE DESCRIPTION
 *      0     4  magic: 0x377f0682 (checksums over little-endian words) or 0x377f0683 (big-endian words)
 *      4     4  file format version: 3007000
 *      8     4  database page size
 *     12     4  checkpoint sequence number
 *     16     4  salt-1: incremented at each WAL reset
 *     20     4  salt-2: a fresh random number at each reset
 *     24     4  checksum-1 over bytes 0..23
 *     28     4  checksum-2
 * </pre>
 *
 * <p>Invariants: a header is valid only if its magic, version and page size are legal and its checksum matches
 * bytes 0..23; every frame of the current generation repeats both salts.
 */
public final class WalHeader {
    public static final int SIZE = 32;
    public static final int MAGIC_OFFSET = 0;
    public static final int VERSION_OFFSET = 4;
    public static final int PAGE_SIZE_OFFSET = 8;
    public static final int CHECKPOINT_SEQUENCE_OFFSET = 12;
    public static final int SALT1_OFFSET = 16;
    public static final int SALT2_OFFSET = 20;
    public static final int CHECKSUM1_OFFSET = 24;
    public static final int CHECKSUM2_OFFSET = 28;

    /** Magic with checksums computed over little-endian words (what SQLite writes on little-endian machines). */
    public static final int MAGIC_LITTLE_ENDIAN = 0x377f0682;
    /** Magic with checksums computed over big-endian words. */
    public static final int MAGIC_BIG_ENDIAN = 0x377f0683;

    public static final int FORMAT_VERSION = 3007000;

    private WalHeader() {}

    public static int magic(MemorySegment h) {
        return BigEndian.i32(h, MAGIC_OFFSET);
    }

    /** Whether checksums use big-endian words (magic 0x377f0683). */
    public static boolean bigEndianChecksums(MemorySegment h) {
        return (magic(h) & 1) == 1;
    }

    public static int pageSizeBytes(MemorySegment h) {
        return BigEndian.i32(h, PAGE_SIZE_OFFSET);
    }

    public static int checkpointSequence(MemorySegment h) {
        return BigEndian.i32(h, CHECKPOINT_SEQUENCE_OFFSET);
    }

    public static int salt1(MemorySegment h) {
        return BigEndian.i32(h, SALT1_OFFSET);
    }

    public static int salt2(MemorySegment h) {
        return BigEndian.i32(h, SALT2_OFFSET);
    }

    public static int checksum1(MemorySegment h) {
        return BigEndian.i32(h, CHECKSUM1_OFFSET);
    }

    public static int checksum2(MemorySegment h) {
        return BigEndian.i32(h, CHECKSUM2_OFFSET);
    }

    /** Whether the header is well formed: magic, version, page size and checksum. */
    public static boolean isValid(MemorySegment h) {
        int magic = magic(h);
        if (magic != MAGIC_LITTLE_ENDIAN && magic != MAGIC_BIG_ENDIAN) {
            return false;
        }
        if (BigEndian.i32(h, VERSION_OFFSET) != FORMAT_VERSION) {
            return false;
        }
        if (!DatabaseHeader.isValidPageSize(pageSizeBytes(h))) {
            return false;
        }
        long sum = WalChecksum.compute(h, 0, CHECKSUM1_OFFSET, bigEndianChecksums(h), 0, 0);
        return WalChecksum.first(sum) == checksum1(h) && WalChecksum.second(sum) == checksum2(h);
    }

    /** Writes a complete header, checksum included; returns the checksum (see {@link WalChecksum}). */
    public static long write(
            MemorySegment h, boolean bigEndian, int pageSize, int checkpointSequence, int salt1, int salt2) {
        BigEndian.putU32(h, MAGIC_OFFSET, bigEndian ? MAGIC_BIG_ENDIAN : MAGIC_LITTLE_ENDIAN);
        BigEndian.putU32(h, VERSION_OFFSET, FORMAT_VERSION);
        BigEndian.putU32(h, PAGE_SIZE_OFFSET, pageSize);
        BigEndian.putU32(h, CHECKPOINT_SEQUENCE_OFFSET, checkpointSequence);
        BigEndian.putU32(h, SALT1_OFFSET, salt1);
        BigEndian.putU32(h, SALT2_OFFSET, salt2);
        long sum = WalChecksum.compute(h, 0, CHECKSUM1_OFFSET, bigEndian, 0, 0);
        BigEndian.putU32(h, CHECKSUM1_OFFSET, WalChecksum.first(sum));
        BigEndian.putU32(h, CHECKSUM2_OFFSET, WalChecksum.second(sum));
        return sum;
    }
}
