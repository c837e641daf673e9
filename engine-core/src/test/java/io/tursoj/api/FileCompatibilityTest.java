package io.tursoj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.io.MemoryIO;
import io.tursoj.storage.testing.Sqlite3;
import io.tursoj.storage.testing.TestFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written through SQL pass sqlite3's {@code PRAGMA integrity_check} and read back the same rows in sqlite3;
 * files sqlite3 writes read back the same rows in TursoJ.
 */
class FileCompatibilityTest {
    @TempDir
    Path dir;

    private static final String QUERY = "SELECT id, name, score, typeof(score), length(note) FROM t ORDER BY id;";

    @Test
    void shouldReadAnEmptySchemaFromADatabaseWithNoPages() {
        MemoryIO io = new MemoryIO();
        for (String path : List.of(":memory:", "new.db")) {
            try (Database db = Database.open(path, DatabaseOptions.DEFAULTS.withIO(io))) {
                Connection c = db.connect();
                assertEquals(List.of(), c.prepare("SELECT * FROM sqlite_schema").all());
                assertEquals(
                        0L,
                        c.prepare("SELECT count(*) FROM sqlite_master").get().get(0));
                c.exec("CREATE TABLE t(a)");
                assertEquals(
                        1L,
                        c.prepare("SELECT count(*) FROM sqlite_schema").get().get(0));
            }
        }
    }

    @Test
    void shouldWriteFilesSqliteAcceptsAndReadsIdentically() throws Exception {
        assumeTrue(Sqlite3.available());
        MemoryIO io = new MemoryIO();
        List<String> mine;
        try (Database db = Database.open("w.db", DatabaseOptions.DEFAULTS.withIO(io))) {
            Connection c = db.connect();
            c.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, score REAL, note BLOB)");
            c.exec("CREATE INDEX t_score ON t(score DESC, name)");
            Statement insert = c.prepare("INSERT INTO t(name, score, note) VALUES (?, ?, ?)");
            for (int i = 0; i < 600; i++) {
                insert.run("name-" + i, i % 7 == 0 ? null : i * 1.5, new byte[(i % 50) * 40]);
            }
            c.exec("BEGIN; UPDATE t SET score = score + 1 WHERE id % 3 = 0; DELETE FROM t WHERE id % 5 = 0; COMMIT");
            c.exec("UPDATE t SET name = 'renamed-' || id WHERE id BETWEEN 100 AND 130");
            c.exec("CREATE TABLE gone(a TEXT, b BLOB); CREATE INDEX gone_a ON gone(a)");
            Statement fill = c.prepare("INSERT INTO gone VALUES (?, ?)");
            for (int i = 0; i < 300; i++) {
                fill.run("row-" + i, new byte[i * 20]);
            }
            c.exec("DROP INDEX gone_a");
            c.exec("DROP TABLE gone");
            mine = listMode(c, QUERY);
        }
        Path file = dir.resolve("w.db");
        TestFiles.save(io, "w.db", file);
        assertEquals("ok", Sqlite3.run(file, "PRAGMA integrity_check;").strip());
        // The dropped table's and index's pages (overflow pages included) went to the freelist.
        assertTrue(Integer.parseInt(Sqlite3.run(file, "PRAGMA freelist_count;").strip()) > 50);
        assertEquals(mine, Sqlite3.lines(file, QUERY));
        assertEquals(
                List.of("sqlite_autoindex_t_1", "t_score"),
                Sqlite3.lines(file, "SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name;"));
        assertEquals(
                List.of("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, score REAL, note BLOB)"),
                Sqlite3.lines(file, "SELECT sql FROM sqlite_schema WHERE name = 't';"));
    }

    @Test
    void shouldReadFilesSqliteWrote() throws Exception {
        assumeTrue(Sqlite3.available());
        Path file = dir.resolve("s.db");
        Sqlite3.run(
                file,
                "CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, score REAL, note BLOB);"
                        + "CREATE INDEX t_name ON t(name);"
                        + "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 500)"
                        + " INSERT INTO t SELECT i, 'n' || i, i / 4.0, zeroblob(i % 13) FROM n;");
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "s.db", file);
        try (Database db = Database.open("s.db", DatabaseOptions.DEFAULTS.withIO(io))) {
            Connection c = db.connect();
            assertEquals(Sqlite3.lines(file, QUERY.replace("length(note)", "length(note)")), listMode(c, QUERY));
            assertEquals(List.of("250|n250|62.5"), listMode(c, "SELECT id, name, score FROM t WHERE name = 'n250'"));
        }
    }

    private static List<String> listMode(Connection c, String sql) {
        List<String> out = new ArrayList<>();
        try (Statement s = c.prepare(sql)) {
            while (s.stepBlocking()) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < s.columnCount(); i++) {
                    if (i > 0) {
                        b.append('|');
                    }
                    if (!s.isNull(i)) {
                        b.append(
                                s.columnType(i).equals("blob")
                                        ? new String(s.getBlob(i), StandardCharsets.UTF_8)
                                        : s.getText(i));
                    }
                }
                out.add(b.toString());
            }
        }
        return out;
    }
}
