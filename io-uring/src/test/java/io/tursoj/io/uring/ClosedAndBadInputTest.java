package io.tursoj.io.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.io.BufferPool;
import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.Errno;
import io.tursoj.io.IOFailedException;
import io.tursoj.io.OpenFlags;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A closed IO fails cleanly, and bad arguments fail before any system call: no SIGSEGV, no hung step. */
class ClosedAndBadInputTest extends UringTestSupport {

    @Test
    void shouldThrowOrFailCleanlyOnceTheIOIsClosed() throws IOException {
        UringIO io = newIO();
        DatabaseFile f = io.openFile(path("closed.db"), OpenFlags.READ_WRITE_CREATE);
        assertEquals(512, await(io, f.pwrite(0, pattern(512, 1), new Completion())));
        io.close();
        io.close(); // twice is a no-op
        assertThrows(IllegalStateException.class, () -> io.step(0));
        assertThrows(IllegalStateException.class, () -> io.openFile(path("other.db"), OpenFlags.READ_WRITE_CREATE));
        assertThrows(IllegalStateException.class, () -> io.removeFile(path("closed.db")));
        Completion read = f.pread(0, buffer(512), new Completion());
        assertTrue(read.isDone(), "finished in place: nobody steps a closed IO");
        assertEquals(-Errno.EBADF, read.result());
        assertEquals(-Errno.EBADF, f.sync(new Completion()).result());
        assertThrows(IllegalStateException.class, f::size);
        assertFalse(io.registerBuffers(newPool(4096, 1, 1)));
        assertFalse(io.hasInFlight());
        assertEquals(0, io.openFileCount());
    }

