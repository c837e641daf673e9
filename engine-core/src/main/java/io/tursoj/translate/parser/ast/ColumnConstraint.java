package io.tursoj.translate.parser.ast;

/**
 * A constraint written after a column's type. {@link #name()} is the {@code CONSTRAINT name} before it, or null.
 * SQLite accepts a {@code CONSTRAINT name} with nothing after it, or one that another replaces; such a name
 * names nothing and is not kept.
 */
public sealed interface ColumnConstraint extends Node {
    Name name();

    /**
     * {@code PRIMARY KEY [ASC|DESC] [ON CONFLICT ..] [AUTOINCREMENT]}.
     *
     * @param onConflict the conflict resolution, or null
     */
    record PrimaryKey(
            Span span, Name name, OrderingTerm.SortOrder order, ConflictResolution onConflict, boolean autoincrement)
            implements ColumnConstraint {}

    /** {@code NOT NULL [ON CONFLICT ..]}. */
    record NotNull(Span span, Name name, ConflictResolution onConflict) implements ColumnConstraint {}

    /** {@code NULL [ON CONFLICT ..]}: accepted and ignored by SQLite. */
    record Nullable(Span span, Name name, ConflictResolution onConflict) implements ColumnConstraint {}

    record Unique(Span span, Name name, ConflictResolution onConflict) implements ColumnConstraint {}

    record Check(Span span, Name name, Expr expr) implements ColumnConstraint {}

    /**
     * {@code DEFAULT value}. Without parentheses the value is a literal, a signed number, or a bare word (which
     * SQLite stores as a string); {@link #parenthesized()} says which form was written, as a bare word means a
     * string while {@code (word)} means a name.
     */
    record Default(Span span, Name name, Expr value, boolean parenthesized) implements ColumnConstraint {}

    record Collate(Span span, Name name, Name collation) implements ColumnConstraint {}

    /** {@code REFERENCES table ...}. */
    record References(Span span, Name name, ForeignKeyClause clause) implements ColumnConstraint {}

    /** {@code [GENERATED ALWAYS] AS (expr) [STORED|VIRTUAL]}. */
    record Generated(Span span, Name name, Expr expr, Storage storage) implements ColumnConstraint {}

    /**
     * A {@code [NOT] DEFERRABLE ...} clause that does not follow a REFERENCES clause; SQLite applies it to the
     * table's most recent foreign key.
     */
    record Deferrable(Span span, Name name, ForeignKeyClause.Deferral deferral) implements ColumnConstraint {}

    enum Storage {
        UNSPECIFIED,
        STORED,
        VIRTUAL
    }
}
