package io.tursoj.storage.btree;

import io.tursoj.io.Clock;
import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.IO;
import io.tursoj.io.OpenFlags;
import io.tursoj.io.RandomSource;
import io.tursoj.io.sim.SimIO;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * A {@link SimIO} that loses power at an exact operation: it counts every file operation submitted (reads, writes,
 * syncs, truncates) and, when the count reaches {@link #cutAt}, calls {@link SimIO#crash()} (which keeps, drops or
 * tears each unsynced 512-byte sector, operations in flight included) and throws {@link PowerCut} to stop the
 * workload there. Everything else is the simulator's: latency, completion order, the clock, the trace hash.
 */
final class PowerCutIO implements IO {
    /** Thrown by the operation at which the power failed. */
    static final class PowerCut extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PowerCut(long operation) {
            super("power cut at operation " + operation, null, false, false);
        }
    }

    private final SimIO sim;
    private final long cutAt;
    private long operations;

    /** {@code cutAt} = {@link Long#MAX_VALUE} never cuts: a dry run that only counts. */
    PowerCutIO(SimIO sim, long cutAt) {
        this.sim = sim;
        this.cutAt = cutAt;
    }

    long operations() {
        return operations;
    }

    private void tick() {
        if (sim.isCrashed()) {
            throw new PowerCut(operations);
        }
        if (operations >= cutAt) {
            sim.crash();
            throw new PowerCut(operations);
        }
        operations++;
    }

    @Override
    public DatabaseFile openFile(String path, OpenFlags flags) throws IOException {
        if (sim.isCrashed()) {
            throw new PowerCut(operations);
        }
        return new CutFile(sim.openFile(path, flags));
    }

    @Override
    public void removeFile(String path) throws IOException {
        tick();
        sim.removeFile(path);
    }

    @Override
    public boolean exists(String path) throws IOException {
        return sim.exists(path);
    }

    @Override
    public int step(long maxWaitNanos) throws IOException {
        if (sim.isCrashed()) {
            throw new PowerCut(operations);
        }
        return sim.step(maxWaitNanos);
    }

    @Override
    public boolean hasInFlight() {
        return sim.hasInFlight();
    }

    @Override
    public Clock clock() {
        return sim.clock();
    }

    @Override
    public RandomSource random() {
        return sim.random();
    }

    @Override
    public String name() {
        return "sim-power-cut";
    }

    @Override
    public void close() {
        if (!sim.isCrashed()) {
            sim.close();
        }
    }

    private final class CutFile implements DatabaseFile {
        private final DatabaseFile inner;

        CutFile(DatabaseFile inner) {
            this.inner = inner;
        }

        @Override
        public Completion pread(long pos, MemorySegment buf, Completion completion) {
            tick();
            return inner.pread(pos, buf, completion);
        }

        @Override
        public Completion pwrite(long pos, MemorySegment buf, Completion completion) {
            tick();
            return inner.pwrite(pos, buf, completion);
        }

        @Override
        public Completion pwritev(long pos, MemorySegment[] bufs, Completion completion) {
            tick();
            return inner.pwritev(pos, bufs, completion);
        }

        @Override
        public Completion sync(Completion completion) {
            tick();
            return inner.sync(completion);
        }

        @Override
        public Completion dataSync(Completion completion) {
            tick();
            return inner.dataSync(completion);
        }

        @Override
        public Completion truncate(long length, Completion completion) {
            tick();
            return inner.truncate(length, completion);
        }

        @Override
        public long size() throws IOException {
            return inner.size();
        }

        @Override
        public boolean tryLock(boolean exclusive) throws IOException {
            return inner.tryLock(exclusive);
        }

        @Override
        public void unlock() throws IOException {
            inner.unlock();
        }

        @Override
        public String path() {
            return inner.path();
        }

        @Override
        public OpenFlags flags() {
            return inner.flags();
        }

        @Override
        public void close() throws IOException {
            if (!sim.isCrashed()) {
                inner.close();
            }
        }
    }
}
