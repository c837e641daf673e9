package io.tursoj.storage;

import io.tursoj.io.Completion;
import io.tursoj.io.IOResult;
import java.lang.foreign.MemorySegment;

/**
 * One frame of the {@link PageCache}: a page-sized buffer from the buffer pool and the bookkeeping around it. A
 * frame is reused for other page numbers after eviction, so code above the pager holds a {@code Page} only while it
 * keeps it pinned.
 *
 * <pre>
 *          assign            read submitted          read completed
 *   FREE ----------> EMPTY -----------------> READING --------------> LOADED
 *                      |                         |                      ^
 *                      | fresh page (no read)    | read failed          |
 *                      +-------------------------|----------------------+
 *                                                v
 *                                              FAILED  (dropped from the cache on the next request)
 * </pre>
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>{@code buffer.byteSize() == pageSizeBytes}; its contents are meaningful only in state LOADED.
 *   <li>A page in state READING is not evictable (the kernel may still write into its buffer).
 *   <li>A dirty page is never evicted; it stays until commit writes it or rollback discards it.
 *   <li>{@link #epoch()} changes whenever the contents are replaced (load, fresh assignment, rollback), so layers
 *       that cache parsed state in {@link #extra()} can tell when it went stale.
 * </ol>
 */
public final class Page {
    /** Where a frame is in its life; see the class diagram. */
    enum State {
        FREE,
        EMPTY,
        READING,
        LOADED,
        FAILED
    }

    /** Which list of the cache holds the frame (a frame is on at most one). */
    enum ListId {
        NONE,
        CLEAN_LRU,
        DIRTY
    }

    final MemorySegment buffer;
    final Completion completion;
    private final IOResult.Done<Page> done = new IOResult.Done<>(this);

    int pageNumber;
    State state = State.FREE;
    int pinCount;
    boolean dirty;
    int errno;
    boolean writing;
    long epoch;
    /** The {@link StatementJournal} level that holds this page's image (its invariant 2). */
    long savepointMark;

    Page prev;
    Page next;
    ListId list = ListId.NONE;
    private Object extra;

    /** Receives a frame's finished I/O. */
    @FunctionalInterface
    interface IoHandler {
        void onPageIoComplete(Page page);
    }

    Page(MemorySegment buffer, IoHandler handler) {
        this.buffer = buffer;
        this.completion = new Completion(c -> handler.onPageIoComplete(this));
    }

    /** The 1-based page number this frame currently holds. */
    public int pageNumber() {
        return pageNumber;
    }

    /** The whole page, reserved bytes included. */
    public MemorySegment buffer() {
        return buffer;
    }

    public boolean isDirty() {
        return dirty;
    }

    public int pinCount() {
        return pinCount;
    }

    /** Changes whenever this frame's contents are replaced; see invariant 4. */
    public long epoch() {
        return epoch;
    }

    /** State that a higher layer keeps with the frame (the b-tree's parsed node); survives frame reuse. */
    public Object extra() {
        return extra;
    }

    public void setExtra(Object extra) {
        this.extra = extra;
    }

    /** The preallocated {@code Done(this)}, so that a cache hit allocates nothing. */
    IOResult<Page> asDone() {
        return done;
    }

    boolean isLoaded() {
        return state == State.LOADED;
    }

    @Override
    public String toString() {
        return "Page[" + pageNumber + ", " + state + (dirty ? ", dirty" : "") + ", pins=" + pinCount + "]";
    }
}
