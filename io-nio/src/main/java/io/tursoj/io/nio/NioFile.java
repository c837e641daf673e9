package io.tursoj.io.nio;

import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.Errno;
import io.tursoj.io.IOArgs;
import io.tursoj.io.OpenFlags;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.foreign.MemorySegment;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Path;

/**
 * A file of the {@link NioIO} backend: an {@link AsynchronousFileChannel} on the backend's executor.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Every call checks its arguments ({@link IOArgs}), the file's mode and whether it is closed before it touches
 *       the channel; a refused call fails its completion, delivered by the next {@link NioIO#step}.
 *   <li>Transfers go straight between the caller's off-heap segment and the kernel (a direct {@link
 *       java.nio.ByteBuffer} view, no copy), so O_DIRECT works when {@link IOArgs#isDirectAligned} holds.
 *   <li>After {@link #close()} the channel is closed: operations still queued or running finish with their real
 *       result or {@code -ECANCELED}, and new ones fail with {@code -EBADF}.
 * </ol>
 */
final class NioFile implements DatabaseFile {
    private final NioIO io;
    private final String path;
    private final OpenFlags flags;
    private final AsynchronousFileChannel channel;
    private final Object fileKey;
    private final Object extendLock = new Object();
    private RandomAccessFile extender; // guarded by extendLock; opened on the first truncate that grows the file
    private boolean extenderClosed; // guarded by extendLock
    private boolean holdsShared; // guarded by this
    private boolean holdsExclusive; // guarded by this
    private volatile boolean closed;

    NioFile(NioIO io, String path, OpenFlags flags, AsynchronousFileChannel channel, Object fileKey) {
        this.io = io;
        this.path = path;
        this.flags = flags;
        this.channel = channel;
        this.fileKey = fileKey;
    }

    AsynchronousFileChannel channel() {
        return channel;
    }

    Object fileKey() {
        return fileKey;
    }

    @Override
    public Completion pread(long pos, MemorySegment buf, Completion completion) {
        completion.markSubmitted();
        int e = closed ? Errno.EBADF : checkMemory(IOArgs.checkTransfer(pos, buf, flags.direct()), buf);
        if (e != 0) {
            io.reject(this, completion, e);
        } else {
            io.begin(NioOp.Kind.READ, this, completion).startRead(pos, buf);
        }
        return completion;
    }

    @Override
    public Completion pwrite(long pos, MemorySegment buf, Completion completion) {
        completion.markSubmitted();
        int e = checkWritable();
        if (e == 0) {
            e = checkMemory(IOArgs.checkTransfer(pos, buf, flags.direct()), buf);
        }
        if (e != 0) {
            io.reject(this, completion, e);
        } else {
            io.begin(NioOp.Kind.WRITE, this, completion).startWrite(pos, buf);
        }
        return completion;
    }

    @Override
    public Completion pwritev(long pos, MemorySegment[] bufs, Completion completion) {
        completion.markSubmitted();
        int e = checkWritable();
        if (e == 0) {
            e = IOArgs.checkTransfer(pos, bufs, flags.direct());
        }
        for (int i = 0; e == 0 && i < bufs.length; i++) {
            e = checkMemory(0, bufs[i]);
        }
        if (e != 0) {
            io.reject(this, completion, e);
        } else {
            io.begin(NioOp.Kind.WRITEV, this, completion).startWritev(pos, bufs);
        }
        return completion;
    }

    @Override
    public Completion sync(Completion completion) {
        return submitTask(NioOp.Kind.SYNC, 0, completion);
    }

    @Override
    public Completion dataSync(Completion completion) {
        return submitTask(NioOp.Kind.DATASYNC, 0, completion);
    }

    @Override
    public Completion truncate(long length, Completion completion) {
        return submitTask(NioOp.Kind.TRUNCATE, length, completion);
    }

    @Override
    public long size() throws IOException {
        checkNotClosed();
        return channel.size();
    }

    @Override
    public synchronized boolean tryLock(boolean exclusive) throws IOException {
        checkNotClosed();
        if (exclusive ? holdsExclusive : holdsShared || holdsExclusive) {
            return true;
        }
        if (!ProcessLocks.tryLock(this, exclusive, holdsShared)) {
            return false;
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
        if (holdsShared || holdsExclusive) {
            boolean exclusive = holdsExclusive;
            holdsShared = false;
            holdsExclusive = false;
            ProcessLocks.unlock(this, exclusive);
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

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        IOException failure = null;
        try {
            unlock();
        } catch (IOException e) {
            failure = e;
        }
        try {
            channel.close();
        } catch (IOException e) {
            failure = addTo(failure, e);
        }
        synchronized (extendLock) {
            extenderClosed = true;
            if (extender != null) {
                try {
                    extender.close();
                } catch (IOException e) {
                    failure = addTo(failure, e);
                }
                extender = null;
            }
        }
        io.onFileClosed(this);
        if (failure != null) {
            throw failure;
        }
    }

    boolean isClosed() {
        return closed;
    }

    /**
     * Sets the file's length; runs on the executor. {@link AsynchronousFileChannel#truncate} only shrinks, so growth
     * goes through a second descriptor's {@code ftruncate} ({@link RandomAccessFile#setLength}), which extends with a
     * hole that reads as zeros and works under O_DIRECT too.
     */
    void setLength(long length) throws IOException {
        if (length <= channel.size()) {
            channel.truncate(length);
            return;
        }
        synchronized (extendLock) {
            if (extenderClosed) {
                throw new java.nio.channels.AsynchronousCloseException();
            }
            if (extender == null) {
                extender = new RandomAccessFile(Path.of(path).toFile(), "rw");
            }
            extender.setLength(length);
        }
    }

    private Completion submitTask(NioOp.Kind kind, long length, Completion completion) {
        completion.markSubmitted();
        int e = checkWritable(); // sync, data sync and truncate all need a writable file (DatabaseFile contract)
        if (e == 0 && kind == NioOp.Kind.TRUNCATE) {
            e = IOArgs.checkTruncate(length);
        }
        if (e != 0) {
            io.reject(this, completion, e);
        } else {
            io.begin(kind, this, completion).startTask(length);
        }
        return completion;
    }

    private int checkWritable() {
        return closed || flags.readOnly() ? Errno.EBADF : 0;
    }

    /**
     * NIO's worker threads touch the memory, so it must be reachable from any thread and still allocated; a
     * segment confined to one thread, or freed, would kill the worker task without a callback.
     */
    private static int checkMemory(int errno, MemorySegment buf) {
        if (errno != 0) {
            return errno;
        }
        return buf.scope().isAlive() && buf.isAccessibleBy(NioIO.FOREIGN_THREAD) ? 0 : Errno.EFAULT;
    }

    private void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("file is closed: " + path);
        }
    }

    private static IOException addTo(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }
}
