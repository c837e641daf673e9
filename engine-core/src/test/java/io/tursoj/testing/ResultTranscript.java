package io.tursoj.testing;

import io.tursoj.api.Connection;
import io.tursoj.api.Row;
import io.tursoj.api.TursoException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A query's answer as one comparable string, the same for TursoJ and for SQLite (sqlite-jdbc): every value tagged
 * with its storage class (so 3 and 3.0 differ), rows sorted unless the query's ORDER BY fixes their order, and an
 * error as {@code "error: MESSAGE"}. The differential tests compare these transcripts.
 */
public final class ResultTranscript {
    private ResultTranscript() {}

    /** TursoJ's transcript of {@code sql} on {@code c}. */
    public static String tursoj(Connection c, String sql, boolean ordered) {
        try {
            List<String> rows = new ArrayList<>();
            for (Row r : c.prepare(sql).all()) {
                StringBuilder b = new StringBuilder();
                for (Object v : r.values()) {
                    b.append(canon(v)).append(',');
                }
                rows.add(b.toString());
            }
            return render(rows, ordered);
        } catch (TursoException e) {
            return "error: " + e.getMessage();
        }
    }

    /** SQLite's transcript of {@code sql} on the oracle's connection. */
    public static String sqlite(SqliteOracle oracle, String sql, boolean ordered) {
        try (var s = oracle.connection().createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            List<String> rows = new ArrayList<>();
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= n; i++) {
                    b.append(canon(rs.getObject(i))).append(',');
                }
                rows.add(b.toString());
            }
            return render(rows, ordered);
        } catch (SQLException e) {
            return "error: " + SqliteOracle.message(e);
        }
    }

    private static String render(List<String> rows, boolean ordered) {
        if (!ordered) {
            rows.sort(null);
        }
        return rows.toString();
    }

    private static String canon(Object v) {
        return switch (v) {
            case null -> "N";
            case Integer i -> "I" + i;
            case Long l -> "I" + l;
            case Double d -> "R" + (d == 0 ? "0" : Double.toString(d));
            case String s -> "T" + s;
            case byte[] b -> "B" + HexFormat.of().formatHex(b);
            default -> "?" + v;
        };
    }
}
