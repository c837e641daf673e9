package io.tursoj.storage.format;

/** The text encoding stored at header offset 56. TursoJ reads and writes {@link #UTF8} databases only. */
public enum TextEncoding {
    UTF8(1, "UTF-8"),
    UTF16LE(2, "UTF-16le"),
    UTF16BE(3, "UTF-16be");

    private final int code;
    private final String sqlName;

    TextEncoding(int code, String sqlName) {
        this.code = code;
        this.sqlName = sqlName;
    }

    /** The value stored in the header. */
    public int code() {
        return code;
    }

    /** The name {@code PRAGMA encoding} prints. */
    public String sqlName() {
        return sqlName;
    }

    /** The encoding with header value {@code code}, or null for an unknown value. */
    public static TextEncoding ofCode(long code) {
        for (TextEncoding e : values()) {
            if (e.code == code) {
                return e;
            }
        }
        return null;
    }
}
