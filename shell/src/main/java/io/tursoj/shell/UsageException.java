package io.tursoj.shell;

/** A command line the shell cannot run: the message is printed as one line and the exit status is 1. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
