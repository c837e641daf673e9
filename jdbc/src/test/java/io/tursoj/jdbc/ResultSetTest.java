package io.tursoj.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResultSetTest {
    private Connection c;
    private Statement s;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:tursoj::memory:");
        s = c.createStatement();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private ResultSet row(String select) throws SQLException {
        ResultSet rs = s.executeQuery(select);
        assertTrue(rs.next());
        return rs;
    }

    @Test
    void shouldConvertBetweenStorageClassesAsSqliteDoes() throws SQLException {
        ResultSet rs = row("SELECT 42, 2.75, '12abc', x'4142', NULL, '  -7', 9223372036854775807");
        assertEquals("42", rs.getString(1));
        assertEquals(42.0, rs.getDouble(1));
        assertEquals(2, rs.getInt(2), "REAL to int truncates");
        assertEquals("2.75", rs.getString(2));
        assertEquals(12, rs.getInt(3), "TEXT to int takes the leading integer");
        assertEquals(12.0, rs.getDouble(3));
        assertArrayEquals("AB".getBytes(StandardCharsets.UTF_8), rs.getBytes(4));
        assertEquals("AB", rs.getString(4));
        assertArrayEquals("42".getBytes(StandardCharsets.UTF_8), rs.getBytes(1));
        assertEquals(-7, rs.getLong(6));
        assertEquals(Long.MAX_VALUE, rs.getLong(7));
        assertEquals(-1, rs.getInt(7), "getInt keeps the low 32 bits, as sqlite3_column_int does");
        assertTrue(rs.getBoolean(1));
        assertEquals((byte) 42, rs.getByte(1));
        assertEquals((short) 42, rs.getShort(1));
        assertEquals(2.75f, rs.getFloat(2));
        assertEquals(new BigDecimal("2.75"), rs.getBigDecimal(2));
        assertEquals(new BigDecimal("42"), rs.getBigDecimal(1));
        assertThrows(SQLException.class, () -> rs.getBigDecimal(3));
    }

    @Test
    void shouldTrackWasNull() throws SQLException {
        ResultSet rs = row("SELECT NULL, 0");
        assertEquals(0, rs.getInt(1));
        assertTrue(rs.wasNull());
        assertEquals(0, rs.getInt(2));
        assertFalse(rs.wasNull());
        assertNull(rs.getString(1));
        assertTrue(rs.wasNull());
        assertNull(rs.getBytes(1));
        assertNull(rs.getBigDecimal(1));
        assertNull(rs.getTimestamp(1));
        assertNull(rs.getObject(1));
        assertNull(rs.getObject(1, Integer.class));
    }

    @Test
    void shouldGiveObjectsOfTheValueType() throws SQLException {
        ResultSet rs = row("SELECT 1, 5000000000, 1.5, 't', x'00'");
        assertEquals(Integer.valueOf(1), rs.getObject(1));
        assertEquals(Long.valueOf(5000000000L), rs.getObject(2));
        assertEquals(Double.valueOf(1.5), rs.getObject(3));
        assertEquals("t", rs.getObject(4));
        assertArrayEquals(new byte[] {0}, (byte[]) rs.getObject(5));
        assertEquals(1L, rs.getObject(1, Long.class));
        assertEquals("1", rs.getObject(1, String.class));
        assertEquals(Boolean.TRUE, rs.getObject(1, Boolean.class));
        assertEquals(new BigDecimal("1.5"), rs.getObject(3, BigDecimal.class));
    }

    @Test
    void shouldReadDatesFromIntegersRealsAndText() throws SQLException {
        ResultSet rs = row("SELECT 86400000, 2440588.5, '2024-02-29 13:14:15.500', '2024-02-29'");
        assertEquals(86_400_000L, rs.getTimestamp(1).getTime());
        assertEquals(86_400_000L, rs.getTimestamp(2).getTime(), "Julian day 2440588.5 is 1970-01-02");
        assertEquals(
                LocalDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000),
                rs.getTimestamp(3).toLocalDateTime());
        assertEquals(LocalDate.of(2024, 2, 29), rs.getDate(4).toLocalDate());
        assertEquals(LocalDate.of(2024, 2, 29), rs.getObject(4, LocalDate.class));
        assertEquals(LocalDateTime.of(2024, 2, 29, 13, 14, 15, 500_000_000), rs.getObject(3, LocalDateTime.class));
    }

    @Test
    void shouldFindColumnsByLabelIgnoringCase() throws SQLException {
        ResultSet rs = row("SELECT 1 AS a, 2 AS B, 3 AS a");
        assertEquals(1, rs.findColumn("A"));
        assertEquals(2, rs.findColumn("b"));
        assertEquals(2, rs.getInt("b"));
        assertEquals(1, rs.getInt("a"), "the first match wins");
        SQLException e = assertThrows(SQLException.class, () -> rs.findColumn("zz"));
        assertTrue(e.getMessage().contains("zz"));
    }

    @Test
    void shouldReadStreams() throws SQLException, IOException {
        ResultSet rs = row("SELECT 'chars', x'0102'");
        try (Reader r = rs.getCharacterStream(1)) {
            char[] buf = new char[10];
            assertEquals(5, r.read(buf));
        }
        assertArrayEquals(new byte[] {1, 2}, rs.getBinaryStream(2).readAllBytes());
        assertArrayEquals(
                "chars".getBytes(StandardCharsets.US_ASCII),
                rs.getAsciiStream(1).readAllBytes());
        assertEquals(2, rs.getBlob(2).length());
        assertEquals("chars", rs.getClob(1).getSubString(1, 5));
    }

    @Test
    void shouldMoveOnlyForward() throws SQLException {
        s.execute("CREATE TABLE two(x)");
        s.execute("INSERT INTO two VALUES (1), (2)");
        ResultSet rs = s.executeQuery("SELECT x FROM two");
        assertTrue(rs.isBeforeFirst());
        assertThrows(SQLException.class, () -> rs.getInt(1), "no current row before next()");
        assertTrue(rs.next());
        assertTrue(rs.isFirst());
        assertEquals(1, rs.getRow());
        assertThrows(SQLException.class, rs::previous);
        assertThrows(SQLException.class, rs::first);
        assertThrows(SQLException.class, () -> rs.absolute(1));
        assertThrows(SQLException.class, () -> rs.updateInt(1, 3));
        assertTrue(rs.next());
        assertFalse(rs.next());
        assertTrue(rs.isAfterLast());
        assertFalse(rs.next(), "next after the end stays false");
        assertThrows(SQLException.class, () -> rs.getInt(0));
        assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
        assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
    }

    @Test
    void shouldDescribeColumns() throws SQLException {
        s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, name VARCHAR(20), price DECIMAL(10,2), data BLOB, d DATE)");
        s.execute("INSERT INTO t VALUES (1, 'n', 1.5, x'00', 0)");
        ResultSet rs = row("SELECT id, name AS label, price, data, d, id * 2.5, 'x' FROM t");
        ResultSetMetaData md = rs.getMetaData();
        assertEquals(7, md.getColumnCount());
        assertEquals("id", md.getColumnName(1));
        assertEquals("label", md.getColumnLabel(2));
        assertEquals("VARCHAR", md.getColumnTypeName(2), "the size is not part of the type name");
        assertEquals(java.sql.Types.VARCHAR, md.getColumnType(2));
        assertEquals(java.sql.Types.DECIMAL, md.getColumnType(3));
        assertEquals(java.sql.Types.BLOB, md.getColumnType(4));
        assertEquals(java.sql.Types.DATE, md.getColumnType(5));
        assertEquals("FLOAT", md.getColumnTypeName(6), "an expression is typed by its current value");
        assertEquals(java.sql.Types.FLOAT, md.getColumnType(6));
        assertEquals("TEXT", md.getColumnTypeName(7));
        assertEquals(ResultSetMetaData.columnNullableUnknown, md.isNullable(1));
        assertThrows(SQLException.class, () -> md.getColumnName(8));
    }
}
