package io.tursoj.translate.parser.ast;

import java.util.List;

/** One term of a (possibly compound) SELECT: a {@link Query} or a {@link Values} list. */
public sealed interface SelectCore extends Node {

    /**
     * {@code SELECT [DISTINCT|ALL] columns [FROM ..] [WHERE ..] [GROUP BY .. [HAVING ..]] [WINDOW ..]}.
     *
     * @param from the FROM clause, or null
     * @param where the WHERE expression, or null
     * @param having the HAVING expression, or null (SQLite allows HAVING without GROUP BY)
     */
    record Query(
            Span span,
            Distinctness distinctness,
            List<ResultColumn> columns,
            FromClause from,
            Expr where,
            List<Expr> groupBy,
            Expr having,
            List<Window.Definition> windows)
            implements SelectCore {}

    /** {@code VALUES (..), (..)}: one list of expressions per row. */
    record Values(Span span, List<List<Expr>> rows) implements SelectCore {}

    enum Distinctness {
        UNSPECIFIED,
        DISTINCT,
        ALL
    }
}
