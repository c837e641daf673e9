package io.tursoj.jdbc;

import io.tursoj.api.TursoException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A prepared statement: compiled once, run many times. Parameters are kept by the driver (so a batch can hold many
 * sets of them) and bound to the engine statement at each run; parameters never set are NULL. Only the first
 * statement of the SQL text is prepared, as in sqlite3_prepare.
 */
public final class TursoPreparedStatement extends TursoStatement implements PreparedStatement {
    private final io.tursoj.api.Statement engineStatement;
    private final Piece piece;
    private final boolean wantKeys;
    private final Object[] parameters;
    private final List<Object[]> batch = new ArrayList<>();

    TursoPreparedStatement(TursoConnection connection, String sql, boolean wantKeys) throws SQLException {
        super(connection);
        List<Piece> pieces = split(sql);
        if (pieces.isEmpty()) {
            close();
            throw Errors.of(io.tursoj.api.ErrorCode.MISUSE, "not an error: empty statement");
        }
        this.piece = pieces.getFirst();
        try {
            this.engineStatement = prepare(ParameterNumbering.apply(piece.text()), piece.ast());
        } catch (SQLException e) {
            close();
            throw e;
        }
        this.wantKeys = wantKeys;
        this.parameters = new Object[engineStatement.parameterCount()];
    }

    // ---------------------------------------------------------------- running

    private boolean runPrepared() throws SQLException {
        checkOpen();
        getMoreResults();
        try {
            engineStatement.reset();
            for (int i = 0; i < parameters.length; i++) {
                engineStatement.bind(i + 1, parameters[i]);
            }
        } catch (TursoException e) {
            throw Errors.of(e);
        }
        return start(engineStatement, piece.ast(), false, wantKeys);
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        if (!runPrepared()) {
            throw new SQLException("query does not return ResultSet", "07000");
        }
        return getResultSet();
    }

    @Override
    public int executeUpdate() throws SQLException {
        return (int) executeLargeUpdate();
    }

    @Override
    public long executeLargeUpdate() throws SQLException {
        if (runPrepared()) {
            getMoreResults();
            throw new SQLException("query returns a ResultSet", "07000");
        }
        return Math.max(updateCountValue(), 0);
    }

    @Override
    public boolean execute() throws SQLException {
        return runPrepared();
    }

    @Override
    public void addBatch() throws SQLException {
        checkOpen();
        batch.add(parameters.clone());
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
    }

