package io.tursoj.api;

/**
 * SQLite's result codes: the primary codes and the extended codes TursoJ reports, with their numbers, so that a
 * caller may compare with SQLite's C API ({@code SQLITE_CONSTRAINT_UNIQUE} is 2067).
 */
public enum ErrorCode {
    OK(0),
    ERROR(1),
    INTERNAL(2),
    PERM(3),
    ABORT(4),
    BUSY(5),
    LOCKED(6),
    NOMEM(7),
    READONLY(8),
    INTERRUPT(9),
    IOERR(10),
    CORRUPT(11),
    NOTFOUND(12),
    FULL(13),
    CANTOPEN(14),
    PROTOCOL(15),
    EMPTY(16),
    SCHEMA(17),
    TOOBIG(18),
    CONSTRAINT(19),
    MISMATCH(20),
    MISUSE(21),
    NOLFS(22),
    AUTH(23),
    FORMAT(24),
    RANGE(25),
    NOTADB(26),
    CONSTRAINT_CHECK(275),
    CONSTRAINT_NOTNULL(1299),
    CONSTRAINT_PRIMARYKEY(1555),
    CONSTRAINT_UNIQUE(2067),
    CONSTRAINT_ROWID(2579);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    /** The (possibly extended) numeric code. */
    public int code() {
        return code;
    }

    /** The primary code: the low byte of the extended code. */
    public ErrorCode primary() {
        int p = code & 0xff;
        for (ErrorCode c : values()) {
            if (c.code == p) {
                return c;
            }
        }
        return ERROR;
    }

    /** SQLite's name for the code, e.g. {@code SQLITE_CONSTRAINT_UNIQUE}. */
    public String sqliteName() {
        return "SQLITE_" + name();
    }
}
