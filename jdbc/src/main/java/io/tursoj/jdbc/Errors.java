package io.tursoj.jdbc;

import io.tursoj.api.ErrorCode;
import io.tursoj.api.TursoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientException;

/**
 * Turns engine errors into {@link SQLException}s: the vendor code is SQLite's primary result code
 * ({@code SQLITE_CONSTRAINT} = 19, {@code SQLITE_BUSY} = 5, as sqlite-jdbc reports), the message starts with the
 * extended code's name ({@code [SQLITE_CONSTRAINT_UNIQUE] UNIQUE constraint failed: t.a}), and the SQLSTATE and
 * subclass say what a tool needs to know: 23xxx for constraints, 42xxx for syntax and unknown objects, 08xxx for a
 * closed or unopenable connection, 40001 for a busy database.
 */
final class Errors {
    private Errors() {}

    static SQLException of(TursoException e) {
        return of(e.code(), e.getMessage(), e);
    }

    static SQLException of(ErrorCode code, String message) {
        return of(code, message, null);
    }

    static SQLException of(ErrorCode code, String message, Throwable cause) {
        int vendor = code.primary().code();
        String text = "[" + code.sqliteName() + "] " + message;
        String state = sqlState(code, message);
        SQLException e = switch (code.primary()) {
            case CONSTRAINT -> new SQLIntegrityConstraintViolationException(text, state, vendor);
            case BUSY, LOCKED -> new SQLTransactionRollbackException(text, state, vendor);
            case INTERRUPT -> new SQLTransientException(text, state, vendor);
            case CANTOPEN -> new SQLNonTransientConnectionException(text, state, vendor);
            default ->
                state.startsWith("42")
                        ? new SQLSyntaxErrorException(text, state, vendor)
                        : new SQLException(text, state, vendor);
        };
        if (cause != null) {
            e.initCause(cause);
        }
        return e;
    }

    /** SQLSTATE for an engine error; the message decides within SQLITE_ERROR, which covers many kinds. */
    static String sqlState(ErrorCode code, String message) {
        return switch (code) {
            case CONSTRAINT_UNIQUE, CONSTRAINT_PRIMARYKEY, CONSTRAINT_ROWID -> "23505";
            case CONSTRAINT_NOTNULL -> "23502";
            case CONSTRAINT_CHECK -> "23514";
            case CONSTRAINT -> "23000";
            case BUSY, LOCKED -> "40001";
            case INTERRUPT -> "57014";
            case READONLY -> "25006";
            case CANTOPEN -> "08001";
            case TOOBIG -> "22001";
            case MISMATCH -> "22000";
            case RANGE -> "22023";
            case ERROR -> errorState(message == null ? "" : message);
            default -> "HY000";
        };
    }

    private static String errorState(String message) {
        if (message.contains("syntax error") || message.startsWith("incomplete input")) {
            return "42601";
        }
        if (message.startsWith("no such table") || message.startsWith("no such view")) {
            return "42S02";
        }
        if (message.startsWith("no such column")) {
            return "42S22";
        }
        if (message.startsWith("no such index")) {
            return "42S12";
        }
        if (message.startsWith("no such function") || message.startsWith("wrong number of arguments")) {
            return "42883";
        }
        if (message.contains("already exists")) {
            return "42S01";
        }
        if (message.startsWith("ambiguous column name")) {
            return "42702";
        }
        if (message.contains("not supported yet")) {
            return "0A000";
        }
        return "HY000";
    }

    /** The error every method of a closed connection, statement or result set throws. */
    static SQLException closed(String what) {
        String text = "[SQLITE_MISUSE] " + what + " is closed";
        return what.equals("connection")
                ? new SQLNonTransientConnectionException(text, "08003", 21)
                : new SQLException(text, "HY010", 21);
    }

    static SQLException timeout() {
        return new SQLTimeoutException("[SQLITE_INTERRUPT] query timeout expired", "HYT00", 9);
    }

    static SQLException busy(long timeoutMillis) {
        return of(
                ErrorCode.BUSY,
                "database is locked (another connection held its transaction for " + timeoutMillis + " ms)");
    }

    static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " is not supported by TursoJ", "0A000");
    }

    static SQLException misuse(String message) {
        return new SQLException("[SQLITE_MISUSE] " + message, "HY000", 21);
    }
}
