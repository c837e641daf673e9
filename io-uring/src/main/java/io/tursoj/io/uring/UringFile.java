package io.tursoj.io.uring;

import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.Errno;
import io.tursoj.io.IOArgs;
import io.tursoj.io.IOFailedException;
import io.tursoj.io.OpenFlags;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A file open on a {@link UringIO}. Transfers are checked with {@link IOArgs} here, before anything reaches the
 * kernel, and then handed to the IO's issuer.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>{@link #state} counts the <em>users</em> of the descriptor (accepted operations not yet finished, plus
 *       synchronous calls such as {@link #size()} in progress) and carries a closed bit. Once closed, no new user is
 *       admitted; the descriptor (and its fixed-file slot) is released exactly once, by whoever brings the count to
 *       zero with the bit set. So an SQE never names a closed or reused descriptor.
 *   <li>{@link #fixedIndex} is this file's slot in the ring's registered file table, or -1; it is constant while
 *       the file is open.
 * </ol>
 */
final class UringFile implements DatabaseFile {
    private static final int CLOSED = 1 << 30;

    private final UringIO io;
    private final String path;
    private final OpenFlags flags;
    final int fd;
    final int fixedIndex;
    private final AtomicInteger state = new AtomicInteger();
    /** Cleared when preadv2(RWF_NOWAIT) is unsupported for this file (EOPNOTSUPP); issuer-only. */
    boolean fastReadSupported = true;

    private boolean holdsShared;
    private boolean holdsExclusive;

    UringFile(UringIO io, String path, OpenFlags flags, int fd, int fixedIndex) {
        this.io = io;
        this.path = path;
        this.flags = flags;
        this.fd = fd;
        this.fixedIndex = fixedIndex;
    }

    @Override
    public Completion pread(long pos, MemorySegment buf, Completion completion) {
        completion.markSubmitted();
        int e = isClosed() ? Errno.EBADF : checkBuffer(pos, buf);
        if (e == 0 && buf.isReadOnly()) {
            e = Errno.EFAULT; // the kernel would write into memory Java promised not to change
        }
        return e != 0 ? io.finishEarly(completion, -e) : submit(Request.READ, pos, buf, null, completion);
    }

    @Override
    public Completion pwrite(long pos, MemorySegment buf, Completion completion) {
        completion.markSubmitted();
        int e = checkWritable();
        if (e == 0) {
            e = checkBuffer(pos, buf);
        }
        return e != 0 ? io.finishEarly(completion, -e) : submit(Request.WRITE, pos, buf, null, completion);
    }

    @Override
    public Completion pwritev(long pos, MemorySegment[] bufs, Completion completion) {
        completion.markSubmitted();
        int e = checkWritable();
        if (e == 0) {
            e = IOArgs.checkTransfer(pos, bufs, flags.direct());
        }
        if (e == 0) {
            for (MemorySegment b : bufs) {
                if (!b.scope().isAlive()) {
                    e = Errno.EFAULT;
                    break;
                }
            }
        }
        // The array is copied: the caller may reuse it as soon as this call returns.
        return e != 0 ? io.finishEarly(completion, -e) : submit(Request.WRITEV, pos, null, bufs.clone(), completion);
    }

    /**
     * Submits the writes and the fsync as one linked io_uring chain in one system call (see {@link LinkedChain}) when
     * the ring has room for the whole chain and this thread can issue; otherwise (a batch longer than the free slots
     * or SQEs, earlier requests still overflowing, or another thread stepping) it falls back to the portable chain,
     * whose writes fan in before the sync is submitted. Both give the same results.
     */
    @Override
    public Completion pwriteBatchAndSync(long[] positions, MemorySegment[] bufs, Completion completion) {
        int e = checkWritable();
        if (e == 0) {
            e = checkBatch(positions, bufs);
        }
        if (e != 0) {
            completion.markSubmitted();
            return io.finishEarly(completion, -e);
        }
        if (io.submitLinkedWriteThenSync(this, positions, bufs, completion)) {
            return completion;
        }
        return DatabaseFile.super.pwriteBatchAndSync(positions, bufs, completion);
    }

    private int checkBatch(long[] positions, MemorySegment[] bufs) {
        if (positions.length != bufs.length || positions.length == 0) {
            return Errno.EINVAL;
        }
        for (int i = 0; i < bufs.length; i++) {
            int e = checkBuffer(positions[i], bufs[i]);
            if (e != 0) {
                return e;
            }
        }
        return 0;
    }

    @Override
    public Completion sync(Completion completion) {
        completion.markSubmitted();
        int e = checkWritable();
        return e != 0 ? io.finishEarly(completion, -e) : submit(Request.FSYNC, 0, null, null, completion);
    }

    @Override
    public Completion dataSync(Completion completion) {
        completion.markSubmitted();
        int e = checkWritable();
        return e != 0 ? io.finishEarly(completion, -e) : submit(Request.FDATASYNC, 0, null, null, completion);
    }

    @Override
    public Completion truncate(long length, Completion completion) {
        completion.markSubmitted();
        int e = checkWritable();
        if (e == 0) {
            e = IOArgs.checkTruncate(length);
        }
        return e != 0 ? io.finishEarly(completion, -e) : submit(Request.TRUNCATE, length, null, null, completion);
    }

    private Completion submit(byte op, long pos, MemorySegment buf, MemorySegment[] bufs, Completion completion) {
        if (!acquireUse()) {
            return io.finishEarly(completion, -Errno.EBADF);
        }
        return io.submit(op, this, pos, buf, bufs, completion);
    }

    private int checkBuffer(long pos, MemorySegment buf) {
        int e = IOArgs.checkTransfer(pos, buf, flags.direct());
        if (e == 0 && !buf.scope().isAlive()) {
            e = Errno.EFAULT; // its arena is closed: the address points at freed memory
        }
        return e;
    }

    private int checkWritable() {
        return isClosed() || flags.readOnly() ? Errno.EBADF : 0;
    }

    boolean direct() {
        return flags.direct();
    }

    @Override
    public long size() throws IOException {
        if (!acquireUse()) {
            throw new IllegalStateException("file is closed: " + path);
        }
        try (Arena scratch = Arena.ofConfined()) {
            long n = Libc.sizeOf(fd, Libc.newErrnoState(scratch));
            if (n < 0) {
                throw new IOFailedException((int) -n, "size of " + path);
            }
            return n;
        } finally {
            releaseUse();
        }
    }

    @Override
    public synchronized boolean tryLock(boolean exclusive) throws IOException {
        if (exclusive ? holdsExclusive : holdsShared || holdsExclusive) {
            return true;
        }
        int r = flock((exclusive ? Libc.LOCK_EX : Libc.LOCK_SH) | Libc.LOCK_NB);
        if (r == -Errno.EAGAIN) {
            if (exclusive && holdsShared) {
                // Linux drops the shared lock before trying the exclusive one (flock(2): conversion is not atomic);
                // take the shared lock back so a failed upgrade leaves the caller as it was.
                holdsShared = flock(Libc.LOCK_SH | Libc.LOCK_NB) == 0;
            }
            return false;
        }
        if (r < 0) {
            throw new IOFailedException(-r, "flock " + path);
        }
        if (exclusive) {
            holdsExclusive = true;
            holdsShared = false;
        } else {
            holdsShared = true;
        }
        return true;
    }

    @Override
    public synchronized void unlock() throws IOException {
        if (!holdsShared && !holdsExclusive) {
            return;
        }
        holdsShared = false;
        holdsExclusive = false;
        int r = flock(Libc.LOCK_UN);
        if (r < 0 && r != -Errno.EBADF) {
            throw new IOFailedException(-r, "unlock " + path);
        }
    }

    private int flock(int operation) {
        if (!acquireUse()) {
            throw new IllegalStateException("file is closed: " + path);
        }
        try (Arena scratch = Arena.ofConfined()) {
            return Libc.flock(fd, operation, Libc.newErrnoState(scratch));
        } finally {
            releaseUse();
        }
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public OpenFlags flags() {
        return flags;
    }

    /**
     * Closes the file: new operations fail with EBADF at once; operations already accepted finish with their real
     * result (their callbacks run on the issuer), and the descriptor is closed after the last of them.
     */
    @Override
    public void close() throws IOException {
        if (isClosed()) {
            return;
        }
        unlock();
        int before = state.getAndUpdate(s -> s | CLOSED);
        if ((before & CLOSED) == 0 && before == 0) {
            io.releaseFile(this);
        }
    }

    boolean isClosed() {
        return (state.get() & CLOSED) != 0;
    }

    /** Admits one more user of the descriptor; false once the file is closed. */
    boolean acquireUse() {
        while (true) {
            int s = state.get();
            if ((s & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(s, s + 1)) {
                return true;
            }
        }
    }

    /** Ends one use; the last one after {@link #close()} releases the descriptor. */
    void releaseUse() {
        int s = state.decrementAndGet();
        assert (s & ~CLOSED) >= 0 : "more releases than uses";
        if (s == CLOSED) {
            io.releaseFile(this);
        }
    }

    @Override
    public String toString() {
        return "UringFile[" + path + ", fd " + fd + (fixedIndex >= 0 ? ", fixed " + fixedIndex : "") + "]";
    }
}
