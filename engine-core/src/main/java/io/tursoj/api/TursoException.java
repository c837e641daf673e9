package io.tursoj.api;

/** An error from TursoJ, with SQLite's message text and result code. */
public final class TursoException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public TursoException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public TursoException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The extended result code. */
    public ErrorCode code() {
        return code;
    }

    /** The primary result code. */
    public ErrorCode primaryCode() {
        return code.primary();
    }
}
