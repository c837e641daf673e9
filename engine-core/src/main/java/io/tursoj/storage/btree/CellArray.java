package io.tursoj.storage.btree;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Copies of cells, in order, with their on-page sizes: the working set of a balance (SQLite's CellArray). Cell
 * bytes live in one growable heap buffer, so the pages they came from can be rewritten freely. Reused across
 * balances.
 */
final class CellArray {
    private byte[] bytes = new byte[1 << 16];
    private MemorySegment segment = MemorySegment.ofArray(bytes);
    private int used;
    private int count;
    private int[] offsets = new int[64];
    private int[] sizes = new int[64];

    void clear() {
        used = 0;
        count = 0;
    }

    int count() {
        return count;
    }

    MemorySegment segment() {
        return segment;
    }

    int offset(int i) {
        return offsets[i];
    }

    int size(int i) {
        return sizes[i];
    }

    /** Appends a copy of {@code size} bytes at {@code offset} of {@code src}; returns the new cell's index. */
    int add(MemorySegment src, long offset, int size) {
        int at = reserve(size);
        MemorySegment.copy(src, offset, segment, at, size);
        return count - 1;
    }

    /** Appends an uninitialised cell of {@code size} bytes for the caller to fill; returns its offset. */
    int reserve(int size) {
        if (used + size > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(used + size, bytes.length * 2));
            segment = MemorySegment.ofArray(bytes);
        }
        if (count == offsets.length) {
            offsets = Arrays.copyOf(offsets, count * 2);
            sizes = Arrays.copyOf(sizes, count * 2);
        }
        int at = used;
        offsets[count] = at;
        sizes[count] = size;
        count++;
        used += size;
        return at;
    }

    /** Shrinks or pads the last cell to {@code size} bytes (padding with zeros). */
    void resizeLast(int size) {
        int i = count - 1;
        int old = sizes[i];
        if (size > old) {
            if (offsets[i] + size > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(offsets[i] + size, bytes.length * 2));
                segment = MemorySegment.ofArray(bytes);
            }
            Arrays.fill(bytes, offsets[i] + old, offsets[i] + size, (byte) 0);
        }
        sizes[i] = size;
        used = offsets[i] + size;
    }
}
