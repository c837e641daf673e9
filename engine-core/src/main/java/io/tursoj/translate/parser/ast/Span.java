package io.tursoj.translate.parser.ast;

/**
 * Where a node came from: the half-open range {@code [start, end)} of char offsets into the parsed SQL text. An
 * expression's span covers any parentheses written around it, so the text of a result column is exactly what SQLite
 * would name it.
 *
 * <p>Spans are metadata, not identity: <b>any two spans are equal</b> (and hash alike), so two nodes are equal when
 * their structure is, wherever they were written. {@code a + b} in the select list equals {@code a + b} in GROUP BY,
 * and parsing printed SQL gives a node equal to the original. Compare {@link #start()} and {@link #end()} to tell
 * positions apart.
 */
public record Span(int start, int end) {
    /** The span of a node that was built rather than parsed. */
    public static final Span NONE = new Span(0, 0);

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span, start=" + start + ", end=" + end);
        }
    }

    /** The source text this span covers. */
    public String text(String sql) {
        return sql.substring(start, end);
    }

    public int length() {
        return end - start;
    }

    /** True for any other span: position is not part of a node's identity. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Span;
    }

    @Override
    public int hashCode() {
        return 0;
    }
}
