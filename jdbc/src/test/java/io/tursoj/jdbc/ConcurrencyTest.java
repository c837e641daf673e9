package io.tursoj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several connections to one file: they take turns at the gate instead of failing with SQLITE_BUSY. */
class ConcurrencyTest {
    @TempDir
    Path dir;

    @Test
    void shouldKeepAnotherConnectionsTransactionIntact() throws SQLException {
        String url = "jdbc:tursoj:" + dir.resolve("two.db") + "?busy_timeout=100";
        try (Connection a = DriverManager.getConnection(url);
                Connection b = DriverManager.getConnection(url)) {
            a.createStatement().execute("CREATE TABLE t(x)");
            a.setAutoCommit(false);
            a.createStatement().execute("INSERT INTO t VALUES (1)");
            SQLException busy = assertThrows(
                    SQLTransactionRollbackException.class,
                    () -> b.createStatement().execute("INSERT INTO t VALUES (2)"));
            assertEquals(5, busy.getErrorCode(), "SQLITE_BUSY after the busy timeout");
            a.commit();
            assertEquals(1, ConnectionTest.count(b, "t"), "b's failed attempt did not undo a's transaction");
            b.createStatement().execute("INSERT INTO t VALUES (2)");
            assertEquals(2, ConnectionTest.count(a, "t"));
        }
    }

    @Test
    void shouldSerializeWritersFromManyThreads() throws Exception {
        String url = "jdbc:tursoj:" + dir.resolve("many.db") + "?busy_timeout=60000";
        try (Connection setup = DriverManager.getConnection(url)) {
            setup.createStatement().execute("CREATE TABLE t(worker INTEGER, n INTEGER)");
            int workers = 4;
            int perWorker = 25;
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    int worker = w;
                    done.add(pool.submit(() -> {
                        try (Connection c = DriverManager.getConnection(url);
                                PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                            c.setAutoCommit(false);
                            for (int i = 0; i < perWorker; i++) {
                                ps.setInt(1, worker);
                                ps.setInt(2, i);
                                ps.executeUpdate();
                                if (i % 5 == 4) {
                                    c.commit();
                                }
                            }
                            c.commit();
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            assertEquals(workers * perWorker, ConnectionTest.count(setup, "t"));
            try (Statement s = setup.createStatement();
                    var rs = s.executeQuery("SELECT worker, count(*) FROM t GROUP BY worker")) {
                int groups = 0;
                while (rs.next()) {
                    groups++;
                    assertEquals(perWorker, rs.getInt(2), "every insert of worker " + rs.getInt(1) + " committed");
                }
                assertEquals(workers, groups);
            }
        }
    }
}
