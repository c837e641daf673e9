package io.tursoj.shell.output;

import io.tursoj.vdbe.value.ByteBuilder;
import io.tursoj.vdbe.value.FpDecode;
import io.tursoj.vdbe.value.RealFormat;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** How sqlite3's shell turns values into text: plain text for display, SQL literals for quote and insert modes. */
public final class Values {
    private Values() {}

    /** The text of a value as list mode shows it (reals as {@code %!.15g}, blobs as their bytes), or null. */
    public static String text(Object v) {
        return switch (v) {
            case null -> null;
            case Double d -> RealFormat.valueText(d);
            case byte[] b -> new String(b, StandardCharsets.UTF_8);
            default -> v.toString();
        };
    }

    /** A real with 20 significant digits ({@code %!.20g}), as the quote, insert and json modes print it. */
    public static String exactReal(double d) {
        ByteBuilder out = new ByteBuilder(40);
        RealFormat.format(out, d, RealFormat.GENERIC, false, 20, 0, RealFormat.FLAG_ALT2, (byte) 0, new FpDecode());
        return out.toString();
    }

    /** The value as an SQL literal: NULL, a number, a quoted string or X'..'. */
    public static String literal(Object v) {
        return switch (v) {
            case null -> "NULL";
            case Double d -> Double.isInfinite(d) ? (d > 0 ? "9.0e+999" : "-9.0e+999") : exactReal(d);
            case byte[] b -> "X'" + HexFormat.of().formatHex(b) + "'";
            case String s -> quoteString(s);
            default -> v.toString();
        };
    }

    /** {@code 'text'} with embedded quotes doubled. */
    public static String quoteString(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** A name quoted for SQL when it is not a plain identifier. */
    public static String quoteName(String name) {
        if (!name.isEmpty() && isPlainIdentifier(name)) {
            return name;
        }
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static boolean isPlainIdentifier(String name) {
        char first = name.charAt(0);
        if (!(Character.isLetter(first) || first == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return !Keywords.isKeyword(name);
    }
}
