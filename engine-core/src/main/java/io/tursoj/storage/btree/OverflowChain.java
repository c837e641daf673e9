package io.tursoj.storage.btree;

import io.tursoj.io.Completion;
import io.tursoj.io.IOResult;
import io.tursoj.storage.CorruptDatabaseException;
import io.tursoj.storage.Page;
import io.tursoj.storage.Pager;
import io.tursoj.storage.format.CellInfo;
import io.tursoj.storage.format.OverflowPage;
import io.tursoj.storage.format.PageType;
import io.tursoj.storage.format.PayloadRules;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * Writes and frees the overflow chains of payloads that do not fit their cell. Both are resumable: the state kept
 * here says how far the chain has got, so a {@code Pending} result repeats only the step that waited.
 *
 * <p>Invariants: a written chain has exactly {@link PayloadRules#overflowPageCount} pages, each but the last full,
 * the last with next-page 0; freeing follows at most that many pages of a chain, so a corrupt, cyclic chain cannot
 * loop.
 */
final class OverflowChain {
    private final Pager pager;
    private final PayloadRules rules;

    // Writing
    private int written;
    private Page previous;
    private int first;

    // Freeing
    private int freeNext;
    private long freeLeft;
    private int freeCurrent;
    private int freeOwner;

    OverflowChain(Pager pager, PayloadRules rules) {
        this.pager = pager;
        this.rules = rules;
    }

    /** Forgets any progress (after an error). */
    void reset() {
        if (previous != null) {
            pager.unpin(previous);
            previous = null;
        }
        written = 0;
        first = 0;
        freeLeft = 0;
        freeCurrent = 0;
    }

    /**
     * Writes payload bytes {@code [local, length)} to new overflow pages. Returns the first page number when done
     * (via {@link #firstPage()}). Resumable: call again with the same arguments after {@code Pending}.
     */
    IOResult<Void> write(MemorySegment payload, long offset, int length, int local) throws IOException {
        int capacity = rules.overflowPageCapacity();
        while (local + written < length) {
            IOResult<Page> r = pager.freeList().allocate();
            if (r instanceof IOResult.Pending<Page>(Completion c)) {
                return c.pending();
            }
            Page p = r.value();
            if (previous == null) {
                first = p.pageNumber();
            } else {
                OverflowPage.setNext(previous.buffer(), p.pageNumber());
                pager.unpin(previous);
            }
            int n = Math.min(capacity, length - local - written);
            MemorySegment.copy(payload, offset + local + written, p.buffer(), OverflowPage.CONTENT_OFFSET, n);
            OverflowPage.setNext(p.buffer(), 0);
            written += n;
            previous = p;
        }
        if (previous != null) {
            pager.unpin(previous);
            previous = null;
        }
        return IOResult.done();
    }

    /** The first page of the chain just written (0 when the payload needed none); resets the writer. */
    int takeFirstPage() {
        int f = first;
        first = 0;
        written = 0;
        return f;
    }

    /** Starts freeing the overflow chain of {@code cell} (on a page of {@code type}, number {@code owner}). */
    void startFree(CellInfo cell, PageType type, int owner) {
        freeNext = cell.overflowPage;
        freeLeft = cell.overflows() ? rules.overflowPageCount(cell.payloadSize, type) : 0;
        freeCurrent = 0;
        freeOwner = owner;
    }

    /** Frees the chain started with {@link #startFree}. Resumable. */
    IOResult<Void> free() throws IOException {
        while (freeLeft > 0 || freeCurrent != 0) {
            if (freeCurrent == 0) {
                int page = freeNext;
                if (page < 2 || page > pager.databaseSizePages()) {
                    throw CorruptDatabaseException.onPage(freeOwner, "overflow chain names page " + page);
                }
                IOResult<Page> r = pager.readPage(page);
                if (r instanceof IOResult.Pending<Page>(Completion c)) {
                    return c.pending();
                }
                Page p = r.value();
                freeNext = OverflowPage.next(p.buffer());
                pager.unpin(p);
                freeCurrent = page;
                freeLeft--;
            }
            IOResult<Void> r = pager.freeList().free(freeCurrent);
            if (r instanceof IOResult.Pending<Void>(Completion c)) {
                return c.pending();
            }
            freeCurrent = 0;
        }
        return IOResult.done();
    }
}
