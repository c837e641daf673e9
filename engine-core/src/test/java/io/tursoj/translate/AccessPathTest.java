package io.tursoj.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

/** Index and rowid access paths: what EXPLAIN QUERY PLAN and EXPLAIN show, and that the rows stay right. */
class AccessPathTest {
    private Database db;
    private Connection c;

    @BeforeEach
    void open() {
        db = Database.open(":memory:");
        c = db.connect();
        c.exec("CREATE TABLE t(a INTEGER, b TEXT, c REAL)");
        c.exec("CREATE INDEX ta ON t(a)");
        c.exec("CREATE INDEX tbc ON t(b, c)");
        c.exec("CREATE TABLE u(id INTEGER PRIMARY KEY, v TEXT COLLATE NOCASE)");
        c.exec("CREATE INDEX uv ON u(v)");
        for (int i = 1; i <= 50; i++) {
            c.exec("INSERT INTO t VALUES (" + (i % 10) + ", 'k" + (i % 5) + "', " + i + ".5)");
            c.exec("INSERT INTO u VALUES (" + i + ", '" + (i % 2 == 0 ? "X" : "x") + (i % 7) + "')");
        }
        c.exec("INSERT INTO t VALUES (NULL, NULL, NULL)");
    }

    @AfterEach
    void close() {
        c.close();
        db.close();
    }

    private List<String> column(String sql, int col) {
        List<String> out = new ArrayList<>();
        for (Row r : c.prepare(sql).all()) {
            out.add(String.valueOf(r.values()[col]));
        }
        return out;
    }

    private List<String> plan(String sql) {
        return column("EXPLAIN QUERY PLAN " + sql, 3);
    }

    private List<String> opcodes(String sql) {
        return column("EXPLAIN " + sql, 1);
    }

    @Test
    void shouldSearchAnIndexForAnEquality() {
        assertEquals(List.of("SEARCH t USING INDEX ta (a=?)"), plan("SELECT * FROM t WHERE a = 3"));
        List<String> ops = opcodes("SELECT * FROM t WHERE a = 3");
        assertTrue(ops.contains("SeekGE") && ops.contains("IdxGT") && ops.contains("IdxRowid"), ops.toString());
        assertFalse(ops.contains("Rewind"), ops.toString());
        assertEquals(List.of("3", "3", "3", "3", "3"), column("SELECT a FROM t WHERE a = 3", 0));
    }

    @Test
    void shouldReadACoveringIndexWithoutTheTable() {
        assertEquals(List.of("SEARCH t USING COVERING INDEX ta (a=?)"), plan("SELECT count(*) FROM t WHERE a = 3"));
        assertEquals(List.of("5"), column("SELECT count(*) FROM t WHERE a = 3", 0));
        assertEquals(
                List.of("SEARCH t USING COVERING INDEX tbc (b=? AND c>?)"),
                plan("SELECT c FROM t WHERE b = 'k1' AND c > 20"));
        assertEquals(
                List.of("21.5", "26.5", "31.5", "36.5", "41.5", "46.5"),
                column("SELECT c FROM t WHERE b = 'k1' AND c > 20", 0));
    }

    @Test
    void shouldSeekRowidRangesAndBetween() {
        assertEquals(
                List.of("SEARCH u USING INTEGER PRIMARY KEY (rowid>? AND rowid<?)"),
                plan("SELECT * FROM u WHERE id BETWEEN 10 AND 12"));
        assertEquals(List.of("10", "11", "12"), column("SELECT id FROM u WHERE id BETWEEN 10 AND 12", 0));
        assertEquals(List.of("48", "49", "50"), column("SELECT id FROM u WHERE id > 47.5", 0));
        assertEquals(List.of("1", "2"), column("SELECT id FROM u WHERE id < '3'", 0));
        assertEquals(List.of(), column("SELECT id FROM u WHERE id > 'abc'", 0));
        assertEquals(50, column("SELECT id FROM u WHERE id < 'abc'", 0).size());
        assertEquals(List.of("SEARCH u USING INTEGER PRIMARY KEY (rowid=?)"), plan("SELECT * FROM u WHERE id = 7"));
    }

