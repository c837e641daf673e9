package io.tursoj.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.api.Connection;
import io.tursoj.api.Database;
import io.tursoj.api.DatabaseOptions;
import io.tursoj.api.Statement;
import io.tursoj.io.MemoryIO;
import io.tursoj.storage.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** PRAGMAs against real SQLite (sqlite-jdbc): same column names, same rows, on the same schema. */
class PragmaTest {
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL DEFAULT 'x', c REAL DEFAULT (1+2), d)",
            "CREATE TABLE u(x, y, z, PRIMARY KEY(y, x), UNIQUE(z))",
            "CREATE INDEX ti ON t(b DESC, c)",
            "CREATE UNIQUE INDEX tu ON t(d COLLATE NOCASE)",
            "CREATE TABLE f(a REFERENCES t(a) ON DELETE CASCADE, b, c,"
                    + " FOREIGN KEY(b, c) REFERENCES u(x, y) ON UPDATE SET NULL)",
            "INSERT INTO t(b, c, d) VALUES ('p', 1.5, 3), ('q', 2.5, 4)");

    private static final List<String> SAME_AS_SQLITE = List.of(
            "PRAGMA table_info(t)",
            "PRAGMA table_info('u')",
            "PRAGMA table_info(f)",
            "PRAGMA table_info(nosuch)",
            "PRAGMA table_xinfo(t)",
            "PRAGMA index_list(t)",
            "PRAGMA index_list(u)",
            "PRAGMA index_info(ti)",
            "PRAGMA index_info(sqlite_autoindex_u_1)",
            "PRAGMA index_xinfo(ti)",
            "PRAGMA index_xinfo(tu)",
            "PRAGMA index_xinfo(sqlite_autoindex_u_1)",
            "PRAGMA foreign_key_list(f)",
            "PRAGMA foreign_key_list(t)",
            "PRAGMA table_list",
            "PRAGMA table_list(t)",
            "PRAGMA database_list",
            "PRAGMA page_size",
            "PRAGMA page_count",
            "PRAGMA freelist_count",
            "PRAGMA user_version",
            "PRAGMA application_id",
            "PRAGMA integrity_check",
            "PRAGMA quick_check",
            "PRAGMA journal_mode",
            "PRAGMA wal_checkpoint",
            "PRAGMA no_such_pragma");

    @Test
    void shouldAnswerLikeSqliteOnAnInMemoryDatabase() throws SQLException {
        try (Database db = Database.open(":memory:");
                Connection conn = db.connect();
                java.sql.Connection lite = DriverManager.getConnection("jdbc:sqlite::memory:")) {
            for (String sql : SCHEMA) {
                conn.exec(sql);
                lite.createStatement().execute(sql);
            }
            for (String pragma : SAME_AS_SQLITE) {
                assertEquals(sqlite(lite, pragma), turso(conn, pragma), pragma);
            }
        }
    }

    @Test
    void shouldReportTableAndIndexDisagreementsAsSqliteDoes(@TempDir Path dir) throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(io.tursoj.storage.testing.Sqlite3.available());
        Path file = dir.resolve("ix.db");
        // sqlite3 builds index i on a, then the stored SQL is rewritten to claim it indexes b: its entries no longer
        // match the rows, which only the table-versus-index comparison can see (the b-trees themselves are sound).
        io.tursoj.storage.testing.Sqlite3.run(
                file,
                "PRAGMA journal_mode=DELETE; CREATE TABLE t(a, b, c INTEGER PRIMARY KEY);"
                        + " CREATE INDEX i ON t(a); CREATE INDEX j ON t(c, b);"
                        + " INSERT INTO t VALUES (1, 10, 5), (2, 2, 6), (3, 30, 7);"
                        + " PRAGMA writable_schema=ON;"
                        + " UPDATE sqlite_schema SET sql = 'CREATE INDEX i ON t(b)' WHERE name = 'i';");
        List<String> expected = io.tursoj.storage.testing.Sqlite3.lines(file, "PRAGMA integrity_check;");
        assertEquals(List.of("row 1 missing from index i", "row 3 missing from index i"), expected);
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "ix.db", file);
        try (Database db = Database.open("ix.db", DatabaseOptions.DEFAULTS.withIO(io));
                Connection conn = db.connect()) {
            List<String> mine = new ArrayList<>();
            for (var row : conn.prepare("PRAGMA integrity_check").all()) {
                mine.add(String.valueOf(row.get(0)));
            }
            assertEquals(expected, mine);
            List<String> quick = new ArrayList<>();
            for (var row : conn.prepare("PRAGMA quick_check").all()) {
                quick.add(String.valueOf(row.get(0)));
            }
            assertEquals(List.of("ok"), quick, "quick_check does not compare tables with their indexes");
        }
    }

    @Test
    void shouldSetAndReadHeaderFieldsThatPersist(@TempDir Path dir) throws SQLException, IOException {
        MemoryIO io = new MemoryIO();
        try (Database db = Database.open("p.db", DatabaseOptions.DEFAULTS.withIO(io));
                Connection conn = db.connect()) {
            conn.exec("CREATE TABLE t(x)");
            conn.exec("PRAGMA user_version = 42");
            conn.exec("PRAGMA application_id(-7)");
            assertEquals(List.of("user_version", "42"), turso(conn, "PRAGMA user_version"));
            assertEquals(List.of("application_id", "-7"), turso(conn, "PRAGMA application_id"));
            conn.exec("PRAGMA cache_size = -4000");
            assertEquals(List.of("cache_size", "-4000"), turso(conn, "PRAGMA cache_size"));
            assertEquals(List.of("journal_mode", "wal"), turso(conn, "PRAGMA journal_mode"));
            List<String> checkpoint = turso(conn, "PRAGMA wal_checkpoint(TRUNCATE)");
            assertEquals(List.of("busy|log|checkpointed", "0|0|0"), checkpoint);
        }
        Path file = dir.resolve("p.db");
        TestFiles.save(io, "p.db", file);
        assertTrue(Files.exists(file));
        try (java.sql.Connection lite = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            assertEquals(List.of("user_version", "42"), sqlite(lite, "PRAGMA user_version"));
            assertEquals(List.of("application_id", "-7"), sqlite(lite, "PRAGMA application_id"));
            assertEquals(List.of("integrity_check", "ok"), sqlite(lite, "PRAGMA integrity_check"));
        }
    }

    @Test
    void shouldReportTheSchemaVersionThatDdlBumps() {
        try (Database db = Database.open(":memory:");
                Connection conn = db.connect()) {
            conn.exec("CREATE TABLE a(x)");
            String before = turso(conn, "PRAGMA schema_version").get(1);
            conn.exec("CREATE TABLE b(x)");
            String after = turso(conn, "PRAGMA schema_version").get(1);
            assertEquals(Long.parseLong(before) + 1, Long.parseLong(after));
        }
    }

    @Test
    void shouldListFunctionsWithTheirArgumentCounts() {
        try (Database db = Database.open(":memory:");
                Connection conn = db.connect()) {
            List<String> rows = turso(conn, "PRAGMA function_list");
            assertEquals("name|builtin|type|enc|narg|flags", rows.getFirst());
            assertTrue(rows.stream().anyMatch(r -> r.startsWith("substr|1|s|utf8|3|")), rows.toString());
            assertTrue(rows.stream().anyMatch(r -> r.startsWith("count|1|w|utf8|0|")), rows.toString());
        }
    }

    /** Header line of column names, then one line per row, values joined by '|' as sqlite3 prints them. */
    private static List<String> turso(Connection conn, String sql) {
        List<String> out = new ArrayList<>();
        try (Statement s = conn.prepare(sql)) {
            out.add(String.join("|", s.columnNames()));
            while (s.stepBlocking()) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < s.columnCount(); i++) {
                    b.append(i > 0 ? "|" : "").append(s.isNull(i) ? "" : s.getText(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    private static List<String> sqlite(java.sql.Connection lite, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (java.sql.Statement s = lite.createStatement()) {
            if (!s.execute(sql)) {
                out.add("");
                return out;
            }
            try (ResultSet rs = s.getResultSet()) {
                int n = rs.getMetaData().getColumnCount();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    names.add(rs.getMetaData().getColumnName(i));
                }
                out.add(String.join("|", names));
                while (rs.next()) {
                    StringBuilder b = new StringBuilder();
                    for (int i = 1; i <= n; i++) {
                        String v = rs.getString(i);
                        b.append(i > 1 ? "|" : "").append(v == null ? "" : v);
                    }
                    out.add(b.toString());
                }
            }
        }
        return out;
    }
}
