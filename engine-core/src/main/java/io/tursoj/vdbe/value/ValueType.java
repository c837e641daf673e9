package io.tursoj.vdbe.value;

/**
 * SQLite's five storage classes. The declaration order is not SQLite's type-code order; {@link #sqliteCode()} gives
 * that ({@code SQLITE_INTEGER}=1 … {@code SQLITE_NULL}=5), and {@link #sortClass()} gives the order used when values
 * of different classes are compared: NULL, then numbers (INTEGER and REAL together), then TEXT, then BLOB.
 */
public enum ValueType {
    NULL("null", 5, 0),
    INTEGER("integer", 1, 1),
    REAL("real", 2, 1),
    TEXT("text", 3, 2),
    BLOB("blob", 4, 3);

    private final String typeName;
    private final int sqliteCode;
    private final int sortClass;

    ValueType(String typeName, int sqliteCode, int sortClass) {
        this.typeName = typeName;
        this.sqliteCode = sqliteCode;
        this.sortClass = sortClass;
    }

    /** The name {@code typeof()} returns: {@code "integer"}, {@code "real"}, {@code "text"}, {@code "blob"}, {@code "null"}. */
    public String typeName() {
        return typeName;
    }

    /** The C API's type code, as {@code sqlite3_value_type()} returns it. */
    public int sqliteCode() {
        return sqliteCode;
    }

    /** 0 for NULL, 1 for INTEGER and REAL, 2 for TEXT, 3 for BLOB: values of a lower class sort first. */
    public int sortClass() {
        return sortClass;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == REAL;
    }
}
