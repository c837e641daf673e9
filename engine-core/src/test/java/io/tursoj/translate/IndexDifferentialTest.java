package io.tursoj.translate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.api.Connection;
import io.tursoj.api.Database;
import io.tursoj.testing.ResultTranscript;
import io.tursoj.testing.SqliteOracle;
import io.tursoj.vdbe.value.RealFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Differential test of index and rowid access paths: random schemas with indexes of every shape (multi-column,
 * DESC, COLLATE, numeric/text/blob affinity), mixed-type rows, and queries whose WHERE/ON terms can drive seeks
 * (equalities, ranges, BETWEEN, reversed operands, COLLATE, joins on indexed and rowid columns, INDEXED BY / NOT
 * INDEXED), compared with sqlite-jdbc row for row (in order where ORDER BY fixes it). Cases:
 * {@code -Dtursoj.indexdiff.cases} (default 2400); every mismatch prints its seed and script.
 */
class IndexDifferentialTest {
    private static final int CASES = Integer.getInteger("tursoj.indexdiff.cases", 2400);
    private static final long SEED = Long.getLong("tursoj.indexdiff.seed", 5150L);

    @Test
    void shouldFindTheSameRowsAsSqliteThroughIndexes() throws Exception {
        List<String> failures = new ArrayList<>();
        int compared = 0;
        RealFormat.Dialect saved = RealFormat.dialect();
        try (SqliteOracle oracle = new SqliteOracle()) {
            RealFormat.setDialect(oracle.dialect());
            SplittableRandom random = new SplittableRandom(SEED);
            int schemas = Math.max(1, CASES / 60);
            for (int s = 0; s < schemas; s++) {
                long seed = random.nextLong();
                compared += run(oracle, new Gen(new SplittableRandom(seed)), seed, CASES / schemas, failures);
            }
        } finally {
            RealFormat.setDialect(saved);
        }
        System.out.println("index differential: " + compared + " cases compared, " + failures.size() + " mismatches");
        assertTrue(
                failures.isEmpty(),
                failures.size() + " mismatches, first ones:\n"
                        + String.join("\n\n", failures.subList(0, Math.min(6, failures.size()))));
        assertTrue(compared >= CASES - schemasSlack(), "too few cases ran: " + compared);
    }

    private static int schemasSlack() {
        return Math.max(1, CASES / 60) * 60;
    }

    private int run(SqliteOracle oracle, Gen g, long seed, int cases, List<String> failures) throws Exception {
        try (Database db = Database.open(":memory:");
                Connection c = db.connect()) {
            List<String> setup = g.setup();
            oracle.execute("DROP TABLE IF EXISTS t1");
            oracle.execute("DROP TABLE IF EXISTS t2");
            for (String sql : setup) {
                oracle.execute(sql);
                c.exec(sql);
            }
            for (int i = 0; i < cases; i++) {
                Gen.Query q = g.query();
                String mine = ResultTranscript.tursoj(c, q.sql(), q.ordered());
                String theirs = ResultTranscript.sqlite(oracle, q.sql(), q.ordered());
                if (!mine.equals(theirs)) {
                    failures.add("seed " + seed + "\n" + String.join(";\n", setup) + ";\n" + q.sql() + "\n  tursoj: "
                            + mine + "\n  sqlite: " + theirs);
                }
            }
            return cases;
        }
    }

    /** Schemas t1(a, b, c, d) with random indexes and t2(x INTEGER PRIMARY KEY, y, z); seekable queries. */
    static final class Gen {
        private final SplittableRandom r;
        private final List<String> indexNames = new ArrayList<>();

        record Query(String sql, boolean ordered) {}

        Gen(SplittableRandom r) {
            this.r = r;
        }

        private <T> T pick(List<T> items) {
            return items.get(r.nextInt(items.size()));
        }

        List<String> setup() {
            List<String> sql = new ArrayList<>();
            String bColl = pick(List.of("", " COLLATE NOCASE", " COLLATE RTRIM", ""));
            sql.add("CREATE TABLE t1(a INTEGER, b TEXT" + bColl + ", c REAL, d"
                    + pick(List.of("", " NUMERIC", " BLOB", " TEXT")) + ")");
            sql.add("CREATE TABLE t2(x INTEGER PRIMARY KEY, y TEXT, z NUMERIC)");
            List<String> shapes = List.of(
                    "a",
                    "b",
                    "c",
                    "d",
                    "a, b",
                    "b COLLATE NOCASE",
                    "a DESC",
                    "b, a DESC",
                    "d, c",
                    "c DESC, a",
                    "b COLLATE BINARY",
                    "a, d");
            int n = 1 + r.nextInt(3);
            for (int i = 0; i < n; i++) {
                String name = "i" + i;
                indexNames.add(name);
                sql.add("CREATE INDEX " + name + " ON t1(" + pick(shapes) + ")");
            }
            if (r.nextBoolean()) {
                sql.add("CREATE INDEX j0 ON t2(" + pick(List.of("y", "z", "z, y")) + ")");
            }
            int rows = 20 + r.nextInt(40);
            for (int i = 0; i < rows; i++) {
                sql.add("INSERT INTO t1 VALUES (" + literal() + ", " + literal() + ", " + literal() + ", " + literal()
                        + ")");
            }
            for (int i = 0; i < 5 + r.nextInt(15); i++) {
                sql.add("INSERT INTO t2(y, z) VALUES (" + literal() + ", " + literal() + ")");
            }
            return sql;
        }

