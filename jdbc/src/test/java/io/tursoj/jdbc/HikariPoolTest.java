package io.tursoj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TursoJ behind HikariCP: pooling, validation, and several pooled connections to one database file at once. */
class HikariPoolTest {
    @TempDir
    Path dir;

    private HikariDataSource pool(String file, boolean autoCommit, String testQuery) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:tursoj:" + dir.resolve(file) + "?busy_timeout=60000");
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(1);
        config.setAutoCommit(autoCommit);
        config.setConnectionTimeout(60_000);
        config.setPoolName("tursoj-test");
        if (testQuery != null) {
            config.setConnectionTestQuery(testQuery);
        }
        return new HikariDataSource(config);
    }

    @Test
    void shouldFindTheDriverByUrlAndValidateConnections() throws SQLException {
        try (HikariDataSource ds = pool("valid.db", true, null)) {
            try (Connection c = ds.getConnection()) {
                assertTrue(c.isValid(1));
                assertTrue(c.isWrapperFor(TursoConnection.class));
                c.createStatement().execute("CREATE TABLE t(a)");
            }
            try (Connection c = ds.getConnection()) {
                c.createStatement().execute("INSERT INTO t VALUES (1)");
                assertEquals(1, ConnectionTest.count(c, "t"));
            }
        }
        try (HikariDataSource ds = pool("valid.db", true, "SELECT 1")) {
            try (Connection c = ds.getConnection()) {
                assertEquals(1, ConnectionTest.count(c, "t"), "validated with a test query");
            }
        }
    }

    @Test
    void shouldRunConcurrentTransactionsThroughThePool() throws Exception {
        int workers = 4;
        int perWorker = 20;
        try (HikariDataSource ds = pool("pool.db", false, null)) {
            try (Connection c = ds.getConnection()) {
                c.createStatement().execute("CREATE TABLE t(worker INTEGER, n INTEGER)");
                c.commit();
            }
            ExecutorService threads = Executors.newFixedThreadPool(workers);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < workers; w++) {
                    int worker = w;
                    done.add(threads.submit(() -> {
                        for (int i = 0; i < perWorker; i++) {
                            try (Connection c = ds.getConnection();
                                    PreparedStatement ps = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                                ps.setInt(1, worker);
                                ps.setInt(2, i);
                                ps.executeUpdate();
                                if (i % 7 == 3) {
                                    c.rollback();
                                } else {
                                    c.commit();
                                }
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : done) {
                    f.get();
                }
            } finally {
                threads.shutdown();
            }
            int rolledBack = 0;
            for (int i = 0; i < perWorker; i++) {
                rolledBack += i % 7 == 3 ? 1 : 0;
            }
            try (Connection c = ds.getConnection()) {
                assertEquals((long) workers * (perWorker - rolledBack), ConnectionTest.count(c, "t"));
            }
            assertTrue(ds.getHikariPoolMXBean().getTotalConnections() <= 4);
        }
    }

    @Test
    void shouldRollBackWorkLeftUncommittedWhenAConnectionReturnsToThePool() throws SQLException {
        try (HikariDataSource ds = pool("return.db", false, null)) {
            try (Connection c = ds.getConnection()) {
                c.createStatement().execute("CREATE TABLE t(a)");
                c.commit();
            }
            try (Connection c = ds.getConnection()) {
                c.createStatement().execute("INSERT INTO t VALUES (1)");
            }
            try (Connection c = ds.getConnection()) {
                assertEquals(0, ConnectionTest.count(c, "t"), "Hikari rolled back the abandoned transaction");
                c.commit();
            }
        }
    }

    @Test
    void shouldHonourAReadOnlyPool() throws SQLException {
        try (HikariDataSource ds = pool("ro.db", true, null)) {
            try (Connection c = ds.getConnection()) {
                c.createStatement().execute("CREATE TABLE t(a)");
            }
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:tursoj:" + dir.resolve("ro.db"));
        config.setReadOnly(true);
        config.setMaximumPoolSize(2);
        try (HikariDataSource ds = new HikariDataSource(config);
                Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            assertTrue(c.isReadOnly());
            SQLException e = assertThrows(SQLException.class, () -> s.execute("INSERT INTO t VALUES (1)"));
            assertEquals(8, e.getErrorCode());
            assertFalse(s.executeQuery("SELECT a FROM t").next());
        }
    }
}
