package io.tursoj.storage;

import java.io.IOException;

/**
 * The file is not an SQLite database at all: wrong magic string, impossible page size, unknown read version.
 * SQLite's {@code SQLITE_NOTADB}, whose message is exactly {@value #SQLITE_MESSAGE}.
 */
public class NotADatabaseException extends IOException {
    private static final long serialVersionUID = 1L;

    public static final String SQLITE_MESSAGE = "file is not a database";

    public NotADatabaseException() {
        super(SQLITE_MESSAGE);
    }

    public NotADatabaseException(String detail) {
        super(SQLITE_MESSAGE + " (" + detail + ")");
    }
}
