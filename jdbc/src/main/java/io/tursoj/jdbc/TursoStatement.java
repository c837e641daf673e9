package io.tursoj.jdbc;

import io.tursoj.api.ErrorCode;
import io.tursoj.api.TursoException;
import io.tursoj.translate.parser.ParseException;
import io.tursoj.translate.parser.Parser;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.Stmt;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A JDBC statement. {@link #execute(String)} runs every statement of its SQL text in order (as sqlite3_exec does)
 * and reports the last one's result. A query's rows are stepped lazily by its {@link TursoResultSet}; the connection
 * keeps its turn at the database until they end or are closed. The query timeout and {@link #cancel()} interrupt the
 * engine connection ({@link io.tursoj.api.Connection#interrupt()}).
 */
public sealed class TursoStatement implements Statement permits TursoPreparedStatement {
    private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tursoj-jdbc-query-timeout");
        t.setDaemon(true);
        return t;
    });

    final TursoConnection connection;
    private final List<String> batch = new ArrayList<>();
    private TursoResultSet result;
    private long updateCount = -1;
    private Long generatedKey;
    private long maxRows;
    private int queryTimeoutSeconds;
    private int fetchSize;
    private boolean closeOnCompletion;
    private boolean closed;
    private ScheduledFuture<?> timer;
    private volatile boolean timedOut;

    TursoStatement(TursoConnection connection) {
        this.connection = connection;
        connection.register(this);
    }

    // ---------------------------------------------------------------- running

    /** One statement of a SQL text: its source and its syntax tree. */
    record Piece(String text, Stmt ast) {}

    /** Splits {@code sql} into its statements with the engine's parser. */
    static List<Piece> split(String sql) throws SQLException {
        List<Piece> pieces = new ArrayList<>();
        Parser parser = new Parser(sql);
        try {
            for (; ; ) {
                int begin = parser.position();
                Stmt ast = parser.next();
                if (ast == null) {
                    return pieces;
                }
                pieces.add(new Piece(sql.substring(begin, parser.position()), ast));
            }
        } catch (ParseException e) {
            throw Errors.of(ErrorCode.ERROR, e.getMessage(), e);
        }
    }

    /** Runs every statement of {@code sql}; true when the last one is a query (its rows are the result set). */
    boolean run(String sql, boolean wantKeys) throws SQLException {
        checkOpen();
        closeResult();
        List<Piece> pieces = split(sql);
        if (pieces.isEmpty()) {
            throw Errors.of(ErrorCode.MISUSE, "not an error: empty statement");
        }
        boolean query = false;
        for (int i = 0; i < pieces.size(); i++) {
            closeResult();
            Piece p = pieces.get(i);
            query = start(prepare(p.text(), p.ast()), p.ast(), true, wantKeys);
            if (query && i < pieces.size() - 1) {
                closeResult();
            }
        }
        return query;
    }

    /** Compiles {@code text} under the connection's turn (the schema must not change underneath). */
    io.tursoj.api.Statement prepare(String text, Stmt ast) throws SQLException {
        checkWritable(ast);
        connection.enter(false);
        try {
            return connection.engine().prepare(text);
        } catch (TursoException e) {
            throw Errors.of(e);
        } finally {
            connection.leave();
        }
    }

    private void checkWritable(Stmt ast) throws SQLException {
        if (!connection.isReadOnlyMode()) {
            return;
        }
        boolean reads = switch (ast) {
            case Select s -> true;
            case Stmt.Explain e -> true;
            case Stmt.Begin b -> true;
            case Stmt.Commit c -> true;
            case Stmt.Rollback r -> true;
            case Stmt.Savepoint s -> true;
            case Stmt.Release r -> true;
            case Stmt.Pragma p -> p.value() == null;
            default -> false;
        };
        if (!reads) {
            throw Errors.of(ErrorCode.READONLY, "attempt to write a readonly database");
        }
    }

    /**
     * Starts {@code s}: a query becomes the current result set; anything else runs to its end and sets the update
     * count. True for a query.
     */
    boolean start(io.tursoj.api.Statement s, Stmt ast, boolean owns, boolean wantKeys) throws SQLException {
        generatedKey = null;
        connection.enter(!(ast instanceof Stmt.Begin));
        startTimer();
        boolean finishedHere = true;
        try {
            if (s.columnCount() > 0) {
                LiveRows rows = new LiveRows(s, owns, this::finishExecution, this::interruptObserved);
                result = new TursoResultSet(this, rows, maxRows);
                updateCount = -1;
                finishedHere = false;
                return true;
            }
            try {
                while (s.stepBlocking()) {
                    // A statement without result columns yields no rows.
                }
            } catch (TursoException e) {
                if (e.code() == ErrorCode.INTERRUPT) {
                    interruptObserved();
                    if (timedOut) {
                        throw Errors.timeout();
                    }
                }
                throw Errors.of(e);
            }
            boolean dml = ast instanceof Stmt.Insert || ast instanceof Stmt.Update || ast instanceof Stmt.Delete;
            updateCount = dml ? connection.engine().changes() : 0;
            if (wantKeys && ast instanceof Stmt.Insert && updateCount > 0) {
                generatedKey = connection.engine().lastInsertRowid();
            }
            return false;
        } finally {
            if (finishedHere) {
                if (owns) {
                    s.close();
                } else {
                    s.reset();
                }
                finishExecution();
            }
        }
    }

    private void interruptObserved() {
        connection.interruptObserved();
    }

    private void startTimer() {
        timedOut = false;
        if (queryTimeoutSeconds > 0) {
            timer = TIMER.schedule(
                    () -> {
                        timedOut = true;
                        connection.interrupt();
                    },
                    queryTimeoutSeconds,
                    TimeUnit.SECONDS);
        }
    }

    /** The end of a run: stop the timer, give the connection's turn back. Runs once per {@link #start}. */
    private void finishExecution() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        connection.leave();
    }

    void resultClosed(TursoResultSet rs) throws SQLException {
        if (rs == result) {
            result = null;
            if (closeOnCompletion) {
                close();
            }
        }
    }

    private void closeResult() throws SQLException {
        if (result != null) {
            TursoResultSet r = result;
            result = null;
            boolean keep = closeOnCompletion;
            closeOnCompletion = false;
            r.close();
            closeOnCompletion = keep;
        }
        updateCount = -1;
    }

    void checkOpen() throws SQLException {
        if (closed) {
            throw Errors.closed("statement");
        }
        connection.checkOpen();
    }

    // ---------------------------------------------------------------- Statement

    @Override
    public ResultSet executeQuery(String sql) throws SQLException {
        if (!run(sql, false)) {
            throw new SQLException("query does not return ResultSet", "07000");
        }
        return result;
    }

    @Override
    public int executeUpdate(String sql) throws SQLException {
        return (int) executeLargeUpdate(sql);
    }

    @Override
    public long executeLargeUpdate(String sql) throws SQLException {
        if (run(sql, false)) {
            closeResult();
            throw new SQLException("query returns a ResultSet", "07000");
        }
        return Math.max(updateCount, 0);
    }

    @Override
    public boolean execute(String sql) throws SQLException {
        return run(sql, false);
    }

    @Override
    public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
        run(sql, autoGeneratedKeys == RETURN_GENERATED_KEYS);
        return (int) Math.max(updateCount, 0);
    }

    @Override
    public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
        return executeUpdate(sql, RETURN_GENERATED_KEYS);
    }

    @Override
    public int executeUpdate(String sql, String[] columnNames) throws SQLException {
        return executeUpdate(sql, RETURN_GENERATED_KEYS);
    }

    @Override
    public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
        return run(sql, autoGeneratedKeys == RETURN_GENERATED_KEYS);
    }

    @Override
    public boolean execute(String sql, int[] columnIndexes) throws SQLException {
        return run(sql, true);
    }

    @Override
    public boolean execute(String sql, String[] columnNames) throws SQLException {
        return run(sql, true);
    }

    /** The rowid of the row the last INSERT made, as sqlite-jdbc reports it: one column, last_insert_rowid(). */
    @Override
    public ResultSet getGeneratedKeys() throws SQLException {
        checkOpen();
        List<Object[]> rows = generatedKey == null ? List.of() : List.<Object[]>of(new Object[] {generatedKey});
        return new TursoResultSet(
                null, new ListRows(List.of("last_insert_rowid()"), java.util.Arrays.asList((String) null), rows), 0);
    }

    void setGeneratedKey(Long key) {
        generatedKey = key;
    }

    long updateCountValue() {
        return updateCount;
    }

    @Override
    public ResultSet getResultSet() throws SQLException {
        checkOpen();
        return result;
    }

    @Override
    public int getUpdateCount() throws SQLException {
        checkOpen();
        return (int) updateCount;
    }

    @Override
    public long getLargeUpdateCount() throws SQLException {
        checkOpen();
        return updateCount;
    }

    @Override
    public boolean getMoreResults() throws SQLException {
        checkOpen();
        closeResult();
        return false;
    }

    @Override
    public boolean getMoreResults(int current) throws SQLException {
        return getMoreResults();
    }

    @Override
    public void addBatch(String sql) throws SQLException {
        checkOpen();
        batch.add(sql);
    }

    @Override
    public void clearBatch() throws SQLException {
        checkOpen();
        batch.clear();
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
    public long[] executeLargeBatch() throws SQLException {
        checkOpen();
        List<String> work = List.copyOf(batch);
        batch.clear();
        long[] counts = new long[work.size()];
        for (int i = 0; i < work.size(); i++) {
            try {
                counts[i] = executeLargeUpdate(work.get(i));
            } catch (SQLException e) {
                throw batchFailure(e, java.util.Arrays.copyOf(counts, i));
            }
        }
        return counts;
    }

    static BatchUpdateException batchFailure(SQLException e, long[] done) {
        return new BatchUpdateException(e.getMessage(), e.getSQLState(), e.getErrorCode(), done, e);
    }

    @Override
    public void cancel() throws SQLException {
        checkOpen();
        connection.interrupt();
    }

    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        boolean keep = closeOnCompletion;
        closeOnCompletion = false;
        closeResult();
        closeOnCompletion = keep;
        closed = true;
        connection.unregister(this);
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public Connection getConnection() throws SQLException {
        checkOpen();
        return connection;
    }

    @Override
    public int getMaxFieldSize() throws SQLException {
        checkOpen();
        return 0;
    }

    @Override
    public void setMaxFieldSize(int max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw Errors.misuse("max field size must not be negative");
        }
    }

    @Override
    public int getMaxRows() throws SQLException {
        checkOpen();
        return (int) maxRows;
    }

    @Override
    public void setMaxRows(int max) throws SQLException {
        setLargeMaxRows(max);
    }

    @Override
    public long getLargeMaxRows() throws SQLException {
        checkOpen();
        return maxRows;
    }

    @Override
    public void setLargeMaxRows(long max) throws SQLException {
        checkOpen();
        if (max < 0) {
            throw Errors.misuse("max rows must not be negative");
        }
        maxRows = max;
    }

    long maxRowsValue() {
        return maxRows;
    }

    @Override
    public void setEscapeProcessing(boolean enable) throws SQLException {
        checkOpen();
    }

    @Override
    public int getQueryTimeout() throws SQLException {
        checkOpen();
        return queryTimeoutSeconds;
    }

    @Override
    public void setQueryTimeout(int seconds) throws SQLException {
        checkOpen();
        if (seconds < 0) {
            throw Errors.misuse("query timeout must not be negative");
        }
        queryTimeoutSeconds = seconds;
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
    public void setCursorName(String name) throws SQLException {
        throw Errors.unsupported("named cursors");
    }

    @Override
    public void setFetchDirection(int direction) throws SQLException {
        checkOpen();
        if (direction != ResultSet.FETCH_FORWARD) {
            throw Errors.unsupported("fetch direction other than FETCH_FORWARD");
        }
    }

    @Override
    public int getFetchDirection() throws SQLException {
        checkOpen();
        return ResultSet.FETCH_FORWARD;
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
    public int getResultSetConcurrency() throws SQLException {
        checkOpen();
        return ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public int getResultSetType() throws SQLException {
        checkOpen();
        return ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public int getResultSetHoldability() throws SQLException {
        checkOpen();
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public void setPoolable(boolean poolable) throws SQLException {
        checkOpen();
    }

    @Override
    public boolean isPoolable() throws SQLException {
        checkOpen();
        return false;
    }

    @Override
    public void closeOnCompletion() throws SQLException {
        checkOpen();
        closeOnCompletion = true;
    }

    @Override
    public boolean isCloseOnCompletion() throws SQLException {
        checkOpen();
        return closeOnCompletion;
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
