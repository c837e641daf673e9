package io.tursoj.io.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.io.BufferPool;
import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.IOOptions;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Shared set-up for the backend's own tests: a temp directory, a buffer arena, IOs that are closed afterwards. */
abstract class UringTestSupport {
    @TempDir
    Path dir;

    Arena arena;
    final List<AutoCloseable> toClose = new ArrayList<>();

    @BeforeEach
    void openArena() {
        arena = Arena.ofShared();
    }

    @AfterEach
    void closeAll() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        arena.close();
    }

    UringIO newIO(int queueDepth, boolean fastRead) throws IOException {
        return newIO(new UringIO.Config(queueDepth, fastRead, true, true, 1, UringIO.CLOSE_DRAIN_NANOS));
    }

    UringIO newIO(UringIO.Config config) throws IOException {
        UringIO io = new UringIO(config);
        toClose.add(io);
        return io;
    }

    UringIO newIO() throws IOException {
        return newIO(IOOptions.DEFAULT_QUEUE_DEPTH, true);
    }

    BufferPool newPool(int bufferBytes, int perSlab, int max) {
        BufferPool pool = new BufferPool(bufferBytes, perSlab, max);
        toClose.add(pool); // closed after the IOs that registered it (toClose runs backwards)
        return pool;
    }

    String path(String name) {
        return dir.resolve(name).toString();
    }

    MemorySegment buffer(int bytes) {
        return arena.allocate(bytes, 4096);
    }

    static MemorySegment fill(MemorySegment b, int seed) {
        for (long i = 0; i < b.byteSize(); i++) {
            b.set(ValueLayout.JAVA_BYTE, i, (byte) (seed * 131 + i * 7 + (i >>> 9)));
        }
        return b;
    }

    MemorySegment pattern(int bytes, int seed) {
        return fill(buffer(bytes), seed);
    }

    static int await(UringIO io, Completion c) throws IOException {
        io.waitFor(c);
        assertTrue(c.isDone());
        return c.result();
    }

    static void assertSameBytes(MemorySegment expected, MemorySegment actual) {
        assertEquals(-1, expected.mismatch(actual), "contents differ");
    }

    /** Drops the file's cached pages (posix_fadvise DONTNEED); pages must be clean, so sync first. */
    static void evictFromPageCache(DatabaseFile file) {
        fadvise(file, 4); // POSIX_FADV_DONTNEED
    }

    /** Turns read-ahead off for the file (POSIX_FADV_RANDOM), so a read caches only the pages it asked for. */
    static void disableReadAhead(DatabaseFile file) {
        fadvise(file, 1);
    }

    private static void fadvise(DatabaseFile file, int advice) {
        int r;
        try {
            r = (int) FADVISE.invokeExact(((UringFile) file).fd, 0L, 0L, advice);
        } catch (Throwable t) {
            throw new AssertionError(t);
        }
        assertEquals(0, r, "posix_fadvise");
    }

    @SuppressWarnings("restricted")
    private static final MethodHandle FADVISE = Linker.nativeLinker()
            .downcallHandle(
                    Linker.nativeLinker().defaultLookup().find("posix_fadvise").orElseThrow(),
                    FunctionDescriptor.of(
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_LONG,
                            ValueLayout.JAVA_LONG,
                            ValueLayout.JAVA_INT));

    static final long STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
}
