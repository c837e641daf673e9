package io.tursoj.shell.mcp.json;

/** Text that is not one JSON value by RFC 8259; {@link #offset()} is the char offset where reading stopped. */
public final class JsonParseException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public JsonParseException(String message, int offset) {
        super(message + " at offset " + offset);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
