package io.tursoj.api;

import io.tursoj.function.FunctionRegistry;
import io.tursoj.io.IO;
import io.tursoj.io.IOOptions;
import io.tursoj.io.IOProviders;
import io.tursoj.io.MemoryIO;
import io.tursoj.schema.Schema;
import io.tursoj.schema.SchemaLoader;
import io.tursoj.storage.CorruptDatabaseException;
import io.tursoj.storage.JournalMode;
import io.tursoj.storage.NotADatabaseException;
import io.tursoj.storage.Pager;
import io.tursoj.storage.PagerOptions;
import io.tursoj.storage.btree.BTree;
import io.tursoj.storage.btree.BTreeCursor;
import io.tursoj.storage.format.DatabaseHeader;
import io.tursoj.storage.format.RecordReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An open database: the I/O backend, the pager and b-trees over the file, the schema and the functions. Thread-safe:
 * any number of {@link Connection}s may be made, each used by one thread at a time; their statements take turns on
 * the shared pager (a monitor held for each step), and one connection at a time owns the transaction.
 */
public final class Database implements AutoCloseable {
    private final IO io;
    private final boolean ownsIO;
    private final String ioReason;
    private final Pager pager;
    private final BTree btree;
    private final FunctionRegistry functions = FunctionRegistry.withBuiltins();
    private final Object lock = new Object();
    private Schema schema;
    private boolean schemaStale = true;
    private Connection transactionOwner;
    private int ownerDepth;
    private Connection defaultConnection;
    private boolean closed;

    private Database(IO io, boolean ownsIO, String ioReason, Pager pager) {
        this.io = io;
        this.ownsIO = ownsIO;
        this.ioReason = ioReason;
        this.pager = pager;
        this.btree = new BTree(pager);
    }

    /** Opens (or creates) the database at {@code pathOrMemory}; {@code ":memory:"} is a private in-memory one. */
    public static Database open(String pathOrMemory) {
        return open(pathOrMemory, DatabaseOptions.DEFAULTS);
    }

    public static Database open(String path, DatabaseOptions options) {
        IO io = options.io();
        boolean owns = false;
        String reason;
        JournalMode mode = options.journalMode();
        if (io != null) {
            reason = "given by the caller (" + io.name() + ")";
        } else if (path.equals(":memory:")) {
            io = new MemoryIO();
            owns = true;
            reason = "in-memory database";
            mode = JournalMode.OFF;
        } else {
            IOProviders.Selection selection = IOProviders.select(options.ioBackend());
            io = selection.create(IOOptions.defaults());
            owns = true;
            reason = selection.provider().name() + ": " + selection.reason();
        }
        try {
            PagerOptions po =
                    PagerOptions.DEFAULTS.withPageSize(options.pageSizeBytes()).withJournalMode(mode);
            Pager pager = new Pager(io, path, po);
            io.block(pager::open);
            return new Database(io, owns, reason, pager);
        } catch (NotADatabaseException e) {
            throw new TursoException(ErrorCode.NOTADB, "file is not a database", e);
        } catch (CorruptDatabaseException e) {
            throw new TursoException(ErrorCode.CORRUPT, "database disk image is malformed", e);
        } catch (IOException e) {
            throw new TursoException(ErrorCode.CANTOPEN, "unable to open database file: " + e.getMessage(), e);
        }
    }

    /** The name of the I/O backend in use. */
    public String ioBackend() {
        return io.name();
    }

    /** Why that backend was chosen (including why better ones were passed over). */
    public String ioReason() {
        return ioReason;
    }

    public Connection connect() {
        synchronized (lock) {
            checkOpen();
            return new Connection(this);
        }
    }

    /** Prepares {@code sql} on the database's default connection (the JavaScript API's {@code db.prepare}). */
    public Statement prepare(String sql) {
        return defaultConnection().prepare(sql);
    }

    /** Runs every statement of {@code sql} on the default connection. */
    public void exec(String sql) {
        defaultConnection().exec(sql);
    }

    private Connection defaultConnection() {
        synchronized (lock) {
            if (defaultConnection == null) {
                defaultConnection = connect();
            }
            return defaultConnection;
        }
    }

    IO io() {
        return io;
    }

    Pager pager() {
        return pager;
    }

    BTree btree() {
        return btree;
    }

    FunctionRegistry functions() {
        return functions;
    }

    Object lock() {
        return lock;
    }

    void markSchemaStale() {
        schemaStale = true;
    }

    /** Claims the transaction for {@code c}; false while another connection owns one. Called under the lock. */
    boolean acquire(Connection c) {
        if (transactionOwner != null && transactionOwner != c) {
            return false;
        }
        transactionOwner = c;
        ownerDepth++;
        return true;
    }

    void release(Connection c) {
        if (transactionOwner == c && !pager.inWriteTransaction()) {
            transactionOwner = null;
            ownerDepth = 0;
        }
    }

    /** The current schema, re-read from sqlite_schema when a change made it stale. Called under the lock. */
    Schema schema() {
        if (schemaStale) {
            try {
                schema = loadSchema();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            schemaStale = false;
        }
        return schema;
    }

    private Schema loadSchema() throws IOException {
        boolean inTransaction = pager.inReadTransaction() || pager.inWriteTransaction();
        if (!inTransaction) {
            pager.beginRead();
        }
        try {
            if (pager.databaseSizePages() == 0) {
                return Schema.empty();
            }
            int cookie;
            if (pager.inWriteTransaction()) {
                cookie = (int) DatabaseHeader.schemaCookie(pager.header());
            } else {
                var page = io.block(() -> pager.readPage(1));
                cookie = (int) DatabaseHeader.schemaCookie(page.buffer());
                pager.unpin(page);
            }
            List<SchemaLoader.Row> rows = new ArrayList<>();
            try (BTreeCursor c = btree.openTableCursor(1)) {
                boolean more = io.block(c::first);
                while (more) {
                    RecordReader r = io.block(c::record);
                    rows.add(new SchemaLoader.Row(
                            c.rowid(),
                            text(r, 0),
                            text(r, 1),
                            text(r, 2),
                            r.isNull(3) ? 0 : (int) r.longValue(3),
                            text(r, 4)));
                    more = io.block(c::next);
                }
            }
            return SchemaLoader.load(rows, cookie);
        } finally {
            if (!inTransaction) {
                pager.endRead();
            }
        }
    }

    private static String text(RecordReader r, int i) {
        return i >= r.columnCount() || r.isNull(i) ? null : r.textValue(i);
    }

    private void checkOpen() {
        if (closed) {
            throw new TursoException(ErrorCode.MISUSE, "database is closed");
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (pager.inWriteTransaction()) {
                    pager.rollback();
                }
                pager.close();
                if (ownsIO && io instanceof AutoCloseable ac) {
                    ac.close();
                }
            } catch (Exception e) {
                throw new TursoException(ErrorCode.IOERR, "disk I/O error: " + e.getMessage(), e);
            }
        }
    }
}
