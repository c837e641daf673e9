package io.tursoj.storage;

import io.tursoj.io.BufferPool;
import io.tursoj.io.Completion;
import io.tursoj.io.CompletionGroup;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.IO;
import io.tursoj.io.IOFailedException;
import io.tursoj.io.IOResult;
import io.tursoj.io.OpenFlags;
import io.tursoj.io.RandomSource;
import io.tursoj.storage.format.DatabaseHeader;
import io.tursoj.storage.format.LockBytePage;
import io.tursoj.storage.format.PageHeader;
import io.tursoj.storage.format.PageType;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Reads and writes the pages of one database through the I/O contract, caching them in a {@link PageCache}; in WAL
 * mode through a {@link Wal} shared with other connections. A pager belongs to one connection and is used by one
 * thread at a time; the {@link Wal} it shares is thread-safe. Every method that may do I/O returns {@link IOResult}:
 * on {@code Pending} the caller steps the IO and calls again, and the pager resumes where it stopped.
 *
 * <pre>
 *           open()           beginRead()           beginWrite()               commit() / rollback()
 *   CLOSED --------> IDLE --------------> READER --------------> WRITER --------------------------> IDLE
 *                     ^                      |  endRead()            commit: [MATERIALIZE] -> APPEND_FRAMES
 *                     +----------------------+                               (WAL) or WRITE_PAGES -> SYNC (OFF)
 *                                                                            -> [AUTO_CHECKPOINT] -> IDLE
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
 *       it is read. In WAL mode it is the size of the reader's snapshot.
 *   <li>A read transaction sees one snapshot: pages come from the log frames up to its snapshot, else the file.
 *       Cached pages filled at another version are dropped when a read transaction starts.
 *   <li>OFF mode: at commit the change counter is incremented and version-valid-for set equal to it, with the page
 *       count and the writer's version number. WAL mode: the page count is kept current and version-valid-for equal
 *       to the change counter, so the stored size stays valid; a commit reports success only once its frames are
 *       written (and synced when {@code synchronous=FULL}).
 *   <li>A database file is never empty while its log holds a commit (sqlite3 deletes a log beside an empty file):
 *       the first commit of a new database first writes an empty database's page 1 to the file.
 *   <li>A hot rollback journal left by a crash is played back before the file is read ({@link HotJournal}).
 *   <li>The cache stays within {@code cache_size} during a WAL write transaction: dirty pages are spilled to the log
 *       as uncommitted frames ({@link #makeRoom()}); a page being spilled is neither changed nor re-read until its
 *       frame is written.
 * </ol>
 */
public final class Pager implements AutoCloseable {
    /** SQLite's default {@code max_page_count} for 3.40. */
    public static final int MAX_PAGE_COUNT = 1_073_741_823;

    private static final int HEADER_READ_BYTES = 4096;

    /** Progress of {@link #open()}. */
    private enum OpenState {
        HOT_JOURNAL,
        START,
        READING_HEADER,
        RECOVERING_LOG,
        OPEN
    }

    /** Progress of {@link #commit()}. */
    private enum CommitState {
        IDLE,
        WRITE_PAGES,
        SYNC,
        MATERIALIZE,
        MATERIALIZE_SYNC,
        APPEND_FRAMES,
        AUTO_CHECKPOINT
    }

    private final IO io;
    private final String path;
    private final DatabaseFile file;
    private final PagerOptions options;
    private final Arena arena = Arena.ofShared();
    private final Completion headerCompletion = new Completion();
    private final Completion commitCompletion = new Completion();
    private final Completion syncCompletion = new Completion();
    private final FreeList freeList = new FreeList(this);
    private final StatementJournal journal = new StatementJournal();
    private final boolean walMode;
    private Wal wal;
    private final boolean ownsWal;
    private Checkpointer checkpointer;
    private WalSnapshot snapshot;
    private long cachedVersion = -1;
    private MemorySegment headerBuffer;
    private OpenState openState = OpenState.HOT_JOURNAL;
    private HotJournal hotJournal;
    private CommitState commitState = CommitState.IDLE;
    private BufferPool pool;
    private PageCache cache;
    private int pageSizeBytes;
    private int usableSizeBytes;
    private int databaseSizePages;
    private int sizeAtWriteStart;
    private long filePagesAtOpen;
    private boolean writing;
    private Page page1;
    private int cacheSize;
    private boolean readOnlyFormat;
    private boolean autoVacuum;
    private Page[] commitPages = new Page[0];
    private Page[] spillPages = new Page[0];
    private int spillCount;
    private boolean spilling;
    private int[] spilled = new int[0];
    private int spilledCount;
    private long pagesSpilled;
    private int commitCount;
    private IOException lastCheckpointError;

    /** A pager in journal mode OFF over an already open file (no log). */
    public Pager(DatabaseFile file, PagerOptions options) {
        if (options.journalMode() != JournalMode.OFF) {
            throw new IllegalArgumentException("WAL mode needs Pager(IO, path, options)");
        }
        this.io = null;
        this.path = file.path();
        this.file = file;
        this.options = options;
        this.cacheSize = options.cacheSize();
        this.walMode = false;
        this.ownsWal = false;
    }

    /** Opens (creating if needed) the database at {@code path} of {@code io}; its log is {@code path + "-wal"}. */
    public Pager(IO io, String path, PagerOptions options) throws IOException {
        this(io, path, options, null);
    }

    /**
     * Like {@link #Pager(IO, String, PagerOptions)}, sharing {@code sharedWal} (already recovered) with the other
     * connections open on the same database.
     */
    public Pager(IO io, String path, PagerOptions options, Wal sharedWal) throws IOException {
        this.io = io;
        this.path = path;
        this.file = io.openFile(path, OpenFlags.READ_WRITE_CREATE);
        this.options = options;
        this.cacheSize = options.cacheSize();
        this.wal = sharedWal;
        this.ownsWal = sharedWal == null;
        this.walMode = sharedWal != null || options.journalMode() == JournalMode.WAL || io.exists(walPath());
    }

    private String walPath() {
        return path + "-wal";
    }

    /** Reads and validates the database header and recovers the log. Resumable. */
    public IOResult<Void> open() throws IOException {
        while (true) {
            switch (openState) {
                case HOT_JOURNAL -> {
                    if (io != null && (hotJournal != null || io.exists(path + "-journal"))) {
                        if (hotJournal == null) {
                            hotJournal = new HotJournal(io, path + "-journal", file);
                        }
                        IOResult<Void> r = hotJournal.rollback();
                        if (r instanceof IOResult.Pending<Void>(Completion c)) {
                            return c.pending();
                        }
                    }
                    openState = OpenState.START;
                }
                case START -> {
                    if (file.size() == 0) {
                        configure(options.pageSizeBytes(), options.reservedBytes());
                        databaseSizePages = 0;
                        if (walMode && ownsWal && io.exists(walPath())) {
                            io.removeFile(walPath()); // a log beside an empty file is stale (as sqlite3 decides)
                        }
                        openState = OpenState.OPEN;
                        continue;
                    }
                    headerBuffer = arena.allocate(HEADER_READ_BYTES, BufferPool.ALIGNMENT_BYTES);
                    headerCompletion.reset();
                    openState = OpenState.READING_HEADER;
                    file.pread(0, headerBuffer, headerCompletion);
                }
                case READING_HEADER -> {
                    if (!headerCompletion.isDone()) {
                        return headerCompletion.pending();
                    }
                    readHeader();
                    openState = OpenState.RECOVERING_LOG;
                    if (walMode && wal == null && io.exists(walPath())) {
                        wal = new Wal(
                                io.openFile(walPath(), OpenFlags.READ_WRITE_EXISTING),
                                io.random(),
                                pageSizeBytes,
                                databaseSizePages);
                    }
                }
                case RECOVERING_LOG -> {
                    if (wal != null && ownsWal) {
                        IOResult<Void> r = wal.recover();
                        if (r instanceof IOResult.Pending<Void>(Completion c)) {
                            return c.pending();
                        }
                    }
                    checkSizeAgainstFile();
                    openState = OpenState.OPEN;
                }
                case OPEN -> {
                    return IOResult.done();
                }
            }
        }
    }

    private void readHeader() throws IOException {
        openState = OpenState.START;
        int bytes = headerCompletion.bytesOrThrow();
        if (bytes < DatabaseHeader.SIZE) {
            throw new NotADatabaseException("file is " + bytes + " bytes, shorter than the header");
        }
        MemorySegment h = headerBuffer.asSlice(0, DatabaseHeader.SIZE);
        DatabaseHeader.validate(h);
        int pageSize = DatabaseHeader.pageSizeBytes(h);
        configure(pageSize, DatabaseHeader.reservedBytes(h));
        autoVacuum = DatabaseHeader.isAutoVacuum(h);
        readOnlyFormat = DatabaseHeader.writeVersion(h) > 2 || autoVacuum;
        long fileBytes = file.size();
        long filePages = (fileBytes + pageSize - 1) / pageSize;
        long pages = DatabaseHeader.isDatabaseSizeValid(h) ? DatabaseHeader.databaseSizePages(h) : filePages;
        if (pages > MAX_PAGE_COUNT) {
            throw new CorruptDatabaseException("database of " + pages + " pages exceeds the page limit");
        }
        databaseSizePages = (int) pages;
        filePagesAtOpen = filePages;
    }

    /**
     * A header that claims more pages than the file holds is corrupt, unless the log has a commit: then the size
     * comes from the log, and the file may lag behind it (a checkpoint interrupted by a crash).
     */
    private void checkSizeAgainstFile() throws CorruptDatabaseException {
        if (wal != null && wal.maxFrame() > 0) {
            databaseSizePages = wal.databaseSizePages();
            return;
        }
        if (wal != null) {
            wal.noteFileSize(databaseSizePages);
        }
        if (databaseSizePages > filePagesAtOpen) {
            throw new CorruptDatabaseException(
                    "header says " + databaseSizePages + " pages but the file holds " + filePagesAtOpen + " pages");
        }
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

    /** The database file's path ({@code ":memory:"} for an in-memory database). */
    public String path() {
        return path;
    }

    public PagerOptions options() {
        return options;
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

    /** Pages a hot rollback journal restored when the pager opened (0 if there was none). */
    public int hotJournalPagesRestored() {
        return hotJournal == null ? 0 : hotJournal.pagesRestored();
    }

    /** Whether the database is in auto-vacuum mode (it has pointer-map pages; TursoJ reads but does not write it). */
    public boolean isAutoVacuum() {
        return autoVacuum;
    }

    /** Whether commits go to the write-ahead log. */
    public boolean isWalMode() {
        return walMode;
    }

    /** The log, or null before the first commit of a WAL database (or in OFF mode). */
    public Wal wal() {
        return wal;
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

    /** The error of the last automatic checkpoint, if it failed (the commit before it had succeeded). */
    public IOException lastCheckpointError() {
        return lastCheckpointError;
    }

    // ---------------------------------------------------------------- read transactions

    /** Starts a read transaction at the latest commit (invariant 6). A no-op if one is open or without a log. */
    public void beginRead() {
        checkOpen();
        if (snapshot != null || wal == null) {
            return;
        }
        snapshot = wal.beginRead();
        if (snapshot.version() != cachedVersion) {
            cache.dropClean();
            cachedVersion = snapshot.version();
        }
        databaseSizePages = snapshot.databaseSizePages();
    }

    /** Ends the read transaction, letting checkpoints pass its snapshot. */
    public void endRead() {
        if (writing) {
            throw new IllegalStateException("end the write transaction first");
        }
        if (snapshot != null) {
            wal.endRead(snapshot);
            snapshot = null;
        }
    }

    public boolean inReadTransaction() {
        return snapshot != null;
    }

    // ---------------------------------------------------------------- pages

    /**
     * Page {@code pageNumber}, loaded and pinned (invariant 1). Resumable: returns {@code Pending} while the read is
     * in flight. A read error is thrown once, and the page is read again on the next call.
     */
    public IOResult<Page> readPage(int pageNumber) throws IOException {
        checkOpen();
        if (snapshot == null && wal != null) {
            beginRead();
        }
        if (pageNumber < 1 || pageNumber > databaseSizePages) {
            throw CorruptDatabaseException.onPage(
                    pageNumber, "page number out of range (database has " + databaseSizePages + " pages)");
        }
        Page p = cache.lookup(pageNumber);
        if (p == null || (p.writing && spilling)) {
            IOResult<Void> room = makeRoom();
            if (room instanceof IOResult.Pending<Void>(Completion c)) {
                return c.pending();
            }
        }
        if (p == null) {
            p = cache.assign(pageNumber);
            if (p == null) {
                throw new IOException("page cache is full: every frame is pinned or dirty");
            }
            p.state = Page.State.READING;
            p.writing = false;
            p.completion.reset();
            int frame = writing && wal != null ? wal.findUncommitted(pageNumber) : 0;
            if (frame == 0 && snapshot != null) {
                frame = wal.findFrame(pageNumber, snapshot.maxFrame());
            }
            if (frame > 0) {
                wal.readFrame(frame, p.buffer, p.completion);
            } else {
                file.pread((long) (pageNumber - 1) * pageSizeBytes, p.buffer, p.completion);
            }
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

    /** Releases a pin taken by {@link #readPage}. */
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
        journal.beforeFresh(pageNumber, p);
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

    /**
     * Makes room in the cache for one more page. When every frame is pinned or dirty and the cache is at
     * {@code cache_size}, a WAL writer spills its unpinned dirty pages to the log as uncommitted frames (they become
     * clean and evictable, and are read back from the log if needed again). Elsewhere the cache grows past its
     * capacity, up to its hard limit. Resumable; callers run it before taking a new frame.
     */
    IOResult<Void> makeRoom() throws IOException {
        if (!spilling) {
            if (!walMode || !writing || wal == null || !cache.needsSpill()) {
                return IOResult.done();
            }
            spillCount = 0;
            for (Page p = cache.firstDirty(); p != null; p = cache.nextDirty(p)) {
                if (p.pinCount == 0 && p != page1) {
                    if (spillCount == spillPages.length) {
                        spillPages = Arrays.copyOf(spillPages, Math.max(16, spillCount * 2));
                    }
                    spillPages[spillCount++] = p;
                }
            }
            if (spillCount == 0) {
                return IOResult.done();
            }
            Arrays.sort(spillPages, 0, spillCount, (a, b) -> Integer.compare(a.pageNumber, b.pageNumber));
            for (int i = 0; i < spillCount; i++) {
                spillPages[i].writing = true; // no one may change or re-read it while its frame is written
            }
            spilling = true;
        }
        IOResult<Void> r;
        try {
            r = wal.spill(spillPages, spillCount, options.synchronous());
        } catch (IOException e) {
            finishSpill(false);
            throw e;
        }
        if (r instanceof IOResult.Pending<Void>(Completion c)) {
            return c.pending();
        }
        finishSpill(true);
        return IOResult.done();
    }

    private void finishSpill(boolean written) {
        for (int i = 0; i < spillCount; i++) {
            Page p = spillPages[i];
            p.writing = false;
            if (written) {
                cache.markClean(p);
                if (spilledCount == spilled.length) {
                    spilled = Arrays.copyOf(spilled, Math.max(16, spilledCount * 2));
                }
                spilled[spilledCount++] = p.pageNumber;
            }
            spillPages[i] = null;
        }
        spillCount = 0;
        spilling = false;
        pagesSpilled += written ? 1 : 0;
    }

    /** How many times this pager spilled dirty pages to the log. */
    public long spills() {
        return pagesSpilled;
    }

    /** Marks a pinned page as modified in the current write transaction (invariant 2). */
    public void markDirty(Page page) {
        checkWriting();
        assert page.pinCount > 0 && page.isLoaded() : "markDirty of a page that is not held: " + page;
        journal.beforeChange(page);
        cache.markDirty(page);
    }

    // ---------------------------------------------------------------- write transactions

    /**
     * Starts a write transaction: pins page 1, creating the database's first page if the file is empty. In WAL mode
     * it takes the log's write lock; {@link DatabaseBusyException} if another connection holds it or committed since
     * this connection's read transaction began. Resumable.
     */
    public IOResult<Void> beginWrite() throws IOException {
        checkOpen();
        if (writing) {
            throw new IllegalStateException("a write transaction is already open");
        }
        if (readOnlyFormat) {
            throw new UnsupportedDatabaseException(
                    "attempt to write a readonly database: TursoJ does not write auto-vacuum databases");
        }
        if (commitState != CommitState.IDLE) {
            throw new IllegalStateException("the previous commit is still running");
        }
        if (walMode && wal == null) {
            // The first write of a WAL database creates its log.
            wal = new Wal(
                    io.openFile(walPath(), OpenFlags.READ_WRITE_CREATE),
                    randomSource(),
                    pageSizeBytes,
                    databaseSizePages);
        }
        beginRead();
        if (databaseSizePages == 0) {
            lockLog();
            sizeAtWriteStart = 0;
            writing = true;
            databaseSizePages = 1;
            page1 = freshPage(1);
            DatabaseHeader.initialize(page1.buffer, pageSizeBytes, pageSizeBytes - usableSizeBytes);
            if (walMode) {
                DatabaseHeader.setFormatVersions(page1.buffer, DatabaseHeader.WRITE_VERSION_WAL);
            }
            PageHeader.initialize(page1.buffer, DatabaseHeader.SIZE, PageType.LEAF_TABLE, usableSizeBytes);
            return IOResult.done();
        }
        IOResult<Page> r = readPage(1);
        if (r instanceof IOResult.Pending<Page>(Completion c)) {
            return c.pending();
        }
        try {
            lockLog();
        } catch (DatabaseBusyException e) {
            unpin(r.value());
            throw e;
        }
        page1 = r.value();
        sizeAtWriteStart = databaseSizePages;
        writing = true;
        return IOResult.done();
    }

    private void lockLog() throws DatabaseBusyException {
        if (wal != null) {
            wal.beginWrite(snapshot);
        }
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
     * Commits the write transaction (invariant 7). Resumable. On an I/O error the transaction stays open; roll it
     * back. In WAL mode a PASSIVE checkpoint follows when the log reached the auto-checkpoint size; its errors do not
     * undo the commit (see {@link #lastCheckpointError()}).
     */
    public IOResult<Void> commit() throws IOException {
        switch (commitState) {
            case IDLE -> {
                checkWriting();
                if (walMode) {
                    return startWalCommit();
                }
                startWritingPages();
                return awaitPages();
            }
            case WRITE_PAGES -> {
                return awaitPages();
            }
            case SYNC -> {
                return awaitSync();
            }
            case MATERIALIZE, MATERIALIZE_SYNC, APPEND_FRAMES -> {
                return continueWalCommit();
            }
            case AUTO_CHECKPOINT -> {
                return autoCheckpoint();
            }
        }
        throw new AssertionError(commitState);
    }

    // ---------------------------------------------------------------- OFF mode commit

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
        cache.trim(); // the transaction's pages may have pushed the cache past cache_size
        return IOResult.done();
    }

    // ---------------------------------------------------------------- WAL mode commit

    private IOResult<Void> startWalCommit() throws IOException {
        if (cache.dirtyPages() == 0) {
            endWrite();
            return IOResult.done();
        }
        markDirty(page1);
        MemorySegment h = page1.buffer;
        DatabaseHeader.setFormatVersions(h, DatabaseHeader.WRITE_VERSION_WAL);
        DatabaseHeader.setDatabaseSizePages(h, databaseSizePages);
        DatabaseHeader.setVersionValidFor(h, DatabaseHeader.changeCounter(h));
        DatabaseHeader.setSqliteVersionNumber(h, DatabaseHeader.WRITER_VERSION_NUMBER);
        if (commitPages.length < cache.dirtyPages()) {
            commitPages = new Page[Math.max(cache.dirtyPages(), commitPages.length * 2)];
        }
        commitCount = 0;
        for (Page p = cache.firstDirty(); p != null; p = cache.nextDirty(p)) {
            commitPages[commitCount++] = p;
        }
        Arrays.sort(commitPages, 0, commitCount, (a, b) -> Integer.compare(a.pageNumber, b.pageNumber));
        if (wal == null) {
            wal = new Wal(io.openFile(walPath(), OpenFlags.READ_WRITE_CREATE), randomSource(), pageSizeBytes, 0);
        }
        if (file.size() == 0) {
            materializeEmptyDatabase();
        } else {
            commitState = CommitState.APPEND_FRAMES;
        }
        return continueWalCommit();
    }

    private RandomSource randomSource() {
        return io.random();
    }

    /** Writes an empty database's page 1 to the empty file (invariant 8). */
    private void materializeEmptyDatabase() {
        MemorySegment empty = arena.allocate(pageSizeBytes, BufferPool.ALIGNMENT_BYTES);
        DatabaseHeader.initialize(empty, pageSizeBytes, pageSizeBytes - usableSizeBytes);
        DatabaseHeader.setFormatVersions(empty, DatabaseHeader.WRITE_VERSION_WAL);
        PageHeader.initialize(empty, DatabaseHeader.SIZE, PageType.LEAF_TABLE, usableSizeBytes);
        commitCompletion.reset();
        commitState = CommitState.MATERIALIZE;
        file.pwrite(0, empty, commitCompletion);
    }

    private IOResult<Void> continueWalCommit() throws IOException {
        while (true) {
            switch (commitState) {
                case MATERIALIZE -> {
                    if (!commitCompletion.isDone()) {
                        return commitCompletion.pending();
                    }
                    fail(commitCompletion);
                    syncCompletion.reset();
                    commitState = CommitState.MATERIALIZE_SYNC;
                    if (options.synchronous() == Synchronous.OFF) {
                        syncCompletion.markSubmitted();
                        syncCompletion.complete(0);
                    } else {
                        file.sync(syncCompletion);
                    }
                }
                case MATERIALIZE_SYNC -> {
                    if (!syncCompletion.isDone()) {
                        return syncCompletion.pending();
                    }
                    fail(syncCompletion);
                    commitState = CommitState.APPEND_FRAMES;
                }
                case APPEND_FRAMES -> {
                    IOResult<Void> r;
                    try {
                        r = wal.commit(commitPages, commitCount, databaseSizePages, options.synchronous());
                    } catch (IOException e) {
                        wal.abandonCommit();
                        commitState = CommitState.IDLE;
                        throw e;
                    }
                    if (r instanceof IOResult.Pending<Void>(Completion c)) {
                        return c.pending();
                    }
                    return afterWalCommit();
                }
                default -> throw new AssertionError(commitState);
            }
        }
    }

    private void fail(Completion c) throws IOException {
        if (c.failed()) {
            commitState = CommitState.IDLE;
            throw new IOFailedException(c.errno(), "commit");
        }
    }

    private IOResult<Void> afterWalCommit() throws IOException {
        Arrays.fill(commitPages, 0, commitCount, null);
        for (Page p = cache.firstDirty(); p != null; p = cache.firstDirty()) {
            cache.markClean(p);
        }
        endWrite();
        endRead();
        cache.trim(); // the transaction's pages may have pushed the cache past cache_size
        cachedVersion = wal.version(); // our cache holds exactly what we committed
        commitState = CommitState.IDLE;
        int threshold = options.autocheckpointFrames();
        if (threshold > 0 && wal.maxFrame() >= threshold) {
            commitState = CommitState.AUTO_CHECKPOINT;
            return autoCheckpoint();
        }
        return IOResult.done();
    }

    private IOResult<Void> autoCheckpoint() {
        try {
            IOResult<CheckpointResult> r = checkpointer().run(CheckpointMode.PASSIVE, options.synchronous());
            if (r instanceof IOResult.Pending<CheckpointResult>(Completion c)) {
                return c.pending();
            }
            lastCheckpointError = null;
        } catch (IOException e) {
            lastCheckpointError = e; // the commit itself is durable; the next checkpoint retries the copy
        }
        commitState = CommitState.IDLE;
        return IOResult.done();
    }

    private Checkpointer checkpointer() {
        if (checkpointer == null) {
            checkpointer = new Checkpointer(wal, file);
        }
        return checkpointer;
    }

    /**
     * Copies the log into the database file ({@code PRAGMA wal_checkpoint(mode)}). Ends this connection's read
     * transaction first; not allowed inside a write transaction. Resumable.
     */
    public IOResult<CheckpointResult> checkpoint(CheckpointMode mode) throws IOException {
        checkOpen();
        if (writing) {
            throw new IllegalStateException("checkpoint inside a write transaction");
        }
        if (wal == null) {
            return IOResult.done(new CheckpointResult(false, 0, 0));
        }
        endRead();
        return checkpointer().run(mode, options.synchronous());
    }

    /** Abandons the write transaction: dirty pages are dropped and re-read when next needed. */
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
        for (int i = 0; i < spilledCount; i++) {
            // Spilled pages are clean in the cache but hold this transaction's changes.
            Page p = cache.peek(spilled[i]);
            if (p != null && p != one && p.state == Page.State.LOADED) {
                if (p.pinCount > 0) {
                    throw new IllegalStateException("rollback with a spilled page still pinned: " + p);
                }
                cache.drop(p);
            }
        }
        if (wal != null) {
            wal.abandonTransaction();
        }
        endWrite();
        cache.drop(one);
        databaseSizePages = sizeAtWriteStart;
        endRead();
    }

    /** Opens a savepoint level in the write transaction ({@link StatementJournal}); returns its depth. */
    public int openSavepoint() {
        checkWriting();
        return journal.open(databaseSizePages);
    }

    /** Open savepoint levels (0 outside a write transaction). */
    public int savepointDepth() {
        return journal.depth();
    }

    /** Closes savepoint levels {@code depth} and above, keeping their changes. */
    public void releaseSavepoint(int depth) {
        checkWriting();
        journal.release(depth);
    }

    /**
     * Undoes every change since savepoint level {@code depth} opened (pages, page count, header); the level stays
     * open, the levels above it are closed. No cursor may hold a page.
     */
    public void rollbackToSavepoint(int depth) {
        checkWriting();
        int size = journal.rollbackTo(depth, this::restorePage);
        for (Page p = cache.firstDirty(); p != null; ) {
            Page next = cache.nextDirty(p);
            if (p.pageNumber > size && p != page1) {
                if (p.pinCount > 0) {
                    throw new IllegalStateException("savepoint rollback with an appended page still pinned: " + p);
                }
                cache.drop(p);
            }
            p = next;
        }
        databaseSizePages = size;
    }

    private void restorePage(int pageNumber, MemorySegment image) {
        Page p = cache.peek(pageNumber);
        if (image == null) {
            if (p != null && p != page1 && p.pinCount == 0 && p.state != Page.State.READING) {
                cache.drop(p); // read again from the file or log when next needed
            }
            return;
        }
        if (p != null && p.state != Page.State.LOADED) {
            cache.drop(p);
            p = null;
        }
        if (p == null) {
            p = cache.assign(pageNumber); // spilled to the log and evicted since: refill it without reading
            if (p == null) {
                throw new IllegalStateException("page cache is full: every frame is pinned or dirty");
            }
            cache.onLoaded(p);
        }
        MemorySegment.copy(image, 0, p.buffer, 0, pageSizeBytes);
        p.epoch++;
        cache.markDirty(p);
    }

    private void endWrite() {
        Page p = page1;
        page1 = null;
        writing = false;
        spilledCount = 0;
        journal.clear();
        cache.unpin(p);
        if (wal != null) {
            wal.endWrite();
        }
    }

    private void checkWriting() {
        if (!writing) {
            throw new IllegalStateException("no write transaction is open");
        }
    }

    /** Closes the files and frees the cache. An open write transaction is rolled back. */
    @Override
    public void close() throws IOException {
        if (writing && commitState == CommitState.IDLE) {
            rollback();
        }
        if (snapshot != null) {
            wal.endRead(snapshot);
            snapshot = null;
        }
        if (cache != null) {
            cache.clear();
        }
        if (pool != null) {
            pool.close();
        }
        if (checkpointer != null) {
            checkpointer.close();
        }
        if (wal != null && ownsWal) {
            wal.close();
        }
        arena.close();
        file.close();
    }
}
