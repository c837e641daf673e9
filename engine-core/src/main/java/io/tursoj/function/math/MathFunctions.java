package io.tursoj.function.math;

import static io.tursoj.function.FunctionDef.DETERMINISTIC;
import static io.tursoj.function.FunctionDef.scalar;

import io.tursoj.function.FunctionContext;
import io.tursoj.function.FunctionDef;
import io.tursoj.vdbe.value.Register;
import io.tursoj.vdbe.value.ValueType;
import java.util.function.Consumer;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;

/**
 * SQLite's math functions (FEATURES.md §5c, {@code SQLITE_ENABLE_MATH_FUNCTIONS}).
 *
 * <p>Rules: an argument must be a number or text that looks like one ({@code sqlite3_value_numeric_type} INTEGER or
 * REAL), else the result is NULL; the computation is in doubles; a NaN result (a domain error such as
 * {@code sqrt(-1)} or {@code acos(2)}) is NULL. {@code ceil}, {@code floor} and {@code trunc} return an INTEGER
 * argument unchanged. {@code ln}, {@code log}, {@code log10}, {@code log2} return NULL for arguments not above zero;
 * {@code log(B, X)} also for a base not above 1 (whose logarithm is not positive).
 *
 * <p>SQLite calls the C library; Java's functions are not bit-identical to it. For each function the closer of
 * {@link Math} (whose exp, log, sin, cos, tan and pow match glibc on nearly every argument) and {@link StrictMath}
 * (fdlibm: closer for log10 and tanh) is used; the inverse hyperbolic functions follow fdlibm's formulas. Where
 * results differ it is in the last bit or two, which a 15-digit rendering almost never shows.
 */
public final class MathFunctions {
    private MathFunctions() {}

    private static final double LN2 = StrictMath.log(2.0);

    public static void register(Consumer<FunctionDef> sink) {
        int d = DETERMINISTIC;
        sink.accept(scalar("acos", 1, d, unary(StrictMath::acos)));
        sink.accept(scalar("acosh", 1, d, unary(MathFunctions::acosh)));
        sink.accept(scalar("asin", 1, d, unary(StrictMath::asin)));
        sink.accept(scalar("asinh", 1, d, unary(MathFunctions::asinh)));
        sink.accept(scalar("atan", 1, d, unary(StrictMath::atan)));
        sink.accept(scalar("atan2", 2, d, binary(StrictMath::atan2)));
        sink.accept(scalar("atanh", 1, d, unary(MathFunctions::atanh)));
        sink.accept(scalar("ceil", 1, d, rounding(Math::ceil)));
        sink.accept(scalar("ceiling", 1, d, rounding(Math::ceil)));
        sink.accept(scalar("cos", 1, d, unary(Math::cos)));
        sink.accept(scalar("cosh", 1, d, unary(StrictMath::cosh)));
        sink.accept(scalar("degrees", 1, d, unary(x -> x * (180.0 / Math.PI))));
        sink.accept(scalar("exp", 1, d, unary(Math::exp)));
        sink.accept(scalar("floor", 1, d, rounding(Math::floor)));
        sink.accept(scalar("ln", 1, d, logarithm(Math::log)));
        sink.accept(scalar("log", 1, d, logarithm(StrictMath::log10)));
        sink.accept(scalar("log", 2, d, MathFunctions::logBase));
        sink.accept(scalar("log10", 1, d, logarithm(StrictMath::log10)));
        sink.accept(scalar("log2", 1, d, logarithm(MathFunctions::log2)));
        sink.accept(scalar("mod", 2, d, binary((x, y) -> x % y)));
        sink.accept(scalar("pi", 0, d, (c, a, o) -> o.setDouble(Math.PI)));
        sink.accept(scalar("pow", 2, d, binary(Math::pow)));
        sink.accept(scalar("power", 2, d, binary(Math::pow)));
        sink.accept(scalar("radians", 1, d, unary(x -> x * (Math.PI / 180.0))));
        sink.accept(scalar("sin", 1, d, unary(Math::sin)));
        sink.accept(scalar("sinh", 1, d, unary(StrictMath::sinh)));
        sink.accept(scalar("sqrt", 1, d, unary(Math::sqrt)));
        sink.accept(scalar("tan", 1, d, unary(Math::tan)));
        sink.accept(scalar("tanh", 1, d, unary(StrictMath::tanh)));
        sink.accept(scalar("trunc", 1, d, rounding(x -> x < 0 ? Math.ceil(x) : Math.floor(x))));
    }

