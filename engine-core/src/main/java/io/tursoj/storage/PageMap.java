package io.tursoj.storage;

import java.util.Arrays;

/**
 * An open-addressing hash map from page number to {@link Page}, with linear probing and backward-shift deletion,
 * so lookups allocate nothing (no boxing).
 *
 * <p>Invariants: the table length is a power of two and at most half full; key 0 marks an empty slot (page numbers
 * start at 1); every key sits in the probe run that starts at its hash slot.
 */
final class PageMap {
    private int[] keys;
    private Page[] values;
    private int size;
    private int mask;

    PageMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new int[capacity];
        values = new Page[capacity];
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    private static int hash(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    Page get(int key) {
        int i = hash(key) & mask;
        while (true) {
            int k = keys[i];
            if (k == key) {
                return values[i];
            }
            if (k == 0) {
                return null;
            }
            i = (i + 1) & mask;
        }
    }

    void put(int key, Page value) {
        assert key != 0 : "page number 0 is not a key";
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int i = hash(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                values[i] = value;
                return;
            }
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        size++;
    }

    Page remove(int key) {
        int i = hash(key) & mask;
        while (keys[i] != key) {
            if (keys[i] == 0) {
                return null;
            }
            i = (i + 1) & mask;
        }
        Page old = values[i];
        // Backward-shift: move later members of the probe run into the hole so lookups never stop early.
        int hole = i;
        int j = (i + 1) & mask;
        while (keys[j] != 0) {
            int home = hash(keys[j]) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
            j = (j + 1) & mask;
        }
        keys[hole] = 0;
        values[hole] = null;
        size--;
        return old;
    }

    /** Calls {@code action} for every page (in no particular order); the map must not change meanwhile. */
    void forEach(java.util.function.Consumer<Page> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != 0) {
                action.accept(values[i]);
            }
        }
    }

    void clear() {
        Arrays.fill(keys, 0);
        Arrays.fill(values, null);
        size = 0;
    }

    private void grow() {
        int[] oldKeys = keys;
        Page[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new Page[oldKeys.length * 2];
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
