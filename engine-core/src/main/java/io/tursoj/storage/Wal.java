package io.tursoj.storage;

import io.tursoj.io.Completion;
import io.tursoj.io.CompletionGroup;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.IOResult;
import io.tursoj.io.RandomSource;
import io.tursoj.storage.format.WalChecksum;
import io.tursoj.storage.format.WalFrameHeader;
import io.tursoj.storage.format.WalHeader;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;
import java.util.TreeMap;

/**
 * The write-ahead log of one database, shared by every connection (pager) open on it: the log file, the in-memory
 * wal-index, and the bookkeeping of readers' snapshots, the single writer and checkpoints.
 *
 * <pre>
 *   frames:  1 .. backfilled .. maxFrame | uncommitted or stale bytes
 *            copied to the db    readers see up to their snapshot
 * </pre>
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Frames {@code 1..maxFrame} are valid (salts and cumulative checksum) and end with a commit frame; recovery
 *       on open keeps exactly the longest such prefix.
 *   <li>A reader with snapshot {@code M > 0} reads page P from the latest frame {@code <= M} holding P, else from the
 *       database file; so a checkpoint never copies a frame later than the oldest such reader's {@code M}.
 *   <li>A reader with snapshot 0 reads only the database file; it is handed out only when every frame is copied,
 *       and while one is active no further frame is copied.
 *   <li>The log is reset (new salts, frames from 1) only when every frame is copied and synced into the database
 *       and no reader has a snapshot above 0.
 *   <li>At most one writer at a time, and only from the latest version; readers are never blocked.
 *   <li>Bookkeeping is guarded by this object's monitor; frame I/O runs outside it.
 * </ol>
 */
public final class Wal implements AutoCloseable {
    /** SQLite's default {@code wal_autocheckpoint}, in frames. */
    public static final int DEFAULT_AUTOCHECKPOINT_FRAMES = 1000;

    private static final int RECOVERY_CHUNK_BYTES = 1 << 20;

    /** Progress of {@link #recover()}. */
    private enum RecoverState {
        START,
        HEADER,
        FRAMES,
        DONE
    }

    /** Progress of {@link #commit}. */
    private enum CommitState {
        IDLE,
        WRITING,
        SYNCING
    }

    private final DatabaseFile file;
    private final RandomSource random;
    private final int pageSize;
    private final Arena arena = Arena.ofShared();
    private final WalIndex index = new WalIndex();
    private final Map<Integer, Integer> readers = new TreeMap<>();
    private final Completion ioCompletion = new Completion();
    private final Completion syncCompletion = new Completion();

    private boolean bigEndian;
    private int salt1;
    private int salt2;
    private int checkpointSequence;
    private boolean headerOnDisk;
    private long headerChecksum;
    private int maxFrame;
    private long runningChecksum;
    private int databaseSizePages;
    private int backfilled;
    private long version;
    private int dbOnlyReaders;
    private boolean writer;
    private boolean checkpointing;

    private RecoverState recoverState = RecoverState.START;
    private MemorySegment chunk;
    private long recoverOffset;
    private int recoverFrames;
    private long recoverSum;
    private int lastCommit;
    private long lastCommitSum;
    private int lastCommitSize;

    private CommitState commitState = CommitState.IDLE;
    private MemorySegment frameHeaders;
    private int pendingFrames;
    private long pendingSum;
    private int pendingSize;
    private int[] pendingPages = new int[0];

    /**
     * @param file the log file ({@code <db>-wal}), owned by this object from now on
     * @param pageSize the database's page size
     * @param databaseSizePages the database file's size, used until the log holds a commit
     */
    public Wal(DatabaseFile file, RandomSource random, int pageSize, int databaseSizePages) {
        this.file = file;
        this.random = random;
        this.pageSize = pageSize;
        this.databaseSizePages = databaseSizePages;
        newSalts();
    }

    public int pageSizeBytes() {
        return pageSize;
    }

    DatabaseFile file() {
        return file;
    }

    private void newSalts() {
        long r = random.nextLong();
        salt1 = (int) (r >>> 32);
        salt2 = (int) r;
    }

    // ---------------------------------------------------------------- recovery

