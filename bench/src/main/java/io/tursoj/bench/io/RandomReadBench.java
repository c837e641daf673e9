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
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * 4 KiB reads at uniformly random page offsets of a 1 GiB file, keeping {@code queueDepth} reads in flight through
 * a backend's {@link DatabaseFile#pread}. The score is reads per second (IOPS). {@code direct=true} opens the file
 * with O_DIRECT (the disk); otherwise the file is warmed first so reads are page-cache hits (the CPU).
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
public class RandomReadBench {
    static final int READS_PER_INVOCATION = 4096;
    private static final int OFFSET_COUNT = 1 << 16;

    @Param({"uring", "nio"})
    public String backend;

    @Param({"1", "8", "32", "128"})
    public int queueDepth;

    @Param({"false", "true"})
    public boolean direct;

    @Param({"false"})
    public boolean fixedBuffers;

    private IO io;
    private DatabaseFile file;
    private BufferPool pool;
    private MemorySegment[] buffers;
    private Completion[] slots;
    private long[] offsets;
    private int nextOffset;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path path = BenchFiles.randomDataFile();
        if (!direct) {
            BenchFiles.warm(path);
        }
        io = IOProviders.named(backend).create(IOOptions.defaults().withQueueDepth(Math.max(256, queueDepth)));
        pool = new BufferPool(BenchFiles.PAGE_BYTES, queueDepth, queueDepth);
        if (fixedBuffers && !io.registerBuffers(pool)) {
            throw new IllegalStateException(backend + " cannot register buffers");
        }
        OpenFlags flags = direct ? OpenFlags.READ_ONLY_EXISTING.with(OpenFlags.DIRECT) : OpenFlags.READ_ONLY_EXISTING;
        file = io.openFile(path.toString(), flags);
        buffers = new MemorySegment[queueDepth];
        slots = new Completion[queueDepth];
        for (int i = 0; i < queueDepth; i++) {
            buffers[i] = pool.acquire();
            slots[i] = new Completion();
        }
        offsets = BenchFiles.randomOffsets(OFFSET_COUNT, 7);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        file.close();
        io.close();
        pool.close();
    }

    @Benchmark
    @OperationsPerInvocation(READS_PER_INVOCATION)
    public int randomReads() throws IOException {
        int submitted = 0;
        int finished = 0;
        for (int i = 0; i < queueDepth; i++) {
            submit(i);
            submitted++;
        }
        while (finished < READS_PER_INVOCATION) {
            if (!anyDone()) {
                io.step(TimeUnit.MILLISECONDS.toNanos(100));
            }
            for (int i = 0; i < queueDepth; i++) {
                Completion c = slots[i];
                if (c.isSubmitted() && c.isDone()) {
                    if (c.result() != BenchFiles.PAGE_BYTES) {
                        throw new IllegalStateException("read failed: " + c);
                    }
                    finished++;
                    c.reset(); // a reset completion reads as not submitted: the scan skips it until resubmitted
                    if (submitted < READS_PER_INVOCATION) {
                        submit(i);
                        submitted++;
                    }
                }
            }
        }
        return finished;
    }

    private boolean anyDone() {
        for (Completion c : slots) {
            if (c.isSubmitted() && c.isDone()) {
                return true;
            }
        }
        return false;
    }

    private void submit(int slot) {
        long offset = offsets[nextOffset];
        nextOffset = (nextOffset + 1) & (OFFSET_COUNT - 1);
        file.pread(offset, buffers[slot], slots[slot]);
    }
}
