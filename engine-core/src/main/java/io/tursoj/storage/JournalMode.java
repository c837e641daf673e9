package io.tursoj.storage;

/** How a {@link Pager} makes commits durable ({@code PRAGMA journal_mode}). */
public enum JournalMode {
    /**
     * Write-ahead log (the default, as in Turso): commits append page images to {@code <db>-wal}; checkpoints copy
     * them back. Crash safe; readers keep their snapshot while one writer appends.
     */
    WAL,
    /**
     * No journal: commits write pages in place. A crash during a commit can corrupt the file (SQLite's
     * {@code journal_mode=OFF}); rollback before commit still works, because changes stay in the cache until then.
     */
    OFF
}
