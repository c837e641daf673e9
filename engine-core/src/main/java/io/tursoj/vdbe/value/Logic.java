package io.tursoj.vdbe.value;

/**
 * SQL's three-valued logic. Truth values are ints: {@link #FALSE} (0), {@link #TRUE} (1) and {@link #UNKNOWN} (2,
 * the truth value of NULL), the encoding SQLite's {@code OP_And} / {@code OP_Or} tables use.
 */
public final class Logic {
    private Logic() {}

    public static final int FALSE = 0;
    public static final int TRUE = 1;
    public static final int UNKNOWN = 2;

    private static final byte[] AND = {0, 0, 0, 0, 1, 2, 0, 2, 2};
    private static final byte[] OR = {0, 1, 2, 1, 1, 1, 2, 1, 2};

    public static int of(boolean b) {
        return b ? TRUE : FALSE;
    }

    /**
     * The truth value of a register ({@code sqlite3VdbeBooleanValue}): NULL is UNKNOWN; a number is true when non-zero;
     * TEXT and BLOB are true when their numeric prefix is non-zero ({@code '1abc'} is true, {@code 'abc'} false).
     */
    public static int truth(Register r) {
        return switch (r.type()) {
            case NULL -> UNKNOWN;
            case INTEGER -> of(r.longRaw() != 0);
            default -> of(r.asDouble() != 0.0);
        };
    }

    public static int and(int a, int b) {
        return AND[a * 3 + b];
    }

    public static int or(int a, int b) {
        return OR[a * 3 + b];
    }

    public static int not(int a) {
        return a == UNKNOWN ? UNKNOWN : 1 - a;
    }

    /**
     * {@code x IS TRUE}, {@code x IS FALSE} and their negations ({@code OP_IsTrue}): never unknown; a NULL operand
     * yields {@code ifNull}.
     */
    public static boolean isTrue(Register r, boolean ifNull, boolean invert) {
        int t = truth(r);
        boolean v = t == UNKNOWN ? ifNull : t == TRUE;
        return v ^ invert;
    }

    /** Stores a truth value: 1, 0 or NULL. */
    public static void store(int truth, Register out) {
        if (truth == UNKNOWN) {
            out.setNull();
        } else {
            out.setLong(truth);
        }
    }
}
