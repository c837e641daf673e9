package io.tursoj.storage;

import java.io.IOException;

/**
 * Another connection holds what this one needs: the write lock, or a newer snapshot than the one this transaction
 * read (SQLite's {@code SQLITE_BUSY} and {@code SQLITE_BUSY_SNAPSHOT}, "database is locked"). Retry later, after
 * starting a new transaction.
 */
public class DatabaseBusyException extends IOException {
    private static final long serialVersionUID = 1L;

    public static final String SQLITE_MESSAGE = "database is locked";

    public DatabaseBusyException(String detail) {
        super(SQLITE_MESSAGE + " (" + detail + ")");
    }
}
