package io.tursoj.testing;

import io.tursoj.vdbe.value.RealFormat;
import io.tursoj.vdbe.value.Utf8;
import io.tursoj.vdbe.value.Value;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/**
 * Real SQLite (through sqlite-jdbc, in process) as the oracle of differential tests: evaluates an expression with
 * bound arguments and returns its exact value (storage class, 64-bit integer, double bits, bytes) or its error message.
 */
public final class SqliteOracle implements AutoCloseable {
    /** What SQLite answered: a value, or the error message it raised. */
    public record Answer(Value value, String error) {
        public static Answer of(Value v) {
            return new Answer(v, null);
        }

        public static Answer failure(String message) {
            return new Answer(null, message);
        }

        @Override
        public String toString() {
            return error != null ? "error: " + error : value.type().typeName() + " " + describe(value);
        }
    }

    private final Connection connection;

    /**
     * Whether two answers agree: identical, or both the real zero with different signs. SQLite 3.50 reads a sign
     * without digits ({@code '-x'}) as -0.0 where newer SQLite reads +0.0; both render as {@code 0.0}.
     */
    public static boolean agree(Answer a, Answer b) {
        if (a.equals(b)) {
            return true;
        }
        return a.value() instanceof Value.RealValue x
                && b.value() instanceof Value.RealValue y
                && x.value() == 0.0
                && y.value() == 0.0;
    }

    public SqliteOracle() {
        try {
            connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Connection connection() {
        return connection;
    }

    /**
     * The real-number dialect of this SQLite: 3.50 and older render reals with 15 digits (TursoJ's dialect); the
     * newer SQLite in the pinned sqlite-jdbc renders 17. Tests switch {@link RealFormat} to match the oracle.
     */
    public RealFormat.Dialect dialect() {
        String[] v = version().split("\\.");
        int minor = Integer.parseInt(v[1]);
        return Integer.parseInt(v[0]) == 3 && minor <= 50
                ? RealFormat.Dialect.LEGACY_15
                : RealFormat.Dialect.ROUND_TRIP_17;
    }

    /** Whether this SQLite is the dialect TursoJ targets (3.50), where even text with NUL bytes converts alike. */
    public boolean isTargetDialect() {
        return dialect() == RealFormat.Dialect.LEGACY_15;
    }

    /** SQLite's version string. */
    public String version() {
        try (var s = connection.createStatement();
                var rs = s.executeQuery("select sqlite_version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs DDL or DML. */
    public void execute(String sql) {
        try (var s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /**
     * The SQL placeholder to use for an argument: text that is not valid UTF-8 (or holds NUL bytes) is bound as a
     * BLOB and cast back, which keeps its bytes but gives the expression TEXT affinity.
     */
    public static String placeholder(Value v) {
        return v instanceof Value.TextValue t && !bindableAsString(t.utf8()) ? "CAST(? AS TEXT)" : "?";
    }

    private static boolean bindableAsString(byte[] utf8) {
        for (byte b : utf8) {
            if (b == 0) {
                return false;
            }
        }
        return Arrays.equals(new String(utf8, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), utf8);
    }

    /**
     * Evaluates {@code expression} (which uses {@code ?1 .. ?n} or plain {@code ?} placeholders, one per argument in
     * order) and returns the answer.
     */
    public Answer evaluate(String expression, List<Value> args) {
        String sql = "SELECT typeof(r), r, hex(r) FROM (SELECT " + expression + " AS r)";
        // A statement per call: sqlite-jdbc closes a cached statement when another one is prepared after it.
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                bind(ps, i + 1, args.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Answer.of(read(rs));
            }
        } catch (SQLException e) {
            return Answer.failure(message(e));
        }
    }

    /** Reads columns (typeof, value, hex) starting at column 1. */
    public static Value read(ResultSet rs) throws SQLException {
        return read(rs, 1);
    }

    /** Reads a (typeof, value, hex) triple starting at {@code column}. */
    public static Value read(ResultSet rs, int column) throws SQLException {
        String type = rs.getString(column);
        return switch (type) {
            case "null" -> Value.NULL;
            case "integer" -> Value.ofLong(rs.getLong(column + 1));
            case "real" -> Value.ofDouble(rs.getDouble(column + 1));
            case "text" -> new Value.TextValue(HexFormat.of().parseHex(rs.getString(column + 2)));
            case "blob" -> new Value.BlobValue(HexFormat.of().parseHex(rs.getString(column + 2)));
            default -> throw new IllegalStateException("typeof " + type);
        };
    }

    public static void bind(PreparedStatement ps, int index, Value v) throws SQLException {
        switch (v) {
            case Value.NullValue n -> ps.setNull(index, java.sql.Types.NULL);
            case Value.IntValue i -> ps.setLong(index, i.value());
            case Value.RealValue r -> ps.setDouble(index, r.value());
            case Value.TextValue t -> {
                if (bindableAsString(t.utf8())) {
                    ps.setString(index, t.asString());
                } else {
                    ps.setBytes(index, t.utf8());
                }
            }
            case Value.BlobValue b -> ps.setBytes(index, b.bytes());
        }
    }

    /** The error text SQLite produced (sqlite-jdbc wraps it as "[CODE] description (message)"). */
    public static String message(SQLException e) {
        String m = e.getMessage();
        int open = m.indexOf('(');
        if (m.startsWith("[") && open >= 0 && m.endsWith(")")) {
            return m.substring(open + 1, m.length() - 1);
        }
        return m;
    }

    /** A readable rendering of a value for failure messages. */
    public static String describe(Value v) {
        return switch (v) {
            case Value.NullValue n -> "NULL";
            case Value.IntValue i -> Long.toString(i.value());
            case Value.RealValue r -> r.value() + " (" + Long.toHexString(Double.doubleToRawLongBits(r.value())) + ")";
            case Value.TextValue t ->
                "'" + Utf8.decode(t.utf8(), 0, t.utf8().length) + "' x"
                        + HexFormat.of().formatHex(t.utf8());
            case Value.BlobValue b -> "x'" + HexFormat.of().formatHex(b.bytes()) + "'";
        };
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
