package io.tursoj.vdbe.value;

/**
 * Arithmetic, bitwise and concatenation operators with SQLite's rules ({@code OP_Add} … {@code OP_Remainder},
 * {@code OP_BitAnd}, {@code OP_ShiftLeft}, {@code OP_Concat}):
 *
 * <ul>
 *   <li>A NULL operand gives NULL.
 *   <li>TEXT and BLOB operands are read as numbers: an integer when the text (or a prefix that is not followed by a
 *       decimal point or exponent) is an integer that fits, else a real ({@code '12abc'} is 12, {@code 'abc'} is 0,
 *       {@code '1.5x'} is 1.5).
 *   <li>Two integers give an integer unless the result overflows 64 bits, in which case the operation is redone in
 *       floating point ({@code 9223372036854775807 + 1} is {@code 9.22337203685478e+18}).
 *   <li>Division or remainder by zero gives NULL; integer division truncates toward zero; {@code %} works on the
 *       integer values of its operands (so {@code 5.5 % 2} is {@code 1.0}) and takes the sign of the dividend.
 *   <li>A floating-point result that is NaN (such as {@code inf - inf}) is NULL.
 * </ul>
 *
 * <p>The output register may be one of the operands.
 */
public final class Arithmetic {
    private Arithmetic() {}

    public enum Op {
        ADD,
        SUBTRACT,
        MULTIPLY,
        DIVIDE,
        REMAINDER
    }

    public enum BitOp {
        AND,
        OR,
        SHIFT_LEFT,
        SHIFT_RIGHT
    }

    /** {@code out = left op right}. */
    public static void apply(Op op, Register left, Register right, Register out) {
        ValueType tl = left.type();
        ValueType tr = right.type();
        if (tl == ValueType.INTEGER && tr == ValueType.INTEGER) {
            integerMath(op, left.longRaw(), right.longRaw(), left, right, out);
            return;
        }
        if (tl == ValueType.NULL || tr == ValueType.NULL) {
            out.setNull();
            return;
        }
        boolean leftInt = isIntegerOperand(left);
        boolean rightInt = isIntegerOperand(right);
        if (leftInt && rightInt) {
            integerMath(op, left.asLong(), right.asLong(), left, right, out);
        } else {
            floatMath(op, left, right, out);
        }
    }

    /** {@code out = -in}, as SQLite computes it ({@code 0 - in}). */
    public static void negate(Register in, Register out) {
        switch (in.type()) {
            case NULL -> out.setNull();
            case INTEGER -> {
                long v = in.longRaw();
                if (v == Long.MIN_VALUE) {
                    out.setDouble(0.0 - (double) v);
                } else {
                    out.setLong(-v);
                }
            }
            case REAL -> out.setDouble(0.0 - in.doubleRaw());
            default -> {
                if (isIntegerOperand(in)) {
                    long v = in.asLong();
                    if (v == Long.MIN_VALUE) {
                        out.setDouble(0.0 - (double) v);
                    } else {
                        out.setLong(-v);
                    }
                } else {
                    out.setDouble(0.0 - in.asDouble());
                }
            }
        }
    }

    /**
     * Whether a non-NULL operand counts as an integer for arithmetic ({@code numericType} of the VDBE). For TEXT and
     * BLOB: the whole text is an integer that fits, or it is not a number at all and its integer prefix is taken.
     */
    static boolean isIntegerOperand(Register r) {
        return switch (r.type()) {
            case INTEGER -> true;
            case REAL, NULL -> false;
            case TEXT, BLOB -> {
                byte[] z = r.bytes();
                int n = r.length();
                int rc = NumberText.classifyReal(z, 0, n);
                if (rc <= 0) {
                    yield rc == NumberText.NOT_NUMERIC
                            && NumberText.integerStatus(z, 0, n) <= NumberText.INT_EXTRA_TEXT;
                }
                yield rc == NumberText.INTEGER_SYNTAX && NumberText.integerStatus(z, 0, n) == NumberText.INT_OK;
            }
        };
    }

