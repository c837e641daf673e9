package io.tursoj.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PreparedStatementTest {
    private Connection c;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:tursoj::memory:");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x)");
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    /** Binds one value with {@code setter} and reads back its typeof() and text. */
    private String stored(SqlSetter setter) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM v");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO v(x) VALUES (?)")) {
            setter.set(ps);
            assertEquals(1, ps.executeUpdate());
        }
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT typeof(x), x FROM v")) {
            assertTrue(rs.next());
            return rs.getString(1) + ":" + rs.getString(2);
        }
    }

    interface SqlSetter {
        void set(PreparedStatement ps) throws SQLException;
    }

    @Test
    void shouldBindEveryScalarSetterAsSqliteJdbcStoresIt() throws SQLException {
        assertEquals("integer:1", stored(ps -> ps.setBoolean(1, true)));
        assertEquals("integer:-7", stored(ps -> ps.setByte(1, (byte) -7)));
        assertEquals("integer:300", stored(ps -> ps.setShort(1, (short) 300)));
        assertEquals("integer:70000", stored(ps -> ps.setInt(1, 70000)));
        assertEquals("integer:9007199254740993", stored(ps -> ps.setLong(1, 9007199254740993L)));
        assertEquals("real:1.5", stored(ps -> ps.setFloat(1, 1.5f)));
        assertEquals("real:2.25", stored(ps -> ps.setDouble(1, 2.25)));
        assertEquals("text:12.50", stored(ps -> ps.setBigDecimal(1, new BigDecimal("12.50"))));
        assertEquals("text:héllo", stored(ps -> ps.setString(1, "héllo")));
        assertEquals("text:n", stored(ps -> ps.setNString(1, "n")));
        assertEquals("blob:ab", stored(ps -> ps.setBytes(1, "ab".getBytes(StandardCharsets.UTF_8))));
        assertEquals("null:null", stored(ps -> ps.setNull(1, Types.INTEGER)));
        assertEquals("null:null", stored(ps -> ps.setString(1, null)));
        assertEquals("null:null", stored(ps -> {}), "an unset parameter is NULL");
    }

    @Test
    void shouldStoreDatesAsEpochMillisecondsLikeSqliteJdbc() throws SQLException {
        long ms = 1_700_000_000_123L;
        assertEquals("integer:" + ms, stored(ps -> ps.setTimestamp(1, new Timestamp(ms))));
        assertEquals("integer:" + ms, stored(ps -> ps.setDate(1, new Date(ms))));
        assertEquals("integer:" + ms, stored(ps -> ps.setTime(1, new Time(ms))));
        assertEquals("integer:" + ms, stored(ps -> ps.setObject(1, new java.util.Date(ms))));
        stored(ps -> ps.setTimestamp(1, new Timestamp(ms)));
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT x FROM v")) {
            assertTrue(rs.next());
            assertEquals(new Timestamp(ms), rs.getTimestamp(1));
            assertEquals(ms, rs.getDate(1).getTime());
        }
    }

    @Test
    void shouldReadStreamsAndReaders() throws SQLException {
        byte[] bytes = {1, 2, 3, 4};
        assertEquals(
                "blob:" + new String(bytes, StandardCharsets.UTF_8),
                stored(ps -> ps.setBinaryStream(1, new ByteArrayInputStream(bytes))));
        assertEquals("blob:\u0001\u0002", stored(ps -> ps.setBinaryStream(1, new ByteArrayInputStream(bytes), 2)));
        assertEquals("blob:\u0001\u0002\u0003", stored(ps -> ps.setBlob(1, new ByteArrayInputStream(bytes), 3L)));
        assertEquals(
                "text:abc",
                stored(ps ->
                        ps.setAsciiStream(1, new ByteArrayInputStream("abc".getBytes(StandardCharsets.US_ASCII)))));
        assertEquals("text:xyz", stored(ps -> ps.setCharacterStream(1, new StringReader("xyz"))));
        assertEquals("text:xy", stored(ps -> ps.setCharacterStream(1, new StringReader("xyz"), 2)));
        assertEquals("text:clob", stored(ps -> ps.setClob(1, new StringReader("clob"))));
        assertEquals("text:nc", stored(ps -> ps.setNCharacterStream(1, new StringReader("nc"))));
        assertThrows(SQLException.class, () -> stored(ps -> ps.setBinaryStream(1, new ByteArrayInputStream(bytes), 9)));
    }

    @Test
    void shouldConvertSetObjectValues() throws SQLException {
        assertEquals("integer:5", stored(ps -> ps.setObject(1, 5)));
        assertEquals("integer:5", stored(ps -> ps.setObject(1, 5L)));
        assertEquals("real:0.5", stored(ps -> ps.setObject(1, 0.5)));
        assertEquals("integer:0", stored(ps -> ps.setObject(1, false)));
        assertEquals("text:s", stored(ps -> ps.setObject(1, "s")));
        assertEquals("text:2024-02-29", stored(ps -> ps.setObject(1, LocalDate.of(2024, 2, 29))));
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertEquals("text:" + id, stored(ps -> ps.setObject(1, id)));
        assertEquals("null:null", stored(ps -> ps.setObject(1, null)));
        assertEquals("text:42", stored(ps -> ps.setObject(1, 42, Types.VARCHAR)));
        assertEquals("integer:42", stored(ps -> ps.setObject(1, "42", Types.INTEGER)));
        assertEquals("real:4.0", stored(ps -> ps.setObject(1, 4, Types.DOUBLE)));
        assertEquals("integer:1", stored(ps -> ps.setObject(1, "true", java.sql.JDBCType.BOOLEAN)));
    }

    @Test
    void shouldSeekByRowidWithAnAnonymousParameter() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO v(x) VALUES ('a'), ('b'), ('c')");
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT x FROM v WHERE id = ? AND x <> ?")) {
            ps.setLong(1, 2);
            ps.setString(2, "zzz");
            ResultSet rs = ps.executeQuery();
            assertTrue(rs.next(), "WHERE id = ? finds the row");
            assertEquals("b", rs.getString(1));
        }
        assertEquals("SELECT '?', ?1 -- ?\n, ?2", ParameterNumbering.apply("SELECT '?', ? -- ?\n, ?"));
        assertEquals("SELECT :a, ?", ParameterNumbering.apply("SELECT :a, ?"), "mixed text is left alone");
    }

    @Test
    void shouldRejectAParameterIndexOutOfRange() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT ?, ?")) {
            assertEquals(2, ps.getParameterMetaData().getParameterCount());
            assertThrows(SQLException.class, () -> ps.setInt(0, 1));
            assertThrows(SQLException.class, () -> ps.setInt(3, 1));
        }
    }

    @Test
    void shouldRunAgainWithNewParameters() throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO v(x) VALUES (?)");
                PreparedStatement select = c.prepareStatement("SELECT x FROM v WHERE x > ? ORDER BY x")) {
            for (int i = 1; i <= 5; i++) {
                insert.setInt(1, i);
                insert.executeUpdate();
            }
            select.setInt(1, 3);
            ResultSet rs = select.executeQuery();
            assertTrue(rs.next());
            assertEquals(4, rs.getInt(1));
            select.setInt(1, 4);
            ResultSet again = select.executeQuery();
            assertTrue(rs.isClosed(), "running again closes the previous result set");
            assertTrue(again.next());
            assertEquals(5, again.getInt(1));
            assertFalse(again.next());
            select.clearParameters();
            assertFalse(select.executeQuery().next(), "x > NULL matches nothing");
        }
    }

    @Test
    void shouldRunParameterBatchesAndReportWhereOneFailed() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE u(name TEXT UNIQUE)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO u VALUES (?)")) {
            for (String name : new String[] {"a", "b", "c"}) {
                ps.setString(1, name);
                ps.addBatch();
            }
            assertArrayEquals(new int[] {1, 1, 1}, ps.executeBatch());
            ps.setString(1, "d");
            ps.addBatch();
            ps.setString(1, "a");
            ps.addBatch();
            BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
            assertArrayEquals(new int[] {1}, e.getUpdateCounts());
            assertEquals("23505", e.getSQLState());
        }
        assertEquals(4, ConnectionTest.count(c, "u"));
    }

    @Test
    void shouldReturnGeneratedKeys() throws SQLException {
        try (PreparedStatement ps =
                c.prepareStatement("INSERT INTO v(x) VALUES (?)", Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "a");
            ps.executeUpdate();
            ps.setString(1, "b");
            ps.executeUpdate();
            ResultSet keys = ps.getGeneratedKeys();
            assertTrue(keys.next());
            assertEquals(2, keys.getLong(1));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO v(x) VALUES (1)", new String[] {"id"})) {
            ps.executeUpdate();
            ResultSet keys = ps.getGeneratedKeys();
            assertTrue(keys.next());
            assertEquals(3, keys.getInt(1));
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO v(x) VALUES (1)")) {
            ps.executeUpdate();
            assertFalse(ps.getGeneratedKeys().next(), "keys only when asked for");
        }
    }

    @Test
    void shouldDescribeResultColumnsBeforeRunning() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, x AS value, 1 + 1 FROM v")) {
            ResultSetMetaData md = ps.getMetaData();
            assertEquals(3, md.getColumnCount());
            assertEquals("id", md.getColumnLabel(1));
            assertEquals("value", md.getColumnLabel(2));
            assertEquals("INTEGER", md.getColumnTypeName(1));
            assertEquals(Types.INTEGER, md.getColumnType(1));
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM v")) {
            assertNull(ps.getMetaData());
        }
    }

    @Test
    void shouldRefuseSqlTextOnAPreparedStatement() throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1")) {
            assertThrows(SQLException.class, () -> ps.execute("SELECT 2"));
            assertThrows(SQLException.class, () -> ps.addBatch("SELECT 2"));
        }
        assertThrows(SQLException.class, () -> c.prepareStatement("SELECT * FROM nope"));
    }
}
