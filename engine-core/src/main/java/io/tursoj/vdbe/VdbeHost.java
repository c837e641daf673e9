package io.tursoj.vdbe;

import io.tursoj.function.FunctionRegistry;
import io.tursoj.io.IO;
import io.tursoj.storage.Pager;
import io.tursoj.storage.btree.BTree;

/**
 * What a running program needs from its connection: the storage, the functions, the transaction state, and the
 * counters that {@code changes()} and {@code last_insert_rowid()} report.
 */
public interface VdbeHost {
    IO io();

    Pager pager();

    BTree btree();

    FunctionRegistry functions();

    boolean autocommit();

    void setAutocommit(boolean on);

    /** Claims the database's transaction for this connection; false if another connection holds it. */
    boolean acquireTransaction(boolean write);

    /** Releases the claim once the transaction ended. */
    void releaseTransaction();

    /** The schema changed (or a change was rolled back): reload it before the next compile. */
    void schemaChanged();

    long lastInsertRowid();

    void setLastInsertRowid(long rowid);

    void addChanges(long n);

    long changes();

    long totalChanges();

    boolean interrupted();

    /** {@code PRAGMA busy_timeout}: how long a blocked statement retries before it reports SQLITE_BUSY. */
    default int busyTimeoutMillis() {
        return 0;
    }

    default void setBusyTimeoutMillis(int millis) {}

    /** The connection's SQL savepoints. */
    Savepoints savepoints();
}
