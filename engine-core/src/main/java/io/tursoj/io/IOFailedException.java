package io.tursoj.io;

import java.io.IOException;

/** A failed {@link Completion} turned into an exception for blocking callers; keeps the errno. */
public final class IOFailedException extends IOException {
    private static final long serialVersionUID = 1L;

    private final int errno;

    public IOFailedException(int errno) {
        super(Errno.describe(errno));
        this.errno = Math.abs(errno);
    }

    public IOFailedException(int errno, String context) {
        super(context + ": " + Errno.describe(errno));
        this.errno = Math.abs(errno);
    }

    /** The positive errno. */
    public int errno() {
        return errno;
    }
}
