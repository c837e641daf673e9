package io.tursoj.schema;

/** A schema definition SQLite rejects; the message is SQLite's. */
public final class SchemaException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SchemaException(String message) {
        super(message);
    }
}
