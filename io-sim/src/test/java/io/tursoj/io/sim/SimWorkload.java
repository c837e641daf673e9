package io.tursoj.io.sim;

import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.Errno;
import io.tursoj.io.OpenFlags;
import io.tursoj.io.RandomSource;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * A seeded random workload over a few files of one {@link SimDisk}: batches of reads, writes, gathered writes and
 * truncates in flight together, syncs, handles closed under operations in flight, and crashes followed by a
 * restart on the same disk. Its own choices come from the simulator's {@link SimIO#random()}, so one seed fixes the
 * whole run. Every result is checked against a {@link FileModel}: reads return what completed writes left, and a
 * crash keeps what the last sync made durable. Violations are collected with the run's reproduction line.
 */
final class SimWorkload {
    static final int FILES = 3;
    static final int MAX_FILE_BYTES = 1 << 20;
    static final int MAX_TRANSFER_BYTES = 16384;
    static final int MAX_BATCH = 48;

    /** What a run produced; equal outcomes mean equal runs. */
    record Outcome(
            long traceHash,
            long resultHash,
            long operations,
            int crashes,
            long failures,
            long shortTransfers,
            List<String> violations) {}

    private final long seed;
    private final FaultProfile profile;
    private final double crashProbabilityPerBatch;
    private final SimDisk disk = new SimDisk();
    private final FileModel[] models = new FileModel[FILES];
    private final DatabaseFile[] handles = new DatabaseFile[FILES];
    private final List<String> violations = new ArrayList<>();
    private SimIO io;
    private RandomSource rnd;
    private MemorySegment[] buffers;
    private long traceHashes = 0xcbf29ce484222325L;
    private long resultHash = 0xcbf29ce484222325L;
    private long operations;
    private int crashes;
    private long failures;
    private long shortTransfers;
    private int outstanding;

    SimWorkload(long seed, FaultProfile profile, double crashProbabilityPerBatch) {
        this.seed = seed;
        this.profile = profile;
        this.crashProbabilityPerBatch = crashProbabilityPerBatch;
        for (int i = 0; i < FILES; i++) {
            models[i] = new FileModel(MAX_FILE_BYTES);
        }
    }

    Outcome run(long minOperations) throws IOException {
        try (Arena arena = Arena.ofConfined()) {
            buffers = new MemorySegment[MAX_BATCH];
            for (int i = 0; i < MAX_BATCH; i++) {
                buffers[i] = arena.allocate(MAX_TRANSFER_BYTES, 4096);
            }
            start(seed);
            while (operations < minOperations && violations.size() < 10) {
                runBatch();
            }
            traceHashes = fnv(traceHashes, io.traceHash());
            io.close();
        }
        return new Outcome(
                traceHashes, resultHash, operations, crashes, failures, shortTransfers, List.copyOf(violations));
    }

    private void start(long ioSeed) throws IOException {
        io = new SimIO(disk, ioSeed, profile, LatencyProfile.DEFAULT);
        rnd = io.random();
        for (int i = 0; i < FILES; i++) {
            handles[i] = io.openFile(path(i), OpenFlags.READ_WRITE_CREATE);
        }
    }

    private static String path(int file) {
        return "/sim/file" + file + ".db";
    }

    private void runBatch() throws IOException {
        int n = 1 + rnd.nextInt(MAX_BATCH);
        for (int i = 0; i < n; i++) {
            submitRandom(i);
        }
        int closeAt = rnd.nextInt(20) == 0 ? rnd.nextInt(FILES) : -1;
        if (closeAt >= 0) {
            handles[closeAt].close(); // operations in flight finish or are cancelled
        }
        boolean crash = rnd.nextInt(1_000_000) < crashProbabilityPerBatch * 1_000_000;
        int crashAfterSteps = crash ? rnd.nextInt(n + 1) : -1;
        for (int steps = 0; outstanding > 0; steps++) {
            if (steps == crashAfterSteps) {
                crashAndRestart();
                return;
            }
            io.step(0);
        }
        if (closeAt >= 0) {
            handles[closeAt] = io.openFile(path(closeAt), OpenFlags.READ_WRITE_EXISTING);
        }
        if (rnd.nextInt(3) == 0) {
            syncAlone(rnd.nextInt(FILES));
        }
        checkSizes();
    }

    private void submitRandom(int slot) {
        int file = rnd.nextInt(FILES);
        int kind = rnd.nextInt(100);
        int len = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(MAX_TRANSFER_BYTES) : 512 * (1 + rnd.nextInt(32));
        long pos = rnd.nextInt(2) == 0 ? rnd.nextInt(MAX_FILE_BYTES - len) : 512L * rnd.nextInt(2048 - 32);
        MemorySegment buf = buffers[slot].asSlice(0, len);
        outstanding++;
        if (kind < 45) {
            buf.fill((byte) 0x5a);
            handles[file].pread(pos, buf, new Completion(c -> onRead(file, pos, buf, c)));
        } else if (kind < 85) {
            rnd.fill(buf);
            models[file].markDirty(pos, pos + len);
            handles[file].pwrite(pos, buf, new Completion(c -> onWrite(file, pos, buf, c)));
        } else if (kind < 96) {
            rnd.fill(buf);
            int split = 1 + rnd.nextInt(len);
            MemorySegment[] parts = split == len
                    ? new MemorySegment[] {buf}
                    : new MemorySegment[] {buf.asSlice(0, split), buf.asSlice(split)};
            models[file].markDirty(pos, pos + len);
            handles[file].pwritev(pos, parts, new Completion(c -> onWrite(file, pos, buf, c)));
        } else {
            long newLength = rnd.nextInt(MAX_FILE_BYTES / 512) * 512L + (rnd.nextInt(2) == 0 ? 0 : 100);
            models[file].markDirty(newLength, MAX_FILE_BYTES);
            handles[file].truncate(newLength, new Completion(c -> onTruncate(file, newLength, c)));
        }
    }

