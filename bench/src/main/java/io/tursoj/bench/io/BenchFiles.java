package io.tursoj.bench.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;

/**
 * The data files the I/O benchmarks read: one file of random bytes (not sparse, so reads hit real blocks), made
 * once and reused across runs. Directory: {@code -Dtursoj.bench.dir} (default {@code /tmp/tursoj-bench}); size:
 * {@code -Dtursoj.bench.fileMiB} (default 1024, as the issue asks for a file of at least 1 GiB).
 */
final class BenchFiles {
    static final int PAGE_BYTES = 4096;

    private BenchFiles() {}

    static Path dir() throws IOException {
        Path dir = Path.of(System.getProperty("tursoj.bench.dir", "/tmp/tursoj-bench"));
        Files.createDirectories(dir);
        return dir;
    }

    static long fileBytes() {
        return Long.getLong("tursoj.bench.fileMiB", 1024) << 20;
    }

    /** The random-data file, created (or re-created at the wrong size) on first use. */
    static Path randomDataFile() throws IOException {
        Path file = dir().resolve("random-" + (fileBytes() >> 20) + "MiB.dat");
        if (Files.exists(file) && Files.size(file) == fileBytes()) {
            return file;
        }
        SplittableRandom random = new SplittableRandom(42);
        ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(
                file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (long at = 0; at < fileBytes(); at += chunk.capacity()) {
                chunk.clear();
                while (chunk.remaining() >= 8) {
                    chunk.putLong(random.nextLong());
                }
                chunk.flip();
                while (chunk.hasRemaining()) {
                    ch.write(chunk, at + chunk.position());
                }
            }
            ch.force(true);
        }
        return file;
    }

    /** Reads the whole file once so that buffered benchmarks measure page-cache hits, not the disk. */
    static void warm(Path file) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            for (long at = 0; at < size; at += chunk.capacity()) {
                chunk.clear();
                ch.read(chunk, at);
            }
        }
    }

    /** Page numbers uniformly at random over the file, precomputed so the measured loop does no arithmetic. */
    static long[] randomOffsets(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long pages = fileBytes() / PAGE_BYTES;
        long[] offsets = new long[count];
        for (int i = 0; i < count; i++) {
            offsets[i] = random.nextLong(pages) * PAGE_BYTES;
        }
        return offsets;
    }
}
