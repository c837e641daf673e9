package io.tursoj.io;

import java.lang.foreign.MemorySegment;

/** A handle on a {@link MemoryIO} file. Every operation finishes before the submitting call returns. */
final class MemoryFile implements DatabaseFile {
    private final MemoryIO io;
    private final String path;
    private final OpenFlags flags;
    private final MemoryFileData data;
    private boolean holdsShared;
    private boolean holdsExclusive;
    private volatile boolean closed;

    MemoryFile(MemoryIO io, String path, OpenFlags flags, MemoryFileData data) {
        this.io = io;
        this.path = path;
        this.flags = flags;
        this.data = data;
    }

    @Override
    public Completion pread(long pos, MemorySegment buf, Completion completion) {
        completion.markSubmitted();
        int e = closed ? Errno.EBADF : IOArgs.checkTransfer(pos, buf, flags.direct());
        finish(completion, e != 0 ? -e : data.read(pos, buf));
        return completion;
    }

    @Override
    public Completion pwrite(long pos, MemorySegment buf, Completion completion) {
        completion.markSubmitted();
        int e = checkWritable();
        if (e == 0) {
            e = IOArgs.checkTransfer(pos, buf, flags.direct());
        }
        finish(completion, e != 0 ? -e : data.write(pos, buf));
        return completion;
    }

    @Override
    public Completion pwritev(long pos, MemorySegment[] bufs, Completion completion) {
        completion.markSubmitted();
        int e = checkWritable();
        if (e == 0) {
            e = IOArgs.checkTransfer(pos, bufs, flags.direct());
        }
        if (e != 0) {
            finish(completion, -e);
            return completion;
        }
        long at = pos;
        for (MemorySegment b : bufs) {
            at += data.write(at, b);
        }
        finish(completion, (int) (at - pos));
        return completion;
    }

    @Override
    public Completion sync(Completion completion) {
        completion.markSubmitted();
        finish(completion, -checkWritable());
        return completion;
    }

    @Override
    public Completion dataSync(Completion completion) {
        return sync(completion);
    }

    @Override
    public Completion truncate(long length, Completion completion) {
        completion.markSubmitted();
        int e = checkWritable();
        if (e == 0) {
            e = IOArgs.checkTruncate(length);
        }
        if (e == 0) {
            data.truncate(length);
        }
        finish(completion, -e);
        return completion;
    }

    @Override
    public long size() {
        checkNotClosed();
        return data.length();
    }

    @Override
    public synchronized boolean tryLock(boolean exclusive) {
        checkNotClosed();
        if (exclusive ? holdsExclusive : holdsShared || holdsExclusive) {
            return true;
        }
        if (!data.tryLock(exclusive, holdsShared)) {
            return false;
        }
        if (exclusive) {
            holdsExclusive = true;
        } else {
            holdsShared = true;
        }
        return true;
    }

    @Override
    public synchronized void unlock() {
        data.unlock(holdsExclusive, holdsShared);
        holdsExclusive = false;
        holdsShared = false;
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
    public void close() {
        if (!closed) {
            unlock();
            closed = true;
            io.onFileClosed();
        }
    }

    private int checkWritable() {
        if (closed || flags.readOnly()) {
            return Errno.EBADF;
        }
        return 0;
    }

    private void checkNotClosed() {
        if (closed) {
            throw new IllegalStateException("file is closed: " + path);
        }
    }

    private static void finish(Completion completion, int result) {
        completion.complete(result);
    }
}
