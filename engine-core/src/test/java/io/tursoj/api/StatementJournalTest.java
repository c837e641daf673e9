package io.tursoj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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

/** Statement-level rollback inside transactions, conflict resolutions, and SQL savepoints. */
class StatementJournalTest {
    private Database db;
    private Connection c;

    @TempDir
    Path dir;

    private final MemoryIO io = new MemoryIO();

    @BeforeEach
    void open() {
        db = Database.open("j.db", DatabaseOptions.DEFAULTS.withIO(io));
        c = db.connect();
        c.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, v TEXT UNIQUE NOT NULL)");
        c.exec("INSERT INTO t VALUES (1, 'a'), (2, 'b')");
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

    /** sqlite3 finds the file sound and reads the same rows (as TursoJ's {@code [id, v]} lists). */
    private void assertSqliteAccepts(List<String> expected) {
        assumeTrue(Sqlite3.available());
        c.close();
        db.close();
        try {
            Path file = dir.resolve("j.db");
            TestFiles.save(io, "j.db", file);
            assertEquals("ok", Sqlite3.run(file, "PRAGMA integrity_check;").strip());
            List<String> theirs = new ArrayList<>();
            for (String line : Sqlite3.lines(file, "SELECT id, v FROM t ORDER BY id;")) {
                theirs.add("[" + line.replace("|", ", ") + "]");
            }
            assertEquals(expected, theirs);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        db = Database.open("j.db", DatabaseOptions.DEFAULTS.withIO(io));
        c = db.connect();
    }

    private String error(String sql) {
        return assertThrows(TursoException.class, () -> c.exec(sql)).getMessage();
    }

    @Test
    void shouldUndoOnlyTheFailingStatementInsideATransaction() {
        c.exec("BEGIN");
        c.exec("INSERT INTO t VALUES (3, 'c')");
        assertEquals("UNIQUE constraint failed: t.v", error("INSERT INTO t VALUES (4, 'd'), (5, 'a')"));
        assertFalse(c.isAutocommit());
        assertEquals(0, c.changes());
        c.exec("INSERT INTO t VALUES (6, 'f')");
        c.exec("COMMIT");
        assertEquals(List.of("[1, a]", "[2, b]", "[3, c]", "[6, f]"), rows("SELECT * FROM t ORDER BY id"));
    }

    @Test
    void shouldKeepEarlierRowsOfTheStatementWithOrFail() {
        c.exec("BEGIN");
        assertEquals(
                "UNIQUE constraint failed: t.v", error("INSERT OR FAIL INTO t VALUES (4, 'd'), (5, 'a'), (6, 'x')"));
        assertEquals(1, c.changes());
        c.exec("COMMIT");
        assertEquals(List.of("[1, a]", "[2, b]", "[4, d]"), rows("SELECT * FROM t ORDER BY id"));
    }

    @Test
    void shouldCommitEarlierRowsOfAnAutocommitStatementWithOrFail() {
        assertEquals("UNIQUE constraint failed: t.v", error("INSERT OR FAIL INTO t VALUES (4, 'd'), (5, 'a')"));
        assertTrue(c.isAutocommit());
        assertEquals(List.of("[1, a]", "[2, b]", "[4, d]"), rows("SELECT * FROM t ORDER BY id"));
    }

    @Test
    void shouldRollBackTheWholeTransactionWithOrRollback() {
        c.exec("BEGIN");
        c.exec("INSERT INTO t VALUES (3, 'c')");
        assertEquals("UNIQUE constraint failed: t.v", error("INSERT OR ROLLBACK INTO t VALUES (4, 'a')"));
        assertTrue(c.isAutocommit());
        assertEquals(List.of("[1, a]", "[2, b]"), rows("SELECT * FROM t ORDER BY id"));
    }

    @Test
    void shouldUndoAFailedStatementThatSplitPagesAndGrewTheFile() {
        c.exec("BEGIN");
        String big = "x".repeat(700);
        assertThrows(
                TursoException.class,
                () -> c.exec("INSERT INTO t(v) SELECT '" + big + "' || value FROM generate_series(1, 200)"
                        + " UNION ALL SELECT 'a'"));
        // Whether or not generate_series exists, the transaction survives and holds only what succeeded.
        c.exec("INSERT INTO t VALUES (3, 'c')");
        c.exec("CREATE TABLE u(x)");
        assertThrows(TursoException.class, () -> c.exec("INSERT INTO t VALUES (9, NULL)"));
        c.exec("COMMIT");
        assertEquals(List.of("[1, a]", "[2, b]", "[3, c]"), rows("SELECT * FROM t ORDER BY id"));
        assertSqliteAccepts(rows("SELECT * FROM t ORDER BY id"));
    }

    @Test
    void shouldRestorePagesAndSizeAfterLargeFailedStatement() {
        c.exec("BEGIN");
        c.exec("INSERT INTO t(v) VALUES ('" + "p".repeat(3000) + "')"); // overflow pages before the statement
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            values.append(i == 0 ? "" : ",")
                    .append("('")
                    .append("q".repeat(500))
                    .append(i)
                    .append("')");
        }
        values.append(",('b')");
        assertEquals("UNIQUE constraint failed: t.v", error("INSERT INTO t(v) VALUES " + values));
        c.exec("COMMIT");
        assertEquals(List.of("[3]"), rows("SELECT count(*) FROM t"));
        assertSqliteAccepts(rows("SELECT * FROM t ORDER BY id"));
    }

