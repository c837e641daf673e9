package io.tursoj.jdbc;

import io.tursoj.api.Database;
import io.tursoj.api.DatabaseOptions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One engine {@link Database} per file, shared by every JDBC connection to that file and closed with the last one:
 * the engine coordinates connections of one Database, not two Databases over one file. An in-memory database is
 * private to its connection, as in SQLite.
 */
final class SharedDatabases {
    private static final Map<String, Handle> OPEN = new HashMap<>();

    private SharedDatabases() {}

    /** A reference to a shared database: release it once. */
    static final class Handle {
        private final String key;
        private final Database database;
        private final DatabaseGate gate = new DatabaseGate();
        private int references;

        private Handle(String key, Database database) {
            this.key = key;
            this.database = database;
        }

        Database database() {
            return database;
        }

        DatabaseGate gate() {
            return gate;
        }

        void release() {
            boolean last;
            synchronized (OPEN) {
                last = --references == 0;
                if (last && key != null) {
                    OPEN.remove(key);
                }
            }
            if (last) {
                database.close();
            }
        }
    }

    static Handle open(JdbcUrl url) {
        DatabaseOptions options = DatabaseOptions.DEFAULTS.withPageSize(url.pageSizeBytes());
        if (url.ioBackend() != null && !url.ioBackend().isEmpty()) {
            options = options.withIoBackend(url.ioBackend());
        }
        if (url.isMemory()) {
            Handle h = new Handle(null, Database.open(":memory:", options));
            h.references = 1;
            return h;
        }
        // Keyed by file alone: a second ?io= for a file already open joins the open database and its backend.
        String key = Path.of(url.path()).toAbsolutePath().normalize().toString();
        synchronized (OPEN) {
            Handle h = OPEN.get(key);
            if (h == null) {
                h = new Handle(key, Database.open(url.path(), options));
                OPEN.put(key, h);
            }
            h.references++;
            return h;
        }
    }
}
