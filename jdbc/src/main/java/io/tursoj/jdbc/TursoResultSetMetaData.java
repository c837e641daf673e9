package io.tursoj.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Locale;

/**
 * Result columns: names, declared types (for table columns) and, for expressions, the type of the value in the
 * current row, as sqlite-jdbc reports them. Nullability is unknown ({@link #columnNullableUnknown}): the engine does
 * not yet say which table column a result column comes from.
 */
final class TursoResultSetMetaData implements ResultSetMetaData {
    private final Rows rows;
    private final boolean onRow;

    TursoResultSetMetaData(Rows rows, boolean onRow) {
        this.rows = rows;
        this.onRow = onRow;
    }

    private int index(int column) throws SQLException {
        if (column < 1 || column > rows.columnCount()) {
            throw new SQLException("column " + column + " out of bounds [1," + rows.columnCount() + "]", "22023");
        }
        return column - 1;
    }

    @Override
    public int getColumnCount() {
        return rows.columnCount();
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return rows.columnName(index(column));
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return rows.columnName(index(column));
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        int i = index(column);
        String declared = rows.declaredType(i);
        if (declared != null && !declared.isEmpty()) {
            // VARCHAR(20) reads as VARCHAR, as sqlite-jdbc reports it.
            int paren = declared.indexOf('(');
            return paren < 0 ? declared : declared.substring(0, paren).strip();
        }
        if (!onRow) {
            return "NUMERIC";
        }
        return switch (rows.type(i)) {
            case Rows.INTEGER -> "INTEGER";
            case Rows.REAL -> "FLOAT";
            case Rows.TEXT -> "TEXT";
            case Rows.BLOB -> "BLOB";
            default -> "NULL";
        };
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return sqlType(getColumnTypeName(column));
    }

    /** The java.sql.Types code for a declared type, by the rules sqlite-jdbc applies to type names. */
    static int sqlType(String declared) {
        String t = declared.toUpperCase(Locale.ROOT);
        if (t.equals("NULL")) {
            return Types.NULL;
        }
        if (t.contains("BIGINT")) {
            return Types.BIGINT;
        }
        if (t.contains("BOOL")) {
            return Types.BOOLEAN;
        }
        if (t.contains("INT")) {
            return Types.INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return Types.VARCHAR;
        }
        if (t.contains("BLOB") || t.isEmpty()) {
            return Types.BLOB;
        }
        if (t.contains("DOUB")) {
            return Types.DOUBLE;
        }
        if (t.contains("FLOA")) {
            return Types.FLOAT;
        }
        if (t.contains("REAL")) {
            return Types.REAL;
        }
        if (t.contains("DECIMAL")) {
            return Types.DECIMAL;
        }
        if (t.contains("DATETIME") || t.contains("TIMESTAMP")) {
            return Types.TIMESTAMP;
        }
        if (t.contains("DATE")) {
            return Types.DATE;
        }
        if (t.contains("TIME")) {
            return Types.TIME;
        }
        return Types.NUMERIC;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return switch (getColumnType(column)) {
            case Types.INTEGER, Types.BIGINT, Types.BOOLEAN -> "java.lang.Long";
            case Types.REAL, Types.FLOAT, Types.DOUBLE -> "java.lang.Double";
            case Types.VARCHAR -> "java.lang.String";
            case Types.BLOB -> "[B";
            default -> "java.lang.Object";
        };
    }

    @Override
    public int isNullable(int column) throws SQLException {
        index(column);
        return columnNullableUnknown;
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        index(column);
        return false;
    }

    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        index(column);
        return true;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        index(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        index(column);
        return false;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return switch (getColumnType(column)) {
            case Types.INTEGER, Types.BIGINT, Types.REAL, Types.FLOAT, Types.DOUBLE, Types.DECIMAL, Types.NUMERIC ->
                true;
            default -> false;
        };
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        index(column);
        return Integer.MAX_VALUE;
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        index(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        index(column);
        return 0;
    }

    @Override
    public int getScale(int column) throws SQLException {
        index(column);
        return 0;
    }

    @Override
    public String getTableName(int column) throws SQLException {
        index(column);
        return "";
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        index(column);
        return "";
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        index(column);
        return false;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        index(column);
        return true;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        index(column);
        return false;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw Errors.misuse("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
