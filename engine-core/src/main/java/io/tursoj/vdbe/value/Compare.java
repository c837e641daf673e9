package io.tursoj.vdbe.value;

/**
 * Comparison of values, as SQLite orders them ({@code sqlite3MemCompare}) and as its comparison operators see them
 * (affinity applied to the operands first, {@code OP_Eq} … {@code OP_Ge}).
 *
 * <p>Order across storage classes: NULL, then numbers, then TEXT, then BLOB. Numbers compare by value, INTEGER
 * against REAL exactly (no rounding of large integers to double). TEXT compares with the collation, BLOB with
 * {@code memcmp} then length. No method here changes its operands: affinity conversions are applied to views.
 */
public final class Compare {
    private Compare() {}

    /** The comparison operators. */
    public enum Op {
        EQ,
        NE,
        LT,
        LE,
        GT,
        GE;

        /** Whether a comparison result ({@code <0}, {@code 0}, {@code >0}) satisfies the operator. */
        public boolean test(int cmp) {
            return switch (this) {
                case EQ -> cmp == 0;
                case NE -> cmp != 0;
                case LT -> cmp < 0;
                case LE -> cmp <= 0;
                case GT -> cmp > 0;
                case GE -> cmp >= 0;
            };
        }

        /** The operator with its operands swapped ({@code a < b} is {@code b > a}). */
        public Op swapped() {
            return switch (this) {
                case EQ, NE -> this;
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
            };
        }
    }

    /**
     * {@code sqlite3MemCompare}: negative, zero or positive. NULLs are equal to each other and smaller than anything;
     * {@code collation} applies to TEXT against TEXT ({@code null} means BINARY).
     */
    public static int compare(Register a, Register b, Collation collation) {
        ValueType ta = a.type();
        ValueType tb = b.type();
        if (ta == ValueType.NULL || tb == ValueType.NULL) {
            return (tb == ValueType.NULL ? 1 : 0) - (ta == ValueType.NULL ? 1 : 0);
        }
        if (ta == ValueType.INTEGER && tb == ValueType.INTEGER) {
            return Long.compare(a.longRaw(), b.longRaw());
        }
        return compareViews(
                ta,
                numericLong(a),
                numericDouble(a),
                bytesOf(a),
                lengthOf(a),
                tb,
                numericLong(b),
                numericDouble(b),
                bytesOf(b),
                lengthOf(b),
                collation);
    }

    /**
     * The comparison a binary operator performs on two non-NULL operands after applying {@code affinity}: for a
     * numeric affinity, TEXT operands that look like numbers compare as numbers; for TEXT affinity, when either
     * operand is TEXT, numeric operands compare as their text; otherwise values compare as they are.
     */
    public static int compareWithAffinity(Register a, Register b, Affinity affinity, Collation collation) {
        ValueType ta = a.type();
        ValueType tb = b.type();
        assert ta != ValueType.NULL && tb != ValueType.NULL;
        if (ta == ValueType.INTEGER && tb == ValueType.INTEGER) {
            return Long.compare(a.longRaw(), b.longRaw());
        }
        long la = numericLong(a);
        double da = numericDouble(a);
        long lb = numericLong(b);
        double db = numericDouble(b);
        byte[] za = bytesOf(a);
        int na = lengthOf(a);
        byte[] zb = bytesOf(b);
        int nb = lengthOf(b);
        if (affinity.isNumeric()) {
            if (ta == ValueType.TEXT) {
                ta = Affinity.numericTypeOfText(za, 0, na);
                la = ta == ValueType.INTEGER ? NumberText.integerValue(za, 0, na) : 0;
                da = ta == ValueType.REAL ? NumberText.parseReal(za, 0, na) : 0.0;
            }
            if (tb == ValueType.TEXT) {
                tb = Affinity.numericTypeOfText(zb, 0, nb);
                lb = tb == ValueType.INTEGER ? NumberText.integerValue(zb, 0, nb) : 0;
                db = tb == ValueType.REAL ? NumberText.parseReal(zb, 0, nb) : 0.0;
            }
        } else if (affinity == Affinity.TEXT && (ta == ValueType.TEXT || tb == ValueType.TEXT)) {
            if (ta.isNumeric()) {
                ta = ValueType.TEXT;
                za = a.textBytes();
                na = a.textLength();
            }
            if (tb.isNumeric()) {
                tb = ValueType.TEXT;
                zb = b.textBytes();
                nb = b.textLength();
            }
        }
        return compareViews(ta, la, da, za, na, tb, lb, db, zb, nb, collation);
    }

