package io.tursoj.io.sim;

import io.tursoj.io.Completion;
import io.tursoj.io.Errno;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * One simulated operation between submission and completion. Its effect happens at completion, in virtual time
 * order: reads see the file as it is then, writes land then. Every fault decision is drawn from the run's generator
 * at that moment, so the order of completions fixes the order of draws.
 */
final class SimOp {
    enum Kind {
        READ,
        WRITE,
        WRITEV,
        SYNC,
        DATASYNC,
        TRUNCATE
    }

    final Kind kind;
    final SimFile file;
    final Completion completion;
    long seq;
    long dueNanos;
    long pos;
    /** Bytes to transfer, or the truncate length. */
    long length;

    MemorySegment buf;
    MemorySegment[] bufs;
    /** For syncs: how many of the file's mutations had completed when the sync was submitted. */
    long syncBarrier;
    /** Refused at submission (bad arguments, closed file): finishes at once with this errno. */
    int rejectedErrno;
    /** A one-shot injected failure ({@link SimIO#failNextRead}, {@link SimIO#failNextWrite}). */
    int forcedErrno;
    /** Its file was closed while it was in flight and the seed chose to abandon it. */
    boolean cancelled;

    SimOp(Kind kind, SimFile file, Completion completion) {
        this.kind = kind;
        this.file = file;
        this.completion = completion;
    }

    boolean isMutation() {
        return kind == Kind.WRITE || kind == Kind.WRITEV || kind == Kind.TRUNCATE;
    }

    boolean isWrite() {
        return kind == Kind.WRITE || kind == Kind.WRITEV;
    }

    /** Carries the operation out against the disk; returns its result (bytes or {@code -errno}). */
    int perform(SimIO io) {
        if (rejectedErrno != 0) {
            return -rejectedErrno;
        }
        if (cancelled) {
            return -Errno.ECANCELED;
        }
        if (forcedErrno != 0) {
            return -forcedErrno;
        }
        try {
            synchronized (io.disk()) {
                return switch (kind) {
                    case READ -> read(io);
                    case WRITE, WRITEV -> write(io);
                    case SYNC, DATASYNC -> sync(io);
                    case TRUNCATE -> truncate(io);
                };
            }
        } catch (IllegalStateException | WrongThreadException e) {
            return -Errno.EFAULT; // the caller freed or confined its buffer while the operation was in flight
        }
    }

    private int read(SimIO io) {
        FaultProfile faults = io.faults();
        if (io.chance(faults.read().probability())) {
            return -faults.read().errno();
        }
        SimDiskFile data = file.data;
        int n = (int) Math.max(0, Math.min(length, data.length() - pos));
        if (n > 1 && io.chance(faults.shortReadProbability())) {
            n = 1 + (int) io.draw(n - 1);
        }
        data.visible().read(pos, buf, n);
        if (n > 0 && io.chance(faults.bitFlipProbability())) {
            long bit = io.draw(n * 8L);
            long at = bit >>> 3;
            byte b = buf.get(ValueLayout.JAVA_BYTE, at);
            buf.set(ValueLayout.JAVA_BYTE, at, (byte) (b ^ (1 << (bit & 7))));
        }
        return n;
    }

    private int write(SimIO io) {
        FaultProfile faults = io.faults();
        if (io.chance(faults.write().probability())) {
            return -faults.write().errno();
        }
        SimDiskFile data = file.data;
        int n = (int) length;
        if (n > 1 && io.chance(faults.shortWriteProbability())) {
            n = 1 + (int) io.draw(n - 1);
        }
        long growth = pos + n - data.length();
        if (growth > 0 && io.disk().usedBytes() + growth > io.disk().capacityBytes()) {
            return -Errno.ENOSPC;
        }
        if (n > 0) {
            data.apply(new Mutation.Write(pos, gather(n)));
        }
        return n;
    }

    private int sync(SimIO io) {
        FaultProfile faults = io.faults();
        if (io.chance(faults.sync().probability())) {
            return -faults.sync().errno();
        }
        file.data.makeDurable(syncBarrier);
        return 0;
    }

    private int truncate(SimIO io) {
        FaultProfile faults = io.faults();
        if (io.chance(faults.truncate().probability())) {
            return -faults.truncate().errno();
        }
        file.data.apply(new Mutation.Truncate(length));
        return 0;
    }

    /**
     * What this in-flight mutation would put on the disk if the power failed now (its bytes may be partly there), or
     * null if its memory is gone.
     */
    Mutation asCrashMutation() {
        if (kind == Kind.TRUNCATE) {
            return new Mutation.Truncate(length);
        }
        try {
            return new Mutation.Write(pos, gather((int) length));
        } catch (IllegalStateException | WrongThreadException e) {
            return null;
        }
    }

    /** The first {@code n} bytes of the op's buffer(s), copied (the caller may reuse its buffer after completion). */
    private byte[] gather(int n) {
        byte[] out = new byte[n];
        if (bufs == null) {
            MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, out, 0, n);
            return out;
        }
        int done = 0;
        for (int i = 0; i < bufs.length && done < n; i++) {
            int k = (int) Math.min(n - done, bufs[i].byteSize());
            MemorySegment.copy(bufs[i], ValueLayout.JAVA_BYTE, 0, out, done, k);
            done += k;
        }
        return out;
    }
}