    @Test
    void shouldLetACallbackCloseTheIO() throws IOException {
        UringIO io = newIO(8, false);
        DatabaseFile f = io.openFile(path("callback.db"), OpenFlags.READ_WRITE_CREATE);
        List<Completion> others = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            others.add(f.pwrite(i * 512L, pattern(512, i), new Completion()));
        }
        Completion closer = f.pwrite(8192, pattern(512, 9), new Completion(c -> {
            try {
                io.close();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        while (!closer.isDone()) {
            io.step(STEP_NANOS);
        }
        for (Completion c : others) {
            assertTrue(c.isDone(), "the nested close drained the rest");
        }
        assertThrows(IllegalStateException.class, () -> io.step(0));
    }

    @Test
    void shouldNotRegisterTheMemoryOfAClosedPool() throws IOException {
        UringIO io = newIO();
        BufferPool pool = new BufferPool(4096, 4, 4);
        pool.acquire();
        pool.close();
        assertFalse(io.registerBuffers(pool));
    }

    @Test
    void shouldThrowInsteadOfTouchingAnExitedRing() throws IOException {
        Ring ring = Ring.create(8, 0);
        assertEquals(0, ring.cqReady());
        assertTrue(ring.nextSqe() >= 0);
        ring.exit();
        assertTrue(ring.exited());
        // The ring memory is unmapped: every access is an exception from the closed arena, not a SIGSEGV.
        assertThrows(IllegalStateException.class, ring::cqReady);
        assertThrows(IllegalStateException.class, ring::nextSqe);
        assertThrows(IllegalStateException.class, ring::submit);
        ring.exit();
    }

    @Test
    void shouldFailBadBuffersWithEfault() throws IOException {
        UringIO io = newIO();
        try (DatabaseFile f = io.openFile(path("buffers.db"), OpenFlags.READ_WRITE_CREATE)) {
            assertEquals(4096, await(io, f.pwrite(0, pattern(4096, 1), new Completion())));
            MemorySegment freed;
            try (Arena gone = Arena.ofConfined()) {
                freed = gone.allocate(4096, 4096);
            }
            assertEquals(-Errno.EFAULT, await(io, f.pread(0, freed, new Completion())), "memory of a closed arena");
            assertEquals(-Errno.EFAULT, await(io, f.pwrite(0, freed, new Completion())));
            assertEquals(
                    -Errno.EFAULT, await(io, f.pwritev(0, new MemorySegment[] {buffer(512), freed}, new Completion())));
            assertEquals(-Errno.EFAULT, await(io, f.pread(0, buffer(512).asReadOnly(), new Completion())), "read-only");
            assertEquals(
                    512, await(io, f.pwrite(0, pattern(512, 1).asReadOnly(), new Completion())), "a write may read it");
            MemorySegment heap = MemorySegment.ofArray(new byte[512]);
            assertEquals(-Errno.EFAULT, await(io, f.pwrite(0, heap, new Completion())));
            assertEquals(-Errno.EINVAL, await(io, f.pwritev(0, new MemorySegment[1025], new Completion())));
            assertEquals(0, await(io, f.pread(0, buffer(0), new Completion())), "an empty read is fine");
            assertEquals(4096, f.size(), "nothing bad reached the file");
        }
    }

    @Test
    void shouldRefuseBadPathsAndMissingFiles() throws IOException {
        UringIO io = newIO();
        assertThrows(NoSuchFileException.class, () -> io.openFile(path("missing.db"), OpenFlags.READ_ONLY_EXISTING));
        assertThrows(NoSuchFileException.class, () -> io.openFile(path("no/dir/x.db"), OpenFlags.READ_WRITE_CREATE));
        assertThrows(InvalidPathException.class, () -> io.openFile("bad\0name", OpenFlags.READ_WRITE_CREATE));
        assertThrows(InvalidPathException.class, () -> io.openFile("", OpenFlags.READ_WRITE_CREATE));
        IOFailedException dir = assertThrows(
                IOFailedException.class, () -> io.openFile(this.dir.toString(), OpenFlags.READ_WRITE_EXISTING));
        assertEquals(Errno.EISDIR, dir.errno());
        assertEquals(0, io.openFileCount());
        assertThrows(IllegalArgumentException.class, () -> io.step(-1));
        assertEquals(0, io.step(0), "nothing to do");
        assertEquals(0, io.step(STEP_NANOS), "nothing in flight: returns at once instead of sleeping");
    }

    @Test
    void shouldCloseAFileWithOperationsQueuedAndInFlight() throws IOException {
        UringIO io = newIO(4, false);
        DatabaseFile f = io.openFile(path("busy.db"), OpenFlags.READ_WRITE_CREATE);
        Completion[] writes = new Completion[20];
        for (int i = 0; i < writes.length; i++) {
            writes[i] = f.pwrite(i * 4096L, pattern(4096, i), new Completion());
        }
        f.close();
        assertEquals(1, io.openFileCount(), "the descriptor stays open while its operations are pending");
        assertEquals(-Errno.EBADF, f.pwrite(0, buffer(512), new Completion()).result());
        while (io.hasInFlight()) {
            io.step(STEP_NANOS);
        }
        for (Completion c : writes) {
            assertEquals(4096, c.result(), "accepted before close: finished for real");
        }
        assertEquals(0, io.openFileCount(), "released after the last operation");
        try (DatabaseFile again = io.openFile(path("busy.db"), OpenFlags.READ_ONLY_EXISTING)) {
            MemorySegment in = buffer(4096);
            assertEquals(4096, await(io, again.pread(19 * 4096L, in, new Completion())));
            assertSameBytes(pattern(4096, 19), in);
        }
    }

    @Test
    void shouldTakeAndReleaseLocks() throws IOException {
        UringIO io = newIO();
        try (DatabaseFile a = io.openFile(path("lock.db"), OpenFlags.READ_WRITE_CREATE);
                DatabaseFile b = io.openFile(path("lock.db"), OpenFlags.READ_WRITE_EXISTING)) {
            assertTrue(a.tryLock(false));
            assertTrue(b.tryLock(false), "shared locks coexist");
            assertFalse(a.tryLock(true), "no exclusive lock while another handle shares");
            assertTrue(a.tryLock(false), "the failed upgrade kept the shared lock");
            b.unlock();
            assertTrue(a.tryLock(true));
            assertFalse(b.tryLock(false));
            a.unlock();
            assertTrue(b.tryLock(true));
        }
    }
}