    /** Reads the log and rebuilds the index from its valid committed prefix (invariant 1). Resumable. */
    public IOResult<Void> recover() throws IOException {
        while (true) {
            switch (recoverState) {
                case START -> {
                    long size = file.size();
                    if (size < WalHeader.SIZE) {
                        recoverState = RecoverState.DONE;
                        continue;
                    }
                    int frameBytes = WalFrameHeader.SIZE + pageSize;
                    int perChunk = Math.max(1, RECOVERY_CHUNK_BYTES / frameBytes);
                    chunk = arena.allocate((long) perChunk * frameBytes, 4096);
                    ioCompletion.reset();
                    recoverState = RecoverState.HEADER;
                    file.pread(0, chunk.asSlice(0, WalHeader.SIZE), ioCompletion);
                }
                case HEADER -> {
                    if (!ioCompletion.isDone()) {
                        return ioCompletion.pending();
                    }
                    if (ioCompletion.bytesOrThrow() < WalHeader.SIZE || !readHeader(chunk)) {
                        recoverState = RecoverState.DONE;
                        continue;
                    }
                    recoverOffset = WalHeader.SIZE;
                    recoverSum = headerChecksum;
                    recoverFrames = 0;
                    lastCommit = 0;
                    readChunk();
                    recoverState = RecoverState.FRAMES;
                }
                case FRAMES -> {
                    if (!ioCompletion.isDone()) {
                        return ioCompletion.pending();
                    }
                    if (!scanChunk(ioCompletion.bytesOrThrow())) {
                        finishRecovery();
                        recoverState = RecoverState.DONE;
                        continue;
                    }
                    readChunk();
                }
                case DONE -> {
                    chunk = null;
                    return IOResult.done();
                }
            }
        }
    }

    private boolean readHeader(MemorySegment h) throws CorruptDatabaseException {
        if (!WalHeader.isValid(h)) {
            return false; // an invalid header means an empty log (it is rewritten by the next commit)
        }
        if (WalHeader.pageSizeBytes(h) != pageSize) {
            throw new CorruptDatabaseException(
                    "WAL page size " + WalHeader.pageSizeBytes(h) + " differs from the database's " + pageSize);
        }
        bigEndian = WalHeader.bigEndianChecksums(h);
        salt1 = WalHeader.salt1(h);
        salt2 = WalHeader.salt2(h);
        checkpointSequence = WalHeader.checkpointSequence(h);
        headerChecksum = WalChecksum.pack(WalHeader.checksum1(h), WalHeader.checksum2(h));
        headerOnDisk = true;
        return true;
    }

    private void readChunk() {
        ioCompletion.reset();
        file.pread(recoverOffset, chunk, ioCompletion);
    }

    /** Scans the frames of a chunk of {@code bytes}; false when the valid prefix ended. */
    private boolean scanChunk(int bytes) {
        int frameBytes = WalFrameHeader.SIZE + pageSize;
        int whole = bytes / frameBytes;
        for (int i = 0; i < whole; i++) {
            MemorySegment f = chunk.asSlice((long) i * frameBytes, frameBytes);
            MemorySegment page = f.asSlice(WalFrameHeader.SIZE, pageSize);
            long sum = WalFrameHeader.checksum(f, page, pageSize, bigEndian, recoverSum);
            if (!WalFrameHeader.isValid(f, salt1, salt2, sum)) {
                return false;
            }
            recoverSum = sum;
            recoverFrames++;
            index.append(WalFrameHeader.pageNumber(f));
            int commitSize = WalFrameHeader.databaseSize(f);
            if (commitSize != 0) {
                lastCommit = recoverFrames;
                lastCommitSum = sum;
                lastCommitSize = commitSize;
            }
        }
        recoverOffset += (long) whole * frameBytes;
        return whole * frameBytes == chunk.byteSize();
    }

    private void finishRecovery() {
        index.truncate(lastCommit);
        maxFrame = lastCommit;
        runningChecksum = lastCommit > 0 ? lastCommitSum : headerChecksum;
        if (lastCommit > 0) {
            databaseSizePages = lastCommitSize;
        }
        backfilled = 0;
        version++;
    }

    // ---------------------------------------------------------------- readers and the writer

