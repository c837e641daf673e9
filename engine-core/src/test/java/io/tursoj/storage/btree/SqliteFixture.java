package io.tursoj.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tursoj.io.IO;
import io.tursoj.storage.Pager;
import io.tursoj.storage.PagerOptions;
import io.tursoj.storage.format.RecordReader;
import io.tursoj.storage.testing.Canon;
import io.tursoj.storage.testing.Sqlite3;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Helpers shared by the differential b-tree tests: open a file with TursoJ, scan trees, ask sqlite3. */
final class SqliteFixture {
    /** Set {@code -Dtursoj.storage.large=true} for the full-size runs. */
    static final boolean LARGE = Boolean.getBoolean("tursoj.storage.large");

    private SqliteFixture() {}

    static Pager openPager(IO io, String name, int cacheSize) throws IOException {
        Pager pager = new Pager(io, name, PagerOptions.DEFAULTS.withCacheSize(cacheSize));
        io.block(pager::open);
        return pager;
    }

    /** Every entry of a table tree in rowid order, as {@code rowid|canon(columns)}. */
    static List<String> scanTable(IO io, BTree tree, int root, boolean backwards) throws IOException {
        List<String> out = new ArrayList<>();
        try (BTreeCursor c = tree.openTableCursor(root)) {
            boolean more = io.block(backwards ? c::last : c::first);
            while (more) {
                RecordReader r = io.block(c::record);
                out.add(c.rowid() + "|" + Canon.of(r));
                more = io.block(backwards ? c::prev : c::next);
            }
        }
        if (backwards) {
            Collections.reverse(out);
        }
        return out;
    }

    /** Every entry of an index tree in index order, canonically. */
    static List<String> scanIndex(IO io, BTree tree, int root, KeyInfo info, boolean backwards) throws IOException {
        List<String> out = new ArrayList<>();
        try (BTreeCursor c = tree.openIndexCursor(root, info)) {
            boolean more = io.block(backwards ? c::last : c::first);
            while (more) {
                out.add(Canon.of(io.block(c::record)));
                more = io.block(backwards ? c::prev : c::next);
            }
        }
        if (backwards) {
            Collections.reverse(out);
        }
        return out;
    }

    /** sqlite3's rows of {@code SELECT rowid, canon(cols) FROM table ORDER BY rowid}. */
    static List<String> sqliteTable(Path db, String table, String... columns) throws IOException {
        return Sqlite3.lines(
                db, "SELECT rowid || '|' || " + Canon.sql(columns) + " FROM " + table + " ORDER BY rowid;");
    }

    /** sqlite3's index entries: the canonical columns in the given ORDER BY. */
    static List<String> sqliteIndex(Path db, String from, String orderBy, String... columns) throws IOException {
        return Sqlite3.lines(db, "SELECT " + Canon.sql(columns) + " FROM " + from + " ORDER BY " + orderBy + ";");
    }

    static void assertSameRows(List<String> want, List<String> got, String what) {
        assertEquals(want.size(), got.size(), what + ": row count");
        for (int i = 0; i < want.size(); i++) {
            assertEquals(want.get(i), got.get(i), what + ": row " + i);
        }
    }
}
