package io.tursoj.api;

/** What one {@link Statement#step()} produced. */
public enum StepResult {
    /** A result row is ready in the column accessors. */
    ROW,
    /** The statement ran to completion. */
    DONE,
    /** The statement waits for I/O: run {@link Statement#runIO()} (or step the IO) and step again. */
    IO,
    /** Another connection holds the write lock: try again later. */
    BUSY,
    /** {@link Connection#interrupt()} stopped the statement. */
    INTERRUPT
}
