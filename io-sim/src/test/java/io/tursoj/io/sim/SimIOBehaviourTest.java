package io.tursoj.io.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.Errno;
import io.tursoj.io.IO;
import io.tursoj.io.IOOptions;
import io.tursoj.io.IOProviders;
import io.tursoj.io.OpenFlags;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** The simulator's virtual time, its seeding, its provider and its one-line reproduction. */
class SimIOBehaviourTest {

    @Test
    void shouldAdvanceVirtualTimeOnlyWhenStepped() throws IOException {
        try (SimIO io = new SimIO(21);
                Arena arena = Arena.ofConfined();
                DatabaseFile f = io.openFile("/t.db", OpenFlags.READ_WRITE_CREATE)) {
            assertEquals(0, io.clock().monotonicNanos());
            io.step(5_000);
            assertEquals(5_000, io.clock().monotonicNanos(), "with nothing in flight a step sleeps virtually");
            Completion c = f.pwrite(0, arena.allocate(512, 512), new Completion());
            assertEquals(5_000, io.clock().monotonicNanos(), "submitting takes no time");
            assertEquals(1, io.step(0), "a step jumps to the next due completion");
            assertTrue(c.isDone());
            long ticks = (io.clock().monotonicNanos() - 5_000) / SimClock.NANOS_PER_TICK;
            LatencyProfile.TickRange write = LatencyProfile.DEFAULT.write();
            assertTrue(ticks >= write.minTicks() && ticks <= write.maxTicks(), "latency " + ticks);
            assertEquals(SimClock.EPOCH_ORIGIN_MILLIS, io.clock().epochMillis());
        }
    }

    @Test
    void shouldDriveTheEnginesRandomnessFromTheSeedAloneNotFromFaults() throws IOException {
        SimIO calm = new SimIO(new SimDisk(), 22, FaultProfile.NONE, LatencyProfile.DEFAULT);
        SimIO hostile = new SimIO(new SimDisk(), 22, FaultProfile.hostile(), LatencyProfile.DEFAULT);
        try (Arena arena = Arena.ofConfined();
                DatabaseFile f = hostile.openFile("/r.db", OpenFlags.READ_WRITE_CREATE)) {
            for (int i = 0; i < 50; i++) { // fault draws on one instance only
                hostile.waitFor(f.pwrite(i * 512L, arena.allocate(512, 512), new Completion()));
            }
            for (int i = 0; i < 10; i++) {
                assertEquals(calm.random().nextLong(), hostile.random().nextLong());
            }
        }
        assertNotEquals(
                new SimIO(23).random().nextLong(), new SimIO(24).random().nextLong(), "seeds differ, streams differ");
        calm.close();
        hostile.close();
    }

    @Test
    void shouldDescribeTheRunInOneLine() {
        SimIO io = new SimIO(new SimDisk(), 0xabcdefL, FaultProfile.hostile(), LatencyProfile.DEFAULT);
        String line = io.reproduction();
        assertTrue(line.startsWith("seed=0x0000000000abcdef, profile=faults[read=0.01/EIO"), line);
        assertTrue(line.contains("crashTorn=0.1"), line);
        assertTrue(line.contains("latency[read=5..100"), line);
        assertEquals(-1, line.indexOf('\n'));
        io.close();
    }

    @Test
    void shouldBeFoundThroughTheServiceLoaderWithTheOptionsSeed() throws IOException {
        IOProviders.Selection sim = IOProviders.named("sim");
        assertInstanceOf(SimIOProvider.class, sim.provider());
        assertEquals(0, sim.provider().priority(), "the simulator is never a default");
        try (IO io = sim.create(IOOptions.defaults().withSeed(77))) {
            SimIO simIO = assertInstanceOf(SimIO.class, io);
            assertEquals(77, simIO.seed());
            assertEquals(new SimIO(77).random().nextLong(), simIO.random().nextLong());
        }
    }

    @Test
    void shouldRejectBadInputBeforeSimulatingAnything() throws IOException {
        try (SimIO io = new SimIO(25);
                Arena arena = Arena.ofShared();
                DatabaseFile f = io.openFile("/bad.db", OpenFlags.READ_WRITE_CREATE)) {
            assertThrows(NullPointerException.class, () -> f.pread(0, null, new Completion()));
            Completion negative = f.pread(-1, arena.allocate(512), new Completion());
            assertEquals(1, io.step(), "a refused call finishes at once, without latency");
            assertEquals(-Errno.EINVAL, negative.result());
            assertEquals(0, io.clock().monotonicNanos());
            assertEquals(512, readResult(io, f.pwrite(0, arena.allocate(512, 512), new Completion())));
            Arena gone = Arena.ofShared();
            MemorySegment freed = gone.allocate(512, 512);
            Completion read = f.pread(0, freed, new Completion());
            gone.close(); // freed while in flight: the simulator reports it instead of crashing
            assertEquals(-Errno.EFAULT, readResult(io, read));
            assertThrows(IllegalArgumentException.class, () -> io.failNextRead(0));
            assertThrows(IllegalArgumentException.class, () -> FaultProfile.NONE.withBitFlips(1.5));
            assertThrows(IllegalArgumentException.class, () -> new LatencyProfile.TickRange(5, 4));
        }
    }

    private static int readResult(SimIO io, Completion c) throws IOException {
        io.waitFor(c);
        return c.result();
    }

    @Test
    void shouldKeepAFileReadableThroughAHandleAfterItIsRemoved() throws IOException {
        try (SimIO io = new SimIO(26);
                Arena arena = Arena.ofConfined()) {
            DatabaseFile f = io.openFile("/gone.db", OpenFlags.READ_WRITE_CREATE);
            io.waitFor(f.pwrite(0, arena.allocate(4096, 512).fill((byte) 9), new Completion()));
            io.removeFile("/gone.db");
            assertTrue(!io.exists("/gone.db"));
            MemorySegment in = arena.allocate(4096, 512);
            Completion c = f.pread(0, in, new Completion());
            io.waitFor(c);
            assertEquals(4096, c.result(), "an unlinked file lives on while a handle is open");
            assertEquals(9, in.get(java.lang.foreign.ValueLayout.JAVA_BYTE, 4095));
            f.close();
        }
    }
}
