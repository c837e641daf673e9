package io.tursoj.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.io.IOFailedException;
import io.tursoj.io.IOResult;
import io.tursoj.io.MemoryIO;
import io.tursoj.storage.format.DatabaseHeader;
import io.tursoj.storage.format.PageHeader;
import io.tursoj.storage.format.PageType;
import io.tursoj.storage.testing.DeferredIO;
import io.tursoj.storage.testing.Sqlite3;
import io.tursoj.storage.testing.TestFiles;
import java.io.IOException;
import java.lang.foreign.ValueLayout;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PagerTest {
    @TempDir
    Path dir;

    private final MemoryIO memory = new MemoryIO();

    private static final PagerOptions OFF = PagerOptions.DEFAULTS.withJournalMode(JournalMode.OFF);

    private Path sqliteDb(int pageSize, int rows) throws IOException {
        assumeTrue(Sqlite3.available());
        Path db = dir.resolve("p.db");
        Sqlite3.run(
                db,
                "PRAGMA page_size=" + pageSize + "; CREATE TABLE t(a);"
                        + "INSERT INTO t SELECT randomblob(300) FROM generate_series(1," + rows + ");");
        return db;
    }

    private Pager open(io.tursoj.io.IO io, String name, PagerOptions options) throws IOException {
        Pager pager = new Pager(io, name, options);
        io.block(pager::open);
        return pager;
    }

    @Test
    void shouldReadEveryPageByteForByteThroughDeferredIo() throws IOException {
        Path db = sqliteDb(1024, 300);
        byte[] file = Files.readAllBytes(db);
        TestFiles.load(memory, "p.db", db);
        DeferredIO io = new DeferredIO(memory, 7);
        try (Pager pager = open(io, "p.db", PagerOptions.DEFAULTS.withCacheSize(8))) {
            assertEquals(1024, pager.pageSizeBytes());
            assertEquals(file.length / 1024, pager.databaseSizePages());
            for (int n = 1; n <= pager.databaseSizePages(); n++) {
                IOResult<Page> first = pager.readPage(n);
                assertInstanceOf(IOResult.Pending.class, first, "a miss waits for the read");
                final int pageNumber = n;
                Page p = io.block(() -> pager.readPage(pageNumber));
                byte[] want = Arrays.copyOfRange(file, (n - 1) * 1024, n * 1024);
                assertArrayEquals(want, p.buffer().toArray(ValueLayout.JAVA_BYTE), "page " + n);
                // The first call's read completed; the retry pinned the page once.
                assertEquals(1, p.pinCount());
                pager.unpin(p);
            }
            assertTrue(
                    pager.cache().frames() <= 8,
                    "cache_size honoured: " + pager.cache().frames());
            assertTrue(pager.cache().evictions() > 0);
        }
    }

    @Test
    void shouldHonourCacheSizeInKibAndPages() {
        assertEquals(500, PagerOptions.cachePages(-2000, 4096));
        assertEquals(4000, PagerOptions.cachePages(-2000, 512));
        assertEquals(123, PagerOptions.cachePages(123, 4096));
        assertEquals(1, PagerOptions.cachePages(0, 4096));
    }

    @Test
    void shouldKeepPinnedPagesAndShrinkBackWhenUnpinned() throws IOException {
        Path db = sqliteDb(512, 200);
        TestFiles.load(memory, "p.db", db);
        try (Pager pager = open(memory, "p.db", PagerOptions.DEFAULTS.withCacheSize(10))) {
            Page[] pinned = new Page[30];
            for (int i = 0; i < pinned.length; i++) {
                int n = i + 1;
                pinned[i] = memory.block(() -> pager.readPage(n));
            }
            assertEquals(30, pager.cache().frames(), "pinned pages are never evicted");
            for (int i = 0; i < pinned.length; i++) {
                assertEquals(i + 1, pinned[i].pageNumber(), "no pinned frame was reused");
                pager.unpin(pinned[i]);
            }
            assertEquals(10, pager.cache().frames(), "back within cache_size once unpinned");
            pager.setCacheSize(4);
            assertEquals(4, pager.cache().frames());
        }
    }

    @Test
    void shouldHitTheCacheAndEvictLeastRecentlyUsed() throws IOException {
        Path db = sqliteDb(1024, 100);
        TestFiles.load(memory, "p.db", db);
        try (Pager pager = open(memory, "p.db", PagerOptions.DEFAULTS.withCacheSize(3))) {
            Page one = read(pager, 1);
            pager.unpin(one);
            pager.unpin(read(pager, 2));
            pager.unpin(read(pager, 3));
            pager.unpin(read(pager, 1)); // 1 is now most recent; 2 is least
            long misses = pager.cache().misses();
            pager.unpin(read(pager, 4)); // evicts 2
            assertSame(one, read(pager, 1));
            pager.unpin(one);
            assertEquals(misses + 1, pager.cache().misses());
            pager.unpin(read(pager, 2));
            assertEquals(misses + 2, pager.cache().misses(), "page 2 was evicted");
        }
    }

    private static Page read(Pager pager, int n) throws IOException {
        return pager.readPage(n).value();
    }

    @Test
    void shouldNotAllocateOnACacheHit() throws IOException {
        Path db = sqliteDb(4096, 50);
        TestFiles.load(memory, "p.db", db);
        try (Pager pager = open(memory, "p.db", PagerOptions.DEFAULTS)) {
            int pages = pager.databaseSizePages();
            for (int warm = 0; warm < 20_000; warm++) {
                pager.unpin(pager.readPage(1 + warm % pages).value());
            }
            com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().threadId();
            long before = mx.getThreadAllocatedBytes(tid);
            long sum = 0;
            for (int i = 0; i < 100_000; i++) {
                Page p = pager.readPage(1 + i % pages).value();
                sum += p.pageNumber();
                pager.unpin(p);
            }
            long allocated = mx.getThreadAllocatedBytes(tid) - before;
            assertTrue(sum > 0);
            assertTrue(allocated < 4096, "cache hits allocated " + allocated + " bytes");
        }
    }

    @Test
    void shouldReportReadErrorsAndRecoverOnRetry() throws IOException {
        Path db = sqliteDb(1024, 20);
        TestFiles.load(memory, "p.db", db);
        DeferredIO io = new DeferredIO(memory, 3);
        try (Pager pager = open(io, "p.db", PagerOptions.DEFAULTS)) {
            io.setFaults((op, count) -> op.equals("read") ? DeferredIO.EIO : 0);
            assertThrows(IOFailedException.class, () -> io.block(() -> pager.readPage(2)));
            io.setFaults((op, count) -> 0);
            Page p = io.block(() -> pager.readPage(2));
            assertEquals(2, p.pageNumber());
            pager.unpin(p);
        }
    }

    @Test
    void shouldRejectPagesOutOfRangeAsCorrupt() throws IOException {
        Path db = sqliteDb(1024, 5);
        TestFiles.load(memory, "p.db", db);
        try (Pager pager = open(memory, "p.db", PagerOptions.DEFAULTS)) {
            assertThrows(CorruptDatabaseException.class, () -> pager.readPage(0));
            int n = pager.databaseSizePages() + 1;
            assertThrows(CorruptDatabaseException.class, () -> pager.readPage(n));
        }
    }

    @Test
    void shouldRefuseFilesThatAreNotDatabases() throws IOException {
        Path junk = dir.resolve("junk");
        Files.write(
                junk,
                "this is not a database, just some text that is long enough to fill a header: "
                        .repeat(20)
                        .getBytes());
        TestFiles.load(memory, "junk", junk);
        Pager pager = new Pager(memory, "junk", PagerOptions.DEFAULTS);
        NotADatabaseException e = assertThrows(NotADatabaseException.class, () -> memory.block(pager::open));
        assertEquals("file is not a database", e.getMessage());
        pager.close();
        Files.write(junk, new byte[] {'S', 'Q', 'L'});
        TestFiles.load(memory, "short", junk);
        Pager shortPager = new Pager(memory, "short", PagerOptions.DEFAULTS);
        assertThrows(NotADatabaseException.class, () -> memory.block(shortPager::open));
        shortPager.close();
    }

    @Test
    void shouldRejectAHeaderClaimingMorePagesThanTheFile() throws IOException {
        Path db = sqliteDb(1024, 50);
        byte[] bytes = Files.readAllBytes(db);
        Files.write(db, Arrays.copyOf(bytes, bytes.length - 3 * 1024));
        TestFiles.load(memory, "t.db", db);
        Pager pager = new Pager(memory, "t.db", PagerOptions.DEFAULTS);
        assertThrows(CorruptDatabaseException.class, () -> memory.block(pager::open));
        pager.close();
    }

    @Test
    void shouldCreateADatabaseAndKeepHeaderCountersThatSqliteAccepts() throws IOException {
        assumeTrue(Sqlite3.available());
        DeferredIO io = new DeferredIO(memory, 11);
        try (Pager pager = open(io, "new.db", OFF.withPageSize(2048))) {
            assertEquals(0, pager.databaseSizePages());
            io.block(pager::beginWrite);
            Page[] pages = new Page[40];
            for (int i = 0; i < pages.length; i++) {
                pages[i] = io.block(() -> pager.freeList().allocate());
                assertEquals(i + 2, pages[i].pageNumber());
            }
            for (Page p : pages) {
                pager.unpin(p);
            }
            for (Page p : pages) {
                int n = p.pageNumber();
                io.block(() -> pager.freeList().free(n));
            }
            assertEquals(40, pager.freeList().count());
            io.block(pager::commit);
            assertFalse(pager.inWriteTransaction());
            assertEquals(41, pager.databaseSizePages());
        }
        Path out = dir.resolve("new.db");
        TestFiles.save(memory, "new.db", out);
        assertEquals(41L * 2048, Files.size(out));
        assertEquals(
                List.of("ok", "41", "40", "2048"),
                Sqlite3.lines(
                        out,
                        "PRAGMA integrity_check; PRAGMA page_count; PRAGMA freelist_count;" + " PRAGMA page_size;"));
        byte[] bytes = Files.readAllBytes(out);
        var h = java.lang.foreign.MemorySegment.ofArray(bytes);
        assertEquals(1, DatabaseHeader.changeCounter(h));
        assertEquals(1, DatabaseHeader.versionValidFor(h));
    }

    @Test
    void shouldReuseFreePagesAndBumpTheChangeCounterPerCommit() throws IOException {
        try (Pager pager = open(memory, "r.db", OFF.withPageSize(512))) {
            memory.block(pager::beginWrite);
            for (int i = 0; i < 300; i++) {
                pager.unpin(memory.block(() -> pager.freeList().allocate()));
            }
            for (int n = 2; n <= 301; n++) {
                int page = n;
                memory.block(() -> pager.freeList().free(page));
            }
            memory.block(pager::commit);
            memory.block(pager::beginWrite);
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int i = 0; i < 300; i++) {
                Page p = memory.block(() -> pager.freeList().allocate());
                assertTrue(p.pageNumber() >= 2 && p.pageNumber() <= 301, "reused " + p.pageNumber());
                assertTrue(seen.add(p.pageNumber()));
                pager.unpin(p);
            }
            assertEquals(0, pager.freeList().count());
            Page extra = memory.block(() -> pager.freeList().allocate());
            assertEquals(302, extra.pageNumber(), "an empty freelist appends");
            PageHeader.initialize(extra.buffer(), 0, PageType.LEAF_TABLE, 512);
            pager.unpin(extra);
            memory.block(pager::commit);
            memory.block(pager::beginWrite);
            assertEquals(2, DatabaseHeader.changeCounter(pager.header()));
            pager.rollback();
        }
    }

    @Test
    void shouldDiscardChangesOnRollback() throws IOException {
        Path db = sqliteDb(1024, 30);
        byte[] before = Files.readAllBytes(db);
        TestFiles.load(memory, "p.db", db);
        try (Pager pager = open(memory, "p.db", PagerOptions.DEFAULTS)) {
            int size = pager.databaseSizePages();
            memory.block(pager::beginWrite);
            Page p = memory.block(() -> pager.readPage(2));
            pager.markDirty(p);
            p.buffer().fill((byte) 0x55);
            pager.unpin(p);
            pager.unpin(memory.block(() -> pager.freeList().allocate()));
            assertEquals(size + 1, pager.databaseSizePages());
            pager.rollback();
            assertEquals(size, pager.databaseSizePages());
            Page again = memory.block(() -> pager.readPage(2));
            assertArrayEquals(
                    Arrays.copyOfRange(before, 1024, 2048), again.buffer().toArray(ValueLayout.JAVA_BYTE));
            pager.unpin(again);
        }
        Path out = dir.resolve("after.db");
        TestFiles.save(memory, "p.db", out);
        assertArrayEquals(before, Files.readAllBytes(out));
    }
}
