package io.tursoj.storage.btree;

import io.tursoj.io.Completion;
import io.tursoj.io.IOResult;
import io.tursoj.storage.CorruptDatabaseException;
import io.tursoj.storage.Page;
import io.tursoj.storage.Pager;
import io.tursoj.storage.format.CellInfo;
import io.tursoj.storage.format.OverflowPage;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Assembles a payload that spills onto overflow pages into one contiguous buffer, one overflow page per step, so
 * that the assembly resumes after each read without starting over. The buffer is reused and grows to the largest
 * payload seen.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>{@code copied <= total}; when they are equal the buffer's first {@code total} bytes are the payload.
 *   <li>The chain is followed for at most the number of pages the payload needs, so a cyclic or over-long chain
 *       cannot loop; a chain that ends early, or names a page out of range, is corruption.
 * </ol>
 */
final class PayloadReader {
    private byte[] array = new byte[256];
    private MemorySegment buffer = MemorySegment.ofArray(array);
    private int total;
    private int copied;
    private int nextPage;
    private int cellPage;

    /** Starts assembling the payload of {@code cell} on {@code node}: copies its local part. */
    void start(Node node, CellInfo cell) {
        total = cell.payloadSize;
        if (array.length < total) {
            long doubled = Math.min(Integer.MAX_VALUE - 8, array.length * 2L);
            array = new byte[(int) Math.max(total, doubled)];
            buffer = MemorySegment.ofArray(array);
        }
        MemorySegment.copy(node.data, ValueLayout.JAVA_BYTE, cell.payloadOffset, array, 0, cell.localSize);
        copied = cell.localSize;
        nextPage = cell.overflowPage;
        cellPage = node.pageNumber;
    }

    /** Reads the remaining overflow pages; {@code Done} when the whole payload is in {@link #segment()}. */
    IOResult<Void> resume(Pager pager) throws IOException {
        int capacity = pager.usableSizeBytes() - OverflowPage.CONTENT_OFFSET;
        while (copied < total) {
            if (nextPage < 2 || nextPage > pager.databaseSizePages()) {
                throw CorruptDatabaseException.onPage(
                        cellPage,
                        "overflow chain names page " + nextPage + " with " + (total - copied) + " bytes left");
            }
            IOResult<Page> r = pager.readPage(nextPage);
            if (r instanceof IOResult.Pending<Page>(Completion c)) {
                return c.pending();
            }
            Page p = r.value();
            int n = Math.min(capacity, total - copied);
            MemorySegment.copy(p.buffer(), ValueLayout.JAVA_BYTE, OverflowPage.CONTENT_OFFSET, array, copied, n);
            copied += n;
            nextPage = OverflowPage.next(p.buffer());
            pager.unpin(p);
        }
        return IOResult.done();
    }

    MemorySegment segment() {
        return buffer;
    }

    int length() {
        return total;
    }
}
