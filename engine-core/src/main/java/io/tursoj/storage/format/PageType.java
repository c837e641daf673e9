package io.tursoj.storage.format;

/**
 * The four b-tree page kinds, by the flag byte at offset 0 of the page header. Table (intkey) trees keep their
 * rows in leaves keyed by rowid; index trees keep whole keys in every cell.
 */
public enum PageType {
    INTERIOR_INDEX(2, false, false),
    INTERIOR_TABLE(5, true, false),
    LEAF_INDEX(10, false, true),
    LEAF_TABLE(13, true, true);

    private final int flag;
    private final boolean table;
    private final boolean leaf;

    PageType(int flag, boolean table, boolean leaf) {
        this.flag = flag;
        this.table = table;
        this.leaf = leaf;
    }

    /** The byte stored at offset 0 of the page header. */
    public int flag() {
        return flag;
    }

    /** A table (rowid) tree page: keys are rowids. */
    public boolean isTable() {
        return table;
    }

    public boolean isLeaf() {
        return leaf;
    }

    /** Page header size: 8 bytes for leaves, 12 for interior pages (the right-child pointer). */
    public int headerSizeBytes() {
        return leaf ? PageHeader.LEAF_SIZE : PageHeader.INTERIOR_SIZE;
    }

    /** Whether cells carry a payload (every kind but interior table pages, whose cells hold only a rowid). */
    public boolean hasPayload() {
        return this != INTERIOR_TABLE;
    }

    /** The interior or leaf kind of the same tree. */
    public PageType withLeaf(boolean isLeaf) {
        if (table) {
            return isLeaf ? LEAF_TABLE : INTERIOR_TABLE;
        }
        return isLeaf ? LEAF_INDEX : INTERIOR_INDEX;
    }

    /** The type with header flag {@code flag}, or null if the flag is not one of the four. */
    public static PageType ofFlag(int flag) {
        return switch (flag) {
            case 2 -> INTERIOR_INDEX;
            case 5 -> INTERIOR_TABLE;
            case 10 -> LEAF_INDEX;
            case 13 -> LEAF_TABLE;
            default -> null;
        };
    }
}
