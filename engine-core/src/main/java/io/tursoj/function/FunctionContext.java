package io.tursoj.function;

import io.tursoj.io.RandomSource;
import io.tursoj.vdbe.value.ByteBuilder;
import io.tursoj.vdbe.value.Collation;
import io.tursoj.vdbe.value.Collations;

/**
 * What a function may ask of the engine while it runs: counters of the connection, the randomness source of the
 * {@code IO} layer, and the collation of the call site. The VDBE implements it (one instance per statement is
 * enough: it answers for the call being made).
 */
public interface FunctionContext {
    /** Rows changed by the most recent INSERT, UPDATE or DELETE ({@code sqlite3_changes64}). */
    long changes();

    /** Rows changed since the connection opened ({@code sqlite3_total_changes64}). */
    long totalChanges();

    /** Rowid of the most recent successful INSERT ({@code sqlite3_last_insert_rowid}). */
    long lastInsertRowid();

    /** Randomness for {@code random()} and {@code randomblob()}: the engine supplies {@code IO.random()}. */
    RandomSource random();

    /**
     * The collating sequence attached to this call ({@code min}, {@code max}, {@code nullif} and the min/max
     * aggregates compare with it); BINARY unless the expression says otherwise.
     */
    default Collation collation() {
        return Collations.BINARY;
    }

    /**
     * A scratch buffer for building a result (printf, round): the engine returns one reusable builder, reset, so that
     * such functions allocate nothing per row. Its content is only valid until the function returns.
     */
    default ByteBuilder scratch() {
        return new ByteBuilder();
    }
}
