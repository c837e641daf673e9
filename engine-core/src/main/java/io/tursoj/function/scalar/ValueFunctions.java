package io.tursoj.function.scalar;

import io.tursoj.function.FunctionContext;
import io.tursoj.vdbe.value.ByteBuilder;
import io.tursoj.vdbe.value.Compare;
import io.tursoj.vdbe.value.EvaluationException;
import io.tursoj.vdbe.value.Limits;
import io.tursoj.vdbe.value.Logic;
import io.tursoj.vdbe.value.NumberText;
import io.tursoj.vdbe.value.PatternMatch;
import io.tursoj.vdbe.value.RealFormat;
import io.tursoj.vdbe.value.Register;
import io.tursoj.vdbe.value.ValueType;

/** Core scalar functions about values, NULLs, numbers, randomness and the connection (SQLite's func.c). */
final class ValueFunctions {
    private ValueFunctions() {}

    static final String SQLITE_VERSION = "3.50.4";
    static final String SQLITE_SOURCE_ID =
            "2025-07-30 19:33:53 4d8adfb30e03f9cf27f800a2c1ba3c48fb4ca1b08b0f5ed59a4d5ecbf45e20a3";

    /** {@code abs(X)}: INTEGER stays INTEGER (error {@code integer overflow} for the smallest); anything else as REAL. */
    static void abs(FunctionContext ctx, Register[] a, Register out) {
        Register x = a[0];
        switch (x.type()) {
            case INTEGER -> {
                long v = x.longRaw();
                if (v < 0) {
                    if (v == Long.MIN_VALUE) {
                        throw new EvaluationException("integer overflow");
                    }
                    v = -v;
                }
                out.setLong(v);
            }
            case NULL -> out.setNull();
            default -> {
                double d = x.asDouble();
                out.setDouble(Math.abs(d)); // SQLite clears the sign of -0.0 too
            }
        }
    }

    static void typeof(FunctionContext ctx, Register[] a, Register out) {
        out.setText(TYPE_NAMES[a[0].type().ordinal()]);
    }

    private static final byte[][] TYPE_NAMES = typeNames();

