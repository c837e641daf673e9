package io.tursoj.storage.btree;

import static io.tursoj.storage.btree.SqliteFixture.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.io.IO;
import io.tursoj.io.MemoryIO;
import io.tursoj.io.RandomSource;
import io.tursoj.storage.Pager;
import io.tursoj.storage.testing.Canon;
import io.tursoj.storage.testing.DeferredIO;
import io.tursoj.storage.testing.Schema;
import io.tursoj.storage.testing.Sqlite3;
import io.tursoj.storage.testing.TestFiles;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** sqlite3 writes, TursoJ reads: every row and index key of files the real SQLite built, on every page size. */
class BTreeReadTest {
    @TempDir
    Path dir;

    static final Collation NOCASE = (a, ao, al, b, bo, bl) -> {
        int n = Math.min(al, bl);
        for (int i = 0; i < n; i++) {
            int x = a.get(java.lang.foreign.ValueLayout.JAVA_BYTE, ao + i) & 0xff;
            int y = b.get(java.lang.foreign.ValueLayout.JAVA_BYTE, bo + i) & 0xff;
            if (x >= 'A' && x <= 'Z') {
                x += 32;
            }
            if (y >= 'A' && y <= 'Z') {
                y += 32;
            }
            if (x != y) {
                return x - y;
            }
        }
        return al - bl;
    };

    private static String populate(int pageSize, int rows) {
        return "PRAGMA page_size=" + pageSize + ";"
                + "CREATE TABLE t(a INTEGER, b TEXT, c BLOB, d);"
                + "CREATE INDEX t_b ON t(b);"
                + "CREATE INDEX t_ad ON t(a DESC, d);"
                + "CREATE INDEX t_c ON t(c);"
                + "CREATE INDEX t_bnc ON t(b COLLATE NOCASE);"
                + "CREATE TABLE w(k TEXT PRIMARY KEY, v) WITHOUT ROWID;"
                + "INSERT INTO t(rowid, a, b, c, d) SELECT value * 3 - 1000,"
                + " CASE WHEN value % 17 = 0 THEN NULL ELSE (value * 7919) % 1000 - 500 END,"
                + " CASE WHEN value % 50 = 0 THEN printf('%d', value) || printf('%.*c', " + pageSize
                + " * (2 + value % 3) + value % 97, 'y')"
                + "      WHEN value % 23 = 0 THEN NULL"
                + "      ELSE CASE value % 3 WHEN 0 THEN 'Alpha' WHEN 1 THEN 'alpha' ELSE 'BETA' END"
                + "           || printf('%04d', (value * 31) % 1000) END,"
                + " CASE WHEN value % 30 = 0 THEN randomblob(" + pageSize + " * 3 + value % 101)"
                + "      ELSE randomblob(value % 40) END,"
                + " CASE value % 4 WHEN 0 THEN value * 0.5 WHEN 1 THEN value WHEN 2 THEN 'd' || value END"
                + " FROM generate_series(1, " + rows + ");"
                + "INSERT INTO w SELECT 'k' || printf('%06d', value * 7 % " + rows + "), randomblob(value % 300)"
                + " FROM generate_series(1, " + rows + ");";
    }

    private Path build(int pageSize, int rows) throws IOException {
        assumeTrue(Sqlite3.available());
        Path db = dir.resolve("t" + pageSize + ".db");
        Sqlite3.run(db, populate(pageSize, rows));
        return db;
    }

