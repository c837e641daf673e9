package io.tursoj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same JDBC calls against sqlite-jdbc (the real SQLite) and TursoJ, compared as transcripts, wherever the two
 * drivers should agree: values and their conversions, update counts, result codes, transactions, and the metadata
 * tools read.
 */
class SqliteJdbcDifferentialTest {
    @TempDir
    Path dir;

    interface Script {
        void run(Connection c, List<String> out) throws SQLException;
    }

    private void assertSameTranscript(String name, Script script) throws SQLException {
        List<String> sqlite = transcript("jdbc:sqlite:" + dir.resolve(name + "-sqlite.db"), script);
        List<String> turso = transcript("jdbc:tursoj:" + dir.resolve(name + "-tursoj.db"), script);
        assertEquals(sqlite.size(), turso.size(), name + ": transcript lengths\n" + sqlite + "\n" + turso);
        StringBuilder differences = new StringBuilder();
        for (int i = 0; i < sqlite.size(); i++) {
            if (!sqlite.get(i).equals(turso.get(i))) {
                differences
                        .append("\n  sqlite-jdbc: ")
                        .append(sqlite.get(i))
                        .append("\n  tursoj:      ")
                        .append(turso.get(i));
            }
        }
        assertEquals("", differences.toString(), name + ": lines that differ");
    }

