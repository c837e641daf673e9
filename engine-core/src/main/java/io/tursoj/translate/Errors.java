package io.tursoj.translate;

import io.tursoj.api.ErrorCode;
import io.tursoj.api.TursoException;

/** SQLite's compile-time error messages. */
final class Errors {
    private Errors() {}

    static TursoException error(String message) {
        return new TursoException(ErrorCode.ERROR, message);
    }

    static TursoException noSuchTable(String name) {
        return error("no such table: " + name);
    }

    static TursoException noSuchColumn(String name) {
        return error("no such column: " + name);
    }

    static TursoException unsupported(String what) {
        return error(what + " is not supported yet");
    }
}
