package io.tursoj.storage;

import io.tursoj.io.BufferPool;
import io.tursoj.io.Completion;
import io.tursoj.io.CompletionGroup;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.IOFailedException;
import io.tursoj.io.IOResult;
import io.tursoj.storage.format.DatabaseHeader;
import io.tursoj.storage.format.LockBytePage;
import io.tursoj.storage.format.PageHeader;
import io.tursoj.storage.format.PageType;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Reads and writes the pages of one database file through the I/O contract, caching them in a {@link PageCache}.
 * Every method that may do I/O returns {@link IOResult}: on {@code Pending} the caller steps the IO and calls again,
 * and the pager resumes where it stopped.
 *
 * <pre>
 *           open()            beginWrite()              commit() / rollback()
 *   CLOSED --------> IDLE ------------------> WRITER ----------------------------> IDLE
 *                     |  ^                     |  commit: WRITE_PAGES -> SYNC -> IDLE
 *                     +--+ readPage()          |  rollback: discard dirty pages
 * </pre>
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>A page returned by {@link #readPage} is loaded and pinned; the caller unpins it with {@link #unpin}.
 *   <li>Pages are modified only inside a write transaction, and only after {@link #markDirty}.
 *   <li>During a write transaction page 1 stays pinned (it holds the header, freelist head and counters).
 *   <li>A cache hit in {@link #readPage} allocates nothing.
 *   <li>{@link #databaseSizePages()} counts every page up to the last (the lock-byte page included); no page past
 *       it is read.
 *   <li>At commit the header's change counter is incremented and version-valid-for set equal to it, together with
 *       the page count and the writer's version number (see {@link DatabaseHeader} invariant 2).
 * </ol>
 *
 * <p>Commits write pages in place (no journal): a crash during a commit may leave a mix of old and new pages. The
 * write-ahead log provides crash safety on top of this pager.
 */
public final class Pager implements AutoCloseable {
    /** SQLite's default {@code max_page_count} for 3.40. */
    public static final int MAX_PAGE_COUNT = 1_073_741_823;

    private static final int HEADER_READ_BYTES = 4096;

    /** Progress of {@link #open()}. */
    private enum OpenState {
        START,
        READING_HEADER,
        OPEN
    }

    /** Progress of {@link #commit()}. */
    private enum CommitState {
        IDLE,
        WRITE_PAGES,
        SYNC
    }

    private final DatabaseFile file;
    private final PagerOptions options;
    private final Arena arena = Arena.ofShared();
    private final Completion headerCompletion = new Completion();
    private final Completion commitCompletion = new Completion();
    private final Completion syncCompletion = new Completion();
    private final FreeList freeList = new FreeList(this);
    private MemorySegment headerBuffer;
    private OpenState openState = OpenState.START;
    private CommitState commitState = CommitState.IDLE;
    private BufferPool pool;
    private PageCache cache;
    private int pageSizeBytes;
    private int usableSizeBytes;
    private int databaseSizePages;
    private int sizeAtWriteStart;
    private boolean writing;
    private Page page1;
    private int cacheSize;
    private boolean readOnlyFormat;

    public Pager(DatabaseFile file, PagerOptions options) {
        this.file = file;
        this.options = options;
        this.cacheSize = options.cacheSize();
    }

    /** Reads and validates the database header (nothing to read for an empty file). Resumable. */
    public IOResult<Void> open() throws IOException {
        switch (openState) {
            case START -> {
                long fileBytes = file.size();
                if (fileBytes == 0) {
                    configure(options.pageSizeBytes(), options.reservedBytes());
                    databaseSizePages = 0;
                    openState = OpenState.OPEN;
                    return IOResult.done();
                }
                headerBuffer = arena.allocate(HEADER_READ_BYTES, BufferPool.ALIGNMENT_BYTES);
                headerCompletion.reset();
                openState = OpenState.READING_HEADER;
                file.pread(0, headerBuffer, headerCompletion);
                return finishOpen();
            }
            case READING_HEADER -> {
                return finishOpen();
            }
            case OPEN -> {
                return IOResult.done();
            }
        }
        throw new AssertionError(openState);
    }

    private IOResult<Void> finishOpen() throws IOException {
        if (!headerCompletion.isDone()) {
            return headerCompletion.pending();
        }
        openState = OpenState.START;
        int bytes = headerCompletion.bytesOrThrow();
        if (bytes < DatabaseHeader.SIZE) {
            throw new NotADatabaseException("file is " + bytes + " bytes, shorter than the header");
        }
        MemorySegment h = headerBuffer.asSlice(0, DatabaseHeader.SIZE);
        DatabaseHeader.validate(h);
        int pageSize = DatabaseHeader.pageSizeBytes(h);
        configure(pageSize, DatabaseHeader.reservedBytes(h));
        readOnlyFormat = DatabaseHeader.writeVersion(h) > 2 || DatabaseHeader.isAutoVacuum(h);
        long fileBytes = file.size();
        long filePages = (fileBytes + pageSize - 1) / pageSize;
        long pages = DatabaseHeader.isDatabaseSizeValid(h) ? DatabaseHeader.databaseSizePages(h) : filePages;
        if (pages > filePages) {
            throw new CorruptDatabaseException(
                    "header says " + pages + " pages but the file holds " + filePages + " pages");
        }
        if (pages > MAX_PAGE_COUNT) {
            throw new CorruptDatabaseException("database of " + pages + " pages exceeds the page limit");
        }
        databaseSizePages = (int) pages;
        openState = OpenState.OPEN;
        return IOResult.done();
    }

    private void configure(int pageSize, int reserved) {
        pageSizeBytes = pageSize;
        usableSizeBytes = pageSize - reserved;
        int capacity = PagerOptions.cachePages(cacheSize, pageSize);
        int maxFrames = (int) Math.max(capacity, Math.min(Integer.MAX_VALUE, options.maxCacheMemoryBytes() / pageSize));
        int slab = Math.max(1, Math.min(64, Math.min(capacity, (1 << 20) / pageSize)));
        pool = new BufferPool(pageSize, slab, maxFrames);
        cache = new PageCache(pool, capacity, maxFrames, this::onPageIoComplete);
    }

    private void checkOpen() {
        if (openState != OpenState.OPEN) {
            throw new IllegalStateException("pager is not open");
        }
    }

    public int pageSizeBytes() {
        return pageSizeBytes;
    }

    /** Page size minus reserved bytes: what b-tree pages may use. */
    public int usableSizeBytes() {
        return usableSizeBytes;
    }

    /** Pages in the database, as of the current transaction (0 for a new, never-written file). */
    public int databaseSizePages() {
        return databaseSizePages;
    }

    /** Whether the file may be read but not written (auto-vacuum, or a write version from the future). */
    public boolean isReadOnlyFormat() {
        return readOnlyFormat;
    }

    public PageCache cache() {
        checkOpen();
        return cache;
    }

    /** {@code PRAGMA cache_size}: pages if positive, KiB if negative. */
    public void setCacheSize(int value) {
        cacheSize = value;
        if (cache != null) {
            cache.setCapacityPages(PagerOptions.cachePages(value, pageSizeBytes));
        }
    }

    public int cacheSize() {
        return cacheSize;
    }

    /**
     * Page {@code pageNumber}, loaded and pinned (invariant 1). Resumable: returns {@code Pending} while the read is
     * in flight. A read error is thrown once, and the page is read again on the next call.
     */
    public IOResult<Page> readPage(int pageNumber) throws IOException {
        checkOpen();
        if (pageNumber < 1 || pageNumber > databaseSizePages) {
            throw CorruptDatabaseException.onPage(
                    pageNumber, "page number out of range (database has " + databaseSizePages + " pages)");
        }
        Page p = cache.lookup(pageNumber);
        if (p == null) {
            p = cache.assign(pageNumber);
            if (p == null) {
                throw new IOException("page cache is full: every frame is pinned or dirty");
            }
            p.state = Page.State.READING;
            p.writing = false;
            p.completion.reset();
            file.pread((long) (pageNumber - 1) * pageSizeBytes, p.buffer, p.completion);
        }
        switch (p.state) {
            case LOADED -> {
                cache.pin(p);
                return p.asDone();
            }
            case READING -> {
                return p.completion.pending();
            }
            case FAILED -> {
                int errno = p.errno;
                cache.drop(p);
                throw new IOFailedException(errno);
            }
            default -> throw new AssertionError("unexpected page state " + p);
        }
    }

    /** Releases a pin taken by {@link #readPage} or {@link #freshPage}. */
    public void unpin(Page page) {
        cache.unpin(page);
    }

    /** Takes another pin on an already pinned page. */
    public void pin(Page page) {
        assert page.pinCount > 0 && page.isLoaded() : "pin of a page that is not held: " + page;
        cache.pin(page);
    }

    private void onPageIoComplete(Page p) {
        if (p.writing) {
            return; // commit watches the group
        }
        int res = p.completion.result();
        if (res < 0) {
            p.state = Page.State.FAILED;
            p.errno = -res;
            return;
        }
        if (res < pageSizeBytes) {
            // Past the end of the file a page reads as zeros.
            p.buffer.asSlice(res).fill((byte) 0);
        }
        cache.onLoaded(p);
    }

    /**
     * A frame for {@code pageNumber} whose old contents do not matter (a page just allocated): pinned, dirty, zero
     * filled, without reading it. Write transactions only.
     */
    Page freshPage(int pageNumber) throws IOException {
        checkWriting();
        Page p = cache.peek(pageNumber);
        if (p != null && p.state == Page.State.READING) {
            throw new IllegalStateException("fresh page " + pageNumber + " has a read in flight");
        }
        if (p != null && p.state == Page.State.FAILED) {
            cache.drop(p);
            p = null;
        }
        if (p == null) {
            p = cache.assign(pageNumber);
            if (p == null) {
                throw new IOException("page cache is full: every frame is pinned or dirty");
            }
            cache.onLoaded(p);
        } else {
            p.epoch++;
        }
        p.buffer.fill((byte) 0);
        cache.pin(p);
        cache.markDirty(p);
        return p;
    }

    /** Marks a pinned page as modified in the current write transaction (invariant 2). */
    public void markDirty(Page page) {
        checkWriting();
        assert page.pinCount > 0 && page.isLoaded() : "markDirty of a page that is not held: " + page;
        cache.markDirty(page);
    }

    /** Starts a write transaction: pins page 1, creating the database's first page if the file is empty. */
    public IOResult<Void> beginWrite() throws IOException {
        checkOpen();
        if (writing) {
            throw new IllegalStateException("a write transaction is already open");
        }
        if (readOnlyFormat) {
            throw new UnsupportedDatabaseException(
                    "attempt to write a readonly database: TursoJ does not write auto-vacuum databases");
        }
        sizeAtWriteStart = databaseSizePages;
        if (databaseSizePages == 0) {
            writing = true;
            databaseSizePages = 1;
            page1 = freshPage(1);
            DatabaseHeader.initialize(page1.buffer, pageSizeBytes, pageSizeBytes - usableSizeBytes);
            PageHeader.initialize(page1.buffer, DatabaseHeader.SIZE, PageType.LEAF_TABLE, usableSizeBytes);
            return IOResult.done();
        }
        IOResult<Page> r = readPage(1);
        if (r instanceof IOResult.Pending<Page>(Completion c)) {
            return c.pending();
        }
        page1 = r.value();
        writing = true;
        return IOResult.done();
    }

    public boolean inWriteTransaction() {
        return writing;
    }

    /** Page 1, pinned for the whole write transaction (invariant 3). */
    public Page page1() {
        checkWriting();
        return page1;
    }

    /** The database header as it stands in the current write transaction (page 1's first 100 bytes). */
    public MemorySegment header() {
        return page1().buffer.asSlice(0, DatabaseHeader.SIZE);
    }

    public FreeList freeList() {
        return freeList;
    }

    /** The number of a page appended at the end of the file, skipping the lock-byte page. */
    int appendPageNumber() throws IOException {
        checkWriting();
        int next = databaseSizePages + 1;
        if (next == LockBytePage.pageNumber(pageSizeBytes)) {
            next++;
        }
        if (next > MAX_PAGE_COUNT || next < 0) {
            throw new IOException("database or disk is full");
        }
        databaseSizePages = next;
        return next;
    }

    /**
     * Commits the write transaction: updates the header counters (invariant 6), writes every dirty page and, unless
     * {@code synchronous=OFF}, syncs the file. Resumable. On an I/O error the transaction stays open; roll it back.
     */
    public IOResult<Void> commit() throws IOException {
        checkWriting();
        switch (commitState) {
            case IDLE -> {
                startWritingPages();
                return awaitPages();
            }
            case WRITE_PAGES -> {
                return awaitPages();
            }
            case SYNC -> {
                return awaitSync();
            }
        }
        throw new AssertionError(commitState);
    }

    private void startWritingPages() {
        if (cache.dirtyPages() > 0) {
            markDirty(page1);
            MemorySegment h = page1.buffer;
            long counter = (DatabaseHeader.changeCounter(h) + 1) & 0xffff_ffffL;
            DatabaseHeader.setChangeCounter(h, counter);
            DatabaseHeader.setVersionValidFor(h, counter);
            DatabaseHeader.setDatabaseSizePages(h, databaseSizePages);
            DatabaseHeader.setSqliteVersionNumber(h, DatabaseHeader.WRITER_VERSION_NUMBER);
        }
        commitCompletion.reset();
        CompletionGroup group = new CompletionGroup(commitCompletion);
        for (Page p = cache.firstDirty(); p != null; p = cache.nextDirty(p)) {
            p.writing = true;
            p.completion.reset();
            file.pwrite((long) (p.pageNumber - 1) * pageSizeBytes, p.buffer, group.add(p.completion));
        }
        group.seal();
        commitState = CommitState.WRITE_PAGES;
    }

    private IOResult<Void> awaitPages() throws IOException {
        if (!commitCompletion.isDone()) {
            return commitCompletion.pending();
        }
        commitState = CommitState.IDLE;
        for (Page p = cache.firstDirty(); p != null; p = cache.nextDirty(p)) {
            p.writing = false;
            if (p.completion.failed()) {
                throw new IOFailedException(p.completion.errno());
            }
            if (p.completion.result() != pageSizeBytes) {
                throw new IOException("short write of page " + p.pageNumber);
            }
        }
        commitCompletion.bytesOrThrow();
        if (options.synchronous() == Synchronous.OFF) {
            return finishCommit();
        }
        syncCompletion.reset();
        commitState = CommitState.SYNC;
        file.sync(syncCompletion);
        return awaitSync();
    }

    private IOResult<Void> awaitSync() throws IOException {
        if (!syncCompletion.isDone()) {
            return syncCompletion.pending();
        }
        commitState = CommitState.IDLE;
        syncCompletion.bytesOrThrow();
        return finishCommit();
    }

    private IOResult<Void> finishCommit() {
        for (Page p = cache.firstDirty(); p != null; p = cache.firstDirty()) {
            cache.markClean(p);
        }
        endWrite();
        return IOResult.done();
    }

    /** Abandons the write transaction: dirty pages are dropped and re-read from the file when next needed. */
    public void rollback() {
        checkWriting();
        if (commitState != CommitState.IDLE) {
            throw new IllegalStateException("rollback while a commit is in flight");
        }
        for (Page p = cache.firstDirty(); p != null; p = cache.nextDirty(p)) {
            if (p.pinCount > (p == page1 ? 1 : 0)) {
                throw new IllegalStateException("rollback with a dirty page still pinned: " + p);
            }
        }
        Page one = page1;
        if (one.pinCount > 1) {
            throw new IllegalStateException("rollback with page 1 still pinned by a cursor");
        }
        cache.markClean(one);
        for (Page p = cache.firstDirty(); p != null; p = cache.firstDirty()) {
            cache.drop(p);
        }
        endWrite();
        cache.drop(one);
        databaseSizePages = sizeAtWriteStart;
    }

    private void endWrite() {
        Page p = page1;
        page1 = null;
        writing = false;
        cache.unpin(p);
    }

    private void checkWriting() {
        if (!writing) {
            throw new IllegalStateException("no write transaction is open");
        }
    }

    /** Closes the file and frees the cache. Open transactions are rolled back. */
    @Override
    public void close() throws IOException {
        if (writing && commitState == CommitState.IDLE) {
            rollback();
        }
        if (cache != null) {
            cache.clear();
        }
        if (pool != null) {
            pool.close();
        }
        arena.close();
        file.close();
    }
}
