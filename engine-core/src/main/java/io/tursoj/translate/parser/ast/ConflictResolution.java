package io.tursoj.translate.parser.ast;

/** What to do on a constraint conflict: {@code OR ROLLBACK} / {@code ON CONFLICT ROLLBACK} and so on. */
public enum ConflictResolution {
    ROLLBACK,
    ABORT,
    FAIL,
    IGNORE,
    REPLACE
}