    @Test
    void shouldUndoAFailedDdlStatementsSchemaInsideATransaction() {
        c.exec("BEGIN");
        c.exec("CREATE TABLE u(x UNIQUE)");
        c.exec("INSERT INTO u VALUES (1), (1)".replace("(1), (1)", "(1)"));
        assertThrows(TursoException.class, () -> c.exec("INSERT INTO u VALUES (2), (1)"));
        c.exec("COMMIT");
        assertEquals(List.of("[1]"), rows("SELECT x FROM u"));
    }

    @Test
    void shouldBeginATransactionWithSavepointAndCommitOnRelease() {
        c.exec("SAVEPOINT a");
        assertFalse(c.isAutocommit());
        c.exec("INSERT INTO t VALUES (3, 'c')");
        c.exec("RELEASE a");
        assertTrue(c.isAutocommit());
        assertEquals(List.of("[3]"), rows("SELECT count(*) FROM t"));
    }

    @Test
    void shouldRollBackToANestedSavepointAndKeepIt() {
        c.exec("BEGIN");
        c.exec("INSERT INTO t VALUES (3, 'c')");
        c.exec("SAVEPOINT a");
        c.exec("INSERT INTO t VALUES (4, 'd')");
        c.exec("SAVEPOINT b");
        c.exec("DELETE FROM t");
        c.exec("ROLLBACK TO b");
        assertEquals(List.of("[4]"), rows("SELECT count(*) FROM t"));
        c.exec("UPDATE t SET v = v || '!'");
        c.exec("ROLLBACK TRANSACTION TO SAVEPOINT A");
        assertEquals(List.of("[1, a]", "[2, b]", "[3, c]"), rows("SELECT * FROM t ORDER BY id"));
        assertEquals("no such savepoint: b", error("RELEASE b"));
        c.exec("INSERT INTO t VALUES (5, 'e')");
        c.exec("RELEASE SAVEPOINT a");
        assertFalse(c.isAutocommit());
        c.exec("COMMIT");
        assertEquals(List.of("[1, a]", "[2, b]", "[3, c]", "[5, e]"), rows("SELECT * FROM t ORDER BY id"));
    }

    @Test
    void shouldRollBackToASavepointTakenBeforeAnyWrite() {
        c.exec("SAVEPOINT s");
        c.exec("INSERT INTO t VALUES (3, 'c')");
        c.exec("CREATE TABLE u(x)");
        c.exec("ROLLBACK TO s");
        assertFalse(c.isAutocommit());
        assertEquals("no such table: u", error("SELECT * FROM u"));
        c.exec("RELEASE s");
        assertEquals(List.of("[2]"), rows("SELECT count(*) FROM t"));
    }

    @Test
    void shouldReportSqlitesSavepointErrors() {
        assertEquals("no such savepoint: x", error("RELEASE x"));
        assertEquals("no such savepoint: x", error("ROLLBACK TO x"));
        c.exec("SAVEPOINT x");
        assertEquals("cannot start a transaction within a transaction", error("BEGIN"));
        c.exec("ROLLBACK");
        assertTrue(c.isAutocommit());
        assertEquals("no such savepoint: x", error("RELEASE x"));
    }

    @Test
    void shouldReleaseTheNewestSavepointOfAName() {
        c.exec("BEGIN");
        c.exec("SAVEPOINT s");
        c.exec("INSERT INTO t VALUES (3, 'c')");
        c.exec("SAVEPOINT s");
        c.exec("INSERT INTO t VALUES (4, 'd')");
        c.exec("RELEASE s");
        c.exec("ROLLBACK TO s");
        c.exec("COMMIT");
        assertEquals(List.of("[2]"), rows("SELECT count(*) FROM t"));
    }
}
