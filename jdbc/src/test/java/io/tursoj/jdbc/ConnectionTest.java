package io.tursoj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.Properties;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionTest {
    @TempDir
    Path dir;

    private String fileUrl(String name) {
        return "jdbc:tursoj:" + dir.resolve(name);
    }

    static long count(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Test
    void shouldBeFoundThroughTheServiceLoaderAndDriverManager() throws SQLException {
        boolean listed = ServiceLoader.load(Driver.class).stream().anyMatch(p -> p.type() == TursoDriver.class);
        assertTrue(listed, "META-INF/services/java.sql.Driver names TursoDriver");
        Driver d = DriverManager.getDriver("jdbc:tursoj::memory:");
        assertInstanceOf(TursoDriver.class, d);
        assertTrue(d.acceptsURL("jdbc:tursoj:/tmp/x.db"));
        assertFalse(d.acceptsURL("jdbc:sqlite:/tmp/x.db"));
        assertFalse(d.acceptsURL(null));
        assertNull(d.connect("jdbc:sqlite::memory:", new Properties()));
    }

    @Test
    void shouldOpenMemoryAndFileDatabasesByUrl() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:tursoj::memory:")) {
            c.createStatement().execute("CREATE TABLE t(a)");
            c.createStatement().execute("INSERT INTO t VALUES (1)");
            assertEquals(1, count(c, "t"));
        }
        try (Connection c = DriverManager.getConnection("jdbc:tursoj::memory:")) {
            assertThrows(SQLException.class, () -> count(c, "t"), "each :memory: connection is a new database");
        }
        String url = "jdbc:tursoj:file:" + dir.resolve("a b.db").toString().replace(" ", "%20") + "?io=nio";
        try (Connection c = DriverManager.getConnection(url)) {
            assertEquals("nio", c.unwrap(TursoConnection.class).ioBackend());
            c.createStatement().execute("CREATE TABLE t(a)");
            c.createStatement().execute("INSERT INTO t VALUES (1), (2)");
        }
        assertTrue(Files.exists(dir.resolve("a b.db")), "file: URLs are percent-decoded");
        try (Connection c = DriverManager.getConnection(fileUrl("a b.db"))) {
            assertEquals(2, count(c, "t"));
        }
    }

    @Test
    void shouldChooseTheIoBackendFromTheUrlOrProperties() throws SQLException {
        Properties p = new Properties();
        p.setProperty("io", "sim");
        try (Connection c = DriverManager.getConnection(fileUrl("sim.db"), p)) {
            assertEquals("sim", c.unwrap(TursoConnection.class).ioBackend());
        }
        SQLException e = assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection(fileUrl("x.db") + "?io=nosuch")
                        .close());
        assertEquals(14, e.getErrorCode(), "SQLITE_CANTOPEN");
        assertTrue(e.getSQLState().startsWith("08"), e.getSQLState());
    }

    @Test
    void shouldRefuseWritesInReadOnlyMode() throws SQLException {
        try (Connection c = DriverManager.getConnection(fileUrl("ro.db"))) {
            c.createStatement().execute("CREATE TABLE t(a)");
            c.createStatement().execute("INSERT INTO t VALUES (1)");
        }
        try (Connection c = DriverManager.getConnection("jdbc:tursoj:file:" + dir.resolve("ro.db") + "?mode=ro")) {
            assertTrue(c.isReadOnly());
            assertEquals(1, count(c, "t"));
            SQLException e = assertThrows(
                    SQLException.class, () -> c.createStatement().executeUpdate("INSERT INTO t VALUES (2)"));
            assertEquals(8, e.getErrorCode(), "SQLITE_READONLY");
            assertThrows(SQLException.class, () -> c.setReadOnly(false));
            assertEquals(1, count(c, "t"));
        }
        SQLException missing = assertThrows(
                SQLException.class,
                () -> DriverManager.getConnection("jdbc:tursoj:file:" + dir.resolve("none.db") + "?mode=ro"));
        assertEquals(14, missing.getErrorCode());
        assertFalse(Files.exists(dir.resolve("none.db")), "mode=ro never creates the file");
    }

    @Test
    void shouldToggleReadOnlyOnAWritableConnection() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:tursoj::memory:")) {
            c.createStatement().execute("CREATE TABLE t(a)");
            c.setReadOnly(true);
            assertThrows(SQLException.class, () -> c.createStatement().execute("INSERT INTO t VALUES (1)"));
            c.setReadOnly(false);
            c.createStatement().execute("INSERT INTO t VALUES (1)");
            assertEquals(1, count(c, "t"));
        }
    }

    @Test
    void shouldCommitAndRollBackWithAutoCommitOff() throws SQLException {
        try (Connection c = DriverManager.getConnection(fileUrl("tx.db"))) {
            c.createStatement().execute("CREATE TABLE t(a)");
            assertTrue(c.getAutoCommit());
            c.setAutoCommit(false);
            c.createStatement().execute("INSERT INTO t VALUES (1)");
            c.rollback();
            assertEquals(0, count(c, "t"));
            c.createStatement().execute("INSERT INTO t VALUES (2)");
            c.commit();
            c.createStatement().execute("INSERT INTO t VALUES (3)");
            c.setAutoCommit(true);
            assertEquals(2, count(c, "t"), "setAutoCommit(true) commits the open transaction");
            assertThrows(SQLException.class, c::commit, "commit in auto-commit mode is an error");
        }
        try (Connection c = DriverManager.getConnection(fileUrl("tx.db"))) {
            assertEquals(2, count(c, "t"));
        }
    }

    @Test
    void shouldRollBackAnOpenTransactionOnClose() throws SQLException {
        try (Connection c = DriverManager.getConnection(fileUrl("close.db"))) {
            c.createStatement().execute("CREATE TABLE t(a)");
            c.setAutoCommit(false);
            c.createStatement().execute("INSERT INTO t VALUES (1)");
        }
        try (Connection c = DriverManager.getConnection(fileUrl("close.db"))) {
            assertEquals(0, count(c, "t"));
        }
    }

    @Test
    void shouldReportSerializableIsolation() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:tursoj::memory:")) {
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
            assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getMetaData().getDefaultTransactionIsolation());
        }
    }

    @Test
    void shouldRollBackToAndReleaseSavepointsInsideTheTransaction() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:tursoj::memory:")) {
            c.createStatement().execute("CREATE TABLE t(a)");
            assertThrows(SQLException.class, c::setSavepoint, "no savepoint in auto-commit mode");
            assertTrue(c.getMetaData().supportsSavepoints());
            c.setAutoCommit(false);
            c.createStatement().execute("INSERT INTO t VALUES (1)");
            Savepoint first = c.setSavepoint("first");
            c.createStatement().execute("INSERT INTO t VALUES (2)");
            Savepoint second = c.setSavepoint();
            c.createStatement().execute("INSERT INTO t VALUES (3)");
            c.rollback(second);
            assertEquals(2, count(c, "t"), "rolled back to the unnamed savepoint");
            c.releaseSavepoint(first);
            SQLException gone = assertThrows(SQLException.class, () -> c.rollback(first));
            assertTrue(gone.getMessage().contains("no such savepoint"), gone.getMessage());
            c.commit();
            assertEquals(2, count(c, "t"), "the transaction survived the failed rollback");
        }
    }

    @Test
    void shouldRefuseUseAfterCloseWithAConnectionSqlState() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:tursoj::memory:");
        Statement s = c.createStatement();
        assertTrue(c.isValid(1));
        c.close();
        c.close();
        assertTrue(c.isClosed());
        assertFalse(c.isValid(1));
        assertTrue(s.isClosed(), "closing a connection closes its statements");
        SQLException e = assertThrows(SQLNonTransientConnectionException.class, c::createStatement);
        assertEquals("08003", e.getSQLState());
        assertThrows(SQLException.class, () -> s.execute("SELECT 1"));
    }

    @Test
    void shouldListDriverProperties() throws SQLException {
        var info = new TursoDriver().getPropertyInfo("jdbc:tursoj::memory:", new Properties());
        assertNotNull(info);
        assertTrue(java.util.Arrays.stream(info).anyMatch(p -> p.name.equals("io")));
    }
}
