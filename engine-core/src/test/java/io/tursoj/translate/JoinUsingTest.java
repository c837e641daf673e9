package io.tursoj.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.api.Connection;
import io.tursoj.api.Database;
import io.tursoj.api.Row;
import io.tursoj.api.TursoException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** NATURAL and USING joins: the join condition, the merged column in {@code *}, and unqualified references. */
class JoinUsingTest {
    private Database db;
    private Connection c;

    @BeforeEach
    void open() {
        db = Database.open(":memory:");
        c = db.connect();
        c.exec("CREATE TABLE a(id, x, y)");
        c.exec("CREATE TABLE b(id, y, z)");
        c.exec("INSERT INTO a VALUES (1, 10, 'p'), (2, 20, 'q'), (3, 30, NULL)");
        c.exec("INSERT INTO b VALUES (1, 'p', 100), (2, 'z', 200), (4, 'r', 400)");
    }

    @AfterEach
    void close() {
        c.close();
        db.close();
    }

    /** Rows as sqlite3 prints them: values joined by '|', NULL as empty. */
    private List<String> rows(String sql) {
        List<String> out = new ArrayList<>();
        for (Row r : c.prepare(sql).all()) {
            List<String> vals = new ArrayList<>();
            for (Object v : r.values()) {
                vals.add(v == null ? "" : v.toString());
            }
            out.add(String.join("|", vals));
        }
        return out;
    }

    @Test
    void shouldJoinNaturallyOnEveryCommonColumnAndShowItOnce() {
        assertEquals(List.of("1|10|p|100"), rows("SELECT * FROM a NATURAL JOIN b"));
        assertEquals(
                List.of("id", "x", "y", "z"),
                c.prepare("SELECT * FROM a NATURAL JOIN b").columnNames());
        assertEquals(List.of("1|10|p|1|p|100"), rows("SELECT a.*, b.* FROM a NATURAL JOIN b"));
        assertEquals(
                List.of("1|10|p|100", "2|20|q|", "3|30||"), rows("SELECT * FROM a NATURAL LEFT JOIN b ORDER BY 1"));
    }

    @Test
    void shouldMergeUsingColumnsAndResolveThemToTheLeftTable() {
        assertEquals(List.of("1|10|p|p|100", "2|20|q|z|200"), rows("SELECT * FROM a JOIN b USING (id) ORDER BY id"));
        assertEquals(List.of("1|10", "2|20"), rows("SELECT id, x FROM a JOIN b USING (id) ORDER BY id"));
        assertEquals(List.of("|3", "1|1", "2|2"), rows("SELECT b.id, id FROM a LEFT JOIN b USING (id) ORDER BY 1"));
        TursoException e = assertThrows(TursoException.class, () -> rows("SELECT y FROM a JOIN b USING (id)"));
        assertTrue(e.getMessage().contains("ambiguous column name: y"), e.getMessage());
    }

    @Test
    void shouldRejectNaturalJoinsWithAConstraint() {
        TursoException e = assertThrows(TursoException.class, () -> rows("SELECT * FROM a NATURAL JOIN b USING (id)"));
        assertTrue(e.getMessage().contains("a NATURAL join may not have an ON or USING clause"), e.getMessage());
    }
}
