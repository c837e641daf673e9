package io.tursoj.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.UUID;

/** {@link java.sql.ResultSet#getObject(int, Class)}: the getters JDBC 4.1 names, plus java.time and UUID. */
final class ObjectReader {
    private ObjectReader() {}

    static <T> T read(TursoResultSet rs, int column, Class<T> type) throws SQLException {
        Object v = value(rs, column, type);
        if (rs.wasNull() || v == null) {
            return null;
        }
        return type.cast(v);
    }

    private static Object value(TursoResultSet rs, int column, Class<?> type) throws SQLException {
        if (type == String.class) {
            return rs.getString(column);
        }
        if (type == Long.class || type == long.class) {
            return rs.getLong(column);
        }
        if (type == Integer.class || type == int.class) {
            return rs.getInt(column);
        }
        if (type == Short.class || type == short.class) {
            return rs.getShort(column);
        }
        if (type == Byte.class || type == byte.class) {
            return rs.getByte(column);
        }
        if (type == Double.class || type == double.class) {
            return rs.getDouble(column);
        }
        if (type == Float.class || type == float.class) {
            return rs.getFloat(column);
        }
        if (type == Boolean.class || type == boolean.class) {
            return rs.getBoolean(column);
        }
        if (type == BigDecimal.class) {
            return rs.getBigDecimal(column);
        }
        if (type == BigInteger.class) {
            BigDecimal d = rs.getBigDecimal(column);
            return d == null ? null : d.toBigInteger();
        }
        if (type == byte[].class) {
            return rs.getBytes(column);
        }
        return temporalOrOther(rs, column, type);
    }

    private static Object temporalOrOther(TursoResultSet rs, int column, Class<?> type) throws SQLException {
        if (type == Date.class) {
            return rs.getDate(column);
        }
        if (type == Time.class) {
            return rs.getTime(column);
        }
        if (type == Timestamp.class || type == java.util.Date.class) {
            return rs.getTimestamp(column);
        }
        if (type == LocalDate.class || type == LocalDateTime.class || type == LocalTime.class) {
            return local(rs, column, type);
        }
        if (type == Instant.class) {
            Timestamp t = rs.getTimestamp(column);
            return t == null ? null : t.toInstant();
        }
        if (type == OffsetDateTime.class) {
            Timestamp t = rs.getTimestamp(column);
            return t == null ? null : t.toInstant().atOffset(ZoneOffset.UTC);
        }
        if (type == UUID.class) {
            String s = rs.getString(column);
            return s == null ? null : UUID.fromString(s);
        }
        if (type == Object.class) {
            return rs.getObject(column);
        }
        Object o = rs.getObject(column);
        if (o != null && !type.isInstance(o)) {
            throw new SQLException("cannot convert column " + column + " to " + type.getName(), "22000");
        }
        return o;
    }

    /** Text in ISO form parses directly (how java.time values are bound); other values go through a timestamp. */
    private static Object local(TursoResultSet rs, int column, Class<?> type) throws SQLException {
        Object raw = rs.getObject(column);
        if (raw instanceof String s) {
            try {
                if (type == LocalDate.class) {
                    return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
                }
                if (type == LocalTime.class) {
                    return LocalTime.parse(s);
                }
                return LocalDateTime.parse(s.replace(' ', 'T'));
            } catch (java.time.format.DateTimeParseException e) {
                // Fall back to the timestamp forms below.
            }
        }
        Timestamp t = rs.getTimestamp(column);
        if (t == null) {
            return null;
        }
        LocalDateTime ldt = LocalDateTime.ofInstant(t.toInstant(), ZoneId.systemDefault());
        if (type == LocalDate.class) {
            return ldt.toLocalDate();
        }
        return type == LocalTime.class ? ldt.toLocalTime() : ldt;
    }
}
