package io.tursoj.translate.parser.ast;

import java.util.List;

/**
 * One assignment of UPDATE or DO UPDATE: {@code col = expr}, or {@code (a, b) = expr} when {@link #parenthesized()}
 * (a single name may be parenthesized too).
 */
public record SetClause(Span span, List<Name> columns, boolean parenthesized, Expr value) implements Node {}
