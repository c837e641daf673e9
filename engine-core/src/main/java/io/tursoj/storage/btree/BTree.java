package io.tursoj.storage.btree;

import io.tursoj.io.Completion;
import io.tursoj.io.IOResult;
import io.tursoj.storage.Page;
import io.tursoj.storage.Pager;
import io.tursoj.storage.format.PageType;
import io.tursoj.storage.format.PayloadRules;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The b-trees of one database file (SQLite's BtShared): the pager they live in, the payload rules of its page size,
 * the cursors open on them, and the one balancer that writes share (writes run one at a time).
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>The pager is open; {@link #rules()} match its usable size.
 *   <li>Before a write changes a tree, every other cursor on that tree has saved its position and released its
 *       pages ({@link #saveCursors}), so no cursor holds a page that a balance rewrites or frees.
 * </ol>
 */
public final class BTree {
    private final Pager pager;
    private final PayloadRules rules;
    private final List<BTreeCursor> cursors = new ArrayList<>();
    private final Balancer balancer;
    private int saveIndex;
    private Page creating;

    public BTree(Pager pager) {
        this.pager = pager;
        this.rules = PayloadRules.of(pager.usableSizeBytes());
        this.balancer = new Balancer(this);
    }

    public Pager pager() {
        return pager;
    }

    public PayloadRules rules() {
        return rules;
    }

    Balancer balancer() {
        return balancer;
    }

    /** A cursor over the table (rowid) tree rooted at {@code rootPage}. */
    public BTreeCursor openTableCursor(int rootPage) {
        return new BTreeCursor(this, rootPage, null);
    }

    /** A cursor over the index tree rooted at {@code rootPage}, ordered by {@code keyInfo}. */
    public BTreeCursor openIndexCursor(int rootPage, KeyInfo keyInfo) {
        if (keyInfo == null) {
            throw new IllegalArgumentException("index cursors need a KeyInfo");
        }
        return new BTreeCursor(this, rootPage, keyInfo);
    }

    void register(BTreeCursor cursor) {
        cursors.add(cursor);
    }

    void unregister(BTreeCursor cursor) {
        cursors.remove(cursor);
    }

    /** Open cursors (for leak checks in tests). */
    public int openCursors() {
        return cursors.size();
    }

    /** Saves the position of every cursor on {@code rootPage} except {@code writer} (invariant 2). Resumable. */
    IOResult<Void> saveCursors(int rootPage, BTreeCursor writer) throws IOException {
        while (saveIndex < cursors.size()) {
            BTreeCursor c = cursors.get(saveIndex);
            if (c != writer && c.rootPage == rootPage && (c.depth >= 0 || c.valid)) {
                IOResult<Void> r = c.savePosition();
                if (r instanceof IOResult.Pending<Void>(Completion pending)) {
                    return pending.pending();
                }
            }
            saveIndex++;
        }
        saveIndex = 0;
        return IOResult.done();
    }

    /**
     * Creates an empty tree (a table tree when {@code table}, else an index tree) in the open write transaction and
     * returns its root page number. Resumable.
     */
    public IOResult<Integer> createTree(boolean table) throws IOException {
        if (creating == null) {
            IOResult<Page> r = pager.freeList().allocate();
            if (r instanceof IOResult.Pending<Page>(Completion c)) {
                return c.pending();
            }
            creating = r.value();
        }
        Page p = creating;
        creating = null;
        Node.fresh(p, rules, table ? PageType.LEAF_TABLE : PageType.LEAF_INDEX);
        pager.unpin(p);
        return IOResult.done(p.pageNumber());
    }
}
