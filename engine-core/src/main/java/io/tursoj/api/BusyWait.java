package io.tursoj.api;

import io.tursoj.io.IO;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * The busy handler of {@link Statement#stepBlocking()}: while another connection holds the transaction a statement
 * needs, it retries until {@code busy_timeout} milliseconds have passed on the {@link IO#clock() IO clock} (so the
 * simulator's virtual time drives it too), letting the I/O backend run and the thread yield in between.
 */
final class BusyWait {
    private final IO io;
    private final long deadlineNanos;
    private final boolean enabled;

    BusyWait(IO io, int timeoutMillis) {
        this.io = io;
        this.enabled = timeoutMillis > 0;
        this.deadlineNanos = io.clock().monotonicNanos() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    }

    /** Whether to try again (the timeout has not passed); waits a little first. */
    boolean again() {
        if (!enabled || io.clock().monotonicNanos() - deadlineNanos >= 0) {
            return false;
        }
        try {
            io.step(TimeUnit.MILLISECONDS.toNanos(1));
        } catch (IOException e) {
            throw new TursoException(ErrorCode.IOERR, "disk I/O error: " + e.getMessage(), e);
        }
        Thread.yield();
        return true;
    }
}
