package io.tursoj.translate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.api.Connection;
import io.tursoj.api.Database;
import io.tursoj.api.Row;
import io.tursoj.api.TursoException;
import io.tursoj.testing.SqliteOracle;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Random write workloads (INSERT/UPDATE/DELETE with every conflict resolution, constraint failures, transactions and
 * savepoints) through TursoJ and through real SQLite (sqlite-jdbc). After every statement both must report the same
 * error (or none), the same {@code changes()} and {@code last_insert_rowid()}, and hold the same table contents. The
 * statement count is {@code -Dtursoj.writediff.cases} (default 2500); a failure prints its seed and script.
 */
class WriteDifferentialTest {
    private static final int CASES = Integer.getInteger("tursoj.writediff.cases", 2500);
    private static final long SEED = Long.getLong("tursoj.writediff.seed", 5_2026_1128L);
    private static final int STATEMENTS_PER_WORKLOAD = 40;
    private static final String CONTENTS = "SELECT id, quote(a), quote(b), quote(c) FROM t ORDER BY id";
    private static final List<String> SCHEMA = List.of(
            "CREATE TABLE t(id INTEGER PRIMARY KEY, a INT UNIQUE CHECK(a < 16), b TEXT NOT NULL, c REAL DEFAULT 1.5)",
            "CREATE INDEX t_b ON t(b)",
            "CREATE UNIQUE INDEX t_bc ON t(b, c)");

    @Test
    void shouldWriteLikeSqliteThroughFailuresTransactionsAndSavepoints() throws Exception {
        SplittableRandom random = new SplittableRandom(SEED);
        int compared = 0;
        List<String> failures = new ArrayList<>();
        while (compared < CASES && failures.size() <= 5) {
            long seed = random.nextLong();
            try (SqliteOracle oracle = new SqliteOracle()) { // fresh, so changes() and last_insert_rowid() start at 0
                compared += runWorkload(oracle, seed, failures);
            }
        }
        System.out.println("write differential: " + compared + " statements compared, " + failures.size()
                + " mismatching workloads");
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
    }

    private int runWorkload(SqliteOracle oracle, long seed, List<String> failures) throws SQLException {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> script = new ArrayList<>();
        try (Database db = Database.open(":memory:");
                Connection c = db.connect()) {
            for (String sql : SCHEMA) {
                oracle.execute(sql);
                c.exec(sql);
                script.add(sql);
            }
            int n = 0;
            for (int i = 0; i < STATEMENTS_PER_WORKLOAD; i++) {
                String sql = statement(r);
                script.add(sql);
                String mine = turso(c, sql);
                String theirs = sqlite(oracle, sql);
                n++;
                if (!mine.equals(theirs)) {
                    failures.add("seed " + seed + "\n" + String.join(";\n", script) + "\n  tursoj: " + mine
                            + "\n  sqlite: " + theirs);
                    break;
                }
            }
            return n;
        }
    }

    private static String statement(SplittableRandom r) {
        String or = switch (r.nextInt(8)) {
            case 0 -> "OR ROLLBACK ";
            case 1 -> "OR FAIL ";
            case 2 -> "OR IGNORE ";
            case 3 -> "OR ABORT ";
            case 4 -> "OR REPLACE ";
            default -> "";
        };
        String sp = "s" + r.nextInt(3);
        return switch (r.nextInt(20)) {
            case 0, 1 -> "BEGIN";
            case 2 -> "COMMIT";
            case 3 -> "ROLLBACK";
            case 4 -> "SAVEPOINT " + sp;
            case 5 -> "RELEASE " + sp;
            case 6 -> "ROLLBACK TO " + sp;
            case 7, 8, 9, 10 -> "INSERT " + or + "INTO t(a, b, c) VALUES " + rows(r);
            case 11 ->
                "INSERT " + or + "INTO t(a, b, c) SELECT a + " + r.nextInt(5) + ", b, c FROM t WHERE id % "
                        + (2 + r.nextInt(3)) + " = 0";
            case 12, 13, 14 ->
                "UPDATE " + (or.equals("OR REPLACE ") ? "" : or) + "t SET " + assignment(r) + " WHERE "
                        // A range on a is an index scan in SQLite: rows change in another order.
                        + where(r).replace("a >", "id >");
            case 15, 16 -> "DELETE FROM t WHERE " + where(r);
            case 17 ->
                "INSERT " + or + "INTO t(id, a, b) VALUES (" + (1 + r.nextInt(12)) + ", " + r.nextInt(15) + ", 'k"
                        + r.nextInt(4) + "')";
            default ->
                "INSERT " + or + "INTO t(b, c) VALUES ('" + "z".repeat(r.nextInt(1, 400)) + "', " + r.nextInt(3) + ")";
        };
    }

