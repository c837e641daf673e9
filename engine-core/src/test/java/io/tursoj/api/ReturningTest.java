package io.tursoj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RETURNING on INSERT, UPDATE and DELETE: values after the change (before it for DELETE), names as SQLite gives. */
class ReturningTest {
    private Database db;
    private Connection c;

    @BeforeEach
    void open() {
        db = Database.open(":memory:");
        c = db.connect();
        c.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, a INT, b REAL DEFAULT 2)");
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

    @Test
    void shouldReturnInsertedRowsWithDefaultsAffinityAndRowid() {
        Statement s = c.prepare("INSERT INTO t(a) VALUES ('7'), (8) RETURNING *, a + b, id AS x, t.a");
        assertEquals(List.of("id", "a", "b", "a + b", "x", "a"), s.columnNames());
        s.close();
        assertEquals(
                List.of("[1, 7, 2.0, 9.0, 1, 7]", "[2, 8, 2.0, 10.0, 2, 8]"),
                rows("INSERT INTO t(a) VALUES ('7'), (8) RETURNING *, a + b, id AS x, t.a"));
    }

    @Test
    void shouldReturnNewValuesOfUpdatedRowsAndOldValuesOfDeletedRows() {
        c.exec("INSERT INTO t(a) VALUES (1), (2), (3)");
        assertEquals(List.of("[2, 20]", "[3, 30]"), rows("UPDATE t SET a = a * 10 WHERE a > 1 RETURNING id, a"));
        assertEquals(List.of("[1, 1]", "[3, 30]"), rows("DELETE FROM t WHERE a <> 20 RETURNING id, a"));
        assertEquals(List.of("[2, 20, 2.0]"), rows("SELECT * FROM t"));
    }

    @Test
    void shouldCompleteEveryChangeBeforeTheFirstRow() {
        c.exec("INSERT INTO t(a) VALUES (1), (2), (3)");
        Statement s = c.prepare("DELETE FROM t RETURNING id");
        assertEquals(true, s.stepBlocking());
        assertEquals(1L, s.getLong(0));
        // The same connection already sees every row gone while the first RETURNING row is out.
        assertEquals(List.of("[0]"), rows("SELECT count(*) FROM t"));
        int more = 0;
        while (s.stepBlocking()) {
            more++;
        }
        s.close();
        assertEquals(2, more);
        assertEquals(3, c.changes());
    }
}
