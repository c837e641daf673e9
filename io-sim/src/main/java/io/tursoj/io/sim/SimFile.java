package io.tursoj.io.sim;

import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.Errno;
import io.tursoj.io.IOArgs;
import io.tursoj.io.OpenFlags;
import java.lang.foreign.MemorySegment;

/**
 * A handle on a {@link SimDisk} file, opened through a {@link SimIO}. Calls check their arguments with
 * {@link IOArgs} and the handle's state, then hand the operation to the simulator, which finishes it at a virtual
 * time drawn from the seed. Guarded by the owning {@code SimIO}'s monitor.
 */
final class SimFile implements DatabaseFile {
    final SimIO io;
    final SimDiskFile data;
    private final String path;
    private final OpenFlags flags;
    private boolean closed;
    private boolean holdsShared;
    private boolean holdsExclusive;

    SimFile(SimIO io, String path, OpenFlags flags, SimDiskFile data) {
        this.io = io;
        this.path = path;
        this.flags = flags;
        this.data = data;
    }

    @Override
    public Completion pread(long pos, MemorySegment buf, Completion completion) {
        completion.markSubmitted();
        SimOp op = new SimOp(SimOp.Kind.READ, this, completion);
        op.pos = pos;
        op.buf = buf;
        synchronized (io) {
            int e = closed ? Errno.EBADF : IOArgs.checkTransfer(pos, buf, flags.direct());
            op.length = e == 0 ? buf.byteSize() : 0;
            io.submit(op, e);
        }
        return completion;
    }

    @Override
    public Completion pwrite(long pos, MemorySegment buf, Completion completion) {
        completion.markSubmitted();
        SimOp op = new SimOp(SimOp.Kind.WRITE, this, completion);
        op.pos = pos;
        op.buf = buf;
        synchronized (io) {
            int e = checkWritable();
            if (e == 0) {
                e = IOArgs.checkTransfer(pos, buf, flags.direct());
            }
            op.length = e == 0 ? buf.byteSize() : 0;
            io.submit(op, e);
        }
        return completion;
    }

    @Override
    public Completion pwritev(long pos, MemorySegment[] bufs, Completion completion) {
        completion.markSubmitted();
        SimOp op = new SimOp(SimOp.Kind.WRITEV, this, completion);
        op.pos = pos;
        op.bufs = bufs;
        synchronized (io) {
            int e = checkWritable();
            if (e == 0) {
                e = IOArgs.checkTransfer(pos, bufs, flags.direct());
            }
            if (e == 0) {
                for (MemorySegment b : bufs) {
                    op.length += b.byteSize();
                }
            }
            io.submit(op, e);
        }
        return completion;
    }

    @Override
    public Completion sync(Completion completion) {
        return submitSync(SimOp.Kind.SYNC, completion);
    }

    @Override
    public Completion dataSync(Completion completion) {
        return submitSync(SimOp.Kind.DATASYNC, completion);
    }

    private Completion submitSync(SimOp.Kind kind, Completion completion) {
        completion.markSubmitted();
        SimOp op = new SimOp(kind, this, completion);
        synchronized (io) {
            synchronized (io.disk()) {
                op.syncBarrier = data.completedMutations();
            }
            io.submit(op, closed || flags().readOnly() ? Errno.EBADF : 0);
        }
        return completion;
    }

    @Override
    public Completion truncate(long length, Completion completion) {
        completion.markSubmitted();
        SimOp op = new SimOp(SimOp.Kind.TRUNCATE, this, completion);
        op.length = length;
        synchronized (io) {
            int e = checkWritable();
            if (e == 0) {
                e = IOArgs.checkTruncate(length);
            }
            io.submit(op, e);
        }
        return completion;
    }

    @Override
    public long size() {
        synchronized (io) {
            checkUsable();
            synchronized (io.disk()) {
                return data.length();
            }
        }
    }

    @Override
    public boolean tryLock(boolean exclusive) {
        synchronized (io) {
            checkUsable();
            if (exclusive ? holdsExclusive : holdsShared || holdsExclusive) {
                return true;
            }
            synchronized (io.disk()) {
                if (exclusive) {
                    int others = data.sharedLocks - (holdsShared ? 1 : 0);
                    if (data.exclusiveLock || others > 0) {
                        return false;
                    }
                    data.exclusiveLock = true;
                    holdsExclusive = true;
                    return true;
                }
                if (data.exclusiveLock) {
                    return false;
                }
                data.sharedLocks++;
                holdsShared = true;
                return true;
            }
        }
    }

    @Override
    public void unlock() {
        synchronized (io) {
            synchronized (io.disk()) {
                if (holdsExclusive) {
                    data.exclusiveLock = false;
                }
                if (holdsShared) {
                    data.sharedLocks--;
                }
            }
            holdsExclusive = false;
            holdsShared = false;
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

    /** Closes the handle; the simulator decides, per operation still in flight, to finish it or cancel it. */
    @Override
    public void close() {
        synchronized (io) {
            if (closed || io.isCrashed()) {
                return;
            }
            unlock();
            closed = true;
            io.onFileClosed(this);
        }
    }

    /** The process died: the handle is gone without ceremony (its locks died with the disk's recovery). */
    void die() {
        closed = true;
        holdsExclusive = false;
        holdsShared = false;
    }

    boolean isClosed() {
        return closed;
    }

    private int checkWritable() {
        return closed || flags.readOnly() ? Errno.EBADF : 0;
    }

    private void checkUsable() {
        if (io.isCrashed()) {
            throw new IllegalStateException("the simulated process crashed: " + path);
        }
        if (closed) {
            throw new IllegalStateException("file is closed: " + path);
        }
    }
}
