package io.tursoj.shell;

/** The prefix sqlite3 puts before an error: prepare failed, step failed, or anything else (dot commands). */
public enum ErrorKind {
    PARSE("Parse error"),
    RUNTIME("Runtime error"),
    OTHER("Error");

    private final String prefix;

    ErrorKind(String prefix) {
        this.prefix = prefix;
    }

    String prefix() {
        return prefix;
    }
}
