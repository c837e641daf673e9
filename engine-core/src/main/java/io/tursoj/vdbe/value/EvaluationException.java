package io.tursoj.vdbe.value;

/**
 * An error raised while evaluating an expression or a function, with SQLite's message text and primary result code
 * (for example {@code "integer overflow"} with {@link #SQLITE_ERROR}, or {@code "string or blob too big"} with
 * {@link #SQLITE_TOOBIG}). The VDBE turns it into the statement's error.
 */
public final class EvaluationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Generic error ({@code SQLITE_ERROR}). */
    public static final int SQLITE_ERROR = 1;
    /** String or BLOB exceeds the size limit ({@code SQLITE_TOOBIG}). */
    public static final int SQLITE_TOOBIG = 18;
    /** Data type mismatch ({@code SQLITE_MISMATCH}). */
    public static final int SQLITE_MISMATCH = 20;

    private final int resultCode;

    public EvaluationException(String message) {
        this(message, SQLITE_ERROR);
    }

    public EvaluationException(String message, int resultCode) {
        super(message, null, false, false);
        this.resultCode = resultCode;
    }

    /** SQLite's primary result code for this error. */
    public int resultCode() {
        return resultCode;
    }

    /** {@code "string or blob too big"}, raised when a result would exceed the length limit. */
    public static EvaluationException tooBig() {
        return new EvaluationException("string or blob too big", SQLITE_TOOBIG);
    }
}
