package io.tursoj.jdbc;

import java.sql.Savepoint;

/** A savepoint set through SQL; unnamed ones get {@code SP<n>} names so SQL can refer to them. */
record TursoSavepoint(int id, String name) implements Savepoint {
    @Override
    public int getSavepointId() {
        return id;
    }

    @Override
    public String getSavepointName() {
        return name;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
