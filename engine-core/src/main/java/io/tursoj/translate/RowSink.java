package io.tursoj.translate;

/**
 * Where a compiled SELECT sends each of its rows: called at code-generation time at the point where a row sits in
 * {@code count} registers from {@code start}; it emits whatever consumes the row (ResultRow, an INSERT, ...).
 */
@FunctionalInterface
interface RowSink {
    void emit(int start, int count);
}
