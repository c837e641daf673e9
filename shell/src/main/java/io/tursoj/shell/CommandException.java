package io.tursoj.shell;

/** A dot command that cannot run: its message is printed as {@code Error: MESSAGE}. */
public final class CommandException extends Exception {
    private static final long serialVersionUID = 1L;

    public CommandException(String message) {
        super(message);
    }
}
