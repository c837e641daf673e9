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
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A synchronous in-memory backend that models a power cut, in the spirit of SQLite's test6.c: every file has a
 * durable image (what survived the last sync) and a list of writes since. Reads see everything written. At a crash,
 * each unsynced write independently survives whole, is lost, or is torn at a 512-byte sector boundary, and
 * {@link #afterCrash} returns the files as a fresh {@link MemoryIO}. {@link #crashAfter} makes the N-th operation
 * (and everything later) throw {@link SimulatedCrash}, so a workload stops at an exact operation.
 */
public final class CrashIO implements IO {
    /** Thrown by the operation at which the simulated machine lost power. */
    public static final class SimulatedCrash extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SimulatedCrash(long operation) {
            super("simulated power cut at operation " + operation);
        }
    }

    private static final int SECTOR = 512;

    private final MemoryIO current = new MemoryIO();
    private final Map<String, FileState> files = new HashMap<>();
    private final RandomSource random;
    private long operations;
    private long crashAt = Long.MAX_VALUE;
    private long syncs;

    /** One unsynced change: a write of {@code bytes} at {@code offset}, or a truncate to {@code offset}. */
    private record Change(long offset, byte[] bytes, boolean truncate) {}

    /** A file's durable image and its changes since the last sync. */
    private static final class FileState {
        byte[] durable = new byte[0];
        long durableLength;
        final List<Change> pending = new ArrayList<>();
    }

    public CrashIO(long seed) {
        this.random = RandomSource.seeded(seed);
    }

    /** The operation at which the machine loses power (0-based count of data operations). */
    public void crashAfter(long operation) {
        crashAt = operation;
    }

    public long operations() {
        return operations;
    }

    public long syncs() {
        return syncs;
    }

    private void tick() {
        if (operations >= crashAt) {
            throw new SimulatedCrash(operations);
        }
        operations++;
    }

    /** The files as they would be found after the power came back: a new in-memory backend. */
    public MemoryIO afterCrash(RandomSource chooser) throws IOException {
        MemoryIO io = new MemoryIO();
        try (Arena arena = Arena.ofConfined()) {
            for (Map.Entry<String, FileState> e : files.entrySet()) {
                FileState f = e.getValue();
                byte[] image = Arrays.copyOf(f.durable, (int) f.durableLength);
                for (Change c : f.pending) {
                    int fate = chooser.nextInt(3);
                    if (c.truncate) {
                        if (fate != 0) {
                            image = Arrays.copyOf(image, (int) c.offset);
                        }
                        continue;
                    }
                    int keep = switch (fate) {
                        case 0 -> 0;
                        case 1 -> c.bytes.length;
                        default -> Math.min(c.bytes.length, SECTOR * chooser.nextInt(c.bytes.length / SECTOR + 1));
                    };
                    if (keep > 0) {
                        long end = c.offset + keep;
                        if (end > image.length) {
                            image = Arrays.copyOf(image, (int) end);
                        }
                        System.arraycopy(c.bytes, 0, image, (int) c.offset, keep);
                    }
                }
                try (DatabaseFile out = io.openFile(e.getKey(), OpenFlags.READ_WRITE_CREATE)) {
                    if (image.length > 0) {
                        MemorySegment buf = arena.allocate(image.length);
                        MemorySegment.copy(image, 0, buf, ValueLayout.JAVA_BYTE, 0, image.length);
                        out.pwrite(0, buf, new Completion());
                    }
                }
            }
        }
        return io;
    }

    @Override
    public DatabaseFile openFile(String path, OpenFlags flags) throws IOException {
        DatabaseFile inner = current.openFile(path, flags);
        FileState state = files.computeIfAbsent(path, p -> new FileState());
        return new CrashFile(inner, state);
    }

    @Override
    public void removeFile(String path) throws IOException {
        current.removeFile(path);
        files.remove(path);
    }

    @Override
    public boolean exists(String path) throws IOException {
        return current.exists(path);
    }

    @Override
    public int step(long maxWaitNanos) {
        return 0;
    }

    @Override
    public boolean hasInFlight() {
        return false;
    }

    @Override
    public Clock clock() {
        return current.clock();
    }

    @Override
    public RandomSource random() {
        return random;
    }

    @Override
    public String name() {
        return "crash";
    }

    @Override
    public void close() {
        current.close();
    }

    private final class CrashFile implements DatabaseFile {
        private final DatabaseFile inner;
        private final FileState state;

        CrashFile(DatabaseFile inner, FileState state) {
            this.inner = inner;
            this.state = state;
        }

        @Override
        public Completion pread(long pos, MemorySegment buf, Completion completion) {
            tick();
            return inner.pread(pos, buf, completion);
        }

        @Override
        public Completion pwrite(long pos, MemorySegment buf, Completion completion) {
            tick();
            state.pending.add(new Change(pos, buf.toArray(ValueLayout.JAVA_BYTE), false));
            return inner.pwrite(pos, buf, completion);
        }

        @Override
        public Completion pwritev(long pos, MemorySegment[] bufs, Completion completion) {
            tick();
            long at = pos;
            for (MemorySegment b : bufs) {
                state.pending.add(new Change(at, b.toArray(ValueLayout.JAVA_BYTE), false));
                at += b.byteSize();
            }
            return inner.pwritev(pos, bufs, completion);
        }

        @Override
        public Completion sync(Completion completion) {
            tick();
            syncs++;
            makeDurable();
            return inner.sync(completion);
        }

        @Override
        public Completion dataSync(Completion completion) {
            return sync(completion);
        }

        @Override
        public Completion truncate(long length, Completion completion) {
            tick();
            state.pending.add(new Change(length, null, true));
            return inner.truncate(length, completion);
        }

        private void makeDurable() {
            byte[] image = Arrays.copyOf(state.durable, (int) state.durableLength);
            for (Change c : state.pending) {
                if (c.truncate) {
                    image = Arrays.copyOf(image, (int) c.offset);
                } else {
                    long end = c.offset + c.bytes.length;
                    if (end > image.length) {
                        image = Arrays.copyOf(image, (int) end);
                    }
                    System.arraycopy(c.bytes, 0, image, (int) c.offset, c.bytes.length);
                }
            }
            state.durable = image;
            state.durableLength = image.length;
            state.pending.clear();
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
            inner.close();
        }
    }

    /** An errno for tests that fail operations. */
    public static final int EIO = Errno.EIO;
}
