package io.tursoj.translate.parser.ast;

/**
 * {@code LIMIT n [OFFSET m]}; the form {@code LIMIT m, n} is read into the same fields (offset m, limit n).
 *
 * @param offset the offset, or null
 */
public record Limit(Span span, Expr limit, Expr offset) implements Node {}
