package io.tursoj.api;

import java.util.Arrays;
import java.util.List;

/**
 * One result row as Java values: {@code null}, {@link Long}, {@link Double}, {@link String} or {@code byte[]}, with
 * the statement's column names.
 */
public record Row(List<String> columns, Object[] values) {
    public Object get(int index) {
        return values[index];
    }

    /** The value of the first column called {@code name} (case-insensitive). */
    public Object get(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).equalsIgnoreCase(name)) {
                return values[i];
            }
        }
        throw new IllegalArgumentException("no column named " + name);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Row r && columns.equals(r.columns) && Arrays.deepEquals(values, r.values);
    }

    @Override
    public int hashCode() {
        return columns.hashCode() * 31 + Arrays.deepHashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.deepToString(values);
    }
}
