package io.tursoj.io.sim;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;
import java.util.BitSet;

/**
 * What one simulated file must contain: the bytes reads must see, the bytes the last successful sync made durable,
 * and which sectors changed (or may have) since then. Used by {@link SimWorkload} to check reads and crashes.
 */
final class FileModel {
    static final int SECTOR_BYTES = 512;

    private byte[] visible;
    private long length;
    private byte[] durable;
    private long durableLength;
    private final BitSet dirtySectors = new BitSet();

    FileModel(int capacityBytes) {
        visible = new byte[capacityBytes];
        durable = new byte[capacityBytes];
    }

    long length() {
        return length;
    }

    /** A write or truncate was submitted over {@code [from, to)}: until the next sync those sectors may differ. */
    void markDirty(long from, long to) {
        if (to > from) {
            dirtySectors.set((int) (from / SECTOR_BYTES), (int) ((to + SECTOR_BYTES - 1) / SECTOR_BYTES));
        }
    }

    void applyWrite(long pos, MemorySegment src, int bytes) {
        MemorySegment.copy(src, ValueLayout.JAVA_BYTE, 0, visible, (int) pos, bytes);
        length = Math.max(length, pos + bytes);
    }

    void applyTruncate(long newLength) {
        if (newLength < length) {
            Arrays.fill(visible, (int) newLength, (int) length, (byte) 0);
        }
        length = newLength;
    }

    /** How many bytes a read of {@code want} at {@code pos} returns when nothing is short. */
    int expectedRead(long pos, int want) {
        return (int) Math.max(0, Math.min(want, length - pos));
    }

    /** How many bits of {@code got[0, bytes)} differ from the model at {@code pos}. */
    long differingBits(long pos, MemorySegment got, int bytes) {
        long bits = 0;
        for (int i = 0; i < bytes; i++) {
            bits += Integer.bitCount((got.get(ValueLayout.JAVA_BYTE, i) ^ visible[(int) pos + i]) & 0xff);
        }
        return bits;
    }

    /** A sync succeeded with nothing else in flight on the file: everything completed is durable. */
    void synced() {
        durable = visible.clone();
        durableLength = length;
        dirtySectors.clear();
    }

    /**
     * Checks the state after a crash: every sector the last sync made durable and nothing touched since must read
     * back unchanged. Returns a description of the first violation, or null.
     */
    String checkAfterCrash(byte[] actual, long actualLength) {
        long sectors = (durableLength + SECTOR_BYTES - 1) / SECTOR_BYTES;
        for (int s = 0; s < sectors; s++) {
            if (dirtySectors.get(s)) {
                continue;
            }
            int from = s * SECTOR_BYTES;
            int to = (int) Math.min(durableLength, from + SECTOR_BYTES);
            if (actualLength < to) {
                return "durable sector " + s + " lost: length " + actualLength + " < " + to;
            }
            if (Arrays.mismatch(durable, from, to, actual, from, to) >= 0) {
                return "durable sector " + s + " changed by the crash";
            }
        }
        return null;
    }

    /** After a crash the disk's state is the new truth, durable and visible. */
    void resetTo(byte[] actual, long actualLength) {
        visible = actual.clone();
        durable = actual.clone();
        length = actualLength;
        durableLength = actualLength;
        dirtySectors.clear();
    }
}
