package io.tursoj.storage.btree;

import io.tursoj.storage.Pager;
import io.tursoj.storage.format.PayloadRules;

/**
 * The b-trees of one database file (SQLite's BtShared): the pager they live in, the payload rules of its page size,
 * and the cursors open on them.
 *
 * <p>Invariants: the pager is open; {@link #rules()} match its usable size; every cursor opened here was created on
 * this tree's pager.
 */
public final class BTree {
    private final Pager pager;
    private final PayloadRules rules;

    public BTree(Pager pager) {
        this.pager = pager;
        this.rules = PayloadRules.of(pager.usableSizeBytes());
    }

    public Pager pager() {
        return pager;
    }

    public PayloadRules rules() {
        return rules;
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
}
