package io.tursoj.translate.parser.ast;

import java.util.List;

/**
 * A SELECT statement, also used for subqueries: an optional WITH clause, a first core (SELECT ... or VALUES ...)
 * and any compound terms after it, then ORDER BY and LIMIT, which apply to the whole compound.
 *
 * @param with the WITH clause, or null
 * @param compounds the {@code UNION / UNION ALL / INTERSECT / EXCEPT} terms after the first core, in order
 * @param limit the LIMIT clause, or null
 */
public record Select(
        Span span, With with, SelectCore first, List<Compound> compounds, List<OrderingTerm> orderBy, Limit limit)
        implements Stmt {

    /** One compound term: {@code UNION core}, {@code EXCEPT core}... */
    public record Compound(Span span, CompoundOperator operator, SelectCore core) implements Node {}

    public enum CompoundOperator {
        UNION("UNION"),
        UNION_ALL("UNION ALL"),
        INTERSECT("INTERSECT"),
        EXCEPT("EXCEPT");

        private final String sql;

        CompoundOperator(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }
}
