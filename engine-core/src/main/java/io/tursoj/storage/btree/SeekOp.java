package io.tursoj.storage.btree;

/** Where a seek lands relative to its key. */
public enum SeekOp {
    /** The first entry equal to the key (for index keys: whose leading fields equal it). */
    EQ,
    /** The first entry greater than or equal to the key. */
    GE,
    /** The first entry greater than the key. */
    GT,
    /** The last entry less than or equal to the key. */
    LE,
    /** The last entry less than the key. */
    LT;

    /**
     * What an index record whose leading fields all equal a shorter search key compares as (SQLite's
     * {@code default_rc}): greater for EQ/GE/LT, so the search lands before the equal entries; less for GT/LE, so it
     * lands after them.
     */
    int prefixMatchResult() {
        return switch (this) {
            case EQ, GE, LT -> 1;
            case GT, LE -> -1;
        };
    }

    boolean isForward() {
        return this == EQ || this == GE || this == GT;
    }
}
