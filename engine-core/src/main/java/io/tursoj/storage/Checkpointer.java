package io.tursoj.storage;

import io.tursoj.io.BufferPool;
import io.tursoj.io.Completion;
import io.tursoj.io.CompletionGroup;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.IOResult;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * Copies committed frames from the log back into the database file (SQLite's walCheckpoint).
 *
 * <pre>
 *   START -> SYNC_LOG -> READ -> WRITE -> (READ ...) -> SYNC_DATABASE -> FINISH [-> TRUNCATE] -> done
 * </pre>
 *
 * <p>For each page with frames in {@code (backfilled, safe]} only its latest such frame is copied, in page order.
 * The log is synced before the database is overwritten and the database is synced before the copy counts, so a
 * crash at any point leaves either the log or the database able to supply every committed page.
 *
 * <p>Invariants: at most one checkpoint runs per log; it never copies a frame a reader's snapshot excludes
 * ({@link Wal} invariant 2); with {@code synchronous=OFF} the syncs are skipped (and so is crash safety).
 */
final class Checkpointer {
    private static final int BATCH_PAGES = 16;

    /** Progress of one checkpoint. */
    private enum State {
        START,
        SYNC_LOG,
        READ,
        AWAIT_READ,
        AWAIT_WRITE,
        SYNC_DATABASE,
        TRUNCATE
    }

    private final Wal wal;
    private final DatabaseFile database;
    private final int pageSize;
    private final Completion completion = new Completion();
    private BufferPool buffers;
    private final MemorySegment[] batch = new MemorySegment[BATCH_PAGES];
    private State state = State.START;
    private CheckpointMode mode;
    private Synchronous sync;
    private int safe;
    private int[] pages = new int[64];
    private int[] frames = new int[64];
    private int targets;
    private int next;
    private int batchSize;
    private boolean busy;

    Checkpointer(Wal wal, DatabaseFile database) {
        this.wal = wal;
        this.database = database;
        this.pageSize = wal.pageSizeBytes();
    }

    /** Runs a checkpoint of {@code mode}. Resumable: repeat the call after {@code Pending}. */
    IOResult<CheckpointResult> run(CheckpointMode requested, Synchronous synchronous) throws IOException {
        try {
            if (state == State.START) {
                mode = requested;
                sync = synchronous;
            }
            return step();
        } catch (IOException | RuntimeException e) {
            if (state != State.START) {
                wal.endCheckpoint(0, false);
            }
            state = State.START;
            throw e;
        }
    }

    private IOResult<CheckpointResult> step() throws IOException {
        while (true) {
            switch (state) {
                case START -> {
                    safe = wal.beginCheckpoint();
                    if (safe < 0) {
                        return IOResult.done(new CheckpointResult(true, wal.maxFrame(), wal.backfilledFrames()));
                    }
                    busy = mode != CheckpointMode.PASSIVE && (wal.hasWriter() || safe < wal.maxFrame());
                    collectTargets();
                    next = 0;
                    state = State.SYNC_LOG;
                    submitSync(targets > 0, wal.file());
                }
                case SYNC_LOG -> {
                    if (!completion.isDone()) {
                        return completion.pending();
                    }
                    completion.bytesOrThrow();
                    state = State.READ;
                }
                case READ -> {
                    if (next >= targets) {
                        state = State.SYNC_DATABASE;
                        submitSync(targets > 0, database);
                        continue;
                    }
                    submitReads();
                    state = State.AWAIT_READ;
                }
                case AWAIT_READ -> {
                    if (!completion.isDone()) {
                        return completion.pending();
                    }
                    completion.bytesOrThrow();
                    submitWrites();
                    state = State.AWAIT_WRITE;
                }
                case AWAIT_WRITE -> {
                    if (!completion.isDone()) {
                        return completion.pending();
                    }
                    completion.bytesOrThrow();
                    next += batchSize;
                    state = State.READ;
                }
                case SYNC_DATABASE -> {
                    if (!completion.isDone()) {
                        return completion.pending();
                    }
                    completion.bytesOrThrow();
                    IOResult<CheckpointResult> r = finish();
                    if (r != null) {
                        return r;
                    }
                }
                case TRUNCATE -> {
                    if (!completion.isDone()) {
                        return completion.pending();
                    }
                    completion.bytesOrThrow();
                    wal.onTruncated();
                    state = State.START;
                    return IOResult.done(new CheckpointResult(busy, 0, 0));
                }
            }
        }
    }

    /** Syncs {@code file} unless there is nothing to make durable or synchronous=OFF; else completes at once. */
    private void submitSync(boolean needed, DatabaseFile file) {
        completion.reset();
        if (needed && sync != Synchronous.OFF) {
            file.sync(completion);
        } else {
            completion.markSubmitted();
            completion.complete(0);
        }
    }

    /** The (page, latest frame up to safe) pairs not yet copied, sorted by page. */
    private void collectTargets() {
        targets = 0;
        for (int f = wal.backfilledFrames() + 1; f <= safe; f++) {
            if (wal.isLatestUpTo(f, safe)) {
                if (targets == pages.length) {
                    pages = Arrays.copyOf(pages, targets * 2);
                    frames = Arrays.copyOf(frames, targets * 2);
                }
                pages[targets] = wal.pageOf(f);
                frames[targets] = f;
                targets++;
            }
        }
        sortByPage();
    }

    private void sortByPage() {
        long[] packed = new long[targets];
        for (int i = 0; i < targets; i++) {
            packed[i] = ((long) pages[i] << 32) | (frames[i] & 0xffff_ffffL);
        }
        Arrays.sort(packed);
        for (int i = 0; i < targets; i++) {
            pages[i] = (int) (packed[i] >>> 32);
            frames[i] = (int) packed[i];
        }
    }

    private void submitReads() {
        if (buffers == null) {
            buffers = new BufferPool(pageSize, BATCH_PAGES, BATCH_PAGES);
            for (int i = 0; i < BATCH_PAGES; i++) {
                batch[i] = buffers.acquire();
            }
        }
        batchSize = Math.min(BATCH_PAGES, targets - next);
        completion.reset();
        CompletionGroup group = new CompletionGroup(completion);
        for (int i = 0; i < batchSize; i++) {
            wal.readFrame(frames[next + i], batch[i], group.add(new Completion()));
        }
        group.seal();
    }

    private void submitWrites() {
        completion.reset();
        CompletionGroup group = new CompletionGroup(completion);
        for (int i = 0; i < batchSize; i++) {
            database.pwrite((long) (pages[next + i] - 1) * pageSize, batch[i], group.add(new Completion()));
        }
        group.seal();
    }

    /** Frees the copy buffers. */
    void close() {
        if (buffers != null) {
            buffers.close();
            buffers = null;
        }
    }

    private IOResult<CheckpointResult> finish() throws IOException {
        boolean reset = mode == CheckpointMode.RESTART || mode == CheckpointMode.TRUNCATE;
        int logFrames = wal.maxFrame();
        boolean wasReset = wal.endCheckpoint(safe, reset);
        if (reset && !wasReset) {
            busy = true;
        }
        if (wasReset && mode == CheckpointMode.TRUNCATE) {
            completion.reset();
            state = State.TRUNCATE;
            wal.file().truncate(0, completion);
            return null;
        }
        state = State.START;
        if (wasReset) {
            return IOResult.done(new CheckpointResult(busy, 0, 0));
        }
        return IOResult.done(new CheckpointResult(busy, logFrames, wal.backfilledFrames()));
    }
}
