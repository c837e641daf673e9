package io.tursoj.conformance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How sqllogictest's SQLite driver prints a value for its column's type letter, and how it compares results: {@code I}
 * is {@code sqlite3_column_int} printed {@code %d} (only the low 32 bits survive), {@code R} is
 * {@code sqlite3_column_double} printed {@code %.3f} by SQLite's printf (at most 16 significant digits, ties away from
 * zero), {@code T} is the text with bytes outside printable ASCII shown as {@code @}; NULL prints {@code NULL} and an
 * empty string {@code (empty)}. A one-line expected block {@code N values hashing to H} compares the MD5 of every value
 * followed by a newline.
 */
final class SltFormat {
    private static final Pattern HASH = Pattern.compile("^(\\d+) values hashing to ([0-9a-f]{32})$");
    private static final Pattern INT_PREFIX = Pattern.compile("[ \\t\\n\\f\\r\\u000b]*([+-]?)0*(\\d*)");
    private static final Pattern REAL_PREFIX =
            Pattern.compile("[ \\t\\n\\f\\r\\u000b]*([+-]?(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?)");

    private SltFormat() {}

    /**
     * Formats a typed value (null, Long, Double, String or byte[]) for type letter {@code type}; {@code text} is the
     * engine's own text of the value ({@code sqlite3_column_text}), printed for numbers in {@code T} columns.
     */
    static String format(char type, Object value, String text) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof byte[] bytes) {
            value = new String(bytes, StandardCharsets.UTF_8);
        }
        return switch (type) {
            case 'I' ->
                switch (value) {
                    case Long l -> Integer.toString((int) l.longValue());
                    case Double d -> Integer.toString((int) (long) d.doubleValue());
                    default -> Integer.toString((int) textToLong((String) value));
                };
            case 'R' ->
                switch (value) {
                    case Long l -> real3(l.doubleValue());
                    case Double d -> real3(d);
                    default -> real3(textToDouble((String) value));
                };
            default ->
                switch (value) {
                    case Long l -> text;
                    case Double d -> text;
                    default -> ((String) value).isEmpty() ? "(empty)" : printable((String) value);
                };
        };
    }

    /** SQLite's {@code %.3f}: the exact binary value rounded half away from zero, at most 16 significant digits. */
    static String real3(double x) {
        if (Double.isNaN(x)) {
            return "NULL";
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? "Inf" : "-Inf";
        }
        if (x == 0) {
            return "0.000";
        }
        BigDecimal d = new BigDecimal(x);
        int adjusted = d.precision() - d.scale() - 1;
        if (adjusted + 4 > 16) {
            d = d.setScale(15 - adjusted, RoundingMode.HALF_UP);
        }
        d = d.setScale(3, RoundingMode.HALF_UP);
        String s = d.toPlainString();
        return x < 0 && d.signum() == 0 ? "-" + s : s;
    }

    /** The integer prefix of a text, as {@code sqlite3_column_int} reads it (0 when there is none; clamped). */
    static long textToLong(String s) {
        Matcher m = INT_PREFIX.matcher(s);
        if (!m.lookingAt() || m.group(2).isEmpty()) {
            return 0;
        }
        BigDecimal v = new BigDecimal(m.group(1) + m.group(2));
        if (v.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (v.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return v.longValueExact();
    }

    /** The numeric prefix of a text, as {@code sqlite3_column_double} reads it (0 when there is none). */
    static double textToDouble(String s) {
        Matcher m = REAL_PREFIX.matcher(s);
        if (!m.lookingAt()) {
            return 0;
        }
        try {
            return Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The text with every byte outside printable ASCII shown as {@code @}. */
    static String printable(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = c >= 32 && c <= 126;
        }
        if (plain) {
            return s;
        }
        StringBuilder b = new StringBuilder();
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            b.append(c >= 32 && c <= 126 ? (char) c : '@');
        }
        return b.toString();
    }

    /** The formatted values of a result in the order its sort mode gives. */
    static List<String> order(SltScript.Sort sort, List<List<String>> rows) {
        List<List<String>> sorted = rows;
        if (sort == SltScript.Sort.ROWSORT) {
            sorted = new ArrayList<>(rows);
            sorted.sort(SltFormat::compareRows);
        }
        List<String> values = new ArrayList<>();
        for (List<String> r : sorted) {
            values.addAll(r);
        }
        if (sort == SltScript.Sort.VALUESORT) {
            values.sort(null);
        }
        return values;
    }

    private static int compareRows(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    /** Whether the values match the expected block: value by value, or by count and MD5 for a hash line. */
    static boolean matches(List<String> expected, List<String> values) {
        if (expected.size() == 1) {
            Matcher m = HASH.matcher(expected.getFirst());
            if (m.matches()) {
                return Integer.parseInt(m.group(1)) == values.size()
                        && md5(values).equals(m.group(2));
            }
        }
        return values.equals(expected);
    }

    /** MD5 (hex) of every value followed by a newline. */
    static String md5(List<String> values) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            for (String v : values) {
                md.update(v.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
