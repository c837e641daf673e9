package io.tursoj.vdbe.value;

/**
 * {@code CAST(x AS type)} ({@code sqlite3VdbeMemCast}). The target is the affinity of the type name
 * ({@link Affinity#ofDeclaredType}); NULL stays NULL whatever the target.
 *
 * <ul>
 *   <li>TEXT: numbers become their text; BLOB bytes become TEXT as they are.
 *   <li>BLOB: numbers become the bytes of their text; TEXT bytes become a BLOB.
 *   <li>INTEGER: {@link Register#asLong()}: REAL truncates toward zero (clamping), text takes its longest integer
 *       prefix ({@code '12.9'} is 12, {@code 'abc'} is 0).
 *   <li>REAL: {@link Register#asDouble()}: text takes its longest numeric prefix.
 *   <li>NUMERIC: text becomes INTEGER when it (or its prefix, when the text is not a number) is an integer that fits,
 *       or when it is a real with a small exact integer value ({@code '3.0'} is 3); otherwise REAL. A REAL value stays
 *       REAL, an INTEGER stays INTEGER.
 * </ul>
 */
public final class Cast {
    private Cast() {}

    /** Casts the register's value in place. */
    public static void apply(Register r, Affinity target) {
        if (r.isNull()) {
            return;
        }
        switch (target) {
            case BLOB, NONE -> {
                if (r.type() != ValueType.BLOB) {
                    r.setBlob(r.textBytes(), 0, r.textLength());
                }
            }
            case TEXT -> {
                if (r.type() != ValueType.TEXT) {
                    r.setText(r.textBytes(), 0, r.textLength());
                }
            }
            case INTEGER -> r.setLong(r.asLong());
            case REAL -> r.setDouble(r.asDouble());
            case NUMERIC, FLEXNUM -> numerify(r);
        }
    }

    /** {@code CAST(x AS typeName)}. */
    public static void apply(Register r, String typeName) {
        apply(r, Affinity.ofDeclaredType(typeName));
    }

    /** {@code sqlite3VdbeMemNumerify}. */
    static void numerify(Register r) {
        if (r.type() != ValueType.TEXT && r.type() != ValueType.BLOB) {
            return;
        }
        byte[] z = r.bytes();
        int n = r.length();
        int rc = NumberText.classifyReal(z, 0, n);
        double d = NumberText.parseReal(z, 0, n);
        if ((rc == NumberText.NOT_NUMERIC || rc == NumberText.INTEGER_SYNTAX)
                && NumberText.integerStatus(z, 0, n) <= NumberText.INT_EXTRA_TEXT) {
            r.setLong(NumberText.integerValue(z, 0, n));
            return;
        }
        long ix = NumberText.realToInt64(d);
        if (NumberText.realSameAsInt(d, ix)) {
            r.setLong(ix);
        } else {
            r.setDouble(d);
        }
    }
}
