package io.tursoj.jdbc;

import io.tursoj.api.ErrorCode;
import io.tursoj.api.StepResult;
import io.tursoj.api.TursoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A JDBC connection over one engine {@link io.tursoj.api.Connection}.
 *
 * <p>Transactions: in auto-commit mode each statement is its own transaction, as in SQLite. With auto-commit off the
 * driver issues {@code BEGIN} lazily before the first statement (so an idle pooled connection holds no lock) and
 * {@code COMMIT}/{@code ROLLBACK} on {@link #commit()}/{@link #rollback()}. The isolation level is always
 * SERIALIZABLE, as in SQLite and sqlite-jdbc.
 *
 * <p>Invariants: (1) the connection holds its database's {@link DatabaseGate} while the engine has a transaction
 * open for it or one of its statements is running ({@code running > 0}); (2) it releases the gate as soon as
 * neither is true; (3) a cancel or query timeout that found nothing to stop is absorbed before the next statement.
 */
public final class TursoConnection implements Connection {
    private final String url;
    private final JdbcUrl settings;
    private final SharedDatabases.Handle handle;
    private final io.tursoj.api.Connection engine;
    private final List<TursoStatement> statements = new ArrayList<>();
    private final AtomicBoolean interruptPending = new AtomicBoolean();
    private final Properties clientInfo = new Properties();
    private boolean autoCommit = true;
    private boolean readOnly;
    private long busyTimeoutMillis;
    private int running;
    private int savepointCounter;
    private int networkTimeoutMillis;
    private volatile boolean closed;

    private TursoConnection(String url, JdbcUrl settings, SharedDatabases.Handle handle) {
        this.url = url;
        this.settings = settings;
        this.handle = handle;
        this.engine = handle.database().connect();
        this.readOnly = settings.readOnly();
        this.busyTimeoutMillis = settings.busyTimeoutMillis();
    }

    static TursoConnection open(String url, JdbcUrl settings) throws SQLException {
        if (!settings.isMemory() && settings.mustExist() && !Files.exists(Path.of(settings.path()))) {
            throw Errors.of(ErrorCode.CANTOPEN, "unable to open database file: " + settings.path());
        }
        SharedDatabases.Handle handle;
        try {
            handle = SharedDatabases.open(settings);
        } catch (TursoException e) {
            throw Errors.of(e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw Errors.of(ErrorCode.CANTOPEN, e.getMessage(), e);
        }
        return new TursoConnection(url, settings, handle);
    }

    // ---------------------------------------------------------------- for statements

    io.tursoj.api.Connection engine() {
        return engine;
    }

    String url() {
        return url;
    }

    /** The engine's name for the I/O backend this connection's database uses. */
    public String ioBackend() {
        return handle.database().ioBackend();
    }

    /**
     * Called before a statement runs: waits for the gate and, with auto-commit off, opens the transaction. Each
     * {@code enter} is paired with one {@link #leave()}.
     */
    void enter(boolean transactional) throws SQLException {
        checkOpen();
        acquireGate();
        running++;
        if (transactional && !autoCommit && engine.isAutocommit()) {
            try {
                runSql("BEGIN");
            } catch (SQLException e) {
                leave();
                throw e;
            }
        }
    }

    /** Called when a statement has finished (ran to its end, failed, or was reset). */
    void leave() {
        assert running > 0 : "leave without enter";
        running--;
        absorbStaleInterrupt();
        releaseGateIfIdle();
    }

    private void acquireGate() throws SQLException {
        try {
            if (!handle.gate().acquire(this, busyTimeoutMillis)) {
                throw Errors.busy(busyTimeoutMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Errors.of(ErrorCode.INTERRUPT, "interrupted while waiting for the database");
        }
    }

    private void releaseGateIfIdle() {
        if (running == 0 && engine.isAutocommit()) {
            handle.gate().release(this);
        }
    }

    /** Asks the running statement to stop (from any thread); see invariant (3). */
    void interrupt() {
        interruptPending.set(true);
        engine.interrupt();
    }

    /** The engine reported INTERRUPT: the request was consumed. */
    void interruptObserved() {
        interruptPending.set(false);
    }

    private void absorbStaleInterrupt() {
        if (running == 0 && interruptPending.getAndSet(false)) {
            try (io.tursoj.api.Statement s = engine.prepare("SELECT 1")) {
                StepResult ignored = s.step();
                assert ignored != null;
            } catch (TursoException e) {
                // Nothing to absorb after all.
            }
        }
    }

    /** Runs one statement that returns no rows, under the gate the caller holds. */
    private void runSql(String sql) throws SQLException {
        try (io.tursoj.api.Statement s = engine.prepare(sql)) {
            while (s.stepBlocking()) {
                // No rows expected.
            }
        } catch (TursoException e) {
            throw Errors.of(e);
        }
    }

    void register(TursoStatement s) {
        statements.add(s);
    }

    void unregister(TursoStatement s) {
        statements.remove(s);
    }

    boolean isReadOnlyMode() {
        return readOnly;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.closed("connection");
        }
    }

    // ---------------------------------------------------------------- statements

    @Override
    public Statement createStatement() throws SQLException {
        checkOpen();
        return new TursoStatement(this);
    }

    @Override
    public PreparedStatement prepareStatement(String sql) throws SQLException {
        checkOpen();
        return new TursoPreparedStatement(this, sql, false);
    }

    @Override
    public CallableStatement prepareCall(String sql) throws SQLException {
        throw Errors.unsupported("CallableStatement (SQLite has no stored procedures)");
    }

    @Override
    public String nativeSQL(String sql) {
        return sql;
    }

    @Override
    public Statement createStatement(int type, int concurrency) throws SQLException {
        checkCursor(type, concurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
        checkCursor(type, concurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
        return prepareStatement(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
        checkCursor(type, concurrency, holdability);
        return createStatement();
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
            throws SQLException {
        checkCursor(type, concurrency, holdability);
        return prepareStatement(sql);
    }

    @Override
    public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
        return prepareCall(sql);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
        checkOpen();
        return new TursoPreparedStatement(this, sql, autoGeneratedKeys == Statement.RETURN_GENERATED_KEYS);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
        checkOpen();
        return new TursoPreparedStatement(this, sql, true);
    }

    @Override
    public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
        checkOpen();
        return new TursoPreparedStatement(this, sql, true);
    }

    private void checkCursor(int type, int concurrency, int holdability) throws SQLException {
        checkOpen();
        if (type != ResultSet.TYPE_FORWARD_ONLY) {
            throw Errors.unsupported("result set type " + type + " (only TYPE_FORWARD_ONLY)");
        }
        if (concurrency != ResultSet.CONCUR_READ_ONLY) {
            throw Errors.unsupported("updatable result sets (only CONCUR_READ_ONLY)");
        }
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw Errors.unsupported("holdable cursors (only CLOSE_CURSORS_AT_COMMIT)");
        }
    }

    // ---------------------------------------------------------------- transactions

    @Override
    public void setAutoCommit(boolean on) throws SQLException {
        checkOpen();
        if (on == autoCommit) {
            return;
        }
        if (on && !engine.isAutocommit()) {
            finishTransaction("COMMIT");
        }
        autoCommit = on;
    }

    @Override
    public boolean getAutoCommit() throws SQLException {
        checkOpen();
        return autoCommit;
    }

    @Override
    public void commit() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw Errors.misuse("database in auto-commit mode");
        }
        finishTransaction("COMMIT");
    }

    @Override
    public void rollback() throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw Errors.misuse("database in auto-commit mode");
        }
        finishTransaction("ROLLBACK");
    }

    private void finishTransaction(String sql) throws SQLException {
        if (engine.isAutocommit()) {
            return;
        }
        acquireGate();
        try {
            runSql(sql);
        } finally {
            releaseGateIfIdle();
        }
    }

    /** SQLite is always SERIALIZABLE; a weaker level asked for is served by the stronger one, as JDBC allows. */
    @Override
    public void setTransactionIsolation(int level) throws SQLException {
        checkOpen();
        if (level == TRANSACTION_NONE) {
            throw Errors.unsupported("TRANSACTION_NONE");
        }
    }

    @Override
    public int getTransactionIsolation() throws SQLException {
        checkOpen();
        return TRANSACTION_SERIALIZABLE;
    }

    @Override
    public Savepoint setSavepoint() throws SQLException {
        return setSavepoint("SP" + (++savepointCounter));
    }

    /** Savepoints are the engine's SQL savepoints, inside the transaction the driver holds. */
    @Override
    public Savepoint setSavepoint(String name) throws SQLException {
        checkOpen();
        if (autoCommit) {
            throw Errors.misuse("cannot set a savepoint in auto-commit mode");
        }
        TursoSavepoint sp = new TursoSavepoint(savepointCounter, name);
        savepointSql("SAVEPOINT " + TursoSavepoint.quote(name));
        return sp;
    }

    @Override
    public void rollback(Savepoint savepoint) throws SQLException {
        checkOpen();
        savepointSql("ROLLBACK TO SAVEPOINT " + TursoSavepoint.quote(savepoint.getSavepointName()));
    }

    @Override
    public void releaseSavepoint(Savepoint savepoint) throws SQLException {
        checkOpen();
        savepointSql("RELEASE SAVEPOINT " + TursoSavepoint.quote(savepoint.getSavepointName()));
    }

    private void savepointSql(String sql) throws SQLException {
        enter(true);
        try {
            runSql(sql);
        } finally {
            leave();
        }
    }

    // ---------------------------------------------------------------- state

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        for (TursoStatement s : List.copyOf(statements)) {
            s.close();
        }
        closed = true;
        try {
            engine.close();
        } finally {
            handle.gate().release(this);
            handle.release();
        }
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    /** In-process: a connection is valid while it is open (no query, so a busy database does not make it wait). */
    @Override
    public boolean isValid(int timeoutSeconds) throws SQLException {
        if (timeoutSeconds < 0) {
            throw Errors.misuse("timeout must not be negative");
        }
        return !closed;
    }

    @Override
    public DatabaseMetaData getMetaData() throws SQLException {
        checkOpen();
        return new TursoDatabaseMetaData(this);
    }

    /** Read-only is enforced by the driver: statements that would write fail with SQLITE_READONLY. */
    @Override
    public void setReadOnly(boolean on) throws SQLException {
        checkOpen();
        if (settings.readOnly() && !on) {
            throw Errors.of(ErrorCode.READONLY, "the database was opened read-only (mode=ro)");
        }
        readOnly = on;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        checkOpen();
        return readOnly;
    }

    @Override
    public void setCatalog(String catalog) throws SQLException {
        checkOpen();
    }

    @Override
    public String getCatalog() throws SQLException {
        checkOpen();
        return null;
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
    public Map<String, Class<?>> getTypeMap() throws SQLException {
        checkOpen();
        return Map.of();
    }

    @Override
    public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
        checkOpen();
    }

    @Override
    public void setHoldability(int holdability) throws SQLException {
        checkOpen();
        if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
            throw Errors.unsupported("holdable cursors (only CLOSE_CURSORS_AT_COMMIT)");
        }
    }

    @Override
    public int getHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Clob createClob() throws SQLException {
        throw Errors.unsupported("Clob");
    }

    @Override
    public Blob createBlob() throws SQLException {
        throw Errors.unsupported("Blob");
    }

    @Override
    public NClob createNClob() throws SQLException {
        throw Errors.unsupported("NClob");
    }

    @Override
    public SQLXML createSQLXML() throws SQLException {
        throw Errors.unsupported("SQLXML");
    }

    @Override
    public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
        throw Errors.unsupported("Array");
    }

    @Override
    public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
        throw Errors.unsupported("Struct");
    }

    @Override
    public void setClientInfo(String name, String value) throws SQLClientInfoException {
        if (value == null) {
            clientInfo.remove(name);
        } else {
            clientInfo.setProperty(name, value);
        }
    }

    @Override
    public void setClientInfo(Properties properties) throws SQLClientInfoException {
        clientInfo.clear();
        clientInfo.putAll(properties);
    }

    @Override
    public String getClientInfo(String name) throws SQLException {
        checkOpen();
        return clientInfo.getProperty(name);
    }

    @Override
    public Properties getClientInfo() throws SQLException {
        checkOpen();
        Properties copy = new Properties();
        copy.putAll(clientInfo);
        return copy;
    }

    @Override
    public void setSchema(String schema) throws SQLException {
        checkOpen();
    }

    @Override
    public String getSchema() throws SQLException {
        checkOpen();
        return null;
    }

    @Override
    public void abort(Executor executor) throws SQLException {
        if (closed) {
            return;
        }
        interrupt();
        close();
    }

    @Override
    public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
        checkOpen();
        networkTimeoutMillis = milliseconds;
    }

    @Override
    public int getNetworkTimeout() throws SQLException {
        checkOpen();
        return networkTimeoutMillis;
    }

    /** How long this connection waits for another's transaction (SQLite's busy timeout). */
    public void setBusyTimeout(long millis) {
        busyTimeoutMillis = millis;
    }

    public long getBusyTimeout() {
        return busyTimeoutMillis;
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
