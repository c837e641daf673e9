package io.tursoj.translate.parser.ast;

import java.util.List;

/** {@code WITH [RECURSIVE] cte, ...}. */
public record With(Span span, boolean recursive, List<CommonTableExpr> tables) implements Node {

    /**
     * {@code name [(columns)] AS [[NOT] MATERIALIZED] (select)}.
     *
     * @param columns the column names, empty when not given
     */
    public record CommonTableExpr(
            Span span, Name name, List<Name> columns, Materialization materialization, Select select) implements Node {}

    public enum Materialization {
        UNSPECIFIED,
        MATERIALIZED,
        NOT_MATERIALIZED
    }
}