    private static String rows(SplittableRandom r) {
        StringBuilder s = new StringBuilder();
        int count = 1 + r.nextInt(4);
        for (int i = 0; i < count; i++) {
            s.append(i == 0 ? "" : ", ").append('(');
            s.append(r.nextInt(6) == 0 ? "NULL" : Integer.toString(r.nextInt(15)))
                    .append(", ");
            s.append(r.nextInt(10) == 0 ? "NULL" : "'k" + r.nextInt(4) + "'").append(", ");
            s.append(r.nextInt(4) == 0 ? "NULL" : Integer.toString(r.nextInt(3)))
                    .append(')');
        }
        return s.toString();
    }

    private static String assignment(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> "a = a + " + r.nextInt(1, 4);
            case 1 -> "b = 'k" + r.nextInt(4) + "'";
            case 2 -> "c = " + (r.nextInt(4) == 0 ? "NULL" : Integer.toString(r.nextInt(3)));
            default -> "b = CASE WHEN id % 5 = 0 THEN NULL ELSE b END";
        };
    }

    private static String where(SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> "id % " + (2 + r.nextInt(4)) + " = " + r.nextInt(2);
            case 1 -> "a > " + r.nextInt(15);
            case 2 -> "b = 'k" + r.nextInt(4) + "'";
            default -> "c IS NULL";
        };
    }

    private static String turso(Connection c, String sql) {
        StringBuilder out = new StringBuilder();
        try {
            c.exec(sql);
            out.append("ok");
        } catch (TursoException e) {
            out.append("error: ").append(e.getMessage());
        }
        for (Row row : c.prepare("SELECT changes(), last_insert_rowid()").all()) {
            out.append(" changes=").append(row.values()[0]).append(" rowid=").append(row.values()[1]);
        }
        for (Row row : c.prepare(CONTENTS).all()) {
            out.append("\n    ").append(row.values()[0]);
            for (int i = 1; i < 4; i++) {
                out.append('|').append(row.values()[i]);
            }
        }
        return out.toString();
    }

    private static String sqlite(SqliteOracle oracle, String sql) throws SQLException {
        StringBuilder out = new StringBuilder();
        try (var s = oracle.connection().createStatement()) {
            s.execute(sql);
            out.append("ok");
        } catch (SQLException e) {
            out.append("error: ").append(SqliteOracle.message(e));
        }
        try (var s = oracle.connection().createStatement();
                ResultSet rs = s.executeQuery("SELECT changes(), last_insert_rowid()")) {
            while (rs.next()) {
                out.append(" changes=").append(rs.getLong(1)).append(" rowid=").append(rs.getLong(2));
            }
        }
        try (var s = oracle.connection().createStatement();
                ResultSet rs = s.executeQuery(CONTENTS)) {
            while (rs.next()) {
                out.append("\n    ").append(rs.getLong(1));
                for (int i = 2; i <= 4; i++) {
                    out.append('|').append(rs.getString(i));
                }
            }
        }
        return out.toString();
    }
}
