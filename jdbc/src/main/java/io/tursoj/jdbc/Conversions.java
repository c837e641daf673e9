package io.tursoj.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * SQLite's conversions between storage classes, and the way sqlite-jdbc stores and reads dates: a date, time or
 * timestamp is bound as INTEGER milliseconds since the epoch (its default {@code date_class}); reading one accepts
 * INTEGER milliseconds, REAL Julian day numbers and TEXT in {@code yyyy-MM-dd HH:mm:ss.SSS} and its shorter forms.
 */
final class Conversions {
    private static final double JULIAN_UNIX_EPOCH = 2440587.5;
    private static final double MILLIS_PER_DAY = 86_400_000.0;
    private static final DateTimeFormatter[] DATE_TIMES = {
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"),
        DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"),
    };

    private Conversions() {}

    /** sqlite3_column_int64 of text: the leading integer, after spaces and a sign; 0 if none; saturates. */
    static long textToLong(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int start = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        if (i == start) {
            return 0;
        }
        BigInteger v = new BigInteger(s.substring(start, i));
        if (negative) {
            v = v.negate();
        }
        if (v.bitLength() > 63) {
            return negative ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return v.longValue();
    }

    /** sqlite3_column_double of text: the longest numeric prefix; 0.0 if none. */
    static double textToDouble(String s) {
        String t = s.strip();
        for (int end = t.length(); end > 0; end--) {
            try {
                String prefix = t.substring(0, end);
                char last = prefix.charAt(prefix.length() - 1);
                if (Character.isDigit(last) || last == '.') {
                    return Double.parseDouble(prefix);
                }
            } catch (NumberFormatException e) {
                // Try a shorter prefix.
            }
        }
        return 0.0;
    }

    static BigDecimal toBigDecimal(String text) throws SQLException {
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new SQLException("Bad value for type BigDecimal : " + text, "22018");
        }
    }

    /** Milliseconds since the epoch of column {@code i}, or null for NULL or empty text. */
    static Long epochMillis(Rows rows, int i, Calendar calendar) throws SQLException {
        return switch (rows.type(i)) {
            case Rows.NULL -> null;
            case Rows.INTEGER -> rows.getLong(i);
            case Rows.REAL -> (long) ((rows.getDouble(i) - JULIAN_UNIX_EPOCH) * MILLIS_PER_DAY);
            default -> {
                String text = rows.getText(i);
                yield text.isBlank() ? null : parseMillis(text.strip(), zone(calendar));
            }
        };
    }

    private static ZoneId zone(Calendar calendar) {
        return calendar == null
                ? ZoneId.systemDefault()
                : calendar.getTimeZone().toZoneId();
    }

    static TimeZone timeZone(Calendar calendar) {
        return calendar == null ? TimeZone.getDefault() : calendar.getTimeZone();
    }

    private static long parseMillis(String text, ZoneId zone) throws SQLException {
        for (DateTimeFormatter f : DATE_TIMES) {
            try {
                return LocalDateTime.parse(text, f).atZone(zone).toInstant().toEpochMilli();
            } catch (DateTimeParseException e) {
                // Try the next form.
            }
        }
        try {
            return LocalDate.parse(text).atStartOfDay(zone).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            // Maybe a time of day.
        }
        try {
            return LocalTime.parse(text)
                    .atDate(LocalDate.EPOCH)
                    .atZone(zone)
                    .toInstant()
                    .toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new SQLException("Error parsing time stamp: " + text, "22007", e);
        }
    }
}
