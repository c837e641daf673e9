package io.tursoj.io.nio;

import io.tursoj.io.Completion;
import io.tursoj.io.Errno;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.channels.CompletionHandler;

/**
 * One operation of the NIO backend in flight: its state, its {@link CompletionHandler} and, for sync and truncate,
 * the task run on the backend's executor. Instances are pooled by {@link NioIO} and reused, so a steady stream of
 * operations allocates only the {@link ByteBuffer} views NIO needs.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Handler code never throws: every {@link Throwable} becomes {@code -errno} (see {@link NioErrors}). The
 *       channel's thread pool would swallow an exception, and the operation would never finish.
 *   <li>An operation finishes exactly once ({@link #state} goes ACTIVE to FINISHED by compare-and-set); finishing
 *       only records the result and queues the op to its {@link NioIO}. The caller's {@link Completion} is completed
 *       later, by {@link NioIO#step}, on the stepping thread.
 *   <li>A transfer ends only when every byte moved, a read reached end of file, or it failed: short transfers are
 *       continued from the handler at the next offset.
 * </ol>
 */
final class NioOp implements CompletionHandler<Integer, Void>, Runnable {
    enum Kind {
        READ,
        WRITE,
        WRITEV,
        SYNC,
        DATASYNC,
        TRUNCATE,
        /** Failed before reaching the channel (bad arguments, closed file): only carries its result. */
        REJECTED
    }

    static final int IDLE = 0;
    static final int ACTIVE = 1;
    static final int FINISHED = 2;

    /** Consecutive writes that move no byte before the write is declared failed (a file never does this). */
    private static final int MAX_ZERO_PROGRESS = 16;

    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(NioOp.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final NioIO io;

    @SuppressWarnings("FieldMayBeFinal") // written through STATE
    private volatile int state = IDLE;

    /** Link in the backend's completed-operation stack and ready list. */
    NioOp next;

    Kind kind;
    NioFile file;
    Completion completion;
    int result;

    private long position;
    private long transferred;
    private MemorySegment segment;
    private ByteBuffer buffer;
    private int endLimit;
    private MemorySegment[] parts;
    private int partIndex;
    private long truncateLength;
    private int zeroProgress;

    NioOp(NioIO io) {
        this.io = io;
    }

    /** Readies a pooled op for {@code completion} on {@code target}. */
    void activate(Kind newKind, NioFile target, Completion newCompletion) {
        boolean was = STATE.compareAndSet(this, IDLE, ACTIVE);
        assert was : "activating an op that is in use";
        kind = newKind;
        file = target;
        completion = newCompletion;
        result = 0;
        transferred = 0;
        zeroProgress = 0;
        partIndex = 0;
        parts = null;
        segment = null;
        buffer = null;
    }

    /** Clears references so a pooled op keeps no caller memory alive. */
    void recycle() {
        boolean was = STATE.compareAndSet(this, FINISHED, IDLE);
        assert was : "recycling an op that has not finished";
        next = null;
        file = null;
        completion = null;
    }

    void startRead(long pos, MemorySegment buf) {
        position = pos;
        startTransfer(buf);
    }

    void startWrite(long pos, MemorySegment buf) {
        position = pos;
        startTransfer(buf);
    }

    void startWritev(long pos, MemorySegment[] bufs) {
        position = pos;
        parts = bufs;
        startTransfer(bufs[0]);
    }

    /** Sync, data sync and truncate: the channel calls block, so they run on the backend's executor. */
    void startTask(long length) {
        truncateLength = length;
        try {
            io.executor().execute(this);
        } catch (Throwable t) {
            finish(-NioErrors.errnoOf(t));
        }
    }

    @Override
    public void run() {
        try {
            switch (kind) {
                case SYNC -> file.channel().force(true);
                case DATASYNC -> file.channel().force(false);
                case TRUNCATE -> file.setLength(truncateLength);
                default -> throw new IllegalStateException("not a task: " + kind);
            }
            finish(0);
        } catch (Throwable t) {
            finish(-NioErrors.errnoOf(t));
        }
    }

    @Override
    public void completed(Integer bytes, Void ignored) {
        try {
            io.beforeHandler(this);
            onTransferred(bytes);
        } catch (Throwable t) {
            finish(-NioErrors.errnoOf(t));
        }
    }

    @Override
    public void failed(Throwable failure, Void ignored) {
        try {
            io.beforeHandler(this);
            finish(-NioErrors.errnoOf(failure));
        } catch (Throwable t) {
            finish(-NioErrors.errnoOf(failure));
        }
    }

    /**
     * Records {@code res} and hands the op to the stepping thread. Returns false if it had already finished (a
     * second failure path racing the first).
     */
    boolean finish(int res) {
        if (!STATE.compareAndSet(this, ACTIVE, FINISHED)) {
            return false;
        }
        result = res;
        segment = null;
        buffer = null;
        parts = null;
        io.onFinished(this);
        return true;
    }

    /**
     * Whether this op is moving bytes through memory that is no longer there (its arena was closed). NIO's worker
     * task dies on such memory without calling the handler; {@link NioIO} uses this to finish the op instead.
     */
    boolean transfersFreedMemory() {
        MemorySegment s = segment;
        return state == ACTIVE && s != null && !s.scope().isAlive();
    }

    private void startTransfer(MemorySegment buf) {
        try {
            segment = buf;
            buffer = buf.asByteBuffer();
            endLimit = buffer.limit();
            if (endLimit == 0) {
                onTransferred(0);
                return;
            }
            issue();
        } catch (Throwable t) {
            finish(-NioErrors.errnoOf(t));
        }
    }

    /** Submits the next piece of the transfer, capped to {@link NioIO#maxTransferBytes} when set. */
    private void issue() {
        int cap = io.maxTransferBytes();
        int limit = cap > 0 ? (int) Math.min(endLimit, (long) buffer.position() + cap) : endLimit;
        buffer.limit(limit);
        long at = position + transferred;
        if (kind == Kind.READ) {
            file.channel().read(buffer, at, null, this);
        } else {
            file.channel().write(buffer, at, null, this);
        }
    }

    private void onTransferred(int bytes) {
        if (kind == Kind.READ) {
            onRead(bytes);
        } else {
            onWritten(bytes);
        }
    }

    private void onRead(int bytes) {
        if (bytes <= 0) { // -1 at end of file: a short read, the normal end of a read past the end
            finish((int) transferred);
            return;
        }
        transferred += bytes;
        if (buffer.position() < endLimit) {
            io.countContinuation();
            issue();
            return;
        }
        finish((int) transferred);
    }

    private void onWritten(int bytes) {
        if (bytes <= 0) {
            if (endLimit > 0 && ++zeroProgress > MAX_ZERO_PROGRESS) {
                finish(-Errno.EIO);
                return;
            }
        } else {
            zeroProgress = 0;
            transferred += bytes;
        }
        if (buffer.position() < endLimit) {
            io.countContinuation();
            issue();
            return;
        }
        if (parts != null && ++partIndex < parts.length) {
            nextPart();
            return;
        }
        finish((int) transferred);
    }

    private void nextPart() {
        segment = parts[partIndex];
        buffer = segment.asByteBuffer();
        endLimit = buffer.limit();
        if (endLimit == 0) {
            onWritten(0);
            return;
        }
        issue();
    }
}
