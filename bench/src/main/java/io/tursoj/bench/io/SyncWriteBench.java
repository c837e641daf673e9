package io.tursoj.bench.io;

import io.tursoj.io.BufferPool;
import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.IO;
import io.tursoj.io.IOOptions;
import io.tursoj.io.IOProviders;
import io.tursoj.io.OpenFlags;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Durable writes, the shape of commits: {@link #writeThenSync} is one 4 KiB write followed by fsync at queue depth
 * 1; {@link #batchThenSync} writes {@code batchPages} pages and fsyncs them as one chain
 * ({@link DatabaseFile#pwriteBatchAndSync}, a single linked submission on io_uring). {@code backend=filechannel}
 * is the blocking baseline ({@code FileChannel.write} then {@code force}). Scores are operations (chains) per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {
            "--enable-native-access=ALL-UNNAMED",
            "--add-exports",
            "java.base/jdk.internal.misc=ALL-UNNAMED"
        })
public class SyncWriteBench {
    private static final long FILE_BYTES = 64L << 20;
    private static final int OFFSET_COUNT = 1 << 12;

    @Param({"uring", "nio", "filechannel"})
    public String backend;

    @Param({"16"})
    public int batchPages;

    private IO io;
    private DatabaseFile file;
    private FileChannel channel;
    private BufferPool pool;
    private MemorySegment[] pages;
    private ByteBuffer[] pageBuffers;
    private long[] positions;
    private long[] offsets;
    private int nextOffset;
    private final Completion completion = new Completion();

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path path = preallocated(BenchFiles.dir().resolve("sync-writes.dat"));
        pool = new BufferPool(BenchFiles.PAGE_BYTES, batchPages, batchPages);
        pages = new MemorySegment[batchPages];
        pageBuffers = new ByteBuffer[batchPages];
        for (int i = 0; i < batchPages; i++) {
            pages[i] = pool.acquire();
            pages[i].fill((byte) i);
            pageBuffers[i] = pages[i].asByteBuffer();
        }
        positions = new long[batchPages];
        offsets = new long[OFFSET_COUNT];
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < OFFSET_COUNT; i++) {
            offsets[i] = random.nextLong((FILE_BYTES / BenchFiles.PAGE_BYTES) - batchPages) * BenchFiles.PAGE_BYTES;
        }
        if (backend.equals("filechannel")) {
            channel = FileChannel.open(
                    path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } else {
            io = IOProviders.named(backend).create(IOOptions.defaults());
            file = io.openFile(path.toString(), OpenFlags.READ_WRITE_CREATE);
        }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
        } else {
            file.close();
            io.close();
        }
        pool.close();
    }

    @Benchmark
    public int writeThenSync() throws IOException {
        long at = nextOffset();
        if (channel != null) {
            pageBuffers[0].clear();
            int n = channel.write(pageBuffers[0], at);
            channel.force(true);
            return n;
        }
        file.pwrite(at, pages[0], completion.reset());
        io.waitFor(completion);
        int n = completion.bytesOrThrow();
        file.sync(completion.reset());
        io.waitFor(completion);
        completion.bytesOrThrow();
        return n;
    }

    @Benchmark
    public int batchThenSync() throws IOException {
        long at = nextOffset();
        for (int i = 0; i < batchPages; i++) {
            positions[i] = at + (long) i * BenchFiles.PAGE_BYTES;
        }
        if (channel != null) {
            int n = 0;
            for (int i = 0; i < batchPages; i++) {
                pageBuffers[i].clear();
                n += channel.write(pageBuffers[i], positions[i]);
            }
            channel.force(true);
            return n;
        }
        file.pwriteBatchAndSync(positions, pages, completion.reset());
        io.waitFor(completion);
        return completion.bytesOrThrow();
    }

    /**
     * Writes every block of the file once, so each backend measures overwrites: a write into a hole also allocates
     * blocks and journals metadata at fsync, which would favour whichever backend runs after the file filled up.
     */
    private static Path preallocated(Path path) throws IOException {
        if (Files.exists(path) && Files.size(path) == FILE_BYTES) {
            return path;
        }
        ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(
                path, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long at = 0; at < FILE_BYTES; at += chunk.capacity()) {
                chunk.clear();
                while (chunk.hasRemaining()) {
                    ch.write(chunk, at + chunk.position());
                }
            }
            ch.force(true);
        }
        return path;
    }

    private long nextOffset() {
        long at = offsets[nextOffset];
        nextOffset = (nextOffset + 1) & (OFFSET_COUNT - 1);
        return at;
    }
}
