package io.tursoj.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;
import javax.sql.rowset.serial.SerialBlob;
import javax.sql.rowset.serial.SerialClob;

/**
 * A forward-only, read-only result set over {@link Rows}, with SQLite's conversions: {@code getInt} of a REAL
 * truncates, of TEXT takes its leading integer; {@code getString} of a number is SQLite's rendering;
 * {@code getObject} gives Integer (or Long when it does not fit), Double, String or byte[], as sqlite-jdbc does.
 * Column indexes are 1-based; labels are matched case-insensitively, the first match winning.
 */
public final class TursoResultSet implements ResultSet {
    private final TursoStatement statement;
    private final Rows rows;
    private final long maxRows;
    private long rowNumber;
    private boolean onRow;
    private boolean afterLast;
    private boolean wasNull;
    private boolean closed;
    private int fetchSize;

    TursoResultSet(TursoStatement statement, Rows rows, long maxRows) {
        this.statement = statement;
        this.rows = rows;
        this.maxRows = maxRows;
    }

    Rows rows() {
        return rows;
    }

    @Override
    public boolean next() throws SQLException {
        checkOpen();
        if (afterLast) {
            return false;
        }
        if (maxRows > 0 && rowNumber >= maxRows) {
            rows.close();
            onRow = false;
            afterLast = true;
            return false;
        }
        onRow = rows.next();
        if (onRow) {
            rowNumber++;
        } else {
            afterLast = true;
        }
        return onRow;
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        rows.close();
        if (statement != null) {
            statement.resultClosed(this);
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    private void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.closed("result set");
        }
    }

    /** The 0-based column for a 1-based index, on a current row. */
    private int column(int columnIndex) throws SQLException {
        checkOpen();
        if (columnIndex < 1 || columnIndex > rows.columnCount()) {
            throw new SQLException("column " + columnIndex + " out of bounds [1," + rows.columnCount() + "]", "22023");
        }
        if (!onRow) {
            throw new SQLException("no current row (call next() first, or the rows have ended)", "24000");
        }
        return columnIndex - 1;
    }

    /** The 0-based column, recording whether its value is NULL. */
    private int value(int columnIndex) throws SQLException {
        int i = column(columnIndex);
        wasNull = rows.type(i) == Rows.NULL;
        return i;
    }

    @Override
    public boolean wasNull() throws SQLException {
        checkOpen();
        return wasNull;
    }

    @Override
    public int findColumn(String label) throws SQLException {
        checkOpen();
        for (int i = 0; i < rows.columnCount(); i++) {
            if (rows.columnName(i).equalsIgnoreCase(label)) {
                return i + 1;
            }
        }
        throw new SQLException("no such column: '" + label + "'", "42S22");
    }

    // ---------------------------------------------------------------- getters by index

