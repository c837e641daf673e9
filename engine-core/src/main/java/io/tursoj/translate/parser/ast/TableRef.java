package io.tursoj.translate.parser.ast;

import java.util.List;

/** One table-like item of a FROM clause. Each alias is optional (null). */
public sealed interface TableRef extends Node {
    Name alias();

    /**
     * A named table or view.
     *
     * @param indexedBy INDEXED BY / NOT INDEXED, or null
     */
    record Table(Span span, QualifiedName name, Name alias, IndexedBy indexedBy) implements TableRef {}

    /** A table-valued function: {@code generate_series(1, 10)}. */
    record Function(Span span, QualifiedName name, List<Expr> args, Name alias) implements TableRef {}

    /** {@code (SELECT ...)}. */
    record Subquery(Span span, Select select, Name alias) implements TableRef {}

    /** {@code (a JOIN b ...)}: a parenthesized join. */
    record Nested(Span span, FromClause from, Name alias) implements TableRef {}
}