        String literal() {
            return switch (r.nextInt(12)) {
                case 0 -> "NULL";
                case 1, 2, 3 -> Integer.toString(r.nextInt(11) - 3);
                case 4 -> pick(List.of("1.5", "-2.25", "0.0", "3.0", "2.5", "4.0"));
                case 5, 6 -> pick(List.of("'abc'", "'ABC'", "'b'", "''", "'abc  '", "'B'", "'a'"));
                case 7 -> pick(List.of("'12'", "'3.0'", "' 4'", "'-1'", "'2'", "'1.5'"));
                case 8 -> pick(List.of("x'00'", "x'4142'"));
                default -> Integer.toString(r.nextInt(5));
            };
        }

        String predicate(String col) {
            String op = pick(List.of("=", "=", "<", "<=", ">", ">="));
            return switch (r.nextInt(7)) {
                case 0 -> literal() + " " + op + " " + col;
                case 1 -> col + " BETWEEN " + literal() + " AND " + literal();
                case 2 -> col + " " + op + " " + literal() + " COLLATE " + pick(List.of("NOCASE", "BINARY", "RTRIM"));
                case 3 -> col + " " + op + " " + pick(List.of("CAST(" + literal() + " AS TEXT)", "+" + literal()));
                default -> col + " " + op + " " + literal();
            };
        }

        String where(List<String> cols) {
            StringBuilder w = new StringBuilder(predicate(pick(cols)));
            for (int i = r.nextInt(3); i > 0; i--) {
                w.append(" AND ").append(predicate(pick(cols)));
            }
            return w.toString();
        }

        Query query() {
            List<String> t1 = List.of("a", "b", "c", "d", "a", "b", "rowid");
            List<String> t2 = List.of("x", "y", "z", "rowid");
            String hint = indexNames.isEmpty() || r.nextInt(8) != 0
                    ? ""
                    : r.nextBoolean() ? " NOT INDEXED" : " INDEXED BY " + pick(indexNames);
            return switch (r.nextInt(12)) {
                case 10, 11 -> {
                    String dir = pick(List.of("", " DESC", " ASC"));
                    String order = pick(List.of(
                            "rowid" + dir,
                            "a" + dir + ", rowid" + dir,
                            "b" + dir + ", rowid" + dir,
                            "c" + dir + ", rowid" + dir,
                            "d" + dir + ", rowid" + dir,
                            "b" + dir + ", a" + dir + ", rowid" + dir,
                            "a" + dir + ", rowid" + pick(List.of("", " DESC"))));
                    String w = r.nextInt(3) == 0 ? "" : " WHERE " + where(t1);
                    yield new Query(
                            "SELECT a, b, c, d FROM t1" + hint + w + " ORDER BY " + order
                                    + (r.nextBoolean() ? " LIMIT " + r.nextInt(8) : ""),
                            true);
                }
                case 0, 1, 2 -> new Query("SELECT * FROM t1" + hint + " WHERE " + where(t1), false);
                case 3 ->
                    new Query("SELECT a, b, rowid FROM t1" + hint + " WHERE " + where(t1) + " ORDER BY rowid", true);
                case 4 -> new Query("SELECT count(*), sum(a) FROM t1" + hint + " WHERE " + where(t1), true);
                case 5 -> new Query("SELECT * FROM t2 WHERE " + where(t2), false);
                case 6 ->
                    new Query(
                            "SELECT t1.a, t1.b, t2.* FROM t1 " + pick(List.of("JOIN", "LEFT JOIN", "CROSS JOIN"))
                                    + " t2 ON "
                                    + pick(List.of(
                                            "t2.x = t1.a",
                                            "t2.y = t1.b",
                                            "t2.z = t1.d",
                                            "t2.x > t1.a",
                                            "t2.z = t1.a AND t2.y >= t1.b",
                                            "t1.c = t2.z"))
                                    + (r.nextBoolean()
                                            ? " WHERE " + where(List.of("t1.a", "t1.b", "t2.y", "t2.z"))
                                            : ""),
                            false);
                case 7 ->
                    new Query(
                            "SELECT t2.x, t1.* FROM t2 " + pick(List.of("JOIN", "LEFT JOIN")) + " t1 ON "
                                    + pick(List.of(
                                            "t1.a = t2.x",
                                            "t1.b = t2.y",
                                            "t1.d = t2.z",
                                            "t1.a = t2.z AND t1.b = t2.y",
                                            "t1.c >= t2.z",
                                            "t1.rowid = t2.x"))
                                    + (r.nextBoolean()
                                            ? " WHERE " + where(List.of("t1.a", "t1.b", "t2.y", "t1.c"))
                                            : ""),
                            false);
                case 8 -> new Query("SELECT b, a FROM t1" + hint + " WHERE " + where(t1), false);
                default -> new Query("SELECT a FROM t1" + hint + " WHERE " + where(t1), false);
            };
        }
    }
}