    @Override
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<Object[]> work = List.copyOf(batch);
        batch.clear();
        Object[] current = parameters.clone();
        long[] counts = new long[work.size()];
        try {
            for (int i = 0; i < work.size(); i++) {
                System.arraycopy(work.get(i), 0, parameters, 0, parameters.length);
                try {
                    counts[i] = executeLargeUpdate();
                } catch (SQLException e) {
                    throw batchFailure(e, Arrays.copyOf(counts, i));
                }
            }
        } finally {
            System.arraycopy(current, 0, parameters, 0, parameters.length);
        }
        return counts;
    }

    @Override
    public int[] executeBatch() throws SQLException {
        long[] counts = executeLargeBatch();
        int[] result = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            result[i] = (int) counts[i];
        }
        return result;
    }

    @Override
    public void close() throws SQLException {
        if (isClosed()) {
            return;
        }
        super.close();
        if (engineStatement != null) {
            engineStatement.close();
        }
    }

    /** Result columns, known before the first run. */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        checkOpen();
        if (engineStatement.columnCount() == 0) {
            return null;
        }
        return new TursoResultSetMetaData(new LiveRows(engineStatement, false, () -> {}, () -> {}), false);
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        checkOpen();
        return new TursoParameterMetaData(parameters.length);
    }

    // ---------------------------------------------------------------- SQL text on a prepared statement

    private SQLException textNotAllowed() {
        return new SQLException("a PreparedStatement runs its own SQL; use Statement to run other text", "HY000");
    }

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        throw textNotAllowed();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        throw textNotAllowed();
    }

    // ---------------------------------------------------------------- setters

    private void set(int index, Object engineValue) throws SQLException {
        checkOpen();
        if (index < 1 || index > parameters.length) {
            throw new SQLException(
                    "parameter index " + index + " out of range [1," + parameters.length + "]", "22023", 25);
        }
        parameters[index - 1] = engineValue;
    }

    @Override
    public void clearParameters() throws SQLException {
        checkOpen();
        Arrays.fill(parameters, null);
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        set(index, null);
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        set(index, null);
    }

    @Override
    public void setBoolean(int index, boolean x) throws SQLException {
        set(index, x ? 1L : 0L);
    }

    @Override
    public void setByte(int index, byte x) throws SQLException {
        set(index, (long) x);
    }

    @Override
    public void setShort(int index, short x) throws SQLException {
        set(index, (long) x);
    }

    @Override
    public void setInt(int index, int x) throws SQLException {
        set(index, (long) x);
    }

    @Override
    public void setLong(int index, long x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setFloat(int index, float x) throws SQLException {
        set(index, (double) x);
    }

    @Override
    public void setDouble(int index, double x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal x) throws SQLException {
        set(index, Binding.of(x));
    }

    @Override
    public void setString(int index, String x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setNString(int index, String x) throws SQLException {
        set(index, x);
    }

    @Override
    public void setBytes(int index, byte[] x) throws SQLException {
        set(index, Binding.of(x));
    }

    @Override
    public void setDate(int index, Date x) throws SQLException {
        set(index, Binding.of(x));
    }

    @Override
    public void setTime(int index, Time x) throws SQLException {
        set(index, Binding.of(x));
    }

    @Override
    public void setTimestamp(int index, Timestamp x) throws SQLException {
        set(index, Binding.of(x));
    }

    /** Stored as epoch milliseconds, which do not depend on a calendar (as in sqlite-jdbc). */
    @Override
    public void setDate(int index, Date x, Calendar cal) throws SQLException {
        setDate(index, x);
    }

    @Override
    public void setTime(int index, Time x, Calendar cal) throws SQLException {
        setTime(index, x);
    }

    @Override
    public void setTimestamp(int index, Timestamp x, Calendar cal) throws SQLException {
        setTimestamp(index, x);
    }

    @Override
    public void setAsciiStream(int index, InputStream x, int length) throws SQLException {
        set(index, Binding.text(x, length, StandardCharsets.US_ASCII));
    }

    @Override
    public void setAsciiStream(int index, InputStream x, long length) throws SQLException {
        set(index, Binding.text(x, length, StandardCharsets.US_ASCII));
    }

    @Override
    public void setAsciiStream(int index, InputStream x) throws SQLException {
        set(index, Binding.text(x, -1, StandardCharsets.US_ASCII));
    }

    @Deprecated
    @Override
    public void setUnicodeStream(int index, InputStream x, int length) throws SQLException {
        set(index, Binding.text(x, length, StandardCharsets.UTF_16BE));
    }

    @Override
    public void setBinaryStream(int index, InputStream x, int length) throws SQLException {
        set(index, Binding.bytes(x, length));
    }

    @Override
    public void setBinaryStream(int index, InputStream x, long length) throws SQLException {
        set(index, Binding.bytes(x, length));
    }

    @Override
    public void setBinaryStream(int index, InputStream x) throws SQLException {
        set(index, Binding.bytes(x, -1));
    }

    @Override
    public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
        set(index, Binding.text(reader, length));
    }

    @Override
    public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
        set(index, Binding.text(reader, length));
    }

    @Override
    public void setCharacterStream(int index, Reader reader) throws SQLException {
        set(index, Binding.text(reader, -1));
    }

    @Override
    public void setNCharacterStream(int index, Reader value, long length) throws SQLException {
        set(index, Binding.text(value, length));
    }

    @Override
    public void setNCharacterStream(int index, Reader value) throws SQLException {
        set(index, Binding.text(value, -1));
    }

    @Override
    public void setBlob(int index, Blob x) throws SQLException {
        set(index, Binding.of(x));
    }

    @Override
    public void setBlob(int index, InputStream inputStream, long length) throws SQLException {
        set(index, Binding.bytes(inputStream, length));
    }

    @Override
    public void setBlob(int index, InputStream inputStream) throws SQLException {
        set(index, Binding.bytes(inputStream, -1));
    }

    @Override
    public void setClob(int index, Clob x) throws SQLException {
        set(index, Binding.of(x));
    }

    @Override
    public void setClob(int index, Reader reader, long length) throws SQLException {
        set(index, Binding.text(reader, length));
    }

    @Override
    public void setClob(int index, Reader reader) throws SQLException {
        set(index, Binding.text(reader, -1));
    }

    @Override
    public void setNClob(int index, NClob value) throws SQLException {
        set(index, Binding.of(value));
    }

    @Override
    public void setNClob(int index, Reader reader, long length) throws SQLException {
        set(index, Binding.text(reader, length));
    }

    @Override
    public void setNClob(int index, Reader reader) throws SQLException {
        set(index, Binding.text(reader, -1));
    }

    @Override
    public void setURL(int index, URL x) throws SQLException {
        set(index, x == null ? null : x.toString());
    }

    @Override
    public void setObject(int index, Object x) throws SQLException {
        set(index, Binding.of(x));
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType) throws SQLException {
        set(index, Binding.of(x, targetSqlType));
    }

    @Override
    public void setObject(int index, Object x, int targetSqlType, int scaleOrLength) throws SQLException {
        set(index, Binding.of(x, targetSqlType));
    }

    @Override
    public void setObject(int index, Object x, SQLType targetSqlType) throws SQLException {
        Integer code = targetSqlType == null ? null : targetSqlType.getVendorTypeNumber();
        set(index, code == null ? Binding.of(x) : Binding.of(x, code));
    }

    @Override
    public void setObject(int index, Object x, SQLType targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, x, targetSqlType);
    }

    @Override
    public void setRef(int index, Ref x) throws SQLException {
        throw Errors.unsupported("Ref");
    }

    @Override
    public void setArray(int index, Array x) throws SQLException {
        throw Errors.unsupported("Array");
    }

    @Override
    public void setRowId(int index, RowId x) throws SQLException {
        throw Errors.unsupported("RowId");
    }

    @Override
    public void setSQLXML(int index, SQLXML xmlObject) throws SQLException {
        throw Errors.unsupported("SQLXML");
    }
}
