package io.tursoj.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StatementTest {
    private Database db;
    private Connection c;

    @BeforeEach
    void open() {
        db = Database.open(":memory:");
        c = db.connect();
        c.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT NOT NULL, score REAL, UNIQUE(name))");
        c.exec("INSERT INTO t(name, score) VALUES ('a', 1), ('b', 2.5), ('c', 3)");
    }

    @AfterEach
    void close() {
        c.close();
        db.close();
    }

    private List<String> rows(String sql, Object... args) {
        List<String> out = new ArrayList<>();
        for (Row r : c.prepare(sql).all(args)) {
            out.add(Arrays.deepToString(r.values()));
        }
        return out;
    }

    @Test
    void shouldReportChangesAndLastRowidFromRun() {
        RunResult r = c.prepare("INSERT INTO t(name) VALUES (?), (?)").run("x", "y");
        assertEquals(new RunResult(2, 5), r);
    }

    @Test
    void shouldStoreRealAffinityAndReadRowidAlias() {
        assertEquals(List.of("[1, a, 1.0]", "[2, b, 2.5]", "[3, c, 3.0]"), rows("SELECT * FROM t"));
    }

    @Test
    void shouldStepThroughRowsWithTypedAccessors() {
        Statement s = c.prepare("SELECT id, name, score, NULL, x'0102' FROM t WHERE id = 2");
        assertEquals(5, s.columnCount());
        assertEquals("name", s.columnName(1));
        assertEquals("TEXT", s.columnDeclaredType(1));
        assertTrue(s.stepBlocking());
        assertEquals(2, s.getLong(0));
        assertEquals("b", s.getText(1));
        assertEquals(2.5, s.getDouble(2));
        assertEquals("real", s.columnType(2));
        assertEquals("null", s.columnType(3));
        assertArrayEquals(new byte[] {1, 2}, s.getBlob(4));
        assertEquals(StepResult.DONE, s.step());
    }

    @Test
    void shouldBindEveryParameterKind() {
        assertEquals(List.of("[b]"), rows("SELECT name FROM t WHERE id = ?2 AND score > ?1", 1, 2));
        Statement s = c.prepare("SELECT :a + @b + $c");
        s.bind(":a", 1).bind("b", 2).bind("$c", 3);
        assertEquals(6L, s.get().get(0));
        assertEquals(
                List.of("[c]"),
                List.of(Arrays.deepToString(c.prepare("SELECT name FROM t WHERE id = :id")
                        .get(Map.of("id", 3))
                        .values())));
    }

    @Test
    void shouldFailUniqueWithSqliteMessageAndCode() {
        TursoException e = assertThrows(TursoException.class, () -> c.exec("INSERT INTO t(name) VALUES ('a')"));
        assertEquals("UNIQUE constraint failed: t.name", e.getMessage());
        assertEquals(2067, e.code().code());
        assertEquals(ErrorCode.CONSTRAINT, e.primaryCode());
        TursoException nn = assertThrows(TursoException.class, () -> c.exec("INSERT INTO t(score) VALUES (1)"));
        assertEquals("NOT NULL constraint failed: t.name", nn.getMessage());
        assertEquals(3L, c.prepare("SELECT count(*) FROM t").get().get(0));
    }

    @Test
    void shouldRollBackAWholeMultiRowInsertOnConflict() {
        assertThrows(TursoException.class, () -> c.exec("INSERT INTO t(name) VALUES ('d'), ('a')"));
        assertEquals(List.of("[3]"), rows("SELECT count(*) FROM t"));
    }

    @Test
    void shouldIgnoreAndReplaceConflicts() {
        c.exec("INSERT OR IGNORE INTO t(name, score) VALUES ('a', 9), ('d', 4)");
        assertEquals(List.of("[a, 1.0]", "[d, 4.0]"), rows("SELECT name, score FROM t WHERE name IN ('a', 'd')"));
        c.exec("INSERT OR REPLACE INTO t(name, score) VALUES ('a', 7)");
        assertEquals(List.of("[5, a, 7.0]"), rows("SELECT * FROM t WHERE name = 'a'"));
        assertEquals(List.of("[4]"), rows("SELECT count(*) FROM t"));
    }

    @Test
    void shouldUpdateAndDeleteKeepingTheUniqueIndexInStep() {
        c.exec("UPDATE t SET name = 'z' WHERE id = 1");
        c.exec("INSERT INTO t(name) VALUES ('a')");
        TursoException e = assertThrows(TursoException.class, () -> c.exec("UPDATE t SET name = 'b' WHERE id = 3"));
        assertEquals("UNIQUE constraint failed: t.name", e.getMessage());
        c.exec("DELETE FROM t WHERE name = 'b'");
        c.exec("UPDATE t SET name = 'b' WHERE id = 3");
        assertEquals(List.of("[1, z]", "[3, b]", "[4, a]"), rows("SELECT id, name FROM t ORDER BY id"));
    }

    @Test
    void shouldIterateLazily() {
        Iterator<Row> it = c.prepare("SELECT name FROM t ORDER BY name DESC").iterate();
        assertEquals("c", it.next().get("name"));
        assertEquals("b", it.next().get(0));
        assertTrue(it.hasNext());
    }

    @Test
    void shouldReportSqliteErrorsForUnknownNames() {
        assertEquals(
                "no such table: nope",
                assertThrows(TursoException.class, () -> c.prepare("SELECT * FROM nope"))
                        .getMessage());
        assertEquals(
                "no such column: zz",
                assertThrows(TursoException.class, () -> c.prepare("SELECT zz FROM t"))
                        .getMessage());
        assertEquals(
                "table t already exists",
                assertThrows(TursoException.class, () -> c.exec("CREATE TABLE t(x)"))
                        .getMessage());
        assertEquals(
                "near \"SELEC\": syntax error",
                assertThrows(TursoException.class, () -> c.prepare("SELEC 1")).getMessage());
    }

    @Test
    void shouldKeepChangesInsideATransactionUntilRollback() {
        c.exec("BEGIN");
        c.exec("INSERT INTO t(name) VALUES ('q')");
        assertEquals(List.of("[4]"), rows("SELECT count(*) FROM t"));
        c.exec("ROLLBACK");
        assertEquals(List.of("[3]"), rows("SELECT count(*) FROM t"));
        c.exec("BEGIN; INSERT INTO t(name) VALUES ('q'); COMMIT");
        assertEquals(List.of("[4]"), rows("SELECT count(*) FROM t"));
        assertEquals(
                "cannot commit - no transaction is active",
                assertThrows(TursoException.class, () -> c.exec("COMMIT")).getMessage());
    }

    @Test
    void shouldMakeAnotherConnectionBusyWhileOneWrites() {
        c.exec("BEGIN IMMEDIATE");
        try (Connection other = db.connect()) {
            Statement s = other.prepare("INSERT INTO t(name) VALUES ('w')");
            assertEquals(StepResult.BUSY, s.step());
        }
        c.exec("COMMIT");
    }

    @Test
    void shouldStopOnInterrupt() {
        Statement s = c.prepare("SELECT * FROM t");
        assertEquals(StepResult.ROW, s.step());
        c.interrupt();
        assertEquals(StepResult.INTERRUPT, s.step());
    }

    @Test
    void shouldExplainInSqliteColumns() {
        Statement s = c.prepare("EXPLAIN SELECT name FROM t WHERE id = 1");
        assertEquals(List.of("addr", "opcode", "p1", "p2", "p3", "p4", "p5", "comment"), s.columnNames());
        List<Row> insns = s.all();
        assertEquals("Init", insns.get(0).get("opcode"));
        assertTrue(insns.stream().anyMatch(r -> r.get("opcode").equals("SeekRowid")));
        assertTrue(insns.stream().anyMatch(r -> r.get("opcode").equals("ResultRow")));
    }

    @Test
    void shouldReturnNullFromGetWithoutRows() {
        assertNull(c.prepare("SELECT * FROM t WHERE id = 99").get());
    }
}
