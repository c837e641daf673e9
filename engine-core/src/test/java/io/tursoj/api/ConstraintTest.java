package io.tursoj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** CHECK constraints, DEFAULT VALUES, NOT NULL under OR REPLACE, and the schema-stage checks of column definitions. */
class ConstraintTest {
    private Database db;
    private Connection c;

    @BeforeEach
    void open() {
        db = Database.open(":memory:");
        c = db.connect();
    }

    @AfterEach
    void close() {
        c.close();
        db.close();
    }

    private List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        for (Row r : c.prepare(sql).all()) {
            out.add(Arrays.deepToString(r.values()));
        }
        return out;
    }

    private String error(String sql) {
        return assertThrows(TursoException.class, () -> c.exec(sql)).getMessage();
    }

    @Test
    void shouldReportCheckFailuresByNameOrSourceTextInDeclarationOrder() {
        c.exec("CREATE TABLE t(a CHECK( a >0 ), b, CONSTRAINT bpos CHECK(b>0), CHECK (a<b))");
        assertEquals("CHECK constraint failed: a >0", error("INSERT INTO t VALUES (-1, 1)"));
        assertEquals("CHECK constraint failed: bpos", error("INSERT INTO t VALUES (1, -1)"));
        assertEquals("CHECK constraint failed: a<b", error("INSERT INTO t VALUES (3, 2)"));
        c.exec("INSERT INTO t VALUES (NULL, NULL)"); // NULL is not a failure
        c.exec("INSERT OR IGNORE INTO t VALUES (5, 4)");
        c.exec("INSERT INTO t VALUES (1, 2)");
        assertEquals("CHECK constraint failed: a<b", error("UPDATE t SET a = 7 WHERE a = 1"));
        assertEquals(List.of("[null, null]", "[1, 2]"), rows("SELECT a, b FROM t ORDER BY rowid"));
    }

    @Test
    void shouldSeeTheRowidAliasAndAffinityInChecks() {
        c.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, n INT CHECK(typeof(n) = 'integer' AND n < id))");
        c.exec("INSERT INTO t VALUES (10, '5')");
        assertEquals("CHECK constraint failed: typeof(n) = 'integer' AND n < id", error("INSERT INTO t VALUES (3, 5)"));
        assertEquals(List.of("[10, 5]"), rows("SELECT * FROM t"));
    }

    @Test
    void shouldInsertDefaultValues() {
        c.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, a DEFAULT 7, b TEXT DEFAULT ('x' || 'y'), c)");
        c.exec("INSERT INTO t DEFAULT VALUES");
        c.exec("INSERT INTO t DEFAULT VALUES");
        assertEquals(List.of("[1, 7, xy, null]", "[2, 7, xy, null]"), rows("SELECT * FROM t"));
    }

    @Test
    void shouldUseTheDefaultForNullUnderOrReplace() {
        c.exec("CREATE TABLE t(a NOT NULL DEFAULT 'd', b NOT NULL)");
        c.exec("INSERT OR REPLACE INTO t VALUES (NULL, 1)");
        assertEquals("NOT NULL constraint failed: t.b", error("INSERT OR REPLACE INTO t VALUES (1, NULL)"));
        assertEquals(List.of("[d, 1]"), rows("SELECT * FROM t"));
    }

    @Test
    void shouldRejectDefaultOnGeneratedColumnsAsSqliteDoes() {
        assertEquals(
                "error in generated column \"a\"", error("CREATE TABLE t(a INT DEFAULT 1 GENERATED ALWAYS AS (2))"));
        assertEquals(
                "cannot use DEFAULT on a generated column",
                error("CREATE TABLE t(a INT GENERATED ALWAYS AS (2) DEFAULT 1)"));
    }

    @Test
    void shouldStripATrailingGeneratedAlwaysFromTheDeclaredType() {
        c.exec("CREATE TABLE t(a INT, b TEXT GENERATED ALWAYS, c GENERATED ALWAYS, d)");
        Statement s = c.prepare("SELECT a, b, c, d FROM t");
        assertEquals("TEXT", s.columnDeclaredType(1));
        assertEquals(s.columnDeclaredType(3), s.columnDeclaredType(2)); // no type at all, like d
        s.close();
    }
}