    private void compareEverything(IO io, BTree tree, Path db) throws IOException {
        Map<String, Integer> roots = Schema.roots(io, tree);
        List<String> want = SqliteFixture.sqliteTable(db, "t", "a", "b", "c", "d");
        assertSameRows(want, SqliteFixture.scanTable(io, tree, roots.get("t"), false), "t forward");
        assertSameRows(want, SqliteFixture.scanTable(io, tree, roots.get("t"), true), "t backward");
        assertSameRows(
                SqliteFixture.sqliteIndex(db, "t INDEXED BY t_b", "b, rowid", "b", "rowid"),
                SqliteFixture.scanIndex(io, tree, roots.get("t_b"), KeyInfo.binary(2), false),
                "t_b");
        KeyInfo ad = new KeyInfo(
                new Collation[] {Collation.BINARY, Collation.BINARY, Collation.BINARY},
                new boolean[] {true, false, false});
        assertSameRows(
                SqliteFixture.sqliteIndex(db, "t INDEXED BY t_ad", "a DESC, d, rowid", "a", "d", "rowid"),
                SqliteFixture.scanIndex(io, tree, roots.get("t_ad"), ad, true),
                "t_ad backward");
        assertSameRows(
                SqliteFixture.sqliteIndex(db, "t INDEXED BY t_c", "c, rowid", "c", "rowid"),
                SqliteFixture.scanIndex(io, tree, roots.get("t_c"), KeyInfo.binary(2), false),
                "t_c (overflowing keys)");
        KeyInfo nc = new KeyInfo(new Collation[] {NOCASE, Collation.BINARY}, new boolean[2]);
        assertSameRows(
                SqliteFixture.sqliteIndex(db, "t INDEXED BY t_bnc", "b COLLATE NOCASE, rowid", "b", "rowid"),
                SqliteFixture.scanIndex(io, tree, roots.get("t_bnc"), nc, false),
                "t_bnc");
        assertSameRows(
                SqliteFixture.sqliteIndex(db, "w", "k", "k", "v"),
                SqliteFixture.scanIndex(io, tree, roots.get("w"), KeyInfo.binary(1), false),
                "w (WITHOUT ROWID)");
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 2048, 4096, 8192, 16384, 32768, 65536})
    void shouldReadEveryRowAndKeyOnEveryPageSize(int pageSize) throws IOException {
        int rows = SqliteFixture.LARGE ? 200_000 : 1500;
        Path db = build(pageSize, rows);
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "t.db", db);
        try (Pager pager = SqliteFixture.openPager(io, "t.db", 100)) {
            compareEverything(io, new BTree(pager), db);
        }
        Sqlite3.run(db, "DELETE FROM t WHERE rowid % 2 = 0 OR b > 'BETA0500';");
        assertTrue(Long.parseLong(Sqlite3.run(db, "PRAGMA freelist_count;").strip()) > 0, "mass delete freed pages");
        TestFiles.load(io, "t.db", db);
        try (Pager pager = SqliteFixture.openPager(io, "t.db", 100)) {
            compareEverything(io, new BTree(pager), db);
        }
    }

    @Test
    void shouldResumeEveryMoveUnderDeferredIoWithATinyCache() throws IOException {
        Path db = build(1024, 800);
        MemoryIO memory = new MemoryIO();
        TestFiles.load(memory, "t.db", db);
        DeferredIO io = new DeferredIO(memory, 99);
        try (Pager pager = SqliteFixture.openPager(io, "t.db", 3)) {
            compareEverything(io, new BTree(pager), db);
            assertTrue(
                    pager.cache().evictions() > 500,
                    "evictions: " + pager.cache().evictions());
            assertTrue(io.readOperations() > 500, "every miss went through a deferred read");
        }
    }

    /** The full-size case: run with {@code -Dtursoj.storage.large=true}. */
    @Test
    void shouldReadAMillionRowsAndTenMegabyteValues() throws IOException {
        assumeTrue(SqliteFixture.LARGE, "large storage tests run with -Dtursoj.storage.large=true");
        assumeTrue(Sqlite3.available());
        Path db = dir.resolve("big.db");
        Sqlite3.run(
                db,
                "CREATE TABLE big(a INTEGER, b TEXT); CREATE INDEX big_b ON big(b);"
                        + "INSERT INTO big SELECT value * 13 % 1000003, printf('v%07d', value * 7 % 1000000)"
                        + " FROM generate_series(1, 1000000);"
                        + "CREATE TABLE huge(x); INSERT INTO huge VALUES (randomblob(10 * 1024 * 1024)),"
                        + " (printf('%.*c', 10 * 1024 * 1024, 'q')), (zeroblob(9 * 1024 * 1024 + 17));"
                        + "DELETE FROM big WHERE rowid % 5 = 0;");
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "big.db", db);
        try (Pager pager = SqliteFixture.openPager(io, "big.db", -8000)) {
            BTree tree = new BTree(pager);
            Map<String, Integer> roots = Schema.roots(io, tree);
            assertSameRows(
                    SqliteFixture.sqliteTable(db, "big", "a", "b"),
                    SqliteFixture.scanTable(io, tree, roots.get("big"), false),
                    "big");
            assertSameRows(
                    SqliteFixture.sqliteIndex(db, "big INDEXED BY big_b", "b, rowid", "b", "rowid"),
                    SqliteFixture.scanIndex(io, tree, roots.get("big_b"), KeyInfo.binary(2), false),
                    "big_b");
            assertSameRows(
                    SqliteFixture.sqliteTable(db, "huge", "x"),
                    SqliteFixture.scanTable(io, tree, roots.get("huge"), false),
                    "huge");
        }
    }

    @Test
    void shouldSeekRowidsWithEveryOperator() throws IOException {
        Path db = build(512, 3000);
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "t.db", db);
        Sqlite3.run(db, "DELETE FROM t WHERE rowid % 7 = 1;");
        TestFiles.load(io, "t.db", db);
        List<Long> rowids = new ArrayList<>();
        for (String s : Sqlite3.lines(db, "SELECT rowid FROM t ORDER BY rowid;")) {
            rowids.add(Long.parseLong(s));
        }
        try (Pager pager = SqliteFixture.openPager(io, "t.db", 50)) {
            BTree tree = new BTree(pager);
            int root = Schema.roots(io, tree).get("t");
            RandomSource random = RandomSource.seeded(5);
            try (BTreeCursor c = tree.openTableCursor(root)) {
                for (int i = 0; i < 2000; i++) {
                    long key = i < 10
                            ? new long[] {-5000, -998, -997, -996, 0, 1, 8000, 8003, 9000, 8002}[i]
                            : random.nextInt(10_000) - 1000;
                    for (SeekOp op : SeekOp.values()) {
                        Long want = expected(rowids, key, op);
                        boolean found = io.block(() -> c.seek(key, op));
                        assertEquals(want != null, found, op + " " + key);
                        if (found) {
                            assertEquals(want, c.rowid(), op + " " + key);
                        }
                    }
                }
            }
        }
    }

    private static Long expected(List<Long> sorted, long key, SeekOp op) {
        Long best = null;
        for (long r : sorted) {
            switch (op) {
                case EQ -> {
                    if (r == key) {
                        return r;
                    }
                }
                case GE -> {
                    if (r >= key) {
                        return r;
                    }
                }
                case GT -> {
                    if (r > key) {
                        return r;
                    }
                }
                case LE -> {
                    if (r <= key) {
                        best = r;
                    }
                }
                case LT -> {
                    if (r < key) {
                        best = r;
                    }
                }
            }
        }
        return best;
    }

    @Test
    void shouldSeekIndexKeysLikeSqliteWithPrefixesAndCollations() throws IOException {
        Path db = build(1024, 2000);
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "t.db", db);
        String[] keys = {
            "",
            "A",
            "Alpha",
            "Alpha0100",
            "alpha0500",
            "ALPHA0500",
            "BETA",
            "BETA0999",
            "Beta",
            "a",
            "b",
            "z",
            "1000",
            "5",
            "Alpha0031",
            "beta0155",
            "alpha0"
        };
        StringBuilder sql = new StringBuilder();
        String[][] plans = {
            {"EQ", "b = K", "b, rowid"},
            {"GE", "b >= K", "b, rowid"},
            {"GT", "b > K", "b, rowid"},
            {"LE", "(b <= K OR b IS NULL)", "b DESC, rowid DESC"},
            {"LT", "(b < K OR b IS NULL)", "b DESC, rowid DESC"}
        };
        for (String index : new String[] {"t_b", "t_bnc"}) {
            String coll = index.equals("t_bnc") ? " COLLATE NOCASE" : "";
            for (String k : keys) {
                for (String[] p : plans) {
                    String where = p[1].replace("K", "'" + k + "'" + coll);
                    String order = p[2].replace("b", "b" + coll).replace("rowid" + coll, "rowid");
                    sql.append("SELECT coalesce((SELECT ")
                            .append(Canon.sql("b", "rowid"))
                            .append(" FROM t INDEXED BY ")
                            .append(index)
                            .append(" WHERE ")
                            .append(where)
                            .append(" ORDER BY ")
                            .append(order)
                            .append(" LIMIT 1), '-');");
                }
            }
        }
        List<String> want = Sqlite3.lines(db, sql.toString());
        int line = 0;
        try (Pager pager = SqliteFixture.openPager(io, "t.db", 50)) {
            BTree tree = new BTree(pager);
            Map<String, Integer> roots = Schema.roots(io, tree);
            for (String index : new String[] {"t_b", "t_bnc"}) {
                KeyInfo info = index.equals("t_b")
                        ? KeyInfo.binary(2)
                        : new KeyInfo(new Collation[] {NOCASE, Collation.BINARY}, new boolean[2]);
                try (BTreeCursor c = tree.openIndexCursor(roots.get(index), info)) {
                    for (String k : keys) {
                        for (String[] p : plans) {
                            SeekOp op = SeekOp.valueOf(p[0]);
                            SearchKey key = SearchKey.of(k);
                            boolean found = io.block(() -> c.seek(key, op));
                            String got = found ? Canon.of(io.block(c::record)) : "-";
                            assertEquals(want.get(line++), got, index + " " + op + " '" + k + "'");
                        }
                    }
                }
            }
        }
    }

    @Test
    void shouldSeekCompositeDescendingKeysByPrefixAndFullKey() throws IOException {
        Path db = build(512, 2500);
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "t.db", db);
        List<String> entries =
                SqliteFixture.sqliteIndex(db, "t INDEXED BY t_ad", "a DESC, d, rowid", "a", "d", "rowid");
        try (Pager pager = SqliteFixture.openPager(io, "t.db", 50)) {
            BTree tree = new BTree(pager);
            int root = Schema.roots(io, tree).get("t_ad");
            KeyInfo ad = new KeyInfo(
                    new Collation[] {Collation.BINARY, Collation.BINARY, Collation.BINARY},
                    new boolean[] {true, false, false});
            RandomSource random = RandomSource.seeded(17);
            try (BTreeCursor c = tree.openIndexCursor(root, ad)) {
                for (int i = 0; i < 400; i++) {
                    int pick = random.nextInt(entries.size());
                    String[] fields = entries.get(pick).split(",");
                    int prefix = 1 + random.nextInt(3);
                    SearchKey key = new SearchKey();
                    for (int f = 0; f < prefix; f++) {
                        addCanon(key, fields[f]);
                    }
                    int first = pick;
                    int last = pick;
                    while (first > 0 && samePrefix(entries.get(first - 1), fields, prefix)) {
                        first--;
                    }
                    while (last + 1 < entries.size() && samePrefix(entries.get(last + 1), fields, prefix)) {
                        last++;
                    }
                    check(io, c, key, SeekOp.EQ, entries, first);
                    check(io, c, key, SeekOp.GE, entries, first);
                    check(io, c, key, SeekOp.LE, entries, last);
                    check(io, c, key, SeekOp.GT, entries, last + 1);
                    check(io, c, key, SeekOp.LT, entries, first - 1);
                }
            }
        }
    }

    private static boolean samePrefix(String entry, String[] fields, int prefix) {
        String[] f = entry.split(",");
        for (int i = 0; i < prefix; i++) {
            if (!f[i].equals(fields[i])) {
                return false;
            }
        }
        return true;
    }

    private static void check(IO io, BTreeCursor c, SearchKey key, SeekOp op, List<String> entries, int at)
            throws IOException {
        boolean found = io.block(() -> c.seek(key, op));
        if (at < 0 || at >= entries.size()) {
            assertFalse(found, op.toString());
            return;
        }
        assertTrue(found, op + " expected " + entries.get(at));
        assertEquals(entries.get(at), Canon.of(io.block(c::record)), op.toString());
    }

    private static void addCanon(SearchKey key, String canon) {
        char t = canon.charAt(0);
        String body = canon.substring(1);
        switch (t) {
            case 'N' -> key.addNull();
            case 'I' -> key.addLong(Long.parseLong(body));
            case 'R' -> key.addDouble(Double.longBitsToDouble(Long.parseUnsignedLong(body, 16)));
            case 'T' -> {
                byte[] b = java.util.HexFormat.of().parseHex(body);
                key.addText(MemorySegment.ofArray(b), 0, b.length);
            }
            default -> key.addBlob(java.util.HexFormat.of().parseHex(body));
        }
    }
}