    private static List<String> transcript(String url, Script script) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url)) {
            script.run(c, out);
        }
        return out;
    }

    /** Every getter of every column of every row, with wasNull. */
    private static void dump(ResultSet rs, List<String> out) throws SQLException {
        int n = rs.getMetaData().getColumnCount();
        while (rs.next()) {
            for (int i = 1; i <= n; i++) {
                Object o = rs.getObject(i);
                String type = o == null ? "null" : o.getClass().getSimpleName();
                String bytes = rs.getBytes(i) == null ? "null" : HexFormat.of().formatHex(rs.getBytes(i));
                out.add(i + ": object=" + type + ":"
                        + (o instanceof byte[] b ? HexFormat.of().formatHex(b) : o)
                        + " string=" + rs.getString(i) + " int=" + rs.getInt(i) + " long=" + rs.getLong(i)
                        + " double=" + rs.getDouble(i) + " boolean=" + rs.getBoolean(i) + " wasNull=" + rs.wasNull()
                        + " bytes=" + bytes);
            }
        }
    }

    private static void update(Statement s, String sql, List<String> out) throws SQLException {
        boolean query = s.execute(sql);
        out.add(sql + " -> " + query + " " + s.getUpdateCount());
    }

    @Test
    void shouldReadValuesWithTheSameConversions() throws SQLException {
        assertSameTranscript("values", (c, out) -> {
            try (Statement s = c.createStatement()) {
                dump(
                        s.executeQuery("SELECT 42, -7, 2.75, 1e300, 'text', '12abc', ' 34 ', '', x'00ff', NULL, 0,"
                                + " 9223372036854775807, -2147483649, 2147483648, 0.5 + 0.25, 1.0, 'true'"),
                        out);
            }
        });
    }

    @Test
    void shouldStoreBoundValuesAlike() throws SQLException {
        assertSameTranscript("bind", (c, out) -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE v(id INTEGER PRIMARY KEY, x, t TEXT, i INTEGER, r REAL, n NUMERIC, b BLOB)");
            }
            Object[] values = {
                // Not Short or Byte: sqlite-jdbc's setObject binds those as text, TursoJ as integers.
                1,
                2L,
                3.5,
                4.5f,
                true,
                "s",
                "12",
                new byte[] {1, 2},
                new BigDecimal("1.50"),
                null,
                new Timestamp(1_700_000_000_123L),
                "3.0",
                "abc"
            };
            try (PreparedStatement ps =
                    c.prepareStatement("INSERT INTO v(x, t, i, r, n, b) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (Object v : values) {
                    for (int p = 1; p <= 6; p++) {
                        ps.setObject(p, v);
                    }
                    out.add("insert " + ps.executeUpdate());
                }
                ps.setNull(1, Types.VARCHAR);
                ps.setString(2, null);
                ps.setInt(3, 7);
                ps.setDouble(4, 7);
                ps.setLong(5, 8);
                ps.setBytes(6, "z".getBytes(StandardCharsets.UTF_8));
                out.add("insert " + ps.executeUpdate());
            }
            try (Statement s = c.createStatement()) {
                dump(
                        s.executeQuery("SELECT typeof(x), x, typeof(t), t, typeof(i), i, typeof(r), r, typeof(n), n,"
                                + " typeof(b), b FROM v ORDER BY id"),
                        out);
            }
        });
    }

    @Test
    void shouldCountUpdatesAlike() throws SQLException {
        assertSameTranscript("counts", (c, out) -> {
            try (Statement s = c.createStatement()) {
                update(s, "CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT)", out);
                // DDL right after DDL: for DDL sqlite-jdbc reports the connection's last changes() count.
                update(s, "CREATE INDEX tb ON t(b)", out);
                update(s, "INSERT INTO t(b) VALUES ('x'), ('y'), ('z')", out);
                update(s, "UPDATE t SET b = 'w' WHERE a > 1", out);
                update(s, "DELETE FROM t WHERE a = 3", out);
                update(s, "SELECT * FROM t", out);
                s.addBatch("INSERT INTO t(b) VALUES ('q')");
                s.addBatch("UPDATE t SET b = 'v'");
                for (int n : s.executeBatch()) {
                    out.add("batch " + n);
                }
                s.executeUpdate("INSERT INTO t(b) VALUES ('k')", Statement.RETURN_GENERATED_KEYS);
                ResultSet keys = s.getGeneratedKeys();
                out.add("key " + keys.next() + " " + keys.getLong(1));
            }
        });
    }

    @Test
    void shouldReportTheSameResultCodes() throws SQLException {
        assertSameTranscript("errors", (c, out) -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t(a INTEGER PRIMARY KEY, b TEXT NOT NULL UNIQUE)");
                s.execute("INSERT INTO t VALUES (1, 'x')");
                for (String sql : List.of(
                        "INSERT INTO t VALUES (1, 'y')",
                        "INSERT INTO t VALUES (2, 'x')",
                        "INSERT INTO t VALUES (3, NULL)",
                        "SELECT * FROM missing",
                        "SELECT missing FROM t",
                        "SELEC 1",
                        "CREATE TABLE t(a)")) {
                    try {
                        s.execute(sql);
                        out.add(sql + " ok");
                    } catch (SQLException e) {
                        out.add(sql + " -> " + e.getErrorCode());
                    }
                }
            }
        });
    }

    @Test
    void shouldRunTransactionsAlike() throws SQLException {
        assertSameTranscript("tx", (c, out) -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t(a)");
                c.setAutoCommit(false);
                s.execute("INSERT INTO t VALUES (1)");
                c.rollback();
                s.execute("INSERT INTO t VALUES (2)");
                c.commit();
                s.execute("INSERT INTO t VALUES (3)");
                c.setAutoCommit(true);
                out.add("isolation " + c.getTransactionIsolation());
                dump(s.executeQuery("SELECT a FROM t ORDER BY a"), out);
                try {
                    c.commit();
                    out.add("commit in autocommit ok");
                } catch (SQLException e) {
                    out.add("commit in autocommit fails");
                }
            }
        });
    }

    @Test
    void shouldDescribeResultColumnsAlike() throws SQLException {
        assertSameTranscript("rsmd", (c, out) -> {
            try (Statement s = c.createStatement()) {
                s.execute(
                        "CREATE TABLE t(id INTEGER PRIMARY KEY, name VARCHAR(20), price DECIMAL(10,2), d DATE, b BLOB)");
                s.execute("INSERT INTO t VALUES (1, 'n', 2.5, 0, x'01')");
                ResultSet rs = s.executeQuery("SELECT id, name AS label, price, d, b FROM t");
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    out.add(md.getColumnLabel(i) + " " + md.getColumnTypeName(i) + " " + md.getColumnType(i));
                }
                out.add("findColumn " + rs.findColumn("LABEL"));
            }
        });
    }

    @Test
    void shouldDescribeTheSchemaAlike() throws SQLException {
        assertSameTranscript("schema", (c, out) -> {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE users(id INTEGER PRIMARY KEY, email TEXT NOT NULL UNIQUE, age INT DEFAULT 18)");
                s.execute(
                        "CREATE TABLE orders(user_id INTEGER, line INTEGER, total REAL, PRIMARY KEY (line, user_id))");
                s.execute("CREATE INDEX orders_total ON orders(total)");
            }
            DatabaseMetaData md = c.getMetaData();
            out.add(md.getDatabaseProductName() + " quote=" + md.getIdentifierQuoteString());
            ResultSet tables = md.getTables(null, null, "%", new String[] {"TABLE"});
            while (tables.next()) {
                out.add("table " + tables.getString("TABLE_NAME") + " " + tables.getString("TABLE_TYPE"));
            }
            ResultSet columns = md.getColumns(null, null, "%", "%");
            while (columns.next()) {
                if (columns.getString("TABLE_NAME").startsWith("sqlite_")) {
                    continue; // sqlite-jdbc lists sqlite_schema's own columns too.
                }
                out.add("column " + columns.getString("TABLE_NAME") + "." + columns.getString("COLUMN_NAME") + " "
                        + columns.getString("TYPE_NAME") + " " + columns.getInt("DATA_TYPE") + " nullable="
                        + columns.getInt("NULLABLE") + " " + columns.getString("IS_NULLABLE") + " #"
                        + columns.getInt("ORDINAL_POSITION") + " default=" + columns.getString("COLUMN_DEF"));
            }
            for (String table : List.of("users", "orders")) {
                ResultSet pk = md.getPrimaryKeys(null, null, table);
                while (pk.next()) {
                    out.add("pk " + table + " " + pk.getString("COLUMN_NAME") + " " + pk.getInt("KEY_SEQ"));
                }
                // JDBC orders indexes by NON_UNIQUE, TYPE, INDEX_NAME; sqlite-jdbc keeps index_list's order.
                List<String> indexes = new ArrayList<>();
                ResultSet ix = md.getIndexInfo(null, null, table, false, false);
                while (ix.next()) {
                    indexes.add("index " + table + " " + ix.getString("INDEX_NAME") + " nonUnique="
                            + ix.getBoolean("NON_UNIQUE") + " " + ix.getString("COLUMN_NAME") + " #"
                            + ix.getInt("ORDINAL_POSITION"));
                }
                indexes.sort(null);
                out.addAll(indexes);
            }
        });
    }
}
