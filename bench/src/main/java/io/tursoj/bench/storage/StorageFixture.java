package io.tursoj.bench.storage;

import io.tursoj.io.IO;
import io.tursoj.io.IOOptions;
import io.tursoj.io.IOProviders;
import io.tursoj.io.MemoryIO;
import io.tursoj.storage.Pager;
import io.tursoj.storage.PagerOptions;
import io.tursoj.storage.btree.BTree;
import io.tursoj.storage.btree.BTreeCursor;
import io.tursoj.storage.format.RecordBuilder;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A database for the storage benchmarks: one table tree on a chosen backend ({@code memory}, or any name
 * {@link IOProviders} knows, e.g. {@code uring}, {@code nio}), in WAL mode, in a temporary directory.
 */
final class StorageFixture implements AutoCloseable {
    final IO io;
    final Pager pager;
    final BTree tree;
    final int root;
    private final Path directory;

    StorageFixture(String backend, int pageSize, int cacheSize) throws IOException {
        this.io = backend.equals("memory")
                ? new MemoryIO()
                : IOProviders.named(backend).create(IOOptions.defaults());
        this.directory = backend.equals("memory") ? null : Files.createTempDirectory("tursoj-bench");
        String path =
                directory == null ? "bench.db" : directory.resolve("bench.db").toString();
        this.pager =
                new Pager(io, path, PagerOptions.DEFAULTS.withPageSize(pageSize).withCacheSize(cacheSize));
        io.block(pager::open);
        this.tree = new BTree(pager);
        io.block(pager::beginWrite);
        this.root = io.block(() -> tree.createTree(true));
        io.block(pager::commit);
    }

    /** A 100-byte-ish row for key {@code k}. */
    static byte[] row(long k) {
        return RecordBuilder.encode(k, "row-" + k, new byte[80]);
    }

    void insert(BTreeCursor c, long key, byte[] record) throws IOException {
        MemorySegment s = MemorySegment.ofArray(record);
        io.block(() -> c.insert(key, s, 0, record.length));
    }

    /** Fills the table with rows 1..n in one transaction per 50,000 rows. */
    void fill(long n) throws IOException {
        try (BTreeCursor c = tree.openTableCursor(root)) {
            for (long k = 1; k <= n; k++) {
                if ((k - 1) % 50_000 == 0) {
                    io.block(pager::beginWrite);
                }
                insert(c, k, row(k));
                if (k % 50_000 == 0 || k == n) {
                    io.block(pager::commit);
                }
            }
        }
    }

    @Override
    public void close() throws IOException {
        pager.close();
        io.close();
        if (directory != null) {
            try (var files = Files.list(directory)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(directory);
        }
    }
}
