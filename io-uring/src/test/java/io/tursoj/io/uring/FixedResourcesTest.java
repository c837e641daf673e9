package io.tursoj.io.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.io.BufferPool;
import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.Errno;
import io.tursoj.io.OpenFlags;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registered (fixed) buffers and files, and O_DIRECT, against the real kernel. */
class FixedResourcesTest extends UringTestSupport {

    @Test
    void shouldUseFixedOpcodesForBuffersInsideRegisteredSlabs() throws IOException {
        UringIO io = newIO(64, false); // every read through the ring, so both directions are visible
        BufferPool pool = newPool(4096, 8, 32);
        MemorySegment out = fill(pool.acquire(), 3);
        assertTrue(io.registerBuffers(pool));
        try (DatabaseFile f = io.openFile(path("fixed.db"), OpenFlags.READ_WRITE_CREATE)) {
            long before = io.stats().fixedBufferOps();
            assertEquals(4096, await(io, f.pwrite(4096, out, new Completion())));
            MemorySegment in = pool.acquire();
            assertEquals(4096, await(io, f.pread(4096, in, new Completion())));
            assertSameBytes(out, in);
            assertEquals(before + 2, io.stats().fixedBufferOps());

            // A slice inside a registered buffer is still inside the slab: fixed, at the right address.
            MemorySegment half = pool.acquire().asSlice(1024, 2048);
            assertEquals(2048, await(io, f.pread(4096 + 1024, half, new Completion())));
            assertSameBytes(out.asSlice(1024, 2048), half);
            assertEquals(before + 3, io.stats().fixedBufferOps());

            // Memory outside the pool takes the plain opcodes and works the same.
            MemorySegment plain = buffer(4096);
            assertEquals(4096, await(io, f.pread(4096, plain, new Completion())));
            assertSameBytes(out, plain);
            assertEquals(before + 3, io.stats().fixedBufferOps());
        }
    }

    @Test
    void shouldRegisterSlabsAddedAfterTheFirstRegistration() throws IOException {
        UringIO io = newIO(64, false);
        BufferPool pool = newPool(4096, 2, 8);
        MemorySegment first = pool.acquire();
        assertTrue(io.registerBuffers(pool));
        pool.acquire();
        MemorySegment later = fill(pool.acquire(), 5); // a second slab, not registered yet
        assertEquals(2, pool.slabs().size());
        try (DatabaseFile f = io.openFile(path("grow.db"), OpenFlags.READ_WRITE_CREATE)) {
            long before = io.stats().fixedBufferOps();
            assertEquals(4096, await(io, f.pwrite(0, later, new Completion())));
            assertEquals(before, io.stats().fixedBufferOps(), "the new slab is not registered yet");
            assertTrue(io.registerBuffers(pool));
            assertEquals(4096, await(io, f.pwrite(0, later, new Completion())));
            assertEquals(4096, await(io, f.pread(0, first, new Completion())));
            assertSameBytes(later, first);
            assertEquals(before + 2, io.stats().fixedBufferOps());
        }
    }

