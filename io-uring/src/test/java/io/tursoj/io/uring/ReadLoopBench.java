package io.tursoj.io.uring;

import io.tursoj.io.BufferPool;
import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.OpenFlags;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A timing harness (not a unit test; the JMH suites live in the bench module) used while building this backend:
 * 4 KiB reads at random aligned offsets of an existing file, for one backend configuration, in rounds of fixed
 * length on one instance. Prints IOPS and process CPU nanoseconds per read: on a shared machine the CPU cost is
 * steadier than wall-clock throughput.
 *
 * <p>Run: {@code java --enable-native-access=ALL-UNNAMED --add-exports java.base/jdk.internal.misc=ALL-UNNAMED
 * -cp <test classpath> io.tursoj.io.uring.ReadLoopBench <file> <mode> <queueDepth> <secondsPerRound> <rounds>}
 * with mode {@code fc} (FileChannel.read loop, QD1), {@code fast} (uring with the preadv2 fast path),
 * {@code ring} (uring, every read through the ring), {@code direct} or {@code fixed-direct} (O_DIRECT, the latter
 * with registered buffers). Buffered modes read the whole file once first to warm the page cache.
 */
public final class ReadLoopBench {
    private ReadLoopBench() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String mode = args[1];
        int qd = Integer.parseInt(args[2]);
        long roundNanos = (long) (Double.parseDouble(args[3]) * 1e9);
        int rounds = Integer.parseInt(args[4]);
        long pages = Files.size(file) / 4096;
        boolean direct = mode.endsWith("direct");
        if (!direct) {
            warm(file);
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        SplittableRandom rnd = new SplittableRandom(42);
        if (mode.equals("fc")) {
            try (FileChannel ch = FileChannel.open(file)) {
                ByteBuffer b = ByteBuffer.allocateDirect(4096);
                for (int round = 0; round < rounds; round++) {
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    long ops = 0;
                    while (System.nanoTime() - t0 < roundNanos) {
                        for (int i = 0; i < 1000; i++) {
                            b.clear();
                            ch.read(b, rnd.nextLong(pages) * 4096);
                        }
                        ops += 1000;
                    }
                    report(mode, qd, round, ops, System.nanoTime() - t0, os.getProcessCpuTime() - cpu0);
                }
            }
            return;
        }
        boolean fast = mode.equals("fast");
        int depth = Math.max(8, Integer.highestOneBit(qd) * 2);
        UringIO.Config config = new UringIO.Config(depth, fast, true, true, 0, UringIO.CLOSE_DRAIN_NANOS);
        try (UringIO io = new UringIO(config);
                BufferPool pool = new BufferPool(4096, qd, qd)) {
            MemorySegment[] bufs = new MemorySegment[qd];
            Completion[] cs = new Completion[qd];
            for (int i = 0; i < qd; i++) {
                bufs[i] = pool.acquire();
                cs[i] = new Completion();
            }
            if (mode.startsWith("fixed") && !io.registerBuffers(pool)) {
                throw new IllegalStateException("buffer registration refused");
            }
            OpenFlags flags =
                    direct ? OpenFlags.READ_ONLY_EXISTING.with(OpenFlags.DIRECT) : OpenFlags.READ_ONLY_EXISTING;
            try (DatabaseFile f = io.openFile(file.toString(), flags)) {
                for (int round = 0; round < rounds; round++) {
                    long cpu0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    long ops = qd == 1
                            ? loopQd1(io, f, bufs[0], cs[0], pages, rnd, t0 + roundNanos)
                            : loop(io, f, bufs, cs, pages, rnd, t0 + roundNanos);
                    report(mode, qd, round, ops, System.nanoTime() - t0, os.getProcessCpuTime() - cpu0);
                }
            }
            System.out.println(io.stats());
        }
    }

    private static long loopQd1(
            UringIO io, DatabaseFile f, MemorySegment buf, Completion c, long pages, SplittableRandom rnd, long end)
            throws IOException {
        long ops = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1000; i++) {
                c.reset();
                f.pread(rnd.nextLong(pages) * 4096, buf, c);
                io.waitFor(c);
                check(c);
            }
            ops += 1000;
        }
        return ops;
    }

    private static long loop(
            UringIO io,
            DatabaseFile f,
            MemorySegment[] bufs,
            Completion[] cs,
            long pages,
            SplittableRandom rnd,
            long end)
            throws IOException {
        long ops = 0;
        for (int i = 0; i < cs.length; i++) {
            cs[i].reset();
            f.pread(rnd.nextLong(pages) * 4096, bufs[i], cs[i]);
        }
        while (System.nanoTime() < end) {
            io.step(1_000_000_000L);
            for (int i = 0; i < cs.length; i++) {
                if (cs[i].isDone()) {
                    check(cs[i]);
                    ops++;
                    cs[i].reset();
                    f.pread(rnd.nextLong(pages) * 4096, bufs[i], cs[i]);
                }
            }
        }
        while (io.hasInFlight()) {
            io.step(1_000_000);
        }
        return ops;
    }

    private static void check(Completion c) {
        if (c.result() != 4096) {
            throw new IllegalStateException("read returned " + c);
        }
    }

    private static void warm(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file)) {
            ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
            for (long off = 0; off < ch.size(); off += b.capacity()) {
                b.clear();
                ch.read(b, off);
            }
        }
    }

    private static void report(String mode, int qd, int round, long ops, long nanos, long cpuNanos) {
        System.out.printf(
                "%s qd=%d round %d: %.1f k IOPS, %.0f CPU ns/read%n",
                mode, qd, round, ops / (nanos / 1e9) / 1e3, cpuNanos / (double) ops);
    }
}
