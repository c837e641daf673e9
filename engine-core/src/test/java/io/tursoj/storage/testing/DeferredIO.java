package io.tursoj.storage.testing;

import io.tursoj.io.Clock;
import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.Errno;
import io.tursoj.io.IO;
import io.tursoj.io.MemoryIO;
import io.tursoj.io.OpenFlags;
import io.tursoj.io.RandomSource;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * A test backend over {@link MemoryIO} whose operations finish only when the IO is stepped, in a seeded random
 * order, so that callers must really handle {@code Pending} and resume. It can also fail chosen operations.
 */
public final class DeferredIO implements IO {
    /** Decides which operations fail: returns an errno, or 0 to let the operation succeed. */
    @FunctionalInterface
    public interface FaultPlan {
        int errnoFor(String op, long count);
    }

    private final MemoryIO inner;
    private final RandomSource random;
    private final List<Completion> queued = new ArrayList<>();
    private final List<Integer> results = new ArrayList<>();
    private FaultPlan faults = (op, count) -> 0;
    private long operations;
    private long readOperations;

    public DeferredIO(MemoryIO inner, long seed) {
        this.inner = inner;
        this.random = RandomSource.seeded(seed);
    }

    public void setFaults(FaultPlan faults) {
        this.faults = faults;
    }

    /** Operations submitted so far. */
    public long operations() {
        return operations;
    }

    public long readOperations() {
        return readOperations;
    }

    @Override
    public DatabaseFile openFile(String path, OpenFlags flags) throws IOException {
        return new DeferredFile(inner.openFile(path, flags));
    }

    @Override
    public void removeFile(String path) throws IOException {
        inner.removeFile(path);
    }

    @Override
    public boolean exists(String path) throws IOException {
        return inner.exists(path);
    }

    @Override
    public int step(long maxWaitNanos) {
        int n = 0;
        while (!queued.isEmpty()) {
            int i = random.nextInt(queued.size());
            Completion c = queued.remove(i);
            int res = results.remove(i);
            c.complete(res);
            n++;
        }
        return n;
    }

    @Override
    public boolean hasInFlight() {
        return !queued.isEmpty();
    }

    @Override
    public Clock clock() {
        return inner.clock();
    }

    @Override
    public RandomSource random() {
        return random;
    }

    @Override
    public String name() {
        return "deferred";
    }

    @Override
    public void close() {
        inner.close();
    }

    private Completion defer(String op, Completion caller, Completion done) {
        operations++;
        int errno = faults.errnoFor(op, operations);
        queued.add(caller);
        results.add(errno != 0 ? -errno : done.result());
        return caller;
    }

    private final class DeferredFile implements DatabaseFile {
        private final DatabaseFile file;

        DeferredFile(DatabaseFile file) {
            this.file = file;
        }

        @Override
        public Completion pread(long pos, MemorySegment buf, Completion completion) {
            completion.markSubmitted();
            readOperations++;
            return defer("read", completion, file.pread(pos, buf, new Completion()));
        }

        @Override
        public Completion pwrite(long pos, MemorySegment buf, Completion completion) {
            completion.markSubmitted();
            return defer("write", completion, file.pwrite(pos, buf, new Completion()));
        }

        @Override
        public Completion pwritev(long pos, MemorySegment[] bufs, Completion completion) {
            completion.markSubmitted();
            return defer("write", completion, file.pwritev(pos, bufs, new Completion()));
        }

        @Override
        public Completion sync(Completion completion) {
            completion.markSubmitted();
            return defer("sync", completion, file.sync(new Completion()));
        }

        @Override
        public Completion dataSync(Completion completion) {
            completion.markSubmitted();
            return defer("sync", completion, file.dataSync(new Completion()));
        }

        @Override
        public Completion truncate(long length, Completion completion) {
            completion.markSubmitted();
            return defer("truncate", completion, file.truncate(length, new Completion()));
        }

        @Override
        public long size() throws IOException {
            return file.size();
        }

        @Override
        public boolean tryLock(boolean exclusive) throws IOException {
            return file.tryLock(exclusive);
        }

        @Override
        public void unlock() throws IOException {
            file.unlock();
        }

        @Override
        public String path() {
            return file.path();
        }

        @Override
        public OpenFlags flags() {
            return file.flags();
        }

        @Override
        public void close() throws IOException {
            file.close();
        }
    }

    /** An errno for fault plans. */
    public static final int EIO = Errno.EIO;
}
