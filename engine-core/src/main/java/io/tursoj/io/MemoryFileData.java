package io.tursoj.io;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.Arrays;

/**
 * The bytes of one in-memory file, kept in fixed-size chunks so that growth never copies the whole file and holes
 * (never written) read as zeros without taking memory. Shared by every handle open on the same path.
 */
final class MemoryFileData {
    private static final int CHUNK_SHIFT = 16;
    private static final int CHUNK_BYTES = 1 << CHUNK_SHIFT;

    private byte[][] chunks = new byte[16][];
    private long length;
    private int sharedLocks;
    private boolean exclusiveLock;

    synchronized long length() {
        return length;
    }

    /** Copies up to {@code dst.byteSize()} bytes at {@code pos}; returns how many (0 at or past the end). */
    synchronized int read(long pos, MemorySegment dst) {
        long n = Math.max(0, Math.min(dst.byteSize(), length - pos));
        long done = 0;
        while (done < n) {
            long at = pos + done;
            int chunkIndex = (int) (at >>> CHUNK_SHIFT);
            int inChunk = (int) (at & (CHUNK_BYTES - 1));
            int step = (int) Math.min(n - done, CHUNK_BYTES - inChunk);
            byte[] chunk = chunkIndex < chunks.length ? chunks[chunkIndex] : null;
            if (chunk == null) {
                dst.asSlice(done, step).fill((byte) 0);
            } else {
                MemorySegment.copy(chunk, inChunk, dst, ValueLayout.JAVA_BYTE, done, step);
            }
            done += step;
        }
        return (int) n;
    }

    /** Writes all of {@code src} at {@code pos}, growing the file as needed. */
    synchronized int write(long pos, MemorySegment src) {
        long n = src.byteSize();
        long done = 0;
        while (done < n) {
            long at = pos + done;
            int chunkIndex = (int) (at >>> CHUNK_SHIFT);
            int inChunk = (int) (at & (CHUNK_BYTES - 1));
            int step = (int) Math.min(n - done, CHUNK_BYTES - inChunk);
            if (chunkIndex >= chunks.length) {
                chunks = Arrays.copyOf(chunks, Math.max(chunkIndex + 1, chunks.length * 2));
            }
            if (chunks[chunkIndex] == null) {
                chunks[chunkIndex] = new byte[CHUNK_BYTES];
            }
            MemorySegment.copy(src, ValueLayout.JAVA_BYTE, done, chunks[chunkIndex], inChunk, step);
            done += step;
        }
        length = Math.max(length, pos + n);
        return (int) n;
    }

    synchronized void truncate(long newLength) {
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

    synchronized boolean tryLock(boolean exclusive, boolean alreadyShared) {
        if (exclusive) {
            int others = sharedLocks - (alreadyShared ? 1 : 0);
            if (exclusiveLock || others > 0) {
                return false;
            }
            exclusiveLock = true;
            return true;
        }
        if (exclusiveLock) {
            return false;
        }
        sharedLocks++;
        return true;
    }

    synchronized void unlock(boolean exclusive, boolean shared) {
        if (exclusive) {
            exclusiveLock = false;
        }
        if (shared) {
            sharedLocks--;
        }
    }
}
