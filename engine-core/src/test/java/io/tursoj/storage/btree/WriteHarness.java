package io.tursoj.storage.btree;

import io.tursoj.io.IO;
import io.tursoj.storage.Pager;
import io.tursoj.storage.PagerOptions;
import io.tursoj.storage.format.DatabaseHeader;
import io.tursoj.storage.format.RecordBuilder;
import java.io.IOException;
import java.lang.foreign.MemorySegment;

/**
 * Builds databases through the b-tree API for the "TursoJ writes, sqlite3 reads" tests: a pager on a new file, a
 * write transaction, trees, and the sqlite_schema rows that make them visible to sqlite3.
 */
final class WriteHarness implements AutoCloseable {
    final IO io;
    final Pager pager;
    final BTree tree;
    private long schemaRowid;

    WriteHarness(IO io, String name, int pageSize, int cacheSize) throws IOException {
        this(io, name, PagerOptions.DEFAULTS.withPageSize(pageSize).withCacheSize(cacheSize));
    }

    WriteHarness(IO io, String name, PagerOptions options) throws IOException {
        this.io = io;
        this.pager = new Pager(io, name, options);
        io.block(pager::open);
        this.tree = new BTree(pager);
    }

    void begin() throws IOException {
        io.block(pager::beginWrite);
    }

    void commit() throws IOException {
        io.block(pager::commit);
    }

    /** Creates a tree and its sqlite_schema row; returns the root page. */
    int create(String type, String name, String table, String sql) throws IOException {
        int root = io.block(() -> tree.createTree(type.equals("table")));
        byte[] record = RecordBuilder.encode(type, name, table, (long) root, sql);
        try (BTreeCursor schema = tree.openTableCursor(1)) {
            long rowid = ++schemaRowid;
            io.block(() -> schema.insert(rowid, MemorySegment.ofArray(record), 0, record.length));
        }
        MemorySegment h = pager.header();
        pager.markDirty(pager.page1());
        DatabaseHeader.setSchemaCookie(h, DatabaseHeader.schemaCookie(h) + 1);
        return root;
    }

    void insert(BTreeCursor c, long rowid, byte[] record) throws IOException {
        io.block(() -> c.insert(rowid, MemorySegment.ofArray(record), 0, record.length));
    }

    void insertKey(BTreeCursor c, byte[] record) throws IOException {
        io.block(() -> c.insert(MemorySegment.ofArray(record), 0, record.length));
    }

    @Override
    public void close() throws IOException {
        pager.close();
    }
}
