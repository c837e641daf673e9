package io.tursoj.jdbc;

import java.sql.SQLException;

/**
 * Where a {@link TursoResultSet}'s rows come from: a running engine statement ({@link LiveRows}) or rows the driver
 * built itself ({@link ListRows}, for metadata and generated keys). Values follow SQLite's storage classes and its
 * conversions between them ({@code sqlite3_column_int64} of {@code '12abc'} is 12).
 */
sealed interface Rows permits LiveRows, ListRows {
    int NULL = 0;
    int INTEGER = 1;
    int REAL = 2;
    int TEXT = 3;
    int BLOB = 4;

    int columnCount();

    String columnName(int i);

    /** The declared type of a table column, else null. */
    String declaredType(int i);

    /** Steps to the next row; false at the end. */
    boolean next() throws SQLException;

    /** The storage class of column {@code i} of the current row. */
    int type(int i);

    long getLong(int i);

    double getDouble(int i);

    /** Text of the value (SQLite's rendering for numbers); null for NULL. */
    String getText(int i);

    /** Bytes of the value (UTF-8 of its text for non-blobs); null for NULL. */
    byte[] getBlob(int i);

    /** Stops early or after the end: releases what the rows hold. Idempotent. */
    void close();
}
