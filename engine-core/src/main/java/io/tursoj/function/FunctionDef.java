package io.tursoj.function;

import java.util.Locale;
import java.util.Objects;

/**
 * One entry of the function table: a name, the number of arguments it accepts, flags, and either a scalar
 * implementation or an aggregate one (SQLite's {@code FuncDef}).
 *
 * <p>Argument counts use SQLite's encoding: {@code n >= 0} exactly n; {@link #ANY_ARGS} any number;
 * {@link #AT_LEAST_1} one or more; {@link #AT_LEAST_2} two or more. When several entries share a name, the one with
 * an exact count wins over a variadic one ({@code min(x)} is the aggregate, {@code min(x, y)} the scalar).
 *
 * @param name the name in lower case
 */
public record FunctionDef(String name, int argCount, int flags, ScalarFunction scalar, AggregateFunction aggregate) {
    /** Any number of arguments, zero included. */
    public static final int ANY_ARGS = -1;
    /** One or more arguments. */
    public static final int AT_LEAST_1 = -3;
    /** Two or more arguments. */
    public static final int AT_LEAST_2 = -4;

    /** Same arguments, same result: the planner may evaluate it once, and it may appear in indexes and CHECKs. */
    public static final int DETERMINISTIC = 0x1;
    /** Constant within one statement, though not across statements ({@code sqlite_version()}). */
    public static final int SLOW_CHANGE = 0x2;
    /** Compares its arguments with the collation of the call ({@code min}, {@code max}, {@code nullif}). */
    public static final int NEEDS_COLLATION = 0x4;
    /**
     * Evaluated lazily by generated code in SQLite ({@code coalesce}, {@code ifnull}, {@code iif}, {@code likely}…): the
     * code generator should only evaluate the arguments it needs. The implementation here evaluates eagerly.
     */
    public static final int INLINE = 0x8;
    /** A LIKE-style matcher ({@code like}, {@code glob}), candidate for the LIKE optimization. */
    public static final int LIKE = 0x10;
    /** Case-sensitive matcher ({@code glob}). */
    public static final int CASE_SENSITIVE = 0x20;
    /** {@code count()}. */
    public static final int COUNT = 0x40;
    /** The min/max aggregates (bare-column semantics). */
    public static final int MIN_MAX = 0x80;
    /** {@code length()} (may avoid loading large values). */
    public static final int LENGTH = 0x100;
    /** {@code typeof()} (may avoid loading large values). */
    public static final int TYPEOF = 0x200;
    /** {@code octet_length()} (may avoid loading large values). */
    public static final int BYTELEN = 0x400;
    /** {@code likely}, {@code unlikely}, {@code likelihood}: planner hints returning their first argument. */
    public static final int UNLIKELY = 0x800;

    public FunctionDef {
        Objects.requireNonNull(name);
        if (!name.equals(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("function names are stored in lower case: " + name);
        }
        if ((scalar == null) == (aggregate == null)) {
            throw new IllegalArgumentException("exactly one of scalar and aggregate: " + name);
        }
        if (argCount < AT_LEAST_2 || argCount == -2) {
            throw new IllegalArgumentException("bad argument count " + argCount + " for " + name);
        }
    }

    public static FunctionDef scalar(String name, int argCount, int flags, ScalarFunction impl) {
        return new FunctionDef(name, argCount, flags, impl, null);
    }

    public static FunctionDef aggregate(String name, int argCount, int flags, AggregateFunction impl) {
        return new FunctionDef(name, argCount, flags, null, impl);
    }

    public boolean isAggregate() {
        return aggregate != null;
    }

    public boolean isDeterministic() {
        return (flags & DETERMINISTIC) != 0;
    }

    public boolean hasFlag(int flag) {
        return (flags & flag) != 0;
    }

    /** Whether a call with {@code n} arguments may use this entry. */
    public boolean accepts(int n) {
        if (argCount >= 0) {
            return n == argCount;
        }
        return argCount == ANY_ARGS || n >= -2 - argCount;
    }

    /** SQLite's match score for {@code n} arguments: 0 no match, 1 variadic match, 4 exact count. */
    int matchQuality(int n) {
        if (!accepts(n)) {
            return 0;
        }
        return argCount == n ? 4 : 1;
    }
}