    /**
     * A comparison operator with SQLite's NULL rules: the result is {@link Logic#UNKNOWN} when either operand is NULL,
     * unless {@code nullEq} (the {@code IS} / {@code IS NOT} forms), where two NULLs are equal and NULL differs from any
     * value. Returns {@link Logic#TRUE}, {@link Logic#FALSE} or {@link Logic#UNKNOWN}.
     */
    public static int evaluate(Op op, Register a, Register b, Affinity affinity, Collation collation, boolean nullEq) {
        if (a.isNull() || b.isNull()) {
            if (!nullEq) {
                return Logic.UNKNOWN;
            }
            int cmp = a.isNull() && b.isNull() ? 0 : (a.isNull() ? -1 : 1);
            return Logic.of(op.test(cmp));
        }
        return Logic.of(op.test(compareWithAffinity(a, b, affinity, collation)));
    }

    /** {@code a IS b}: true when both are NULL or they compare equal; never unknown. */
    public static boolean is(Register a, Register b, Affinity affinity, Collation collation) {
        return evaluate(Op.EQ, a, b, affinity, collation, true) == Logic.TRUE;
    }

    /** {@code a IS DISTINCT FROM b}, the same as {@code a IS NOT b}. */
    public static boolean isDistinctFrom(Register a, Register b, Affinity affinity, Collation collation) {
        return !is(a, b, affinity, collation);
    }

    /**
     * {@code x BETWEEN low AND high}, as SQLite rewrites it: {@code x >= low AND x <= high}, each comparison with its own
     * affinity, combined with three-valued AND. Returns a {@link Logic} truth value.
     */
    public static int between(
            Register x, Register low, Register high, Affinity lowAffinity, Affinity highAffinity, Collation collation) {
        int ge = evaluate(Op.GE, x, low, lowAffinity, collation, false);
        int le = evaluate(Op.LE, x, high, highAffinity, collation, false);
        return Logic.and(ge, le);
    }

    /**
     * {@code x IN (v1, v2, ...)}: TRUE when x equals some vi; otherwise UNKNOWN when x or any vi is NULL, else FALSE.
     * An empty list gives FALSE even for a NULL x. {@code affinity} is the affinity of x (SQLite compares an IN list
     * with the left operand's affinity).
     */
    public static int in(Register x, Register[] list, Affinity affinity, Collation collation) {
        if (list.length == 0) {
            return Logic.FALSE;
        }
        if (x.isNull()) {
            return Logic.UNKNOWN;
        }
        boolean sawNull = false;
        for (Register v : list) {
            if (v.isNull()) {
                sawNull = true;
            } else if (compareWithAffinity(x, v, affinity, collation) == 0) {
                return Logic.TRUE;
            }
        }
        return sawNull ? Logic.UNKNOWN : Logic.FALSE;
    }

    /**
     * {@code sqlite3IntFloatCompare}: an integer against a double, exactly. SQLite treats a NaN as NULL, so every
     * integer is greater than it.
     */
    public static int intFloatCompare(long i, double r) {
        if (Double.isNaN(r)) {
            return 1;
        }
        if (r < -9223372036854775808.0) {
            return 1;
        }
        if (r >= 9223372036854775808.0) {
            return -1;
        }
        long y = (long) r;
        if (i < y) {
            return -1;
        }
        if (i > y) {
            return 1;
        }
        double x = (double) i;
        return x < r ? -1 : (x > r ? 1 : 0);
    }

    private static long numericLong(Register r) {
        return r.type() == ValueType.INTEGER ? r.longRaw() : 0;
    }

    private static double numericDouble(Register r) {
        return r.type() == ValueType.REAL ? r.doubleRaw() : 0.0;
    }

    private static byte[] bytesOf(Register r) {
        return r.type() == ValueType.TEXT || r.type() == ValueType.BLOB ? r.bytes() : null;
    }

    private static int lengthOf(Register r) {
        return r.type() == ValueType.TEXT || r.type() == ValueType.BLOB ? r.length() : 0;
    }

    @SuppressWarnings("ParameterNumber")
    private static int compareViews(
            ValueType ta,
            long la,
            double da,
            byte[] za,
            int na,
            ValueType tb,
            long lb,
            double db,
            byte[] zb,
            int nb,
            Collation collation) {
        if (ta.isNumeric() || tb.isNumeric()) {
            if (ta == ValueType.INTEGER && tb == ValueType.INTEGER) {
                return Long.compare(la, lb);
            }
            if (ta == ValueType.REAL && tb == ValueType.REAL) {
                return da < db ? -1 : (da > db ? 1 : 0);
            }
            if (ta == ValueType.INTEGER) {
                return tb == ValueType.REAL ? intFloatCompare(la, db) : -1;
            }
            if (ta == ValueType.REAL) {
                return tb == ValueType.INTEGER ? -intFloatCompare(lb, da) : -1;
            }
            return 1;
        }
        if (ta == ValueType.TEXT || tb == ValueType.TEXT) {
            if (ta != ValueType.TEXT) {
                return 1;
            }
            if (tb != ValueType.TEXT) {
                return -1;
            }
            if (collation != null) {
                return collation.compare(za, 0, na, zb, 0, nb);
            }
        }
        return Collations.binary(za, 0, na, zb, 0, nb);
    }
}