    private static void integerMath(Op op, long a, long b, Register left, Register right, Register out) {
        long result;
        switch (op) {
            case ADD -> {
                result = a + b;
                if (((a ^ result) & (b ^ result)) < 0) {
                    floatMath(op, left, right, out);
                    return;
                }
            }
            case SUBTRACT -> {
                result = a - b;
                if (((a ^ b) & (a ^ result)) < 0) {
                    floatMath(op, left, right, out);
                    return;
                }
            }
            case MULTIPLY -> {
                long hi = Math.multiplyHigh(a, b);
                result = a * b;
                if (hi != (result >> 63)) {
                    floatMath(op, left, right, out);
                    return;
                }
            }
            case DIVIDE -> {
                if (b == 0) {
                    out.setNull();
                    return;
                }
                if (b == -1 && a == Long.MIN_VALUE) {
                    floatMath(op, left, right, out);
                    return;
                }
                result = a / b;
            }
            case REMAINDER -> {
                if (b == 0) {
                    out.setNull();
                    return;
                }
                result = b == -1 ? 0 : a % b;
            }
            default -> throw new AssertionError(op);
        }
        out.setLong(result);
    }

    private static void floatMath(Op op, Register left, Register right, Register out) {
        double result;
        if (op == Op.REMAINDER) {
            long a = left.asLong();
            long b = right.asLong();
            if (b == 0) {
                out.setNull();
                return;
            }
            result = (double) (b == -1 ? 0 : a % b);
        } else {
            double a = left.asDouble();
            double b = right.asDouble();
            switch (op) {
                case ADD -> result = a + b;
                case SUBTRACT -> result = a - b;
                case MULTIPLY -> result = a * b;
                default -> {
                    if (b == 0.0) {
                        out.setNull();
                        return;
                    }
                    result = a / b;
                }
            }
        }
        out.setDouble(result); // NaN becomes NULL
    }

    /** {@code out = left op right} for {@code & | << >>}: operands are read as integers ({@link Register#asLong()}). */
    public static void bitwise(BitOp op, Register left, Register right, Register out) {
        if (left.isNull() || right.isNull()) {
            out.setNull();
            return;
        }
        long a = left.asLong();
        long b = right.asLong();
        long result = switch (op) {
            case AND -> a & b;
            case OR -> a | b;
            case SHIFT_LEFT -> shift(a, b, true);
            case SHIFT_RIGHT -> shift(a, b, false);
        };
        out.setLong(result);
    }

    private static long shift(long a, long amount, boolean left) {
        if (amount == 0) {
            return a;
        }
        if (amount < 0) {
            left = !left;
            amount = amount > -64 ? -amount : 64;
        }
        if (amount >= 64) {
            return (a >= 0 || left) ? 0 : -1;
        }
        return left ? a << amount : a >> amount;
    }

    /** {@code out = ~in}. */
    public static void bitNot(Register in, Register out) {
        if (in.isNull()) {
            out.setNull();
        } else {
            out.setLong(~in.asLong());
        }
    }

    /**
     * {@code out = left || right}: NULL if either is NULL, else the TEXT of the two operands' text (numbers rendered,
     * BLOB bytes taken as they are). Throws {@code string or blob too big} past the length limit.
     */
    public static void concat(Register left, Register right, Register out) {
        if (left.isNull() || right.isNull()) {
            out.setNull();
            return;
        }
        int nl = left.textLength();
        int nr = right.textLength();
        long total = (long) nl + nr;
        Limits.checkLength(total);
        boolean leftInPlace = out == left && !left.type().isNumeric();
        boolean rightInPlace = out == right && !right.type().isNumeric();
        if (rightInPlace && !leftInPlace) {
            // out is right and not left: slide right's bytes over, then put left's in front.
            byte[] zl = left.textBytes();
            byte[] buf = out.prepareBuffer((int) total, true);
            System.arraycopy(buf, 0, buf, nl, nr);
            System.arraycopy(zl, 0, buf, 0, nl);
        } else if (leftInPlace) {
            byte[] buf = out.prepareBuffer((int) total, true);
            byte[] zr = out == right ? buf : right.textBytes();
            System.arraycopy(zr, 0, buf, nl, nr);
        } else {
            byte[] zl = left.textBytes();
            byte[] zr = right.textBytes();
            byte[] buf = out.prepareBuffer((int) total, false);
            System.arraycopy(zl, 0, buf, 0, nl);
            System.arraycopy(zr, 0, buf, nl, nr);
        }
        out.commitText((int) total);
    }
}