    @Test
    void shouldPutOpenFilesInTheFixedFileTableAndReuseFreedSlots() throws IOException {
        UringIO io = newIO(64, false);
        assertTrue(io.hasFixedFiles(), "this kernel supports sparse file registration");
        List<DatabaseFile> open = new ArrayList<>();
        int total = UringIO.FIXED_FILE_SLOTS + 6;
        for (int i = 0; i < total; i++) {
            open.add(io.openFile(path("f" + i + ".db"), OpenFlags.READ_WRITE_CREATE));
        }
        long fixedCount =
                open.stream().filter(f -> ((UringFile) f).fixedIndex >= 0).count();
        assertEquals(UringIO.FIXED_FILE_SLOTS, fixedCount, "the table fills up, the rest use plain descriptors");
        long before = io.stats().fixedFileOps();
        for (int i = 0; i < total; i++) {
            assertEquals(512, await(io, open.get(i).pwrite(0, pattern(512, i), new Completion())));
        }
        for (int i = 0; i < total; i++) {
            MemorySegment in = buffer(512);
            assertEquals(512, await(io, open.get(i).pread(0, in, new Completion())));
            assertSameBytes(pattern(512, i), in);
        }
        assertEquals(before + 2L * UringIO.FIXED_FILE_SLOTS, io.stats().fixedFileOps());
        int freed = ((UringFile) open.get(0)).fixedIndex;
        for (DatabaseFile f : open) {
            f.close();
        }
        assertEquals(0, io.openFileCount());
        try (DatabaseFile again = io.openFile(path("f0.db"), OpenFlags.READ_WRITE_EXISTING)) {
            assertTrue(((UringFile) again).fixedIndex >= 0, "freed slots are reused");
            MemorySegment in = buffer(512);
            assertEquals(512, await(io, again.pread(0, in, new Completion())));
            assertSameBytes(pattern(512, 0), in);
            assertTrue(freed >= 0);
        }
    }

    @Test
    void shouldWorkWithoutAFixedFileTable() throws IOException {
        UringIO io = newIO(new UringIO.Config(16, false, false, true, 1, UringIO.CLOSE_DRAIN_NANOS));
        assertFalse(io.hasFixedFiles());
        try (DatabaseFile f = io.openFile(path("plain.db"), OpenFlags.READ_WRITE_CREATE)) {
            assertEquals(-1, ((UringFile) f).fixedIndex);
            assertEquals(4096, await(io, f.pwrite(0, pattern(4096, 2), new Completion())));
            MemorySegment in = buffer(4096);
            assertEquals(4096, await(io, f.pread(0, in, new Completion())));
            assertSameBytes(pattern(4096, 2), in);
            assertEquals(0, io.stats().fixedFileOps());
        }
    }

    @Test
    void shouldReadAndWriteDirectWithRegisteredAndPlainBuffers() throws IOException {
        UringIO io = newIO(); // the fast path is on, but never used for O_DIRECT files
        BufferPool pool = newPool(4096, 16, 16);
        List<MemorySegment> pages = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            pages.add(fill(pool.acquire(), 40 + i));
        }
        assertTrue(io.registerBuffers(pool));
        OpenFlags direct = OpenFlags.READ_WRITE_CREATE.with(OpenFlags.DIRECT);
        try (DatabaseFile f = io.openFile(path("direct.db"), direct)) {
            long fixedBefore = io.stats().fixedBufferOps();
            List<Completion> writes = new ArrayList<>();
            for (int i = 0; i < pages.size(); i++) {
                writes.add(f.pwrite(i * 4096L, pages.get(i), new Completion()));
            }
            writes.add(
                    f.pwritev(8 * 4096L, new MemorySegment[] {pattern(4096, 60), pattern(8192, 61)}, new Completion()));
            for (Completion c : writes) {
                assertTrue(await(io, c) > 0, "result " + c);
            }
            assertEquals(0, await(io, f.dataSync(new Completion())));
            for (int i = 0; i < pages.size(); i++) {
                MemorySegment in = pool.acquire();
                assertEquals(4096, await(io, f.pread(i * 4096L, in, new Completion())));
                assertSameBytes(pages.get(i), in);
                pool.release(in);
            }
            MemorySegment tail = buffer(12288);
            assertEquals(12288, await(io, f.pread(8 * 4096L, tail, new Completion())));
            assertSameBytes(pattern(4096, 60), tail.asSlice(0, 4096));
            assertSameBytes(pattern(8192, 61), tail.asSlice(4096, 8192));
            assertEquals(0, io.stats().fastReads(), "no page-cache fast path under O_DIRECT");
            assertEquals(fixedBefore + 16, io.stats().fixedBufferOps());
            assertEquals(-Errno.EINVAL, await(io, f.pread(0, buffer(4096).asSlice(0, 100), new Completion())));
            assertEquals(11 * 4096, f.size());
        }
    }
}