    @Test
    void shouldNotSeekWithANullKey() {
        assertEquals(List.of(), column("SELECT a FROM t WHERE a = NULL", 0));
        assertEquals(List.of(), column("SELECT a FROM t WHERE a > NULL", 0));
        assertEquals(List.of("0", "0", "0", "0", "0"), column("SELECT a FROM t WHERE a < 1", 0));
    }

    @Test
    void shouldUseAnIndexOnlyWhenTheCollationMatches() {
        assertEquals(List.of("SEARCH u USING COVERING INDEX uv (v=?)"), plan("SELECT v FROM u WHERE v = 'x3'"));
        assertEquals(7, column("SELECT v FROM u WHERE v = 'x3'", 0).size());
        assertEquals(List.of("SCAN u"), plan("SELECT v FROM u WHERE v = 'x3' COLLATE BINARY"));
        assertEquals(
                4, column("SELECT v FROM u WHERE v = 'x3' COLLATE BINARY", 0).size());
    }

    @Test
    void shouldUseAnIndexOnlyWhenTheAffinityAllows() {
        // b has TEXT affinity: b = 1 compares as text ('1'), so the index is usable; +b has no affinity
        assertEquals(List.of("SEARCH t USING INDEX tbc (b=?)"), plan("SELECT * FROM t WHERE b = 'k1'"));
        assertEquals(List.of("SCAN t"), plan("SELECT * FROM t WHERE +b = 'k1'"));
        c.exec("CREATE TABLE n(x TEXT, y INTEGER)");
        c.exec("CREATE INDEX nx ON n(x)");
        c.exec("INSERT INTO n VALUES ('5', 5), ('05', 5), ('abc', 1)");
        // x = y compares numerically (y is INTEGER): a TEXT index cannot answer it
        assertEquals(List.of("SCAN n"), plan("SELECT * FROM n WHERE x = y"));
        assertEquals(List.of("5", "05"), column("SELECT x FROM n WHERE x = y ORDER BY rowid", 0));
        assertEquals(List.of("5"), column("SELECT x FROM n WHERE x = 5", 0));
    }

    @Test
    void shouldSeekTheInnerTableOfAJoin() {
        assertEquals(
                List.of("SCAN t", "SEARCH u USING INTEGER PRIMARY KEY (rowid=?) LEFT-JOIN"),
                plan("SELECT * FROM t LEFT JOIN u ON u.id = t.a"));
        assertEquals(List.of("SCAN u", "SEARCH t USING INDEX ta (a=?)"), plan("SELECT * FROM u JOIN t ON t.a = u.id"));
        assertEquals(List.of("45"), column("SELECT count(*) FROM u JOIN t ON t.a = u.id", 0));
        // LEFT JOIN: unmatched rows get NULLs, and a WHERE term on the right table filters after the join
        assertEquals(List.of("51"), column("SELECT count(*) FROM t LEFT JOIN u ON u.id = t.a", 0));
        assertEquals(List.of("6"), column("SELECT count(*) FROM t LEFT JOIN u ON u.id = t.a WHERE u.id IS NULL", 0));
    }

    @Test
    void shouldWalkDescendingIndexes() {
        c.exec("CREATE INDEX tad ON t(c DESC)");
        assertEquals(List.of("SEARCH t USING INDEX tad (c>? AND c<?)"), plan("SELECT * FROM t WHERE c > 3 AND c < 6"));
        assertEquals(List.of("5.5", "4.5", "3.5"), column("SELECT c FROM t WHERE c > 3 AND c < 6", 0));
        assertEquals(List.of("50.5", "49.5"), column("SELECT c FROM t WHERE c >= 49.5", 0));
    }

    @Test
    void shouldHonourIndexedByAndNotIndexed() {
        assertEquals(List.of("SCAN t"), plan("SELECT * FROM t NOT INDEXED WHERE a = 3"));
        assertEquals(List.of("SCAN t USING INDEX tbc"), plan("SELECT * FROM t INDEXED BY tbc WHERE a = 3"));
        assertEquals(List.of("3", "3", "3", "3", "3"), column("SELECT a FROM t INDEXED BY tbc WHERE a = 3", 0));
        TursoException e = assertThrows(TursoException.class, () -> plan("SELECT * FROM t INDEXED BY nope"));
        assertTrue(e.getMessage().contains("no such index: nope"), e.getMessage());
    }