    private static boolean isNumber(Register r) {
        ValueType t = r.numericType();
        return t == ValueType.INTEGER || t == ValueType.REAL;
    }

    /**
     * The argument's value after numeric affinity, as SQLite reads it once {@code sqlite3_value_numeric_type} has
     * converted it: integer text becomes an integer first ({@code '-0'} is 0, not -0.0).
     */
    private static double number(Register r) {
        return r.numericType() == ValueType.INTEGER ? (double) r.asLong() : r.asDouble();
    }

    private static io.tursoj.function.ScalarFunction unary(DoubleUnaryOperator f) {
        return (FunctionContext c, Register[] a, Register out) -> {
            if (!isNumber(a[0])) {
                out.setNull();
                return;
            }
            out.setDouble(f.applyAsDouble(number(a[0])));
        };
    }

    private static io.tursoj.function.ScalarFunction binary(DoubleBinaryOperator f) {
        return (FunctionContext c, Register[] a, Register out) -> {
            if (!isNumber(a[0]) || !isNumber(a[1])) {
                out.setNull();
                return;
            }
            out.setDouble(f.applyAsDouble(number(a[0]), number(a[1])));
        };
    }

    /** ceil, floor, trunc: INTEGER (or integer text) unchanged, REAL rounded, anything else NULL. */
    private static io.tursoj.function.ScalarFunction rounding(DoubleUnaryOperator f) {
        return (FunctionContext c, Register[] a, Register out) -> {
            switch (a[0].numericType()) {
                case INTEGER -> out.setLong(a[0].asLong());
                case REAL -> out.setDouble(f.applyAsDouble(number(a[0])));
                default -> out.setNull();
            }
        };
    }

    private static io.tursoj.function.ScalarFunction logarithm(DoubleUnaryOperator f) {
        return (FunctionContext c, Register[] a, Register out) -> {
            if (!isNumber(a[0])) {
                out.setNull();
                return;
            }
            double x = number(a[0]);
            if (x <= 0.0) {
                out.setNull();
                return;
            }
            out.setDouble(f.applyAsDouble(x));
        };
    }

    /**
     * {@code log(B, X)}: the logarithm of X in base B; NULL unless B > 1 and X > 0. As in SQLite, only B is checked
     * for being a number: X is read as a double ({@code '1,000'} is 1.0).
     */
    private static void logBase(FunctionContext c, Register[] a, Register out) {
        if (!isNumber(a[0])) {
            out.setNull();
            return;
        }
        double base = number(a[0]);
        if (base <= 0.0) {
            out.setNull();
            return;
        }
        double lnBase = Math.log(base);
        if (lnBase <= 0.0) {
            out.setNull();
            return;
        }
        double x = a[1].asDouble();
        if (x <= 0.0) {
            out.setNull();
            return;
        }
        out.setDouble(Math.log(x) / lnBase);
    }

    private static final double LOG2_E_HI = 1.4426950408889634;
    private static final double LOG2_E_LO = 2.0355273740931033e-17;
    private static final double SQRT2 = Math.sqrt(2.0);
    private static final java.math.MathContext WIDE = new java.math.MathContext(45);
    private static final java.math.BigDecimal LN2_WIDE = lnWide(java.math.BigDecimal.valueOf(2));

