package io.tursoj.shell.mcp;

import io.tursoj.api.Connection;
import io.tursoj.api.Database;
import io.tursoj.api.DatabaseOptions;

/**
 * The database the tools work on, and the connection they use. {@code open_database} replaces both: the new one is
 * opened first, so a failure leaves the current one in place.
 */
final class DatabaseSession implements AutoCloseable {
    static final String MEMORY = ":memory:";

    private final DatabaseOptions options;
    private Database database;
    private Connection connection;
    private String pathOrNull;

    private DatabaseSession(DatabaseOptions options) {
        this.options = options;
    }

    /** Opens {@code pathOrNull} (null: a transient in-memory database). Throws TursoException when it can't. */
    static DatabaseSession open(String pathOrNull, DatabaseOptions options) {
        DatabaseSession session = new DatabaseSession(options);
        session.switchTo(pathOrNull);
        return session;
    }

    /** Opens {@code path} and makes it current, closing the previous one; on failure the previous one stays. */
    void switchTo(String pathOrNull) {
        Database next = Database.open(pathOrNull == null ? MEMORY : pathOrNull, options);
        Connection nextConnection;
        try {
            nextConnection = next.connect();
        } catch (RuntimeException e) {
            next.close();
            throw e;
        }
        close();
        database = next;
        connection = nextConnection;
        this.pathOrNull = pathOrNull;
    }

    Connection connection() {
        return connection;
    }

    /** The path given when the database was opened, or null for the transient in-memory default. */
    String pathOrNull() {
        return pathOrNull;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
    }
}
