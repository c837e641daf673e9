package io.tursoj.translate.parser.ast;

import java.util.List;

/** A table constraint of CREATE TABLE. {@link #name()} is the {@code CONSTRAINT name} before it, or null. */
public sealed interface TableConstraint extends Node {
    Name name();

    /** {@code PRIMARY KEY (cols [AUTOINCREMENT]) [ON CONFLICT ..]}. */
    record PrimaryKey(
            Span span, Name name, List<OrderingTerm> columns, boolean autoincrement, ConflictResolution onConflict)
            implements TableConstraint {}

    record Unique(Span span, Name name, List<OrderingTerm> columns, ConflictResolution onConflict)
            implements TableConstraint {}

    /** {@code CHECK (expr) [ON CONFLICT ..]}: SQLite parses and ignores the conflict clause. */
    record Check(Span span, Name name, Expr expr, ConflictResolution onConflict) implements TableConstraint {}

    record ForeignKey(Span span, Name name, List<Name> columns, ForeignKeyClause clause) implements TableConstraint {}
}