    private void onRead(int file, long pos, MemorySegment buf, Completion c) {
        outstanding--;
        record(0, c.result());
        if (c.failed()) {
            expectFailure(c, profile.read().errno());
            return;
        }
        int n = c.result();
        int full = models[file].expectedRead(pos, (int) buf.byteSize());
        if (n != full) {
            shortTransfers++;
            if (profile.shortReadProbability() == 0 || n > full || (full > 0 && n == 0)) {
                violation("read at " + pos + " returned " + n + ", expected " + full);
            }
        }
        long flipped = models[file].differingBits(pos, buf, n);
        if (flipped > (profile.bitFlipProbability() > 0 ? 1 : 0)) {
            violation("read at " + pos + " of " + n + " bytes differs in " + flipped + " bits");
        }
        resultHash = fnv(resultHash, checksum(buf, n));
    }

    private void onWrite(int file, long pos, MemorySegment buf, Completion c) {
        outstanding--;
        record(1, c.result());
        if (c.failed()) {
            expectFailure(c, profile.write().errno());
            return;
        }
        int n = c.result();
        if (n != buf.byteSize()) {
            shortTransfers++;
            if (profile.shortWriteProbability() == 0 || n < 1 || n > buf.byteSize()) {
                violation("write at " + pos + " of " + buf.byteSize() + " bytes returned " + n);
            }
        }
        models[file].applyWrite(pos, buf, n);
    }

    private void onTruncate(int file, long newLength, Completion c) {
        outstanding--;
        record(2, c.result());
        if (c.failed()) {
            expectFailure(c, profile.truncate().errno());
            return;
        }
        models[file].applyTruncate(newLength);
    }

    private void syncAlone(int file) throws IOException {
        Completion c = handles[file].sync(new Completion());
        io.waitFor(c);
        record(3, c.result());
        if (c.failed()) {
            expectFailure(c, profile.sync().errno());
        } else {
            models[file].synced();
        }
    }

    private void expectFailure(Completion c, int configured) {
        failures++;
        int errno = c.errno();
        if (errno != configured && errno != Errno.ECANCELED && errno != Errno.ENOSPC) {
            violation("unexpected " + Errno.name(errno));
        }
    }

    private void crashAndRestart() throws IOException {
        io.crash();
        crashes++;
        outstanding = 0; // operations in flight never complete
        traceHashes = fnv(traceHashes, io.traceHash());
        start(seed + 0x9e3779b97f4a7c15L * crashes);
        io.setFaultProfile(FaultProfile.NONE); // check the disk itself, not a faulty read of it
        for (int i = 0; i < FILES; i++) {
            long length = handles[i].size();
            byte[] actual = readAll(i, length);
            String broken = models[i].checkAfterCrash(actual, length);
            if (broken != null) {
                violation("after crash " + crashes + ", " + path(i) + ": " + broken);
            }
            models[i].resetTo(actual, length);
        }
        io.setFaultProfile(profile);
    }

    private byte[] readAll(int file, long length) throws IOException {
        byte[] out = new byte[MAX_FILE_BYTES];
        MemorySegment buf = buffers[0];
        for (long at = 0; at < length; at += MAX_TRANSFER_BYTES) {
            Completion c = handles[file].pread(at, buf, new Completion());
            io.waitFor(c);
            int n = c.bytesOrThrow();
            MemorySegment.copy(buf, ValueLayout.JAVA_BYTE, 0, out, (int) at, n);
        }
        return out;
    }

    private void checkSizes() throws IOException {
        for (int i = 0; i < FILES; i++) {
            if (handles[i].size() != models[i].length()) {
                violation(path(i) + " has " + handles[i].size() + " bytes, model " + models[i].length());
            }
        }
    }

    private void record(int kind, int result) {
        operations++;
        resultHash = fnv(fnv(resultHash, kind), result);
    }

    private void violation(String what) {
        violations.add(what + " [workload seed=" + seed + "; " + io.reproduction() + "]");
    }

    private static long checksum(MemorySegment buf, int bytes) {
        long h = 0;
        for (int i = 0; i < bytes; i++) {
            h = h * 31 + buf.get(ValueLayout.JAVA_BYTE, i);
        }
        return h;
    }

    private static long fnv(long hash, long value) {
        for (int shift = 0; shift < 64; shift += 8) {
            hash ^= (value >>> shift) & 0xff;
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
