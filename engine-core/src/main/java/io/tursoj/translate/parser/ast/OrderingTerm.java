package io.tursoj.translate.parser.ast;

/**
 * An expression with an optional sort order and NULLS placement: an ORDER BY term, an index column, or a PRIMARY
 * KEY / UNIQUE column. A COLLATE clause is part of {@link #expr()}.
 */
public record OrderingTerm(Span span, Expr expr, SortOrder order, NullsOrder nulls) implements Node {

    public enum SortOrder {
        UNSPECIFIED,
        ASC,
        DESC
    }

    public enum NullsOrder {
        UNSPECIFIED,
        FIRST,
        LAST
    }

    public static OrderingTerm of(Expr expr) {
        return new OrderingTerm(Span.NONE, expr, SortOrder.UNSPECIFIED, NullsOrder.UNSPECIFIED);
    }
}
