package io.tursoj.storage.btree;

import java.util.Arrays;

/**
 * How an index orders its keys, column by column: the collation of TEXT values and whether the column sorts
 * descending. Columns past {@link #columns()} compare with BINARY, ascending (e.g. the trailing rowid).
 */
public final class KeyInfo {
    private final Collation[] collations;
    private final boolean[] descending;

    public KeyInfo(Collation[] collations, boolean[] descending) {
        if (collations.length != descending.length) {
            throw new IllegalArgumentException("one collation and one direction per column");
        }
        this.collations = collations.clone();
        this.descending = descending.clone();
    }

    /** {@code columns} ascending BINARY columns. */
    public static KeyInfo binary(int columns) {
        Collation[] c = new Collation[columns];
        Arrays.fill(c, Collation.BINARY);
        return new KeyInfo(c, new boolean[columns]);
    }

    public int columns() {
        return collations.length;
    }

    public Collation collation(int column) {
        return column < collations.length ? collations[column] : Collation.BINARY;
    }

    public boolean isDescending(int column) {
        return column < descending.length && descending[column];
    }
}
