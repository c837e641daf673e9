package io.tursoj.storage;

/** {@code PRAGMA wal_checkpoint} modes (SQLite's SQLITE_CHECKPOINT_*). */
public enum CheckpointMode {
    /** Copy as many frames as possible without waiting for readers or the writer. */
    PASSIVE,
    /** Copy every frame; busy if a writer is active or a reader still needs older frames. */
    FULL,
    /** Like FULL, then reset the log so the next writer starts at its beginning. */
    RESTART,
    /** Like RESTART, and truncate the log file to zero bytes. */
    TRUNCATE
}