    /** Starts a read transaction at the latest commit. */
    public synchronized WalSnapshot beginRead() {
        if (maxFrame == 0 || backfilled == maxFrame) {
            dbOnlyReaders++;
            return new WalSnapshot(0, databaseSizePages, version);
        }
        readers.merge(maxFrame, 1, Integer::sum);
        return new WalSnapshot(maxFrame, databaseSizePages, version);
    }

    public synchronized void endRead(WalSnapshot snapshot) {
        if (snapshot.maxFrame() == 0) {
            dbOnlyReaders--;
            return;
        }
        readers.computeIfPresent(snapshot.maxFrame(), (k, n) -> n == 1 ? null : n - 1);
    }

    /** Takes the write lock for a transaction that read {@code snapshot} (invariant 5). */
    public synchronized void beginWrite(WalSnapshot snapshot) throws DatabaseBusyException {
        if (writer) {
            throw new DatabaseBusyException("another connection is writing");
        }
        if (snapshot.version() != version) {
            throw new DatabaseBusyException("snapshot is stale: another connection committed");
        }
        writer = true;
    }

    public synchronized void endWrite() {
        writer = false;
    }

    /** The latest frame holding {@code page} no later than {@code snapshotFrame}, or 0 (read the database file). */
    public synchronized int findFrame(int page, int snapshotFrame) {
        return index.find(page, snapshotFrame);
    }

    /** Reads the page image of frame {@code frame} into {@code buffer}. */
    public Completion readFrame(int frame, MemorySegment buffer, Completion completion) {
        return file.pread(WalFrameHeader.frameOffset(frame, pageSize) + WalFrameHeader.SIZE, buffer, completion);
    }

    public synchronized int maxFrame() {
        return maxFrame;
    }

    public synchronized int backfilledFrames() {
        return backfilled;
    }

    public synchronized long version() {
        return version;
    }

    public synchronized int databaseSizePages() {
        return databaseSizePages;
    }

    public synchronized int checkpointSequence() {
        return checkpointSequence;
    }

    // ---------------------------------------------------------------- commit

    /**
     * Appends {@code count} page images as one transaction, the last frame marked as the commit with the database
     * size {@code databaseSize}, and syncs them when {@code sync} is FULL. Only the writer calls this; the commit is
     * visible to readers that start after it returns {@code Done}. Resumable.
     */
    public IOResult<Void> commit(Page[] pages, int count, int databaseSize, Synchronous sync) throws IOException {
        switch (commitState) {
            case IDLE -> {
                if (count == 0) {
                    return IOResult.done();
                }
                startCommit(pages, count, databaseSize);
                commitState = CommitState.WRITING;
                return awaitFrames(sync);
            }
            case WRITING -> {
                return awaitFrames(sync);
            }
            case SYNCING -> {
                return awaitSync();
            }
        }
        throw new AssertionError(commitState);
    }

    private void startCommit(Page[] pages, int count, int databaseSize) {
        synchronized (this) {
            assert writer : "commit without the write lock";
            if (maxFrame > 0 && backfilled == maxFrame && readers.isEmpty() && !checkpointing) {
                resetLog(); // invariant 4: everything is in the database file, nobody reads the log
            }
        }
        if (frameHeaders == null || frameHeaders.byteSize() < (long) count * WalFrameHeader.SIZE + WalHeader.SIZE) {
            frameHeaders = Arena.ofAuto().allocate(Math.max(4096, ((long) count * WalFrameHeader.SIZE + 32) * 2), 8);
        }
        if (pendingPages.length < count) {
            pendingPages = new int[Math.max(count, pendingPages.length * 2)];
        }
        ioCompletion.reset();
        CompletionGroup group = new CompletionGroup(ioCompletion);
        if (!headerOnDisk) {
            MemorySegment h = frameHeaders.asSlice((long) count * WalFrameHeader.SIZE, WalHeader.SIZE);
            headerChecksum = WalHeader.write(h, bigEndian, pageSize, checkpointSequence, salt1, salt2);
            runningChecksum = headerChecksum;
            file.pwrite(0, h, group.add(new Completion()));
        }
        long sum = runningChecksum;
        int batch = 256;
        for (int start = 0; start < count; start += batch) {
            int n = Math.min(batch, count - start);
            MemorySegment[] iov = new MemorySegment[2 * n];
            for (int i = 0; i < n; i++) {
                int k = start + i;
                Page p = pages[k];
                MemorySegment fh = frameHeaders.asSlice((long) k * WalFrameHeader.SIZE, WalFrameHeader.SIZE);
                int commitSize = k == count - 1 ? databaseSize : 0;
                sum = WalFrameHeader.write(
                        fh, p.pageNumber(), commitSize, salt1, salt2, bigEndian, sum, p.buffer(), pageSize);
                iov[2 * i] = fh;
                iov[2 * i + 1] = p.buffer();
                pendingPages[k] = p.pageNumber();
            }
            file.pwritev(WalFrameHeader.frameOffset(maxFrame + start + 1, pageSize), iov, group.add(new Completion()));
        }
        group.seal();
        pendingFrames = count;
        pendingSum = sum;
        pendingSize = databaseSize;
    }

