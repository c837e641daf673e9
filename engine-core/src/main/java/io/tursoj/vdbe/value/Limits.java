package io.tursoj.vdbe.value;

/** SQLite's default run-time limits that values and functions check (see {@code sqlite3_limit}). */
public final class Limits {
    private Limits() {}

    /** {@code SQLITE_MAX_LENGTH}: the largest string or BLOB, in bytes. */
    public static final int MAX_LENGTH = 1_000_000_000;

    /** {@code SQLITE_MAX_LIKE_PATTERN_LENGTH}: the longest LIKE or GLOB pattern, in bytes. */
    public static final int MAX_LIKE_PATTERN_LENGTH = 50_000;

    /** Throws {@code string or blob too big} when {@code length} exceeds {@link #MAX_LENGTH}. */
    public static void checkLength(long length) {
        if (length > MAX_LENGTH) {
            throw EvaluationException.tooBig();
        }
    }
}