    private static byte[][] typeNames() {
        byte[][] names = new byte[ValueType.values().length][];
        for (ValueType t : ValueType.values()) {
            names[t.ordinal()] = t.typeName().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        return names;
    }

    static void subtype(FunctionContext ctx, Register[] a, Register out) {
        out.setLong(a[0].subtype());
    }

    /** {@code coalesce(X, Y, ...)} and {@code ifnull(X, Y)}: the first non-NULL argument. */
    static void coalesce(FunctionContext ctx, Register[] a, Register out) {
        for (Register r : a) {
            if (!r.isNull()) {
                out.copyFrom(r);
                return;
            }
        }
        out.setNull();
    }

    /** {@code iif(C1, V1 [, C2, V2 ...] [, ELSE])} and {@code if(...)}: like CASE WHEN C1 THEN V1 ... ELSE ELSE END. */
    static void iif(FunctionContext ctx, Register[] a, Register out) {
        int i = 0;
        for (; i + 1 < a.length; i += 2) {
            if (Logic.truth(a[i]) == Logic.TRUE) {
                out.copyFrom(a[i + 1]);
                return;
            }
        }
        if (i < a.length) {
            out.copyFrom(a[i]);
        } else {
            out.setNull();
        }
    }

    /** {@code nullif(X, Y)}: NULL when X equals Y by the call's collation (no affinity), else X. */
    static void nullif(FunctionContext ctx, Register[] a, Register out) {
        if (Compare.compare(a[0], a[1], ctx.collation()) != 0) {
            out.copyFrom(a[0]);
        } else {
            out.setNull();
        }
    }

    /** Scalar {@code max(X, Y, ...)}: NULL if any argument is NULL; ties keep the first. */
    static void max(FunctionContext ctx, Register[] a, Register out) {
        minMax(ctx, a, out, true);
    }

    /** Scalar {@code min(X, Y, ...)}: NULL if any argument is NULL; ties take the later argument, as SQLite does. */
    static void min(FunctionContext ctx, Register[] a, Register out) {
        minMax(ctx, a, out, false);
    }

    private static void minMax(FunctionContext ctx, Register[] a, Register out, boolean max) {
        int best = 0;
        if (a[0].isNull()) {
            out.setNull();
            return;
        }
        for (int i = 1; i < a.length; i++) {
            if (a[i].isNull()) {
                out.setNull();
                return;
            }
            int c = Compare.compare(a[best], a[i], ctx.collation());
            if (max ? c < 0 : c >= 0) {
                best = i;
            }
        }
        out.copyFrom(a[best]);
    }

    /** {@code likely(X)}, {@code unlikely(X)}, {@code likelihood(X, P)}: X itself (planner hints). */
    static void firstArgument(FunctionContext ctx, Register[] a, Register out) {
        out.copyFrom(a[0]);
    }

    /** {@code random()}: a pseudo-random integer, never the smallest integer. */
    static void random(FunctionContext ctx, Register[] a, Register out) {
        long r = ctx.random().nextLong();
        if (r < 0) {
            r = -(r & Long.MAX_VALUE);
        }
        out.setLong(r);
    }

    /** {@code randomblob(N)}: N random bytes (at least 1). */
    static void randomblob(FunctionContext ctx, Register[] a, Register out) {
        long n = a[0].asLong();
        if (n < 1) {
            n = 1;
        }
        Limits.checkLength(n);
        byte[] buf = out.prepareBuffer((int) n, false);
        long bits = 0;
        for (int i = 0; i < n; i++) {
            if ((i & 7) == 0) {
                bits = ctx.random().nextLong();
            }
            buf[i] = (byte) bits;
            bits >>>= 8;
        }
        out.commitBlob((int) n);
    }

    /** {@code zeroblob(N)}: N zero bytes (negative N is 0); error {@code string or blob too big} past the limit. */
    static void zeroblob(FunctionContext ctx, Register[] a, Register out) {
        long n = a[0].asLong();
        out.setZeroBlob(Math.max(n, 0));
    }

    static void changes(FunctionContext ctx, Register[] a, Register out) {
        out.setLong(ctx.changes());
    }

    static void totalChanges(FunctionContext ctx, Register[] a, Register out) {
        out.setLong(ctx.totalChanges());
    }

    static void lastInsertRowid(FunctionContext ctx, Register[] a, Register out) {
        out.setLong(ctx.lastInsertRowid());
    }

    static void sqliteVersion(FunctionContext ctx, Register[] a, Register out) {
        out.setText(SQLITE_VERSION);
    }

    static void sqliteSourceId(FunctionContext ctx, Register[] a, Register out) {
        out.setText(SQLITE_SOURCE_ID);
    }

    /** {@code like(P, X [, E])}: X LIKE P [ESCAPE E], as 1, 0 or NULL. */
    static void like(FunctionContext ctx, Register[] a, Register out) {
        Logic.store(PatternMatch.evaluateLike(a[1], a[0], a.length == 3 ? a[2] : null, false), out);
    }

    /** {@code glob(P, X)}: X GLOB P, as 1, 0 or NULL. */
    static void glob(FunctionContext ctx, Register[] a, Register out) {
        Logic.store(PatternMatch.evaluateGlob(a[1], a[0]), out);
    }

    /** {@code sign(X)}: -1, 0 or +1 for a number (or numeric text); NULL otherwise. */
    static void sign(FunctionContext ctx, Register[] a, Register out) {
        ValueType t = a[0].numericType();
        if (!t.isNumeric()) {
            out.setNull();
            return;
        }
        double x = a[0].asDouble();
        out.setLong(x < 0.0 ? -1 : x > 0.0 ? 1 : 0);
    }

    /**
     * {@code round(X [, N])}: X rounded to N (0 to 30) digits after the point, half away from zero on the decimal
     * digits SQLite's printf produces; the result is REAL. Values beyond 2^52 in magnitude are returned as they are.
     */
    static void round(FunctionContext ctx, Register[] a, Register out) {
        long n = 0;
        if (a.length == 2) {
            if (a[1].isNull()) {
                out.setNull();
                return;
            }
            n = Math.max(0, Math.min(30, a[1].asLong()));
        }
        if (a[0].isNull()) {
            out.setNull();
            return;
        }
        double r = a[0].asDouble();
        if (r < -4503599627370496.0 || r > 4503599627370496.0) {
            // no fractional part: nothing to round
        } else if (n == 0) {
            r = (double) (long) (r + (r < 0 ? -0.5 : 0.5));
        } else {
            ByteBuilder b = ctx.scratch();
            b.reset();
            RealFormat.format(
                    b, r, RealFormat.FIXED, false, (int) n, 0, RealFormat.FLAG_ALT2, (byte) 0, out.fpDecode());
            r = NumberText.parseReal(b.array(), 0, b.length());
        }
        out.setDouble(r);
    }

    /** {@code printf(FORMAT, ...)} and {@code format(FORMAT, ...)}. */
    static void printf(FunctionContext ctx, Register[] a, Register out) {
        ByteBuilder b = ctx.scratch();
        Printf.format(a, b, out);
    }

    /** {@code quote(X)}. */
    static void quote(FunctionContext ctx, Register[] a, Register out) {
        ByteBuilder b = ctx.scratch();
        b.reset();
        SqlQuoting.quote(a[0], false, b, out.fpDecode());
        out.setText(b);
    }

    /** {@code unistr_quote(X)}: like quote(), but control characters in text are written as {@code unistr()} escapes. */
    static void unistrQuote(FunctionContext ctx, Register[] a, Register out) {
        ByteBuilder b = ctx.scratch();
        b.reset();
        SqlQuoting.quote(a[0], true, b, out.fpDecode());
        out.setText(b);
    }
}
