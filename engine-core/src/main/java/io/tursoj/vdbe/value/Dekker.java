package io.tursoj.vdbe.value;

/**
 * Double-double multiplication (T. J. Dekker, "A Floating-Point Technique for Extending the Available Precision",
 * 1971): {@code (x0 + x1) * (y + yy)} rounded back to a head and a tail. SQLite 3.50 scales numbers by powers of ten
 * this way when converting between text and binary, so using the same arithmetic yields the same digits.
 *
 * <p>The head and the tail are returned by two calls with the same arguments; each recomputes the product (cheap,
 * and it keeps the hot paths free of allocation). Java's double arithmetic is strict IEEE-754 binary64, which the
 * algorithm requires.
 */
final class Dekker {
    private Dekker() {}

    private static final long SPLIT_MASK = 0xfffffffffc000000L;

    /** Head of the product. */
    static double mulHi(double x0, double x1, double y, double yy) {
        double c = product(x0, y);
        double cc = correction(x0, x1, y, yy, c);
        return c + cc;
    }

    /** Tail of the product. */
    static double mulLo(double x0, double x1, double y, double yy) {
        double c = product(x0, y);
        double cc = correction(x0, x1, y, yy, c);
        double hi = c + cc;
        return (c - hi) + cc;
    }

    private static double split(double v) {
        return Double.longBitsToDouble(Double.doubleToRawLongBits(v) & SPLIT_MASK);
    }

    private static double product(double x0, double y) {
        double hx = split(x0);
        double tx = x0 - hx;
        double hy = split(y);
        double ty = y - hy;
        double p = hx * hy;
        double q = hx * ty + tx * hy;
        return p + q;
    }

    private static double correction(double x0, double x1, double y, double yy, double c) {
        double hx = split(x0);
        double tx = x0 - hx;
        double hy = split(y);
        double ty = y - hy;
        double p = hx * hy;
        double q = hx * ty + tx * hy;
        double cc = p - c + q + tx * ty;
        return x0 * yy + x1 * y + cc;
    }
}
