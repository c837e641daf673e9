package io.tursoj.translate.parser;

import java.io.Serial;

/**
 * A statement that does not parse, reported in SQLite's words: {@code near "X": syntax error}, {@code incomplete
 * input}, {@code unrecognized token: "X"}, or one of the messages SQLite's grammar actions raise (for example
 * {@code unknown table option: X}).
 *
 * <p>{@link #offset()} is the char offset of the token the error is about (the end of input for {@code incomplete
 * input}); {@link #line()} and {@link #column()} are 1-based and derived from it.
 */
public final class ParseException extends RuntimeException {
    @Serial
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that treat kinds differently (the shell's "is this statement complete?"). */
    public enum Kind {
        /** {@code near "X": syntax error}. */
        SYNTAX,
        /** {@code incomplete input}: the input ended inside a statement. */
        INCOMPLETE,
        /** {@code unrecognized token: "X"}. */
        UNRECOGNIZED_TOKEN,
        /** A nesting or expression-depth limit was passed ({@link ParserLimits}). */
        TOO_DEEP,
        /** Another message of SQLite's grammar actions, such as {@code unknown join type: LEFT foo}. */
        GRAMMAR
    }

    private final Kind kind;
    private final int offset;
    private final int line;
    private final int column;

    ParseException(Kind kind, String message, String sql, int offset) {
        super(message);
        this.kind = kind;
        this.offset = offset;
        int lineNumber = 1;
        int lineStart = 0;
        int end = Math.min(offset, sql.length());
        for (int i = 0; i < end; i++) {
            if (sql.charAt(i) == '\n') {
                lineNumber++;
                lineStart = i + 1;
            }
        }
        this.line = lineNumber;
        this.column = end - lineStart + 1;
    }

    public Kind kind() {
        return kind;
    }

    /** The char offset into the input of the token the error is about. */
    public int offset() {
        return offset;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
