package io.tursoj.storage;

import io.tursoj.io.Completion;
import io.tursoj.io.IOResult;
import io.tursoj.storage.format.DatabaseHeader;
import io.tursoj.storage.format.FreelistTrunk;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * The database's free pages: a chain of trunk pages, each listing leaf pages (see {@link FreelistTrunk}), whose head
 * and total count live in the header on page 1.
 *
 * <p>Allocation takes the last leaf of the first trunk, or the trunk itself when it lists none, and otherwise
 * appends a page at the end of the file. Freeing adds the page as a leaf of the first trunk while it has room (at
 * most {@link FreelistTrunk#maxLeavesWrite} leaves), and otherwise makes the page the new first trunk. Both read at
 * most the first trunk page, before changing anything, so a {@code Pending} result leaves no state behind and the
 * call is simply repeated.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>The header's freelist count equals the trunks plus the leaves they list.
 *   <li>Every page on the list is distinct, in {@code [2, databaseSizePages]}, and not the lock-byte page.
 *   <li>A page handed out by {@link #allocate} is pinned, dirty and zero-filled; its caller owns it.
 * </ol>
 */
public final class FreeList {
    private final Pager pager;

    FreeList(Pager pager) {
        this.pager = pager;
    }

    /** The number of free pages, from the header. */
    public long count() {
        return DatabaseHeader.freelistCount(pager.header());
    }

    /** A new page for the caller (invariant 3), from the freelist or the end of the file. Resumable. */
    public IOResult<Page> allocate() throws IOException {
        MemorySegment header = pager.header();
        long free = DatabaseHeader.freelistCount(header);
        int trunkNumber = (int) DatabaseHeader.freelistTrunkPage(header);
        if (free == 0 || trunkNumber == 0) {
            if (free != 0 || trunkNumber != 0) {
                throw CorruptDatabaseException.onPage(1, "freelist count " + free + " with trunk " + trunkNumber);
            }
            return pager.freshPage(pager.appendPageNumber()).asDone();
        }
        checkPageNumber(trunkNumber, 1);
        IOResult<Page> r = pager.readPage(trunkNumber);
        if (r instanceof IOResult.Pending<Page>(Completion c)) {
            return c.pending();
        }
        Page trunk = r.value();
        MemorySegment t = trunk.buffer;
        long leaves = FreelistTrunk.leafCount(t);
        if (leaves > FreelistTrunk.maxLeavesRead(pager.usableSizeBytes()) || leaves >= free) {
            pager.unpin(trunk);
            throw CorruptDatabaseException.onPage(trunkNumber, "freelist trunk lists " + leaves + " leaves");
        }
        pager.markDirty(pager.page1());
        DatabaseHeader.setFreelistCount(header, free - 1);
        if (leaves == 0) {
            // The trunk itself is handed out; the next trunk becomes the head.
            int nextTrunk = FreelistTrunk.nextTrunk(t);
            if (nextTrunk != 0) {
                checkPageNumber(nextTrunk, trunkNumber);
            }
            DatabaseHeader.setFreelistTrunkPage(header, nextTrunk);
            pager.markDirty(trunk);
            pager.unpin(trunk);
            return pager.freshPage(trunkNumber).asDone();
        }
        int leaf = FreelistTrunk.leaf(t, (int) leaves - 1);
        checkPageNumber(leaf, trunkNumber);
        pager.markDirty(trunk);
        FreelistTrunk.setLeafCount(t, (int) leaves - 1);
        pager.unpin(trunk);
        return pager.freshPage(leaf).asDone();
    }

    /** Puts page {@code pageNumber} (not pinned by anyone) on the freelist. Resumable. */
    public IOResult<Void> free(int pageNumber) throws IOException {
        checkPageNumber(pageNumber, 1);
        MemorySegment header = pager.header();
        long free = DatabaseHeader.freelistCount(header);
        int trunkNumber = (int) DatabaseHeader.freelistTrunkPage(header);
        if (trunkNumber != 0) {
            checkPageNumber(trunkNumber, 1);
            IOResult<Page> r = pager.readPage(trunkNumber);
            if (r instanceof IOResult.Pending<Page>(Completion c)) {
                return c.pending();
            }
            Page trunk = r.value();
            long leaves = FreelistTrunk.leafCount(trunk.buffer);
            if (leaves > FreelistTrunk.maxLeavesRead(pager.usableSizeBytes())) {
                pager.unpin(trunk);
                throw CorruptDatabaseException.onPage(trunkNumber, "freelist trunk lists " + leaves + " leaves");
            }
            if (leaves < FreelistTrunk.maxLeavesWrite(pager.usableSizeBytes())) {
                pager.markDirty(trunk);
                FreelistTrunk.setLeaf(trunk.buffer, (int) leaves, pageNumber);
                FreelistTrunk.setLeafCount(trunk.buffer, (int) leaves + 1);
                pager.unpin(trunk);
                pager.markDirty(pager.page1());
                DatabaseHeader.setFreelistCount(header, free + 1);
                return IOResult.done();
            }
            pager.unpin(trunk);
        }
        Page newTrunk = pager.freshPage(pageNumber);
        FreelistTrunk.setNextTrunk(newTrunk.buffer, trunkNumber);
        FreelistTrunk.setLeafCount(newTrunk.buffer, 0);
        pager.unpin(newTrunk);
        pager.markDirty(pager.page1());
        DatabaseHeader.setFreelistTrunkPage(header, pageNumber);
        DatabaseHeader.setFreelistCount(header, free + 1);
        return IOResult.done();
    }

    private void checkPageNumber(int pageNumber, int foundOn) throws CorruptDatabaseException {
        if (pageNumber < 2 || pageNumber > pager.databaseSizePages()) {
            throw CorruptDatabaseException.onPage(foundOn, "freelist names page " + pageNumber + " out of range");
        }
    }
}
