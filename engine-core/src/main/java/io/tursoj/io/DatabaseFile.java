package io.tursoj.io;

import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * An open file of an {@link IO} backend. Every transfer only <em>submits</em>: it returns the given
 * {@link Completion}, which finishes when the backend's {@link IO#step} reaps it (a synchronous backend may finish
 * it before returning). Bad arguments fail the completion (see {@link IOArgs}) before any system call:
 *
 * <ul>
 *   <li>negative or too large offsets: {@code -EINVAL} / {@code -EFBIG};
 *   <li>heap (non-native) buffers: {@code -EFAULT};
 *   <li>unaligned buffer, offset or length on a {@link OpenFlags#DIRECT} file: {@code -EINVAL};
 *   <li>writes, syncs or truncates on a read-only file: {@code -EBADF};
 *   <li>any call after {@link #close()}: {@code -EBADF}.
 * </ul>
 *
 * <p>Reads may be short at end of file: the result is the number of bytes read, 0 at or past the end.
 */
public interface DatabaseFile extends AutoCloseable {

    /** Reads up to {@code buf.byteSize()} bytes at {@code pos} into {@code buf}. */
    Completion pread(long pos, MemorySegment buf, Completion completion);

    /** Writes all of {@code buf} at {@code pos}. */
    Completion pwrite(long pos, MemorySegment buf, Completion completion);

    /** Writes {@code bufs} back to back starting at {@code pos}, as one operation. */
    Completion pwritev(long pos, MemorySegment[] bufs, Completion completion);

    /** Makes every completed write durable, data and metadata (fsync). */
    Completion sync(Completion completion);

    /** Makes every completed write's data durable, and metadata only where needed to read it back (fdatasync). */
    Completion dataSync(Completion completion);

    /**
     * Writes {@code bufs[i]} at {@code positions[i]} for every i, then syncs (fsync), as one chain: the sync starts
     * only after every write finished, and a failed write fails the chain with its {@code -errno} and skips the sync.
     * The result is the total bytes written. This is a commit's shape (WAL frames, then fsync); backends that can
     * link operations (io_uring's {@code IOSQE_IO_LINK}) submit the whole chain in one system call.
     */
    default Completion pwriteBatchAndSync(long[] positions, MemorySegment[] bufs, Completion completion) {
        return WriteBatchThenSync.submit(this, positions, bufs, completion);
    }

    /** Sets the file's length to {@code length} bytes. */
    Completion truncate(long length, Completion completion);

    /** The file's current length in bytes, as of the writes completed so far. */
    long size() throws IOException;

    /**
     * Takes an advisory whole-file lock, shared or exclusive, without waiting. Returns false if another holder has a
     * conflicting lock. Locks are per process (in-process concurrency is the engine's job, not the file system's).
     */
    boolean tryLock(boolean exclusive) throws IOException;

    /** Releases a lock taken with {@link #tryLock}; a no-op without one. */
    void unlock() throws IOException;

    String path();

    OpenFlags flags();

    /**
     * Closes the file. Operations still in flight finish first, with their real result or {@code -ECANCELED}; their
     * callbacks still run on the stepping thread. Closing twice is a no-op.
     */
    @Override
    void close() throws IOException;
}