    private IOResult<Void> awaitFrames(Synchronous sync) throws IOException {
        if (!ioCompletion.isDone()) {
            return ioCompletion.pending();
        }
        commitState = CommitState.IDLE;
        ioCompletion.bytesOrThrow();
        headerOnDisk = true;
        if (sync == Synchronous.FULL) {
            syncCompletion.reset();
            commitState = CommitState.SYNCING;
            file.sync(syncCompletion);
            return awaitSync();
        }
        publish();
        return IOResult.done();
    }

    private IOResult<Void> awaitSync() throws IOException {
        if (!syncCompletion.isDone()) {
            return syncCompletion.pending();
        }
        commitState = CommitState.IDLE;
        syncCompletion.bytesOrThrow();
        publish();
        return IOResult.done();
    }

    private synchronized void publish() {
        for (int i = 0; i < pendingFrames; i++) {
            index.append(pendingPages[i]);
        }
        maxFrame += pendingFrames;
        runningChecksum = pendingSum;
        databaseSizePages = pendingSize;
        version++;
    }

    /** Abandons a commit whose I/O failed; its frames are never published, the next commit overwrites them. */
    public void abandonCommit() {
        commitState = CommitState.IDLE;
    }

    // ---------------------------------------------------------------- checkpoint support

    /** Starts a checkpoint: returns the last frame it may copy (invariant 2), or -1 if one is already running. */
    synchronized int beginCheckpoint() {
        if (checkpointing) {
            return -1;
        }
        checkpointing = true;
        int safe = maxFrame;
        for (int m : readers.keySet()) {
            safe = Math.min(safe, m);
        }
        if (dbOnlyReaders > 0) {
            safe = Math.min(safe, backfilled); // they read the database file: it must not change under them
        }
        return safe;
    }

    /** The page in frame {@code frame}, and whether that frame is the latest for its page up to {@code limit}. */
    synchronized boolean isLatestUpTo(int frame, int limit) {
        return index.find(index.pageOf(frame), limit) == frame;
    }

    synchronized int pageOf(int frame) {
        return index.pageOf(frame);
    }

    synchronized boolean hasWriter() {
        return writer;
    }

    /**
     * Ends a checkpoint that copied and synced frames up to {@code copied}. With {@code reset}, also resets the log
     * when that is safe (invariant 4); returns whether the log was reset.
     */
    synchronized boolean endCheckpoint(int copied, boolean reset) {
        checkpointing = false;
        backfilled = Math.max(backfilled, copied);
        if (reset && backfilled == maxFrame && readers.isEmpty() && !writer) {
            if (maxFrame > 0) {
                resetLog();
            }
            return true;
        }
        return false;
    }

    /** Forgets the log's frames: the next commit writes a new header with new salts at frame 1. */
    private void resetLog() {
        index.clear();
        maxFrame = 0;
        backfilled = 0;
        checkpointSequence++;
        salt1++;
        salt2 = (int) random.nextLong();
        headerOnDisk = false;
        version++;
    }

    /** After a TRUNCATE checkpoint truncated the file: nothing of the log is on disk any more. */
    synchronized void onTruncated() {
        headerOnDisk = false;
    }

    @Override
    public void close() throws IOException {
        file.close();
        arena.close();
    }
}