    @Test
    void shouldUpdateAndDeleteThroughAnIndex() {
        assertEquals(List.of("SEARCH t USING INDEX ta (a=?)"), plan("DELETE FROM t WHERE a = 4"));
        c.exec("UPDATE t SET c = -1 WHERE a = 4");
        assertEquals(List.of("5"), column("SELECT count(*) FROM t WHERE c = -1", 0));
        c.exec("DELETE FROM t WHERE a = 4");
        assertEquals(List.of("0"), column("SELECT count(*) FROM t WHERE a = 4", 0));
        assertEquals(List.of("46"), column("SELECT count(*) FROM t", 0));
    }

    @Test
    void shouldReportTempBTreesForOrderGroupAndDistinct() {
        assertEquals(List.of("SCAN t", "USE TEMP B-TREE FOR ORDER BY"), plan("SELECT * FROM t ORDER BY c"));
        assertEquals(List.of("SCAN t", "USE TEMP B-TREE FOR GROUP BY"), plan("SELECT c, count(*) FROM t GROUP BY c"));
    }

    @Test
    void shouldSatisfyOrderByFromTheIndexOrRowidWithoutASorter() {
        assertEquals(List.of("SCAN t USING INDEX ta"), plan("SELECT * FROM t ORDER BY a"));
        assertEquals(List.of("SCAN u"), plan("SELECT * FROM u ORDER BY id DESC"));
        assertEquals(List.of("50", "49", "48"), column("SELECT id FROM u ORDER BY id DESC LIMIT 3", 0));
        assertEquals(
                List.of("SEARCH t USING COVERING INDEX tbc (b=? AND c<?)"),
                plan("SELECT c FROM t WHERE b = 'k2' AND c < 20 ORDER BY c DESC"));
        assertEquals(
                List.of("17.5", "12.5", "7.5", "2.5"),
                column("SELECT c FROM t WHERE b = 'k2' AND c < 20 ORDER BY c DESC", 0));
        List<String> ops = opcodes("SELECT c FROM t WHERE b = 'k2' AND c < 20 ORDER BY c DESC");
        assertTrue(ops.contains("SeekLT") && ops.contains("Prev") && !ops.contains("SorterOpen"), ops.toString());
        // NULLs first ascending, last descending, as the sorter would put them
        assertEquals("null", column("SELECT a FROM t ORDER BY a", 0).get(0));
        assertEquals("null", column("SELECT a FROM t ORDER BY a DESC", 0).get(50));
        // a collation the index does not have still sorts
        assertEquals(
                List.of("SCAN t", "USE TEMP B-TREE FOR ORDER BY"), plan("SELECT * FROM t ORDER BY b COLLATE NOCASE"));
    }

    @Test
    void shouldKeepParameterNumbersWhenAKeyIsCompiledTwice() {
        assertEquals(List.of("SEARCH u USING INTEGER PRIMARY KEY (rowid=?)"), plan("SELECT v FROM u WHERE id = ?"));
        assertEquals(1, c.prepare("SELECT v FROM u WHERE id = ?").parameterCount());
        assertEquals(
                "x0",
                String.valueOf(c.prepare("SELECT v FROM u WHERE id = ?").get(7L).values()[0]));
        // the seek key (a = ?) is compiled before the first parameter's term; numbers still follow the text
        List<Row> rows =
                c.prepare("SELECT a, b FROM t WHERE b = ? AND a = ? AND c < ?").all("k3", 8L, 30.0);
        assertEquals(3, rows.size());
        for (Row r : rows) {
            assertEquals(List.of(8L, "k3"), List.of(r.values()[0], r.values()[1]));
        }
        assertEquals(
                List.of("11", "12", "13"),
                column2("SELECT id FROM u WHERE id BETWEEN ? AND ? ORDER BY id LIMIT ?", 11L, 20L, 3L));
    }

    private List<String> column2(String sql, Object... args) {
        List<String> out = new ArrayList<>();
        for (Row r : c.prepare(sql).all(args)) {
            out.add(String.valueOf(r.values()[0]));
        }
        return out;
    }
}
