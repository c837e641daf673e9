package io.tursoj.api;

import io.tursoj.function.FunctionRegistry;
import io.tursoj.io.IO;
import io.tursoj.schema.Schema;
import io.tursoj.storage.Pager;
import io.tursoj.storage.btree.BTree;
import io.tursoj.translate.Compiler;
import io.tursoj.translate.parser.ParseException;
import io.tursoj.translate.parser.Parser;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.vdbe.Program;
import io.tursoj.vdbe.Savepoints;
import io.tursoj.vdbe.VdbeHost;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection to a {@link Database}: prepares statements and holds the transaction state (autocommit, the counters
 * behind {@code changes()} and {@code last_insert_rowid()}). Confined to one thread at a time; {@link #interrupt()}
 * may be called from any thread.
 */
public final class Connection implements AutoCloseable {
    private final Database db;
    private final Host host = new Host();
    private final Savepoints savepoints = new Savepoints();
    private final List<Statement> open = new ArrayList<>();
    private boolean autocommit = true;
    private long lastInsertRowid;
    private long changes;
    private long totalChanges;
    private volatile boolean interrupted;
    private volatile int busyTimeoutMillis;
    private boolean closed;

    Connection(Database db) {
        this.db = db;
    }

    Database database() {
        return db;
    }

    VdbeHost host() {
        return host;
    }

    /** Compiles the first statement of {@code sql}. */
    public Statement prepare(String sql) {
        checkOpen();
        Stmt stmt;
        Parser parser = new Parser(sql);
        try {
            stmt = parser.next();
        } catch (ParseException e) {
            throw new TursoException(ErrorCode.ERROR, e.getMessage(), e);
        }
        if (stmt == null) {
            throw new TursoException(ErrorCode.MISUSE, "not an error: empty statement");
        }
        return new Statement(this, compile(stmt, sql));
    }

    Program compile(Stmt stmt, String sql) {
        synchronized (db.lock()) {
            Schema schema;
            try {
                schema = db.schema();
            } catch (UncheckedIOException e) {
                throw new TursoException(ErrorCode.IOERR, "disk I/O error: " + e.getMessage(), e);
            }
            return new Compiler(schema, db.functions()).compile(stmt, sql);
        }
    }

    /** Runs every statement of {@code sql}, discarding rows; stops at the first error. */
    public void exec(String sql) {
        checkOpen();
        Parser parser = new Parser(sql);
        for (; ; ) {
            Stmt stmt;
            int begin = parser.position();
            try {
                stmt = parser.next();
            } catch (ParseException e) {
                throw new TursoException(ErrorCode.ERROR, e.getMessage(), e);
            }
            if (stmt == null) {
                return;
            }
            String text = sql.substring(begin, parser.position());
            try (Statement s = new Statement(this, compile(stmt, text.isBlank() ? sql : sql))) {
                s.run();
            }
        }
    }

    /** Stops the statements running on this connection: their next step returns {@link StepResult#INTERRUPT}. */
    public void interrupt() {
        interrupted = true;
    }

    /**
     * How long a statement blocked by another connection's transaction retries before it fails with {@code database
     * is locked} (SQLite's {@code sqlite3_busy_timeout}; {@code PRAGMA busy_timeout}). 0, the default, fails at once.
     */
    public void setBusyTimeout(int millis) {
        busyTimeoutMillis = Math.max(0, millis);
    }

    public int busyTimeout() {
        return busyTimeoutMillis;
    }

    public boolean isAutocommit() {
        return autocommit;
    }

    public long lastInsertRowid() {
        return lastInsertRowid;
    }

    public long changes() {
        return changes;
    }

    public long totalChanges() {
        return totalChanges;
    }

    void clearInterrupt() {
        interrupted = false;
    }

    void register(Statement s) {
        open.add(s);
    }

    void unregister(Statement s) {
        open.remove(s);
    }

    private void checkOpen() {
        if (closed) {
            throw new TursoException(ErrorCode.MISUSE, "connection is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (Statement s : List.copyOf(open)) {
            s.close();
        }
        synchronized (db.lock()) {
            if (!autocommit && db.pager().inWriteTransaction()) {
                db.pager().rollback();
                db.markSchemaStale();
            }
            autocommit = true;
            savepoints.clear();
            db.release(this);
        }
        closed = true;
    }

    /** The connection as the VDBE sees it. */
    private final class Host implements VdbeHost {
        @Override
        public IO io() {
            return db.io();
        }

        @Override
        public Pager pager() {
            return db.pager();
        }

        @Override
        public BTree btree() {
            return db.btree();
        }

        @Override
        public FunctionRegistry functions() {
            return db.functions();
        }

        @Override
        public boolean autocommit() {
            return autocommit;
        }

        @Override
        public void setAutocommit(boolean on) {
            autocommit = on;
            if (on) {
                savepoints.clear();
            }
        }

        @Override
        public boolean acquireTransaction(boolean write) {
            return db.acquire(Connection.this);
        }

        @Override
        public void releaseTransaction() {
            db.release(Connection.this);
        }

        @Override
        public void schemaChanged() {
            db.markSchemaStale();
        }

        @Override
        public long lastInsertRowid() {
            return lastInsertRowid;
        }

        @Override
        public void setLastInsertRowid(long rowid) {
            lastInsertRowid = rowid;
        }

        @Override
        public void addChanges(long n) {
            changes = n;
            totalChanges += n;
        }

        @Override
        public long changes() {
            return changes;
        }

        @Override
        public long totalChanges() {
            return totalChanges;
        }

        @Override
        public int busyTimeoutMillis() {
            return busyTimeoutMillis;
        }

        @Override
        public void setBusyTimeoutMillis(int millis) {
            setBusyTimeout(millis);
        }

        @Override
        public boolean interrupted() {
            return interrupted;
        }

        @Override
        public Savepoints savepoints() {
            return savepoints;
        }
    }
}
