package io.tursoj.translate.parser.ast;

/** One item of a select list or of RETURNING. */
public sealed interface ResultColumn extends Node {

    /**
     * An expression with an optional alias.
     *
     * @param alias the alias, or null; SQLite names an unaliased column by the source text of {@code expr}, which is
     *     {@code expr.span()}
     */
    record Column(Span span, Expr expr, Name alias) implements ResultColumn {}

    /** {@code *}. */
    record Star(Span span) implements ResultColumn {}

    /** {@code table.*}. */
    record TableStar(Span span, Name table) implements ResultColumn {}
}
