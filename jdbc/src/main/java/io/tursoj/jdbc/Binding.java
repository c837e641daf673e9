package io.tursoj.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Types;

/**
 * What PreparedStatement setters bind, in sqlite-jdbc's way: integers as INTEGER, floats as REAL, booleans as 0/1,
 * BigDecimal as its text, dates, times and timestamps as INTEGER milliseconds since the epoch, streams read whole
 * (binary as BLOB, characters as TEXT), and any other object as its {@code toString()}.
 */
final class Binding {
    private Binding() {}

    /** A Java value as an engine value: null, Long, Double, String or byte[]. */
    static Object of(Object x) throws SQLException {
        return switch (x) {
            case null -> null;
            case Long l -> l;
            case Integer i -> (long) i;
            case Short s -> (long) s;
            case Byte b -> (long) b;
            case Double d -> d;
            case Float f -> (double) f;
            case Boolean b -> b ? 1L : 0L;
            case String s -> s;
            case byte[] b -> b.clone();
            case BigDecimal d -> d.toString();
            case BigInteger i -> i.bitLength() < 64 ? (Object) i.longValue() : i.toString();
            case java.util.Date d -> d.getTime();
            case InputStream in -> bytes(in, -1);
            case Reader r -> text(r, -1);
            case Blob b -> b.getBytes(1, (int) b.length());
            case Clob c -> c.getSubString(1, (int) c.length());
            case char[] c -> new String(c);
            default -> x.toString();
        };
    }

    /** setObject with a target SQL type: the value converted to that type's storage class first. */
    static Object of(Object x, int targetSqlType) throws SQLException {
        Object v = of(x);
        if (v == null) {
            return null;
        }
        return switch (targetSqlType) {
            case Types.VARCHAR, Types.CHAR, Types.LONGVARCHAR, Types.NVARCHAR, Types.NCHAR, Types.CLOB ->
                v instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : v.toString();
            case Types.INTEGER, Types.BIGINT, Types.SMALLINT, Types.TINYINT, Types.BOOLEAN, Types.BIT ->
                switch (v) {
                    case Long l -> l;
                    case Double d -> d.longValue();
                    case String s -> integer(s);
                    default -> v;
                };
            case Types.REAL, Types.FLOAT, Types.DOUBLE ->
                switch (v) {
                    case Long l -> l.doubleValue();
                    case String s -> real(s);
                    default -> v;
                };
            default -> v;
        };
    }

    private static Object integer(String s) throws SQLException {
        String t = s.strip();
        if (t.equalsIgnoreCase("true")) {
            return 1L;
        }
        if (t.equalsIgnoreCase("false")) {
            return 0L;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new SQLException("cannot convert '" + s + "' to an integer", "22018", e);
        }
    }

    private static Object real(String s) throws SQLException {
        try {
            return Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            throw new SQLException("cannot convert '" + s + "' to a real", "22018", e);
        }
    }

    /** Reads {@code lengthBytes} bytes (all when negative). */
    static byte[] bytes(InputStream in, long lengthBytes) throws SQLException {
        if (in == null) {
            return null;
        }
        try {
            if (lengthBytes < 0) {
                return in.readAllBytes();
            }
            byte[] b = in.readNBytes((int) lengthBytes);
            if (b.length < lengthBytes) {
                throw new SQLException("stream ended after " + b.length + " of " + lengthBytes + " bytes", "22000");
            }
            return b;
        } catch (IOException e) {
            throw new SQLException("error reading stream: " + e.getMessage(), "22000", e);
        }
    }

    static String text(InputStream in, long lengthBytes, Charset charset) throws SQLException {
        byte[] b = bytes(in, lengthBytes);
        return b == null ? null : new String(b, charset);
    }

    /** Reads {@code lengthChars} characters (all when negative). */
    static String text(Reader reader, long lengthChars) throws SQLException {
        if (reader == null) {
            return null;
        }
        try {
            StringBuilder sb = new StringBuilder();
            char[] buffer = new char[8192];
            long left = lengthChars < 0 ? Long.MAX_VALUE : lengthChars;
            while (left > 0) {
                int n = reader.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                sb.append(buffer, 0, n);
                left -= n;
            }
            return sb.toString();
        } catch (IOException e) {
            throw new SQLException("error reading characters: " + e.getMessage(), "22000", e);
        }
    }
}
