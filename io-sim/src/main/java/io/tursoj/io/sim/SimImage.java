package io.tursoj.io.sim;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * The bytes of one simulated file at one point of view (durable, or as reads see it), in 64 KiB chunks so that
 * holes take no memory and read as zeros. Not thread-safe: its {@link SimDisk} guards it.
 *
 * <p>Invariant: every byte at or past {@link #length()} is zero in the chunks, so growing the file (by a write past
 * the end or a truncate upwards) exposes zeros, never stale data.
 */
final class SimImage {
    private static final int CHUNK_SHIFT = 16;
    private static final int CHUNK_BYTES = 1 << CHUNK_SHIFT;

    private byte[][] chunks = new byte[8][];
    private long length;

    long length() {
        return length;
    }

    /** Copies up to {@code maxBytes} bytes at {@code pos} into {@code dst}; returns how many (0 past the end). */
    int read(long pos, MemorySegment dst, int maxBytes) {
        int n = (int) Math.max(0, Math.min(maxBytes, length - pos));
        int done = 0;
        while (done < n) {
            long at = pos + done;
            int chunkIndex = (int) (at >>> CHUNK_SHIFT);
            int inChunk = (int) (at & (CHUNK_BYTES - 1));
            int step = Math.min(n - done, CHUNK_BYTES - inChunk);
            byte[] chunk = chunkIndex < chunks.length ? chunks[chunkIndex] : null;
            if (chunk == null) {
                dst.asSlice(done, step).fill((byte) 0);
            } else {
                MemorySegment.copy(chunk, inChunk, dst, ValueLayout.JAVA_BYTE, done, step);
            }
            done += step;
        }
        return n;
    }

    /** Writes {@code len} bytes of {@code src} from {@code offset} at {@code pos}, growing the file as needed. */
    void write(long pos, byte[] src, int offset, int len) {
        int done = 0;
        while (done < len) {
            long at = pos + done;
            int chunkIndex = (int) (at >>> CHUNK_SHIFT);
            int inChunk = (int) (at & (CHUNK_BYTES - 1));
            int step = Math.min(len - done, CHUNK_BYTES - inChunk);
            if (chunkIndex >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Math.max(chunkIndex + 1, chunks.length * 2));
            }
            if (chunks[chunkIndex] == null) {
                chunks[chunkIndex] = new byte[CHUNK_BYTES];
            }
            System.arraycopy(src, offset + done, chunks[chunkIndex], inChunk, step);
            done += step;
        }
        length = Math.max(length, pos + len);
    }

    void truncate(long newLength) {
        if (newLength < length) {
            int firstDropped = (int) ((newLength + CHUNK_BYTES - 1) >>> CHUNK_SHIFT);
            for (int i = firstDropped; i < chunks.length; i++) {
                chunks[i] = null;
            }
            int partial = (int) (newLength >>> CHUNK_SHIFT);
            int inChunk = (int) (newLength & (CHUNK_BYTES - 1));
            if (inChunk != 0 && partial < chunks.length && chunks[partial] != null) {
                Arrays.fill(chunks[partial], inChunk, CHUNK_BYTES, (byte) 0);
            }
        }
        length = newLength;
    }

    SimImage copy() {
        SimImage c = new SimImage();
        c.chunks = new byte[chunks.length][];
        for (int i = 0; i < chunks.length; i++) {
            if (chunks[i] != null) {
                c.chunks[i] = chunks[i].clone();
            }
        }
        c.length = length;
        return c;
    }
}
