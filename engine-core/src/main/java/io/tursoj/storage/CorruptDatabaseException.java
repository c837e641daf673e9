package io.tursoj.storage;

import java.io.IOException;

/**
 * The database file (or its WAL) holds bytes that break the format's rules: SQLite's {@code SQLITE_CORRUPT},
 * "database disk image is malformed". Thrown by explicit checks on input read from disk, never for a bug in the
 * engine (those are assertion errors). The message names the page and the rule that failed.
 */
public class CorruptDatabaseException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The message SQLite prints for {@code SQLITE_CORRUPT}. */
    public static final String SQLITE_MESSAGE = "database disk image is malformed";

    public CorruptDatabaseException(String detail) {
        super(SQLITE_MESSAGE + ": " + detail);
    }

    public CorruptDatabaseException(String detail, Throwable cause) {
        super(SQLITE_MESSAGE + ": " + detail, cause);
    }

    /** A corruption found on page {@code pageNumber}. */
    public static CorruptDatabaseException onPage(int pageNumber, String detail) {
        return new CorruptDatabaseException("page " + Integer.toUnsignedString(pageNumber) + ": " + detail);
    }
}