    @Override
    public String getString(int columnIndex) throws SQLException {
        int i = value(columnIndex);
        return wasNull ? null : rows.getText(i);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        return getLong(columnIndex) != 0;
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        return (byte) getLong(columnIndex);
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        return (short) getLong(columnIndex);
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        return (int) getLong(columnIndex);
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        int i = value(columnIndex);
        return wasNull ? 0 : rows.getLong(i);
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        return (float) getDouble(columnIndex);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        int i = value(columnIndex);
        return wasNull ? 0 : rows.getDouble(i);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        int i = value(columnIndex);
        return switch (rows.type(i)) {
            case Rows.NULL -> null;
            case Rows.INTEGER -> BigDecimal.valueOf(rows.getLong(i));
            case Rows.REAL -> BigDecimal.valueOf(rows.getDouble(i));
            default -> Conversions.toBigDecimal(rows.getText(i));
        };
    }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal v = getBigDecimal(columnIndex);
        return v == null ? null : v.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        int i = value(columnIndex);
        return rows.getBlob(i);
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        return getDate(columnIndex, null);
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        return getTime(columnIndex, null);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return getTimestamp(columnIndex, null);
    }

    @Override
    public Date getDate(int columnIndex, Calendar cal) throws SQLException {
        Long ms = Conversions.epochMillis(rows, value(columnIndex), cal);
        return ms == null ? null : new Date(ms);
    }

    @Override
    public Time getTime(int columnIndex, Calendar cal) throws SQLException {
        Long ms = Conversions.epochMillis(rows, value(columnIndex), cal);
        return ms == null ? null : new Time(ms);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar cal) throws SQLException {
        Long ms = Conversions.epochMillis(rows, value(columnIndex), cal);
        return ms == null ? null : new Timestamp(ms);
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
    }

    @Deprecated
    @Override
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_16BE));
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        byte[] b = getBytes(columnIndex);
        return b == null ? null : new ByteArrayInputStream(b);
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new StringReader(s);
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        return getCharacterStream(columnIndex);
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        byte[] b = getBytes(columnIndex);
        return b == null ? null : new SerialBlob(b);
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        return s == null ? null : new SerialClob(s.toCharArray());
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        throw Errors.unsupported("NClob");
    }

    @Override
    public URL getURL(int columnIndex) throws SQLException {
        String s = getString(columnIndex);
        try {
            return s == null ? null : URI.create(s).toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new SQLException("not a URL: " + s, "22000", e);
        }
    }

    /** INTEGER as Integer when it fits (else Long), REAL as Double, TEXT as String, BLOB as byte[]. */
    @Override
    public Object getObject(int columnIndex) throws SQLException {
        int i = value(columnIndex);
        return switch (rows.type(i)) {
            case Rows.NULL -> null;
            case Rows.INTEGER -> {
                long v = rows.getLong(i);
                // Not a ?: expression, which would widen the Integer back to a Long.
                Object boxed = v;
                if (v == (int) v) {
                    boxed = (int) v;
                }
                yield boxed;
            }
            case Rows.REAL -> rows.getDouble(i);
            case Rows.BLOB -> rows.getBlob(i);
            default -> rows.getText(i);
        };
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        return ObjectReader.read(this, columnIndex, type);
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> map) throws SQLException {
        return getObject(columnIndex);
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        throw Errors.unsupported("Ref");
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        throw Errors.unsupported("Array");
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        throw Errors.unsupported("RowId");
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        throw Errors.unsupported("SQLXML");
    }

    // ---------------------------------------------------------------- getters by label

    @Override
    public String getString(String label) throws SQLException {
        return getString(findColumn(label));
    }

    @Override
    public boolean getBoolean(String label) throws SQLException {
        return getBoolean(findColumn(label));
    }

    @Override
    public byte getByte(String label) throws SQLException {
        return getByte(findColumn(label));
    }

    @Override
    public short getShort(String label) throws SQLException {
        return getShort(findColumn(label));
    }

    @Override
    public int getInt(String label) throws SQLException {
        return getInt(findColumn(label));
    }

    @Override
    public long getLong(String label) throws SQLException {
        return getLong(findColumn(label));
    }

    @Override
    public float getFloat(String label) throws SQLException {
        return getFloat(findColumn(label));
    }

    @Override
    public double getDouble(String label) throws SQLException {
        return getDouble(findColumn(label));
    }

    @Deprecated
    @Override
    public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
        return getBigDecimal(findColumn(label), scale);
    }

    @Override
    public BigDecimal getBigDecimal(String label) throws SQLException {
        return getBigDecimal(findColumn(label));
    }

    @Override
    public byte[] getBytes(String label) throws SQLException {
        return getBytes(findColumn(label));
    }

    @Override
    public Date getDate(String label) throws SQLException {
        return getDate(findColumn(label));
    }

    @Override
    public Time getTime(String label) throws SQLException {
        return getTime(findColumn(label));
    }

    @Override
    public Timestamp getTimestamp(String label) throws SQLException {
        return getTimestamp(findColumn(label));
    }

    @Override
    public Date getDate(String label, Calendar cal) throws SQLException {
        return getDate(findColumn(label), cal);
    }

    @Override
    public Time getTime(String label, Calendar cal) throws SQLException {
        return getTime(findColumn(label), cal);
    }

    @Override
    public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
        return getTimestamp(findColumn(label), cal);
    }

    @Override
    public InputStream getAsciiStream(String label) throws SQLException {
        return getAsciiStream(findColumn(label));
    }

    @Deprecated
    @Override
    public InputStream getUnicodeStream(String label) throws SQLException {
        return getUnicodeStream(findColumn(label));
    }

    @Override
    public InputStream getBinaryStream(String label) throws SQLException {
        return getBinaryStream(findColumn(label));
    }

    @Override
    public Reader getCharacterStream(String label) throws SQLException {
        return getCharacterStream(findColumn(label));
    }

    @Override
    public Reader getNCharacterStream(String label) throws SQLException {
        return getNCharacterStream(findColumn(label));
    }

    @Override
    public String getNString(String label) throws SQLException {
        return getNString(findColumn(label));
    }

    @Override
    public Blob getBlob(String label) throws SQLException {
        return getBlob(findColumn(label));
    }

    @Override
    public Clob getClob(String label) throws SQLException {
        return getClob(findColumn(label));
    }

    @Override
    public NClob getNClob(String label) throws SQLException {
        return getNClob(findColumn(label));
    }

    @Override
    public URL getURL(String label) throws SQLException {
        return getURL(findColumn(label));
    }

    @Override
    public Object getObject(String label) throws SQLException {
        return getObject(findColumn(label));
    }

    @Override
    public <T> T getObject(String label, Class<T> type) throws SQLException {
        return getObject(findColumn(label), type);
    }

    @Override
    public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
        return getObject(findColumn(label), map);
    }

    @Override
    public Ref getRef(String label) throws SQLException {
        return getRef(findColumn(label));
    }

    @Override
    public Array getArray(String label) throws SQLException {
        return getArray(findColumn(label));
    }

    @Override
    public RowId getRowId(String label) throws SQLException {
        return getRowId(findColumn(label));
    }

    @Override
    public SQLXML getSQLXML(String label) throws SQLException {
        return getSQLXML(findColumn(label));
    }

    // ---------------------------------------------------------------- cursor

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        return new TursoResultSetMetaData(rows, onRow);
    }

    @Override
    public Statement getStatement() throws SQLException {
        checkOpen();
        return statement;
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        checkOpen();
        return rowNumber == 0 && !afterLast;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        checkOpen();
        return afterLast && rowNumber > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        checkOpen();
        return onRow && rowNumber == 1;
    }

    @Override
    public boolean isLast() throws SQLException {
        throw Errors.unsupported("isLast on a forward-only result set");
    }

    @Override
    public int getRow() throws SQLException {
        checkOpen();
        return onRow ? (int) rowNumber : 0;
    }

    private SQLException forwardOnly() {
        return new SQLException("ResultSet is TYPE_FORWARD_ONLY", "24000");
    }

    @Override
    public void beforeFirst() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public void afterLast() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean first() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean last() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean absolute(int row) throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean relative(int delta) throws SQLException {
        throw forwardOnly();
    }

    @Override
    public boolean previous() throws SQLException {
        throw forwardOnly();
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != FETCH_FORWARD) {
            throw forwardOnly();
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return FETCH_FORWARD;
    }

    @Override
    public void setFetchSize(int rows) throws SQLException {
        checkOpen();
        if (rows < 0) {
            throw Errors.misuse("fetch size must not be negative");
        }
        fetchSize = rows;
    }

    @Override
    public int getFetchSize() throws SQLException {
        checkOpen();
        return fetchSize;
    }

    @Override
    public int getType() throws SQLException {
        checkOpen();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        checkOpen();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public String getCursorName() throws SQLException {
        throw Errors.unsupported("named cursors");
    }

    @Override
    public SQLWarning getWarnings() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void clearWarnings() throws SQLException {
        checkOpen();
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

    @Override
    public String toString() {
        return "TursoResultSet[" + rows.columnCount() + " columns, row " + rowNumber + "]";
    }

    // ---------------------------------------------------------------- updates: read-only result sets

    @Override
    public void cancelRowUpdates() throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void deleteRow() throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void insertRow() throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void refreshRow() throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public boolean rowInserted() throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateArray(String column, Array x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateArray(int column, Array x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateAsciiStream(String column, InputStream x, int length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateAsciiStream(String column, InputStream x, long length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateAsciiStream(String column, InputStream x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateAsciiStream(int column, InputStream x, int length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateAsciiStream(int column, InputStream x, long length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateAsciiStream(int column, InputStream x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBigDecimal(String column, BigDecimal x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBigDecimal(int column, BigDecimal x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBinaryStream(String column, InputStream x, int length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBinaryStream(String column, InputStream x, long length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBinaryStream(String column, InputStream x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBinaryStream(int column, InputStream x, int length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBinaryStream(int column, InputStream x, long length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBinaryStream(int column, InputStream x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBlob(String column, InputStream x, long length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBlob(String column, InputStream x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBlob(String column, Blob x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBlob(int column, InputStream x, long length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBlob(int column, InputStream x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBlob(int column, Blob x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBoolean(String column, boolean x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBoolean(int column, boolean x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateByte(String column, byte x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateByte(int column, byte x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBytes(String column, byte[] x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateBytes(int column, byte[] x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateCharacterStream(String column, Reader x, int length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateCharacterStream(String column, Reader x, long length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateCharacterStream(String column, Reader x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateCharacterStream(int column, Reader x, int length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateCharacterStream(int column, Reader x, long length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateCharacterStream(int column, Reader x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateClob(String column, Reader x, long length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateClob(String column, Reader x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateClob(String column, Clob x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateClob(int column, Reader x, long length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateClob(int column, Reader x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateClob(int column, Clob x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateDate(String column, Date x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateDate(int column, Date x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateDouble(String column, double x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateDouble(int column, double x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateFloat(String column, float x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateFloat(int column, float x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateInt(String column, int x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateInt(int column, int x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateLong(String column, long x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateLong(int column, long x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateNCharacterStream(String column, Reader x, long length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateNCharacterStream(String column, Reader x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateNCharacterStream(int column, Reader x, long length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateNCharacterStream(int column, Reader x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateNClob(String column, Reader x, long length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateNClob(String column, Reader x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateNClob(String column, NClob x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateNClob(int column, Reader x, long length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateNClob(int column, Reader x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateNClob(int column, NClob x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateNString(String column, String x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateNString(int column, String x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateNull(String column) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateNull(int column) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateObject(String column, Object x, int length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateObject(String column, Object x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateObject(int column, Object x, int length) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateObject(int column, Object x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateRef(String column, Ref x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateRef(int column, Ref x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateRow() throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateRowId(String column, RowId x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateRowId(int column, RowId x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateSQLXML(String column, SQLXML x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateSQLXML(int column, SQLXML x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateShort(String column, short x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateShort(int column, short x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateString(String column, String x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateString(int column, String x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateTime(String column, Time x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateTime(int column, Time x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateTimestamp(String column, Timestamp x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }

    @Override
    public void updateTimestamp(int column, Timestamp x) throws SQLException {
        throw Errors.unsupported("updatable result sets");
    }
}
