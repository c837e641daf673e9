package io.tursoj.translate.parser.ast;

import java.util.List;

/**
 * An expression. The tree holds no parenthesis nodes: grouping is the tree's shape, and the printer writes the
 * parentheses that SQLite's precedence needs (an expression's {@link Span} still covers parentheses written around
 * it). Fields documented "or null" are optional; lists are never null and are empty when absent.
 */
public sealed interface Expr extends Node {

    /** An integer or real as written: {@code 42}, {@code 0x2A}, {@code 1.5e3}, {@code 1_000}. */
    record NumericLiteral(Span span, String text) implements Expr {
        /** True for a real ({@code .}, or an exponent in a decimal number). */
        public boolean isReal() {
            if (text.length() > 1 && (text.charAt(1) == 'x' || text.charAt(1) == 'X')) {
                return false;
            }
            return text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0;
        }
    }

    /** A string literal; {@link #value()} has the quotes removed and doubled quotes undone. */
    record StringLiteral(Span span, String value) implements Expr {}

    /** A blob literal {@code x'hex'}; {@link #hex()} is the digits as written. */
    record BlobLiteral(Span span, String hex) implements Expr {}

    record NullLiteral(Span span) implements Expr {}

    /** {@code CURRENT_TIME}, {@code CURRENT_DATE} or {@code CURRENT_TIMESTAMP}. */
    record CurrentTime(Span span, CurrentTimeKind kind) implements Expr {}

    /** A parameter as written, sigil included: {@code ?}, {@code ?3}, {@code :name}, {@code @name}, {@code $name}. */
    record Variable(Span span, String name) implements Expr {}

    /**
     * A name in an expression: {@code column}, {@code table.column} or {@code schema.table.column}. A lone name
     * may turn out to be something else once resolved ({@code true}, a double-quoted string).
     *
     * @param schema the schema, or null
     * @param table the table, or null (then schema is null too)
     */
    record ColumnRef(Span span, Name schema, Name table, Name column) implements Expr {}

    record Unary(Span span, UnaryOp op, Expr operand) implements Expr {}

    record Binary(Span span, BinaryOp op, Expr left, Expr right) implements Expr {}

    /**
     * {@code left [NOT] LIKE|GLOB|REGEXP|MATCH pattern [ESCAPE escape]}.
     *
     * @param escape the escape expression, or null
     */
    record Like(Span span, LikeOp op, boolean not, Expr left, Expr pattern, Expr escape) implements Expr {}

    record Between(Span span, boolean not, Expr expr, Expr low, Expr high) implements Expr {}

    /** {@code expr [NOT] IN (v1, v2, ...)}; the list may be empty. */
    record InList(Span span, boolean not, Expr expr, List<Expr> values) implements Expr {}

    record InSelect(Span span, boolean not, Expr expr, Select select) implements Expr {}

    /**
     * {@code expr [NOT] IN [schema.]table} or a table-valued function {@code expr IN func(args)}.
     *
     * @param args the arguments in parentheses, or null when there were no parentheses
     */
    record InTable(Span span, boolean not, Expr expr, QualifiedName table, List<Expr> args) implements Expr {}

    /** {@code expr ISNULL} or, when {@link #not()}, {@code expr NOTNULL} / {@code expr NOT NULL}. */
    record NullTest(Span span, boolean not, Expr expr) implements Expr {}

    /** {@code EXISTS (select)}; {@code NOT EXISTS} is a {@link Unary} NOT around it. */
    record Exists(Span span, Select select) implements Expr {}

    /** A scalar subquery {@code (select)}. */
    record Subquery(Span span, Select select) implements Expr {}

    /**
     * {@code CAST(expr AS type)}.
     *
     * @param type the type, or null: SQLite accepts {@code CAST(x AS)}
     */
    record Cast(Span span, Expr expr, TypeName type) implements Expr {}

    /**
     * {@code CASE [operand] WHEN .. THEN .. [ELSE ..] END}.
     *
     * @param operand the operand, or null
     * @param otherwise the ELSE expression, or null
     */
    record Case(Span span, Expr operand, List<WhenClause> whens, Expr otherwise) implements Expr {}

    record WhenClause(Span span, Expr when, Expr then) implements Node {}

    record Collate(Span span, Expr expr, Name collation) implements Expr {}

