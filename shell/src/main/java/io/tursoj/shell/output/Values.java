package io.tursoj.shell.output;

import io.tursoj.vdbe.value.RealFormat;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
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

    /**
     * A real with 20 significant digits, as sqlite3's {@code %!.20g} prints it for the quote, insert and json modes
     * and {@code .dump}: enough digits that the text reads back to the same double. The digits are the exact decimal
     * value rounded half up; exponent form below 1e-4 and from 1e20.
     */
    public static String exactReal(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return RealFormat.valueText(d);
        }
        if (d == 0) {
            return "0.0";
        }
        BigDecimal rounded = new BigDecimal(d).round(new MathContext(20, RoundingMode.HALF_UP));
        String digits = rounded.unscaledValue().abs().toString().replaceFirst("0+$", "");
        int exponent = rounded.precision() - rounded.scale() - 1;
        StringBuilder b = new StringBuilder(d < 0 ? "-" : "");
        if (exponent < -4 || exponent >= 20) {
            b.append(digits.charAt(0)).append('.').append(digits.length() > 1 ? digits.substring(1) : "0");
            b.append(exponent < 0 ? "e-" : "e+");
            int e = Math.abs(exponent);
            b.append(e < 10 ? "0" : "").append(e);
        } else if (exponent < 0) {
            b.append("0.").append("0".repeat(-exponent - 1)).append(digits);
        } else if (digits.length() <= exponent + 1) {
            b.append(digits).append("0".repeat(exponent + 1 - digits.length())).append(".0");
        } else {
            b.append(digits, 0, exponent + 1).append('.').append(digits.substring(exponent + 1));
        }
        return b.toString();
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
