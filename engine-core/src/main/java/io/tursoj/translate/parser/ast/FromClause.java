package io.tursoj.translate.parser.ast;

import java.util.List;

/**
 * A FROM clause (also UPDATE ... FROM, and the inside of a parenthesized join): the first table and the tables
 * joined to it, left to right.
 */
public record FromClause(Span span, TableRef first, List<Join> joins) implements Node {

    /**
     * A table joined to everything before it.
     *
     * @param constraint the ON or USING clause, or null
     */
    public record Join(Span span, JoinOperator operator, TableRef table, JoinConstraint constraint) implements Node {}

    /**
     * How a table is joined. SQLite accepts many spellings of each kind ({@code LEFT OUTER JOIN}, {@code OUTER LEFT
     * JOIN}, {@code INNER CROSS JOIN}...); this keeps the kind they mean.
     */
    public record JoinOperator(boolean natural, JoinKind kind) {
        public static final JoinOperator COMMA = new JoinOperator(false, JoinKind.COMMA);
        public static final JoinOperator INNER = new JoinOperator(false, JoinKind.INNER);
    }

    public enum JoinKind {
        /** {@code ,}: an inner join written as a list. */
        COMMA,
        /** {@code JOIN} or {@code INNER JOIN}. */
        INNER,
        /** {@code CROSS JOIN}: inner, and the planner keeps the table order. */
        CROSS,
        LEFT,
        RIGHT,
        FULL
    }

    /** The condition of a join. */
    public sealed interface JoinConstraint extends Node {
        record On(Span span, Expr expr) implements JoinConstraint {}

        record Using(Span span, List<Name> columns) implements JoinConstraint {}
    }
}
