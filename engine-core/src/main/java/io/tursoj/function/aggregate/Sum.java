package io.tursoj.function.aggregate;

import io.tursoj.function.Accumulator;
import io.tursoj.function.FunctionContext;
import io.tursoj.vdbe.value.EvaluationException;
import io.tursoj.vdbe.value.Register;
import io.tursoj.vdbe.value.ValueType;

/**
 * {@code sum(X)}, {@code total(X)} and {@code avg(X)} (SQLite's {@code SumCtx}).
 *
 * <p>Integers are summed exactly in 64 bits while every input is an integer (or integer text). The first non-integer
 * input, or an integer overflow, switches to floating point with Kahan-Babuska-Neumaier compensation (large integers
 * are split so that no bits are lost). Results: {@code sum} is NULL over no rows, an INTEGER when all inputs were
 * integers, else a REAL, and fails with {@code integer overflow} when integer inputs overflowed and no real input
 * followed; {@code total} is always REAL (0.0 over no rows) and never fails; {@code avg} is the REAL sum divided by the
 * count, NULL over no rows. Text that is not a number counts as a real with the value of its numeric prefix.
 */
final class Sum implements Accumulator {
    enum Kind {
        SUM,
        TOTAL,
        AVG
    }

    private static final long BIG = 4503599627370496L; // 2^52

    private final Kind kind;
    private double rSum;
    private double rErr;
    private long iSum;
    private long count;
    private boolean approx;
    private boolean overflow;

    Sum(Kind kind) {
        this.kind = kind;
    }

    @Override
    public boolean step(FunctionContext ctx, Register[] args) {
        Register x = args[0];
        ValueType type = x.numericType();
        if (type == ValueType.NULL) {
            return true;
        }
        count++;
        if (!approx) {
            if (type != ValueType.INTEGER) {
                initFrom(iSum);
                approx = true;
                add(x.asDouble());
            } else {
                long v = x.asLong();
                long s = iSum + v;
                if (((iSum ^ s) & (v ^ s)) >= 0) {
                    iSum = s;
                } else {
                    overflow = true;
                    initFrom(iSum);
                    approx = true;
                    addLong(v);
                }
            }
        } else if (type == ValueType.INTEGER) {
            addLong(x.asLong());
        } else {
            overflow = false;
            add(x.asDouble());
        }
        return true;
    }

    @Override
    public void inverse(FunctionContext ctx, Register[] args) {
        Register x = args[0];
        ValueType type = x.numericType();
        if (type == ValueType.NULL) {
            return;
        }
        count--;
        if (!approx) {
            long v = x.asLong();
            long s = iSum - v;
            if (((iSum ^ v) & (iSum ^ s)) < 0) {
                overflow = true;
                approx = true;
            } else {
                iSum = s;
            }
        } else if (type == ValueType.INTEGER) {
            long v = x.asLong();
            if (v != Long.MIN_VALUE) {
                addLong(-v);
            } else {
                addLong(Long.MAX_VALUE);
                addLong(1);
            }
        } else {
            add(-x.asDouble());
        }
    }

    @Override
    public boolean hasInverse() {
        return true;
    }

    private void add(double r) {
        double s = rSum;
        double t = s + r;
        if (Math.abs(s) > Math.abs(r)) {
            rErr += (s - t) + r;
        } else {
            rErr += (r - t) + s;
        }
        rSum = t;
    }

    private void addLong(long v) {
        if (v <= -BIG || v >= BIG) {
            long small = v % 16384;
            add((double) (v - small));
            add((double) small);
        } else {
            add((double) v);
        }
    }

    private void initFrom(long v) {
        if (v <= -BIG || v >= BIG) {
            long small = v % 16384;
            rSum = (double) (v - small);
            rErr = (double) small;
        } else {
            rSum = (double) v;
            rErr = 0.0;
        }
    }

    private double approximateSum() {
        return Double.isFinite(rErr) ? rSum + rErr : rSum;
    }

    @Override
    public void finish(FunctionContext ctx, Register result) {
        switch (kind) {
            case SUM -> {
                if (count == 0) {
                    result.setNull();
                } else if (!approx) {
                    result.setLong(iSum);
                } else if (overflow) {
                    throw new EvaluationException("integer overflow");
                } else {
                    result.setDouble(approximateSum());
                }
            }
            case AVG -> {
                if (count == 0) {
                    result.setNull();
                } else {
                    double r = approx ? approximateSum() : (double) iSum;
                    result.setDouble(r / (double) count);
                }
            }
            case TOTAL -> result.setDouble(approx ? approximateSum() : (double) iSum);
        }
    }

    @Override
    public void reset() {
        rSum = 0;
        rErr = 0;
        iSum = 0;
        count = 0;
        approx = false;
        overflow = false;
    }
}
