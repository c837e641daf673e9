package io.tursoj.shell;

import io.tursoj.api.Statement;

/** {@code --readonly}: whether a prepared statement may run on a database opened read-only. */
final class ReadOnlyCheck {
    private ReadOnlyCheck() {}

    static boolean allows(Statement stmt) {
        return stmt.isReadOnly();
    }
}
