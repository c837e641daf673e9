package io.tursoj.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.api.Connection;
import io.tursoj.api.Database;
import io.tursoj.api.DatabaseOptions;
import io.tursoj.api.Row;
import io.tursoj.api.Statement;
import io.tursoj.api.TursoException;
import io.tursoj.io.MemoryIO;
import io.tursoj.storage.testing.Sqlite3;
import io.tursoj.storage.testing.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Subqueries, compound selects, CTEs and views, each checked against answers SQLite 3.40 gives. */
class SubqueryCompoundCteViewTest {
    private Database db;
    private Connection c;

    @BeforeEach
    void open() {
        db = Database.open(":memory:");
        c = db.connect();
        c.exec("CREATE TABLE t1(a INTEGER, b TEXT)");
        c.exec("INSERT INTO t1 VALUES (1, 'x'), (2, 'y'), (3, NULL), (NULL, 'z')");
        c.exec("CREATE TABLE t2(x INTEGER, y TEXT)");
        c.exec("INSERT INTO t2 VALUES (1, 'x'), (3, 'q'), (5, NULL)");
    }

    @AfterEach
    void close() {
        c.close();
        db.close();
    }

    private String rows(String sql) {
        List<String> out = new ArrayList<>();
        for (Row r : c.prepare(sql).all()) {
            out.add(Arrays.toString(r.values()));
        }
        return String.join(" ", out);
    }

    private String error(String sql) {
        return assertThrows(TursoException.class, () -> c.prepare(sql).all()).getMessage();
    }

    @Test
    void shouldEvaluateScalarSubqueriesAsTheFirstRowOrNull() {
        assertEquals("[1, 3]", rows("SELECT 1, (SELECT max(x) FROM t2 WHERE x < 5)"));
        assertEquals("[null]", rows("SELECT (SELECT x FROM t2 WHERE x > 100)"));
        assertEquals("[5]", rows("SELECT (SELECT x FROM t2 ORDER BY x DESC)"));
        assertEquals("sub-select returns 2 columns - expected 1", error("SELECT (SELECT x, y FROM t2)"));
    }

    @Test
    void shouldReevaluateCorrelatedSubqueriesPerOuterRow() {
        assertEquals(
                "[1, 1] [2, 0] [3, 1] [null, 0]",
                rows("SELECT a, (SELECT count(*) FROM t2 WHERE t2.x = t1.a) FROM t1 ORDER BY a IS NULL, a"));
        assertEquals("[1] [3]", rows("SELECT a FROM t1 WHERE EXISTS (SELECT 1 FROM t2 WHERE x = a) ORDER BY a"));
        assertEquals("[null] [2]", rows("SELECT a FROM t1 WHERE NOT EXISTS (SELECT 1 FROM t2 WHERE x = a) ORDER BY 1"));
    }

    @Test
    void shouldFollowSqliteNullRulesForInSubqueries() {
        assertEquals("[1] [3]", rows("SELECT a FROM t1 WHERE a IN (SELECT x FROM t2) ORDER BY a"));
        assertEquals("[2]", rows("SELECT a FROM t1 WHERE a NOT IN (SELECT x FROM t2)"));
        // A NULL on the right makes every non-match NULL, so NOT IN keeps nothing.
        assertEquals("", rows("SELECT a FROM t1 WHERE a NOT IN (SELECT y FROM t2 WHERE y IS NULL)"));
        assertEquals("[null, 0]", rows("SELECT NULL IN (SELECT x FROM t2), NULL IN (SELECT x FROM t2 WHERE 0)"));
        // Comparison affinity: the INTEGER column converts the text '1'.
        assertEquals("[1]", rows("SELECT a FROM t1 WHERE a IN (SELECT '1')"));
        assertEquals("[1]", rows("SELECT (1, 'x') IN (SELECT x, y FROM t2)"));
        assertEquals("sub-select returns 2 columns - expected 1", error("SELECT 1 IN (SELECT x, y FROM t2)"));
    }

    @Test
    void shouldCompareRowValuesWithSubqueries() {
        assertEquals(
                "[1, 0, null]", rows("SELECT (1, 'x') = (SELECT x, y FROM t2), (1, 2) < (1, 1), (1, NULL) = (1, 2)"));
        assertEquals("row value misused", error("SELECT 1 = (SELECT x, y FROM t2)"));
    }

    @Test
    void shouldNameSubqueryColumnsInFromAsSqliteDoes() {
        Statement s = c.prepare("SELECT * FROM (SELECT a AS k, a, a FROM t1 WHERE a = 1) AS s");
        assertEquals(List.of("k", "a", "a:1"), s.columnNames());
        assertEquals("[1, 1, 1]", rows("SELECT * FROM (SELECT a AS k, a, a FROM t1 WHERE a = 1) AS s"));
        assertEquals("[2, b]", rows("SELECT * FROM (VALUES (1, 'a'), (2, 'b')) WHERE column1 > 1"));
        assertEquals("[y]", rows("SELECT s.b FROM (SELECT * FROM t1) AS s JOIN t2 ON s.a + 1 = t2.x WHERE s.a = 2"));
    }

