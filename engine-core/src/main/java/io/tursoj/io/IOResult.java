package io.tursoj.io;

/**
 * The result of a function that may need I/O: either {@link Done} with a value, or {@link Pending} on a
 * completion. A caller that gets {@code Pending} drives the {@link IO} (or returns {@code Pending} itself) and calls
 * the function again; the function resumes from the state it kept. Nothing above the backends blocks on I/O.
 *
 * <p>Hot paths do not allocate: {@link Completion#pending()} returns a preallocated {@code Pending}, and
 * {@link #done()} a shared {@code Done} for functions without a value.
 */
public sealed interface IOResult<T> permits IOResult.Done, IOResult.Pending {

    record Done<T>(T value) implements IOResult<T> {}

    record Pending<T>(Completion completion) implements IOResult<T> {}

    /** The shared {@code Done(null)}, for operations that only report completion. */
    @SuppressWarnings("unchecked")
    static <T> IOResult<T> done() {
        return (IOResult<T>) Holder.DONE_VOID;
    }

    static <T> IOResult<T> done(T value) {
        return new Done<>(value);
    }

    default boolean isDone() {
        return this instanceof Done;
    }

    /** The value of a {@code Done}; throws if pending. */
    default T value() {
        if (this instanceof Done<T>(T value)) {
            return value;
        }
        throw new IllegalStateException("result is pending on I/O");
    }

    /** Holds the shared instance so it is created once. */
    final class Holder {
        static final Done<Object> DONE_VOID = new Done<>(null);

        private Holder() {}
    }
}
