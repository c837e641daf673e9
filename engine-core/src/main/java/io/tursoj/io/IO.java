package io.tursoj.io;

import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * An I/O backend: opens files, and runs their operations to completion when stepped. One thread steps an
 * {@code IO} at a time (its owner); {@link DatabaseFile} calls may come from any thread and reach the owner
 * through the backend's own queue. Time and randomness come from here too, so a simulator controls all of them.
 *
 * <p>Backends are found through {@link IOProvider} and {@link IOProviders}.
 */
public interface IO extends AutoCloseable {

    /**
     * Opens {@code path}. Fails with {@link java.nio.file.NoSuchFileException} when the file is missing and
     * {@link OpenFlags#create()} is not set, and with an {@link IOException} for other refusals; nothing is left
     * open on failure.
     */
    DatabaseFile openFile(String path, OpenFlags flags) throws IOException;

    /** Deletes {@code path}; a missing file is not an error. */
    void removeFile(String path) throws IOException;

    /** Whether {@code path} exists. */
    boolean exists(String path) throws IOException;

    /**
     * Submits what is queued and reaps what has finished, running callbacks, without waiting. Returns the number of
     * completions finished.
     */
    default int step() throws IOException {
        return step(0);
    }

    /**
     * Like {@link #step()}, but waits up to {@code maxWaitNanos} for at least one completion when none has finished
     * yet. Never blocks longer than asked (plus scheduling noise).
     */
    int step(long maxWaitNanos) throws IOException;

    /** Whether any submitted operation has not finished yet. */
    boolean hasInFlight();

    /**
     * Steps until {@code completion} finishes. Throws {@link IllegalStateException} if it was never submitted or if
     * nothing is in flight while it is still pending (it would never finish).
     */
    default void waitFor(Completion completion) throws IOException {
        while (!completion.isDone()) {
            if (!completion.isSubmitted()) {
                throw new IllegalStateException("waiting for a completion that was never submitted");
            }
            if (!hasInFlight() && !completion.isDone()) {
                throw new IllegalStateException("completion pending but no I/O is in flight: " + completion);
            }
            step(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** Runs an operation that returns {@link IOResult} to its end, stepping this IO while it is pending. */
    default <T> T block(IOOperation<T> operation) throws IOException {
        while (true) {
            IOResult<T> r = operation.run();
            switch (r) {
                case IOResult.Done<T> done -> {
                    return done.value();
                }
                case IOResult.Pending<T> pending -> waitFor(pending.completion());
            }
        }
    }

    Clock clock();

    RandomSource random();

    /**
     * Offers {@code pool}'s memory to the backend for zero-copy fixed-buffer transfers (io_uring's registered
     * buffers). Returns whether the backend registered it; transfers work either way. The pool must outlive this IO.
     */
    default boolean registerBuffers(BufferPool pool) {
        return false;
    }

    /** The backend's short name: {@code uring}, {@code nio}, {@code sim} or {@code memory}. */
    String name();

    /**
     * Closes every file still open (see {@link DatabaseFile#close()}), waits for in-flight operations, and frees
     * native resources. Closing twice is a no-op.
     */
    @Override
    void close() throws IOException;

    /** A resumable operation; see {@link IOResult}. */
    @FunctionalInterface
    interface IOOperation<T> {
        IOResult<T> run() throws IOException;
    }
}
