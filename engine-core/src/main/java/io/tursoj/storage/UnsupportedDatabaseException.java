package io.tursoj.storage;

import java.io.IOException;

/**
 * A well-formed SQLite database that uses a feature TursoJ does not read or write, such as a UTF-16 text encoding
 * or a schema format newer than 4. The message says which feature and what TursoJ supports instead.
 */
public class UnsupportedDatabaseException extends IOException {
    private static final long serialVersionUID = 1L;

    public UnsupportedDatabaseException(String message) {
        super(message);
    }
}
