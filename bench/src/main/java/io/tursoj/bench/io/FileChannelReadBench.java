package io.tursoj.bench.io;

import io.tursoj.io.nio.NioIO;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
 * The baseline for {@link RandomReadBench}: a plain blocking {@code FileChannel.read(buf, pos)} loop on one thread
 * (queue depth 1 by construction), over the same file and the same offsets.
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
public class FileChannelReadBench {
    private static final int OFFSET_COUNT = 1 << 16;

    @Param({"false", "true"})
    public boolean direct;

    private FileChannel channel;
    private ByteBuffer buffer;
    private long[] offsets;
    private int nextOffset;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path path = BenchFiles.randomDataFile();
        if (!direct) {
            BenchFiles.warm(path);
        }
        OpenOption[] options = direct
                ? new OpenOption[] {StandardOpenOption.READ, NioIO.directOpenOption()}
                : new OpenOption[] {StandardOpenOption.READ};
        channel = FileChannel.open(path, options);
        // alignedSlice's capacity depends on where the allocation landed; slice to exactly one page.
        buffer = ByteBuffer.allocateDirect(2 * BenchFiles.PAGE_BYTES)
                .alignedSlice(BenchFiles.PAGE_BYTES)
                .slice(0, BenchFiles.PAGE_BYTES);
        offsets = BenchFiles.randomOffsets(OFFSET_COUNT, 7);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        channel.close();
    }

    @Benchmark
    @OperationsPerInvocation(RandomReadBench.READS_PER_INVOCATION)
    public int randomReads() throws IOException {
        int total = 0;
        for (int i = 0; i < RandomReadBench.READS_PER_INVOCATION; i++) {
            buffer.clear();
            total += channel.read(buffer, offsets[nextOffset]);
            nextOffset = (nextOffset + 1) & (OFFSET_COUNT - 1);
        }
        return total;
    }
}
