package io.tursoj.vdbe;

import io.tursoj.vdbe.value.Value;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The in-memory store behind sorters and ephemeral tables: rows of values ordered by their first {@code keys}
 * columns with the given collations and directions. A sorter keeps duplicates in insertion order (a stable sort);
 * an ephemeral index keeps one row per distinct key. Sorting spills nowhere yet: rows stay on the heap.
 */
final class MemoryTable {
    private final Specs.Keys keys;
    private final boolean distinct;
    private final List<Value[]> rows = new ArrayList<>();
    private final TreeSet<Value[]> set;
    private List<Value[]> sorted;
    private int position = -1;

    MemoryTable(Specs.Keys keys, boolean distinct) {
        this.keys = keys;
        this.distinct = distinct;
        this.set = distinct ? new TreeSet<>(comparator()) : null;
    }

    Comparator<Value[]> comparator() {
        return (a, b) -> compareKeys(a, b, keys.size());
    }

    int compareKeys(Value[] a, Value[] b, int n) {
        for (int i = 0; i < n && i < a.length && i < b.length; i++) {
            int c = ValueOrder.compare(a[i], b[i], keys.collations().get(i));
            if (c != 0) {
                return keys.descending()[i] ? -c : c;
            }
        }
        return 0;
    }

    /** Adds a row; in a distinct table a row equal to an existing one replaces it, as a b-tree insert would. */
    void insert(Value[] row) {
        if (distinct) {
            set.remove(row);
            set.add(row);
        } else {
            rows.add(row);
        }
    }

    boolean contains(Value[] key) {
        return set.contains(key);
    }

    /** Sorts (stable) and moves before the first row; returns whether there is one. */
    boolean sortAndRewind() {
        if (distinct) {
            sorted = new ArrayList<>(set);
        } else {
            rows.sort(comparator());
            sorted = rows;
        }
        position = 0;
        return !sorted.isEmpty();
    }

    boolean next() {
        position++;
        return position < sorted.size();
    }

    Value[] current() {
        return sorted.get(position);
    }
}
