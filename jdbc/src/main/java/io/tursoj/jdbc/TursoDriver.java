package io.tursoj.jdbc;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The driver for {@code jdbc:tursoj:} URLs (see {@link JdbcUrl}); registered with {@link DriverManager} when loaded,
 * and found through {@code META-INF/services/java.sql.Driver}.
 */
public final class TursoDriver implements Driver {
    static final int MAJOR_VERSION = 0;
    static final int MINOR_VERSION = 1;
    static final String VERSION = "0.1.0";

    static {
        try {
            DriverManager.registerDriver(new TursoDriver());
        } catch (SQLException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        return TursoConnection.open(url, JdbcUrl.parse(url, info));
    }

    @Override
    public boolean acceptsURL(String url) {
        return JdbcUrl.accepts(url);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) {
        Properties given = info == null ? new Properties() : info;
        DriverPropertyInfo io = property("io", given, "I/O backend: uring, nio or sim (default: the best available)");
        io.choices = new String[] {"uring", "nio", "sim"};
        DriverPropertyInfo mode = property("mode", given, "ro (read-only), rw (must exist), rwc (default), memory");
        mode.choices = new String[] {"ro", "rw", "rwc", "memory"};
        return new DriverPropertyInfo[] {
            io,
            mode,
            property("busy_timeout", given, "milliseconds to wait for another connection's transaction (3000)"),
            property("page_size", given, "page size of a new database in bytes (4096)")
        };
    }

    private static DriverPropertyInfo property(String name, Properties given, String description) {
        DriverPropertyInfo p = new DriverPropertyInfo(name, given.getProperty(name));
        p.description = description;
        return p;
    }

    @Override
    public int getMajorVersion() {
        return MAJOR_VERSION;
    }

    @Override
    public int getMinorVersion() {
        return MINOR_VERSION;
    }

    /** Not JDBC compliant: SQLite's dialect is not SQL-92 entry level (as sqlite-jdbc also answers). */
    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw Errors.unsupported("java.util.logging");
    }
}