    @Test
    void shouldEvaluateCompoundSelects() {
        assertEquals("[5] [3] [2] [1] [null]", rows("SELECT a FROM t1 UNION SELECT x FROM t2 ORDER BY 1 DESC"));
        assertEquals(
                "1st ORDER BY term does not match any column in the result set",
                error("SELECT a FROM t1 UNION SELECT x FROM t2 ORDER BY 1 IS NULL"));
        assertEquals("[null] [1] [2] [3] [5]", rows("SELECT a FROM t1 UNION SELECT x FROM t2"));
        assertEquals(
                "7",
                Integer.toString(c.prepare("SELECT a FROM t1 UNION ALL SELECT x FROM t2")
                        .all()
                        .size()));
        assertEquals("[1] [3]", rows("SELECT a FROM t1 INTERSECT SELECT x FROM t2"));
        assertEquals("[null] [2]", rows("SELECT a FROM t1 EXCEPT SELECT x FROM t2"));
        assertEquals("[5] [3]", rows("SELECT a AS v FROM t1 UNION SELECT x FROM t2 ORDER BY v DESC LIMIT 2"));
        assertEquals(
                List.of("v"),
                c.prepare("SELECT a AS v FROM t1 UNION SELECT x FROM t2").columnNames());
        assertEquals(
                "SELECTs to the left and right of UNION do not have the same number of result columns",
                error("SELECT a, b FROM t1 UNION SELECT x FROM t2"));
        assertEquals(
                "1st ORDER BY term does not match any column in the result set",
                error("SELECT a FROM t1 UNION SELECT x FROM t2 ORDER BY y"));
    }

    @Test
    void shouldEvaluateCommonTableExpressions() {
        assertEquals(
                "[1, 3]",
                rows(
                        "WITH w(k) AS (SELECT a FROM t1 WHERE a IS NOT NULL) SELECT min(k), (SELECT max(k) FROM w) FROM w"));
        assertEquals(
                "[1] [2] [3] [4] [5]",
                rows(
                        "WITH RECURSIVE cnt(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM cnt WHERE n < 5) SELECT n FROM cnt"));
        assertEquals(
                "[1] [2] [3]", rows("WITH c(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM c) SELECT n FROM c LIMIT 3"));
        assertEquals(
                "[10] [20]",
                rows("WITH s(y) AS MATERIALIZED (SELECT n * 10 FROM c), c(n) AS (VALUES (1), (2)) SELECT y FROM s"));
        assertEquals("circular reference: w", error("WITH w AS (SELECT * FROM w) SELECT * FROM w"));
        assertEquals("table w has 1 values for 2 columns", error("WITH w(p, q) AS (SELECT 1) SELECT * FROM w"));
        c.exec("CREATE TABLE out(n)");
        c.exec(
                "WITH RECURSIVE c(n) AS (SELECT 1 UNION SELECT n + 1 FROM c WHERE n < 3) INSERT INTO out SELECT n FROM c");
        assertEquals("[1] [2] [3]", rows("SELECT n FROM out"));
        c.exec("WITH gone AS (SELECT 2) DELETE FROM out WHERE n IN (SELECT * FROM gone)");
        assertEquals("[1] [3]", rows("SELECT n FROM out"));
    }

    @Test
    void shouldExpandViewsAndRefuseToModifyThem() {
        c.exec("CREATE VIEW v(k, label) AS SELECT a, upper(b) FROM t1 WHERE a IS NOT NULL");
        assertEquals("[1, X] [2, Y] [3, null]", rows("SELECT * FROM v ORDER BY k"));
        assertEquals(List.of("k", "label"), c.prepare("SELECT * FROM v").columnNames());
        assertEquals(
                "[view, v, v, 0, CREATE VIEW v(k, label) AS SELECT a, upper(b) FROM t1 WHERE a IS NOT NULL]",
                rows("SELECT * FROM sqlite_schema WHERE type = 'view'"));
        assertEquals("cannot modify v because it is a view", error("DELETE FROM v"));
        assertEquals("view v already exists", error("CREATE VIEW v AS SELECT 1"));
        c.exec("CREATE VIEW IF NOT EXISTS v AS SELECT 1");
        c.exec("CREATE VIEW w1 AS SELECT * FROM w2");
        c.exec("CREATE VIEW w2 AS SELECT * FROM w1");
        assertEquals("view w1 is circularly defined", error("SELECT * FROM w1"));
        c.exec("DROP VIEW v");
        assertEquals("no such table: v", error("SELECT * FROM v"));
        assertEquals("no such view: v", error("DROP VIEW v"));
        c.exec("DROP VIEW IF EXISTS v");
        assertEquals("use DROP TABLE to delete table t1", error("DROP VIEW t1"));
    }

    @Test
    void shouldReadViewsThatSqliteWrote(@TempDir Path dir) throws Exception {
        assumeTrue(Sqlite3.available());
        Path file = dir.resolve("views.db");
        Sqlite3.run(
                file,
                "CREATE TABLE t(a INT, b TEXT); INSERT INTO t VALUES (1, 'one'), (2, 'two');"
                        + " CREATE VIEW big AS SELECT a * 10 AS ten, b FROM t WHERE a > 1;");
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "views.db", file);
        try (Database d = Database.open("views.db", DatabaseOptions.DEFAULTS.withIO(io));
                Connection conn = d.connect()) {
            List<String> out = new ArrayList<>();
            for (Row r : conn.prepare("SELECT ten, b FROM big").all()) {
                out.add(Arrays.toString(r.values()));
            }
            assertEquals(List.of("[20, two]"), out);
        }
    }
}
