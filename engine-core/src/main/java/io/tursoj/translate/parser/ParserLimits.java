package io.tursoj.translate.parser;

/**
 * Bounds that keep parsing safe on hostile input.
 *
 * @param maxNestingDepth how deeply constructs may nest (parentheses, subqueries, prefix operators, CASE, function
 *     arguments); past it the parser reports {@code parser stack overflow} instead of exhausting the Java stack
 * @param maxExpressionDepth the tallest expression tree allowed, counted as SQLite counts it (a leaf is 1, a node is
 *     1 plus its tallest child); past it the parser reports {@code Expression tree is too large (maximum depth N)}
 */
public record ParserLimits(int maxNestingDepth, int maxExpressionDepth) {
    /**
     * SQLite's SQLITE_MAX_EXPR_DEPTH (1000) and a nesting bound that fits the default 1 MB thread stack with room
     * for the stages that walk the tree afterwards.
     */
    public static final ParserLimits DEFAULT = new ParserLimits(1000, 1000);

    public ParserLimits {
        if (maxNestingDepth < 1 || maxExpressionDepth < 1) {
            throw new IllegalArgumentException("limits must be positive, maxNestingDepth=" + maxNestingDepth
                    + ", maxExpressionDepth=" + maxExpressionDepth);
        }
    }
}
