package io.tursoj.io;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One tracked I/O operation: submitted by a {@link DatabaseFile} call, finished by its backend.
 *
 * <p>The result has io_uring's meaning: {@code >= 0} is the byte count (0 for sync and truncate), {@code < 0} is
 * {@code -errno} (see {@link Errno}). Invariants:
 *
 * <ol>
 *   <li>A completion is finished exactly once per submission; a second {@link #complete} is a bug and throws.
 *   <li>The callback and the group notification run on the thread that steps the owning {@link IO} (for the
 *       synchronous {@link MemoryIO}: inside the submitting call), never concurrently with each other.
 *   <li>Completions are caller-owned and reusable: after it finished, {@link #reset()} readies it for another
 *       submission, so hot paths keep a few preallocated completions instead of allocating one per operation.
 * </ol>
 */
public final class Completion {
    /** The result while the operation is in flight. Not a valid errno, so it can never be a real result. */
    public static final int PENDING = Integer.MIN_VALUE;

    /** Runs when a completion finishes. Named for the call it completes, e.g. {@code onReadPageComplete}. */
    @FunctionalInterface
    public interface Callback {
        void onComplete(Completion completion);
    }

    private static final VarHandle RESULT;

    static {
        try {
            RESULT = MethodHandles.lookup().findVarHandle(Completion.class, "result", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("FieldMayBeFinal") // written through RESULT
    private volatile int result = PENDING;

    private boolean submitted;
    private Callback callback;
    private CompletionGroup group;
    private final IOResult.Pending<Object> asPending = new IOResult.Pending<>(this);

    public Completion() {}

    public Completion(Callback callback) {
        this.callback = callback;
    }

    /** Sets the callback run on completion; only while the completion is not in flight. */
    public Completion onComplete(Callback newCallback) {
        checkNotInFlight();
        this.callback = newCallback;
        return this;
    }

    /** Clears the result so the completion can be submitted again. Keeps the callback; leaves any group. */
    public Completion reset() {
        checkNotInFlight();
        RESULT.setVolatile(this, PENDING);
        submitted = false;
        group = null;
        return this;
    }

    /**
     * Marks the completion as handed to a backend. Backends call this first in every submitting method, so that a
     * completion still in flight cannot be submitted twice.
     */
    public void markSubmitted() {
        if (submitted && result == PENDING) {
            throw new IllegalStateException("completion is already in flight");
        }
        if (result != PENDING) {
            throw new IllegalStateException("completion already finished; reset() it before submitting again");
        }
        submitted = true;
    }

    /**
     * Finishes the operation with {@code res} (bytes or {@code -errno}), runs the callback, then tells the group.
     * Called by backends only, on the stepping thread.
     */
    public void complete(int res) {
        if (res == PENDING) {
            throw new IllegalArgumentException("PENDING is not a result");
        }
        if (!RESULT.compareAndSet(this, PENDING, res)) {
            throw new IllegalStateException("completion finished twice (had " + result + ", now " + res + ")");
        }
        Callback cb = callback;
        if (cb != null) {
            cb.onComplete(this);
        }
        CompletionGroup g = group;
        if (g != null) {
            g.onChildComplete(res);
        }
    }

    /** Shorthand for {@code complete(-errno)}. */
    public void fail(int errno) {
        if (errno <= 0) {
            throw new IllegalArgumentException("errno must be positive: " + errno);
        }
        complete(-errno);
    }

    public boolean isDone() {
        return result != PENDING;
    }

    public boolean isSubmitted() {
        return submitted;
    }

    public boolean succeeded() {
        int r = result;
        return r != PENDING && r >= 0;
    }

    public boolean failed() {
        int r = result;
        return r != PENDING && r < 0;
    }

    /** The raw result: bytes, {@code -errno}, or {@link #PENDING}. */
    public int result() {
        return result;
    }

    /** The positive errno of a failed completion, else 0. */
    public int errno() {
        int r = result;
        return r != PENDING && r < 0 ? -r : 0;
    }

    /** Throws an {@link java.io.IOException} naming the errno if this completion failed; returns the byte count. */
    public int bytesOrThrow() throws java.io.IOException {
        int r = result;
        if (r == PENDING) {
            throw new IllegalStateException("completion still pending");
        }
        if (r < 0) {
            throw new IOFailedException(-r);
        }
        return r;
    }

    /** A preallocated {@link IOResult.Pending} for this completion, so yielding never allocates. */
    @SuppressWarnings("unchecked")
    public <T> IOResult<T> pending() {
        return (IOResult<T>) (IOResult<?>) asPending;
    }

    void joinGroup(CompletionGroup g) {
        checkNotInFlight();
        if (group != null) {
            throw new IllegalStateException("completion already belongs to a group");
        }
        group = g;
    }

    private void checkNotInFlight() {
        if (submitted && result == PENDING) {
            throw new IllegalStateException("completion is in flight");
        }
    }

    @Override
    public String toString() {
        int r = result;
        if (r == PENDING) {
            return submitted ? "Completion[in flight]" : "Completion[new]";
        }
        return r >= 0 ? "Completion[" + r + " bytes]" : "Completion[" + Errno.name(-r) + "]";
    }
}