    /**
     * Base-2 logarithm, correctly rounded: the binary exponent plus the logarithm of the significand (kept near 1),
     * summed in double-double arithmetic; when that lands too close to a rounding boundary to be sure, the result is
     * recomputed with 45-digit decimal arithmetic. (The C library's log2 is correctly rounded in practice, and
     * {@code log2(3.0) = 1.584962500721156} is one of the boundary cases.)
     */
    static double log2(double x) {
        int e = Math.getExponent(x);
        if (!(x > 0) || Double.isInfinite(x) || e < Double.MIN_EXPONENT) {
            return Math.log(x) / LN2;
        }
        double m = x / Math.scalb(1.0, e);
        if (m > SQRT2) {
            m /= 2;
            e++;
        }
        double l = Math.log(m);
        double pHi = l * LOG2_E_HI;
        double pLo = Math.fma(l, LOG2_E_HI, -pHi) + l * LOG2_E_LO;
        double s = e + pHi;
        double err = Math.abs(e) >= Math.abs(pHi) ? (e - s) + pHi : (pHi - s) + e;
        double tail = err + pLo;
        double r = s + tail;
        double lost = (s - r) + tail;
        double uncertainty = 4 * Math.ulp(l);
        if (Math.abs(Math.abs(lost) - Math.ulp(r) / 2) > uncertainty) {
            return r;
        }
        java.math.BigDecimal lnM = lnWide(new java.math.BigDecimal(m));
        return java.math.BigDecimal.valueOf(e)
                .add(lnM.divide(LN2_WIDE, WIDE), WIDE)
                .doubleValue();
    }

    /** Natural logarithm of a positive value near 1 (or 2) to 45 digits: 2 atanh((v-1)/(v+1)). */
    private static java.math.BigDecimal lnWide(java.math.BigDecimal v) {
        java.math.BigDecimal t = v.subtract(java.math.BigDecimal.ONE).divide(v.add(java.math.BigDecimal.ONE), WIDE);
        java.math.BigDecimal t2 = t.multiply(t, WIDE);
        java.math.BigDecimal term = t;
        java.math.BigDecimal sum = t;
        java.math.BigDecimal limit = java.math.BigDecimal.ONE.movePointLeft(50);
        for (int k = 3; term.abs().compareTo(limit) > 0; k += 2) {
            term = term.multiply(t2, WIDE);
            sum = sum.add(term.divide(java.math.BigDecimal.valueOf(k), WIDE), WIDE);
        }
        return sum.multiply(java.math.BigDecimal.valueOf(2), WIDE);
    }

    private static final double TWO_POW_28 = 268435456.0;
    private static final double TWO_POW_M28 = 1.0 / TWO_POW_28;

    /** Inverse hyperbolic cosine, by fdlibm's formulas (as C libraries compute it). */
    static double acosh(double x) {
        if (Double.isNaN(x) || x < 1.0) {
            return Double.NaN;
        } else if (x >= TWO_POW_28) {
            return Double.isInfinite(x) ? x : Math.log(x) + LN2;
        } else if (x == 1.0) {
            return 0.0;
        } else if (x > 2.0) {
            return Math.log(2.0 * x - 1.0 / (x + Math.sqrt(x * x - 1.0)));
        }
        double t = x - 1.0;
        return StrictMath.log1p(t + StrictMath.sqrt(2.0 * t + t * t));
    }

    /** Inverse hyperbolic sine, by fdlibm's formulas. */
    static double asinh(double x) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        double ax = Math.abs(x);
        if (ax < TWO_POW_M28) {
            return x;
        }
        double w;
        if (ax > TWO_POW_28) {
            w = Math.log(ax) + LN2;
        } else if (ax > 2.0) {
            w = Math.log(2.0 * ax + 1.0 / (Math.sqrt(x * x + 1.0) + ax));
        } else {
            double t = x * x;
            w = StrictMath.log1p(ax + t / (1.0 + StrictMath.sqrt(1.0 + t)));
        }
        return x > 0 ? w : -w;
    }

    /** Inverse hyperbolic tangent, by fdlibm's formulas; plus or minus infinity at plus or minus one. */
    static double atanh(double x) {
        double ax = Math.abs(x);
        if (Double.isNaN(x) || ax > 1.0) {
            return Double.NaN;
        } else if (ax == 1.0) {
            return x / 0.0;
        } else if (ax < TWO_POW_M28) {
            return x;
        }
        double t;
        if (ax < 0.5) {
            t = ax + ax;
            t = 0.5 * StrictMath.log1p(t + t * ax / (1.0 - ax));
        } else {
            t = 0.5 * StrictMath.log1p((ax + ax) / (1.0 - ax));
        }
        return x >= 0 ? t : -t;
    }
}
