package io.tursoj.translate.parser.ast;

import java.util.List;

/**
 * A declared type such as {@code VARCHAR(10)} or {@code UNSIGNED BIG INT}.
 *
 * @param name the words of the type as written (quotes kept), joined by single spaces; SQLite derives a column's
 *     affinity from this text
 * @param arguments zero, one or two signed numbers as written, e.g. {@code "10"}, {@code "-2"}, {@code "+1.5"}
 */
public record TypeName(Span span, String name, List<String> arguments) implements Node {}
