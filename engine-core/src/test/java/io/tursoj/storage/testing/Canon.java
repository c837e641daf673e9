package io.tursoj.storage.testing;

import io.tursoj.storage.format.RecordReader;
import io.tursoj.storage.format.SerialType;
import java.util.HexFormat;
import java.util.Locale;

/**
 * A canonical text form of SQL values that both sides of a differential test can produce exactly: {@code N} for
 * NULL, {@code I<decimal>} for integers, {@code R<16 hex digits>} for the IEEE bits of a real, {@code T<hex>} for
 * the UTF-8 bytes of text and {@code B<hex>} for a blob. {@link #sql} gives the sqlite3 expression.
 */
public final class Canon {
    private Canon() {}

    /** The sqlite3 expression that renders column {@code column} canonically. */
    public static String sql(String column) {
        return "(CASE typeof(" + column + ") WHEN 'null' THEN 'N' WHEN 'integer' THEN 'I' || " + column
                + " WHEN 'real' THEN 'R' || hex(ieee754_to_blob(" + column + ")) WHEN 'text' THEN 'T' || hex("
                + column + ") ELSE 'B' || hex(" + column + ") END)";
    }

    /** Several columns joined with {@code ||','||}. */
    public static String sql(String... columns) {
        StringBuilder b = new StringBuilder();
        for (String c : columns) {
            if (!b.isEmpty()) {
                b.append(" || ',' || ");
            }
            b.append(sql(c));
        }
        return b.toString();
    }

    /** Column {@code column} of a parsed record, canonically. */
    public static String of(RecordReader r, int column) {
        long type = r.serialType(column);
        if (type == SerialType.NULL) {
            return "N";
        }
        if (type == SerialType.FLOAT64) {
            return "R" + String.format(Locale.ROOT, "%016X", Double.doubleToRawLongBits(r.doubleValue(column)));
        }
        if (SerialType.isInteger(type)) {
            return "I" + r.longValue(column);
        }
        String hex = HexFormat.of().withUpperCase().formatHex(r.bytesValue(column));
        return (SerialType.isText(type) ? "T" : "B") + hex;
    }

    /** Every column of a record, joined with commas. */
    public static String of(RecordReader r) {
        StringBuilder b = new StringBuilder();
        for (int c = 0; c < r.columnCount(); c++) {
            if (c > 0) {
                b.append(',');
            }
            b.append(of(r, c));
        }
        return b.toString();
    }
}
