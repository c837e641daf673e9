package io.tursoj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseMetaDataTest {
    private Connection c;
    private DatabaseMetaData md;

    @BeforeEach
    void open() throws SQLException {
        c = DriverManager.getConnection("jdbc:tursoj::memory:");
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, age INT DEFAULT 18,"
                    + " score REAL)");
            s.execute("CREATE TABLE orders(user_id INTEGER, line INTEGER, total NUMERIC, PRIMARY KEY (user_id, line))");
            s.execute("CREATE INDEX orders_total ON orders(total DESC, line)");
        }
        md = c.getMetaData();
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
    }

    private static List<String> column(ResultSet rs, String name) throws SQLException {
        List<String> values = new ArrayList<>();
        while (rs.next()) {
            values.add(rs.getString(name));
        }
        return values;
    }

    @Test
    void shouldListTablesByPatternAndType() throws SQLException {
        assertEquals(List.of("orders", "users"), column(md.getTables(null, null, "%", null), "TABLE_NAME"));
        assertEquals(List.of("users"), column(md.getTables(null, null, "U%", new String[] {"TABLE"}), "TABLE_NAME"));
        assertEquals(List.of("orders"), column(md.getTables(null, null, "_rders", null), "TABLE_NAME"));
        assertEquals(List.of(), column(md.getTables(null, null, "%", new String[] {"VIEW"}), "TABLE_NAME"));
        ResultSet rs = md.getTables(null, null, "users", null);
        assertTrue(rs.next());
        assertEquals("TABLE", rs.getString("TABLE_TYPE"));
        assertNull(rs.getString("TABLE_CAT"));
        assertNull(rs.getString("TABLE_SCHEM"));
        assertEquals(10, rs.getMetaData().getColumnCount());
        assertEquals(List.of("SYSTEM TABLE", "TABLE", "VIEW"), column(md.getTableTypes(), "TABLE_TYPE"));
    }

    @Test
    void shouldDescribeColumns() throws SQLException {
        ResultSet rs = md.getColumns(null, null, "users", null);
        assertEquals(24, rs.getMetaData().getColumnCount());
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(rs.getString("COLUMN_NAME") + " " + rs.getString("TYPE_NAME") + " " + rs.getInt("DATA_TYPE") + " "
                    + rs.getInt("NULLABLE") + " " + rs.getString("IS_NULLABLE") + " " + rs.getString("COLUMN_DEF")
                    + " " + rs.getInt("ORDINAL_POSITION"));
        }
        assertEquals(
                List.of(
                        "id INTEGER " + Types.INTEGER + " 1 YES null 1",
                        "email TEXT " + Types.VARCHAR + " 0 NO null 2",
                        "age INT " + Types.INTEGER + " 1 YES 18 3",
                        "score REAL " + Types.FLOAT + " 1 YES null 4"),
                rows);
        assertEquals(List.of("email"), column(md.getColumns(null, null, "users", "e%"), "COLUMN_NAME"));
        assertEquals(
                7, column(md.getColumns(null, null, "%", "%"), "COLUMN_NAME").size());
    }

    @Test
    void shouldListPrimaryKeys() throws SQLException {
        assertEquals(List.of("id"), column(md.getPrimaryKeys(null, null, "users"), "COLUMN_NAME"));
        ResultSet rs = md.getPrimaryKeys(null, null, "ORDERS");
        List<String> keys = new ArrayList<>();
        while (rs.next()) {
            keys.add(rs.getString("COLUMN_NAME") + rs.getInt("KEY_SEQ"));
        }
        assertEquals(List.of("line2", "user_id1"), keys, "ordered by column name, KEY_SEQ in key order");
    }

    @Test
    void shouldListIndexes() throws SQLException {
        ResultSet rs = md.getIndexInfo(null, null, "orders", false, false);
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
            rows.add(
                    rs.getString("INDEX_NAME") + " " + rs.getBoolean("NON_UNIQUE") + " " + rs.getInt("ORDINAL_POSITION")
                            + " " + rs.getString("COLUMN_NAME") + " " + rs.getString("ASC_OR_DESC"));
        }
        assertEquals(
                List.of(
                        "sqlite_autoindex_orders_1 false 1 user_id A",
                        "sqlite_autoindex_orders_1 false 2 line A",
                        "orders_total true 1 total D",
                        "orders_total true 2 line A"),
                rows);
        assertEquals(
                List.of("sqlite_autoindex_orders_1", "sqlite_autoindex_orders_1"),
                column(md.getIndexInfo(null, null, "orders", true, false), "INDEX_NAME"));
        assertEquals(
                List.of("sqlite_autoindex_users_1"),
                column(md.getIndexInfo(null, null, "users", false, true), "INDEX_NAME"));
    }

    @Test
    void shouldDescribeTheProductAndDriver() throws SQLException {
        assertEquals("SQLite", md.getDatabaseProductName());
        assertTrue(md.getDatabaseProductVersion().matches("3\\.\\d+\\.\\d+"), md.getDatabaseProductVersion());
        assertEquals(3, md.getDatabaseMajorVersion());
        assertEquals("TursoJ JDBC", md.getDriverName());
        assertEquals("\"", md.getIdentifierQuoteString());
        assertEquals("jdbc:tursoj::memory:", md.getURL());
        assertTrue(md.supportsTransactions());
        assertTrue(md.supportsBatchUpdates());
        assertTrue(md.supportsGetGeneratedKeys());
        assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
        assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
        assertEquals(c, md.getConnection());
        assertEquals(List.of("NULL", "INTEGER", "REAL", "TEXT", "BLOB"), column(md.getTypeInfo(), "TYPE_NAME"));
        assertFalse(md.getSchemas().next());
        assertFalse(md.getCatalogs().next());
    }

    @Test
    void shouldListForeignKeysBothWays() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(
                    "CREATE TABLE items(id INTEGER PRIMARY KEY, owner INTEGER REFERENCES users ON DELETE CASCADE,"
                            + " o_user INTEGER, o_line INTEGER, FOREIGN KEY (o_user, o_line) REFERENCES orders(user_id, line))");
        }
        ResultSet imported = md.getImportedKeys(null, null, "items");
        List<String> rows = new ArrayList<>();
        while (imported.next()) {
            rows.add(imported.getString("FKCOLUMN_NAME") + "->" + imported.getString("PKTABLE_NAME") + "."
                    + imported.getString("PKCOLUMN_NAME") + " #" + imported.getInt("KEY_SEQ") + " delete="
                    + imported.getInt("DELETE_RULE"));
        }
        assertEquals(
                List.of(
                        "o_user->orders.user_id #1 delete=" + DatabaseMetaData.importedKeyNoAction,
                        "o_line->orders.line #2 delete=" + DatabaseMetaData.importedKeyNoAction,
                        "owner->users.id #1 delete=" + DatabaseMetaData.importedKeyCascade),
                rows,
                "ordered by PKTABLE_NAME, KEY_SEQ");
        assertEquals(List.of("owner"), column(md.getExportedKeys(null, null, "users"), "FKCOLUMN_NAME"));
        assertFalse(md.getImportedKeys(null, null, "orders").next());
    }

    @Test
    void shouldSeeTablesCreatedAfterTheMetadataObject() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE later(x)");
        }
        assertEquals(List.of("later"), column(md.getTables(null, null, "later", null), "TABLE_NAME"));
    }
}
