package io.tursoj.api;

import io.tursoj.io.IO;
import io.tursoj.storage.JournalMode;

/**
 * How {@link Database#open(String, DatabaseOptions)} opens a database.
 *
 * @param ioBackend the I/O backend by name ({@code io_uring}, {@code nio}, {@code memory}); null or empty picks the
 *     best available one ({@link io.tursoj.io.IOProviders#select})
 * @param io an I/O instance to use instead of creating one (tests, the simulator); the database does not close it
 * @param pageSizeBytes the page size of a new database
 * @param journalMode WAL (the default for files) or OFF
 */
public record DatabaseOptions(String ioBackend, IO io, int pageSizeBytes, JournalMode journalMode) {
    public static final DatabaseOptions DEFAULTS = new DatabaseOptions(null, null, 4096, JournalMode.WAL);

    public DatabaseOptions withIO(IO value) {
        return new DatabaseOptions(ioBackend, value, pageSizeBytes, journalMode);
    }

    public DatabaseOptions withIoBackend(String name) {
        return new DatabaseOptions(name, io, pageSizeBytes, journalMode);
    }

    public DatabaseOptions withPageSize(int bytes) {
        return new DatabaseOptions(ioBackend, io, bytes, journalMode);
    }

    public DatabaseOptions withJournalMode(JournalMode mode) {
        return new DatabaseOptions(ioBackend, io, pageSizeBytes, mode);
    }
}