    /**
     * A function call, aggregate or window function.
     *
     * @param star true for {@code f(*)} (then args is empty)
     * @param orderBy ORDER BY inside the parentheses (SQLite 3.44+), empty when absent
     * @param filter the FILTER (WHERE ...) expression, or null
     * @param over the OVER clause, or null
     */
    record FunctionCall(
            Span span,
            Name name,
            boolean distinct,
            List<Expr> args,
            boolean star,
            List<OrderingTerm> orderBy,
            Expr filter,
            Over over)
            implements Expr {}

    /**
     * {@code RAISE(IGNORE)} or {@code RAISE(ROLLBACK|ABORT|FAIL, message)}.
     *
     * @param message the message, or null for IGNORE
     */
    record Raise(Span span, RaiseAction action, Expr message) implements Expr {}

    /** A row value {@code (a, b, ...)} of two or more expressions. */
    record RowValue(Span span, List<Expr> values) implements Expr {}

    enum CurrentTimeKind {
        CURRENT_TIME,
        CURRENT_DATE,
        CURRENT_TIMESTAMP
    }

    enum UnaryOp {
        NEGATE("-"),
        PLUS("+"),
        BIT_NOT("~"),
        NOT("NOT");

        private final String symbol;

        UnaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /**
     * Binary operators with SQLite's precedence (higher binds tighter), all left-associative. {@code ==} reads as
     * {@link #EQ}, {@code <>} as {@link #NE}, {@code IS NOT DISTINCT FROM} as {@link #IS} and {@code IS DISTINCT
     * FROM} as {@link #IS_NOT}, as SQLite itself does.
     */
    enum BinaryOp {
        OR("OR", Precedence.OR),
        AND("AND", Precedence.AND),
        EQ("=", Precedence.EQUALITY),
        NE("!=", Precedence.EQUALITY),
        IS("IS", Precedence.EQUALITY),
        IS_NOT("IS NOT", Precedence.EQUALITY),
        LT("<", Precedence.COMPARISON),
        LE("<=", Precedence.COMPARISON),
        GT(">", Precedence.COMPARISON),
        GE(">=", Precedence.COMPARISON),
        BIT_AND("&", Precedence.BITWISE),
        BIT_OR("|", Precedence.BITWISE),
        SHIFT_LEFT("<<", Precedence.BITWISE),
        SHIFT_RIGHT(">>", Precedence.BITWISE),
        ADD("+", Precedence.ADDITIVE),
        SUBTRACT("-", Precedence.ADDITIVE),
        MULTIPLY("*", Precedence.MULTIPLICATIVE),
        DIVIDE("/", Precedence.MULTIPLICATIVE),
        MODULO("%", Precedence.MULTIPLICATIVE),
        CONCAT("||", Precedence.CONCAT),
        /** {@code ->}. */
        EXTRACT("->", Precedence.CONCAT),
        /** {@code ->>}. */
        EXTRACT_SQL("->>", Precedence.CONCAT);

        private final String symbol;
        private final int precedence;

        BinaryOp(String symbol, int precedence) {
            this.symbol = symbol;
            this.precedence = precedence;
        }

        public String symbol() {
            return symbol;
        }

        public int precedence() {
            return precedence;
        }
    }

    enum LikeOp {
        LIKE,
        GLOB,
        REGEXP,
        MATCH
    }

    enum RaiseAction {
        IGNORE,
        ROLLBACK,
        ABORT,
        FAIL
    }

    /** SQLite's operator precedence levels (parse.y), lowest first. */
    final class Precedence {
        public static final int OR = 1;
        public static final int AND = 2;
        /** Prefix NOT. */
        public static final int NOT = 3;
        /** {@code = == != <> IS IS NOT [NOT] LIKE/GLOB/REGEXP/MATCH [NOT] IN [NOT] BETWEEN ISNULL NOTNULL}. */
        public static final int EQUALITY = 4;

        public static final int COMPARISON = 5;
        public static final int ESCAPE = 6;
        public static final int BITWISE = 7;
        public static final int ADDITIVE = 8;
        public static final int MULTIPLICATIVE = 9;
        /** {@code || -> ->>}. */
        public static final int CONCAT = 10;

        public static final int COLLATE = 11;
        /** Prefix {@code - + ~}. */
        public static final int UNARY = 12;

        private Precedence() {}
    }
}
