package io.tursoj.storage.btree;

import java.util.Arrays;

/**
 * Cells that belong to a page but do not fit on it yet (SQLite's {@code apOvfl}/{@code aiOvfl}): an insert into a
 * full page parks the cell here and the balance that follows places it. Each cell has a logical index, its position
 * among all the page's cells as if it had been inserted.
 *
 * <p>Invariants: indices are strictly ascending; the list is empty whenever no balance is pending on the page.
 */
final class OverflowCells {
    int count;
    int[] indices = new int[4];
    byte[][] cells = new byte[4][];

    void clear() {
        Arrays.fill(cells, 0, count, null);
        count = 0;
    }

    boolean isEmpty() {
        return count == 0;
    }

    /** Adds a cell at logical index {@code index}, shifting later overflow cells up by one. */
    void insert(int index, byte[] cell) {
        if (count == indices.length) {
            indices = Arrays.copyOf(indices, count * 2);
            cells = Arrays.copyOf(cells, count * 2);
        }
        int at = 0;
        while (at < count && indices[at] < index) {
            at++;
        }
        for (int i = count; i > at; i--) {
            indices[i] = indices[i - 1] + 1;
            cells[i] = cells[i - 1];
        }
        indices[at] = index;
        cells[at] = cell;
        count++;
    }

    /** The position in this list of the cell at logical index {@code index}, or -1. */
    int find(int index) {
        for (int i = 0; i < count; i++) {
            if (indices[i] == index) {
                return i;
            }
        }
        return -1;
    }

    /** Removes the overflow cell at list position {@code at}, shifting later ones down by one. */
    void removeAt(int at) {
        for (int i = at; i < count - 1; i++) {
            indices[i] = indices[i + 1] - 1;
            cells[i] = cells[i + 1];
        }
        count--;
        cells[count] = null;
    }

    /** Notes that a physical cell at logical index {@code index} was removed: later overflow cells move down. */
    void onPhysicalRemoved(int index) {
        for (int i = 0; i < count; i++) {
            if (indices[i] > index) {
                indices[i]--;
            }
        }
    }

    /** How many overflow cells come before logical index {@code index}. */
    int countBefore(int index) {
        int n = 0;
        while (n < count && indices[n] < index) {
            n++;
        }
        return n;
    }
}
