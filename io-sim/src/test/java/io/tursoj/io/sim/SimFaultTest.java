package io.tursoj.io.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.Errno;
import io.tursoj.io.OpenFlags;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each fault the simulator injects is observable, at the rate and with the errno configured. */
class SimFaultTest {
    private static final String PATH = "/sim/faults.db";

    private Arena arena;
    private SimDisk disk;

    @BeforeEach
    void setUp() {
        arena = Arena.ofShared();
        disk = new SimDisk();
    }

    @AfterEach
    void tearDown() {
        arena.close();
    }

    private MemorySegment pattern(int bytes, int seed) {
        MemorySegment b = arena.allocate(bytes, 4096);
        for (int i = 0; i < bytes; i++) {
            b.set(ValueLayout.JAVA_BYTE, i, (byte) (seed * 29 + i * 13 + (i >>> 7)));
        }
        return b;
    }

    private MemorySegment buffer(int bytes) {
        return arena.allocate(bytes, 4096);
    }

    private static int await(SimIO io, Completion c) throws IOException {
        io.waitFor(c);
        return c.result();
    }

    private SimIO sim(long seed, FaultProfile faults) {
        return new SimIO(disk, seed, faults, LatencyProfile.DEFAULT);
    }

    /** Writes {@code pattern(bytes, seed)} at 0 and syncs it, without faults. */
    private void writeDurable(int bytes, int seed) throws IOException {
        try (SimIO io = sim(1, FaultProfile.NONE);
                DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_CREATE)) {
            assertEquals(bytes, await(io, f.pwrite(0, pattern(bytes, seed), new Completion())));
            assertEquals(0, await(io, f.sync(new Completion())));
        }
    }

    private MemorySegment readBack(int bytes) throws IOException {
        try (SimIO io = sim(99, FaultProfile.NONE);
                DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_EXISTING)) {
            MemorySegment in = buffer(bytes);
            assertEquals(Math.min(bytes, f.size()), await(io, f.pread(0, in, new Completion())));
            return in;
        }
    }

    @Test
    void shouldCompleteOperationsOutOfSubmissionOrder() throws IOException {
        assertFalse(isInOrder(completionOrder(LatencyProfile.DEFAULT)), "random latencies reorder completions");
        assertTrue(isInOrder(completionOrder(LatencyProfile.FIFO)), "equal latencies keep submission order");
    }

    private List<Integer> completionOrder(LatencyProfile latency) throws IOException {
        List<Integer> order = new ArrayList<>();
        try (SimIO io = new SimIO(new SimDisk(), 5, FaultProfile.NONE, latency);
                DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_CREATE)) {
            Completion last = null;
            for (int i = 0; i < 100; i++) {
                int index = i;
                last = f.pread(i * 512L, buffer(512), new Completion(c -> order.add(index)));
            }
            while (io.hasInFlight()) {
                io.step();
            }
            assertTrue(last.isDone());
        }
        assertEquals(100, order.size());
        return order;
    }

    private static boolean isInOrder(List<Integer> order) {
        for (int i = 1; i < order.size(); i++) {
            if (order.get(i) < order.get(i - 1)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void shouldReturnShortReadsWithOnlyThoseBytesFilled() throws IOException {
        writeDurable(8192, 3);
        try (SimIO io = sim(2, FaultProfile.NONE.withShortReads(1.0));
                DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_EXISTING)) {
            for (int round = 0; round < 20; round++) {
                MemorySegment in = buffer(4096);
                in.fill((byte) 0x77);
                int n = await(io, f.pread(1024, in, new Completion()));
                assertTrue(n >= 1 && n < 4096, "short read returned " + n);
                assertEquals(-1, pattern(8192, 3).asSlice(1024, n).mismatch(in.asSlice(0, n)));
                assertEquals(0x77, in.get(ValueLayout.JAVA_BYTE, n), "bytes past the result are untouched");
            }
        }
    }

    @Test
    void shouldReturnShortWritesThatStoreOnlyAPrefix() throws IOException {
        int n;
        try (SimIO io = sim(3, FaultProfile.NONE.withShortWrites(1.0));
                DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_CREATE)) {
            n = await(io, f.pwrite(0, pattern(4096, 4), new Completion()));
            assertTrue(n >= 1 && n < 4096, "short write returned " + n);
            assertEquals(n, f.size());
            assertEquals(0, await(io, f.sync(new Completion())));
        }
        MemorySegment in = readBack(4096);
        assertEquals(-1, pattern(4096, 4).asSlice(0, n).mismatch(in.asSlice(0, n)));
    }

    @Test
    void shouldTearEverySectorOfAnUnsyncedWriteWhenTheProfileSaysSo() throws IOException {
        writeDurable(4096, 1);
        MemorySegment next = pattern(4096, 2);
        MemorySegment old = pattern(4096, 1);
        for (int i = 0; i < 4096; i++) { // make every new byte differ from the old one
            next.set(ValueLayout.JAVA_BYTE, i, (byte) ~old.get(ValueLayout.JAVA_BYTE, i));
        }
        SimIO io = sim(4, FaultProfile.NONE.withCrashOutcomes(0, 1.0));
        DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_EXISTING);
        assertEquals(4096, await(io, f.pwrite(0, next, new Completion())));
        io.crash();
        MemorySegment in = readBack(4096);
        for (int sector = 0; sector < 8; sector++) {
            int base = sector * 512;
            int firstOld = 0;
            while (firstOld < 512
                    && in.get(ValueLayout.JAVA_BYTE, base + firstOld)
                            == next.get(ValueLayout.JAVA_BYTE, base + firstOld)) {
                firstOld++;
            }
            assertTrue(firstOld >= 1 && firstOld < 512, "sector " + sector + " is torn: new prefix " + firstOld);
            assertEquals(
                    -1,
                    old.asSlice(base + firstOld, 512 - firstOld).mismatch(in.asSlice(base + firstOld, 512 - firstOld)),
                    "sector " + sector + " keeps its old bytes after the torn point");
        }
    }

    @Test
    void shouldLoseUnsyncedWritesAtCrash() throws IOException {
        writeDurable(4096, 1);
        SimIO io = sim(5, FaultProfile.NONE.withCrashOutcomes(0, 0));
        DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_EXISTING);
        assertEquals(4096, await(io, f.pwrite(0, pattern(4096, 2), new Completion())));
        assertEquals(4096, await(io, f.pwrite(4096, pattern(4096, 3), new Completion())));
        assertEquals(8192, f.size());
        assertEquals(2, disk.unsyncedMutations(PATH));
        io.crash();
        assertEquals(4096, disk.length(PATH), "the extension was lost");
        assertEquals(-1, pattern(4096, 1).mismatch(readBack(4096)), "the overwrite was lost");
    }

    @Test
    void shouldKeepSyncedWritesAtCrash() throws IOException {
        SimIO io = sim(6, FaultProfile.NONE.withCrashOutcomes(0, 0));
        DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_CREATE);
        assertEquals(8192, await(io, f.pwrite(0, pattern(8192, 7), new Completion())));
        assertEquals(0, await(io, f.dataSync(new Completion())));
        io.crash();
        assertEquals(-1, pattern(8192, 7).mismatch(readBack(8192)));
    }

    @Test
    void shouldCoverOnlyWritesCompletedBeforeTheSyncWasSubmitted() throws IOException {
        LatencyProfile slowSync = new LatencyProfile(
                new LatencyProfile.TickRange(1, 1),
                new LatencyProfile.TickRange(1, 1),
                new LatencyProfile.TickRange(50, 50),
                new LatencyProfile.TickRange(1, 1));
        SimIO io = new SimIO(disk, 7, FaultProfile.NONE.withCrashOutcomes(0, 0), slowSync);
        DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_CREATE);
        assertEquals(4096, await(io, f.pwrite(0, pattern(4096, 1), new Completion())));
        Completion sync = f.sync(new Completion());
        Completion late = f.pwrite(4096, pattern(4096, 2), new Completion());
        assertEquals(4096, await(io, late));
        assertFalse(sync.isDone(), "the write completed while the sync was in flight");
        assertEquals(0, await(io, sync));
        io.crash();
        assertEquals(4096, disk.length(PATH), "only the write completed before the sync survived");
        assertEquals(-1, pattern(4096, 1).mismatch(readBack(4096)));
    }

    @Test
    void shouldKeepUnsyncedWritesAcrossACleanCloseButNotAcrossALaterCrash() throws IOException {
        writeDurable(4096, 1);
        try (SimIO io = sim(8, FaultProfile.NONE.withCrashOutcomes(0, 0));
                DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_EXISTING)) {
            assertEquals(4096, await(io, f.pwrite(0, pattern(4096, 2), new Completion())));
        }
        assertEquals(-1, pattern(4096, 2).mismatch(readBack(4096)), "a clean exit leaves the page cache");
        sim(9, FaultProfile.NONE.withCrashOutcomes(0, 0)).crash();
        assertEquals(-1, pattern(4096, 1).mismatch(readBack(4096)), "power loss takes the unsynced write");
    }

    @Test
    void shouldNeverCompleteOperationsInFlightAtCrash() throws IOException {
        SimIO io = sim(10, FaultProfile.NONE);
        DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_CREATE);
        Completion write = f.pwrite(0, pattern(4096, 1), new Completion());
        io.crash();
        assertFalse(write.isDone());
        assertFalse(io.hasInFlight());
        assertTrue(io.isCrashed());
        assertThrowsIllegalState(() -> io.step());
        assertThrowsIllegalState(() -> f.pread(0, buffer(512), new Completion()));
        assertThrowsIllegalState(() -> io.openFile(PATH, OpenFlags.READ_WRITE_EXISTING));
        io.close(); // a no-op on a dead instance
        assertFalse(write.isDone());
    }

    private static void assertThrowsIllegalState(org.junit.jupiter.api.function.Executable call) {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, call);
    }

    @Test
    void shouldFlipExactlyOneBitOnReadAndLeaveTheStoredDataIntact() throws IOException {
        writeDurable(4096, 5);
        try (SimIO io = sim(11, FaultProfile.NONE.withBitFlips(1.0));
                DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_EXISTING)) {
            for (int round = 0; round < 10; round++) {
                MemorySegment in = buffer(4096);
                assertEquals(4096, await(io, f.pread(0, in, new Completion())));
                assertEquals(1, differingBits(pattern(4096, 5), in));
            }
        }
        assertEquals(0, differingBits(pattern(4096, 5), readBack(4096)));
    }

    private static long differingBits(MemorySegment a, MemorySegment b) {
        long bits = 0;
        for (long i = 0; i < a.byteSize(); i++) {
            bits += Integer.bitCount((a.get(ValueLayout.JAVA_BYTE, i) ^ b.get(ValueLayout.JAVA_BYTE, i)) & 0xff);
        }
        return bits;
    }

    @Test
    void shouldFailEachKindAtItsConfiguredRateWithItsErrno() throws IOException {
        checkErrorRate(FaultProfile.NONE.withReadErrors(0.2, Errno.EIO), 0, 0.2, Errno.EIO);
        checkErrorRate(FaultProfile.NONE.withWriteErrors(0.3, Errno.ENOSPC), 1, 0.3, Errno.ENOSPC);
        checkErrorRate(FaultProfile.NONE.withSyncErrors(0.1, Errno.EIO), 2, 0.1, Errno.EIO);
        checkErrorRate(FaultProfile.NONE.withTruncateErrors(0.25, Errno.EROFS), 3, 0.25, Errno.EROFS);
    }

    /** Runs 2000 operations of each kind; only {@code failingKind} fails, at about {@code rate}, with {@code errno}. */
    private void checkErrorRate(FaultProfile faults, int failingKind, double rate, int errno) throws IOException {
        int perKind = 2000;
        int[] failures = new int[4];
        try (SimIO io = new SimIO(new SimDisk(), 12 + failingKind, faults, LatencyProfile.DEFAULT);
                DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_CREATE)) {
            MemorySegment buf = pattern(512, 1);
            for (int i = 0; i < perKind; i++) {
                Completion[] ops = {
                    f.pread(0, buffer(512), new Completion()),
                    f.pwrite(512L * (i % 64), buf, new Completion()),
                    f.sync(new Completion()),
                    f.truncate(64 * 512, new Completion())
                };
                for (int kind = 0; kind < 4; kind++) {
                    if (await(io, ops[kind]) < 0) {
                        failures[kind]++;
                        assertEquals(errno, ops[kind].errno());
                    }
                }
            }
        }
        for (int kind = 0; kind < 4; kind++) {
            double observed = failures[kind] / (double) perKind;
            if (kind == failingKind) {
                assertEquals(rate, observed, 0.04, "failure rate of kind " + kind);
            } else {
                assertEquals(0, failures[kind], "kind " + kind + " never fails under this profile");
            }
        }
    }

    @Test
    void shouldFailWritesThatWouldOverfillTheDisk() throws IOException {
        SimDisk small = new SimDisk(8192);
        try (SimIO io = new SimIO(small, 13, FaultProfile.NONE, LatencyProfile.DEFAULT);
                DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_CREATE)) {
            assertEquals(8192, await(io, f.pwrite(0, pattern(8192, 1), new Completion())));
            assertEquals(-Errno.ENOSPC, await(io, f.pwrite(8192, pattern(512, 2), new Completion())));
            assertEquals(8192, f.size());
            assertEquals(512, await(io, f.pwrite(512, pattern(512, 3), new Completion())), "overwrites fit");
            assertEquals(0, await(io, f.truncate(4096, new Completion())));
            assertEquals(4096, await(io, f.pwrite(4096, pattern(4096, 4), new Completion())), "space freed");
        }
    }

    @Test
    void shouldCancelOrFinishOperationsInFlightWhenTheirFileCloses() throws IOException {
        try (SimIO io = sim(14, FaultProfile.NONE)) {
            DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_CREATE);
            List<Completion> writes = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                writes.add(f.pwrite(i * 512L, pattern(512, i), new Completion()));
            }
            f.close();
            while (io.hasInFlight()) {
                io.step();
            }
            int cancelled = 0;
            long maxEnd = 0;
            for (int i = 0; i < writes.size(); i++) {
                int r = writes.get(i).result();
                assertTrue(r == 512 || r == -Errno.ECANCELED, "result " + r);
                if (r < 0) {
                    cancelled++;
                } else {
                    maxEnd = Math.max(maxEnd, (i + 1) * 512L);
                }
            }
            assertTrue(cancelled > 0 && cancelled < 64, "the seed cancelled some and finished others: " + cancelled);
            assertEquals(maxEnd, disk.length(PATH), "cancelled writes left nothing");
        }
    }

    @Test
    void shouldStartTheNextInstancesClockWhereTheDiskLeftOff() throws IOException {
        long end;
        try (SimIO io = sim(15, FaultProfile.NONE);
                DatabaseFile f = io.openFile(PATH, OpenFlags.READ_WRITE_CREATE)) {
            assertEquals(0, io.clock().monotonicNanos());
            await(io, f.sync(new Completion()));
            end = io.clock().monotonicNanos();
            assertTrue(end >= 100 * SimClock.NANOS_PER_TICK, "a sync takes at least its minimum latency");
        }
        SimIO next = sim(16, FaultProfile.NONE);
        assertEquals(end, next.clock().monotonicNanos());
        assertNotEquals(
                next.random().nextLong(), sim(17, FaultProfile.NONE).random().nextLong());
        next.close();
    }
}
