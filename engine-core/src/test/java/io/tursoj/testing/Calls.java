package io.tursoj.testing;

import io.tursoj.function.FunctionDef;
import io.tursoj.function.FunctionRegistry;
import io.tursoj.vdbe.value.EvaluationException;
import io.tursoj.vdbe.value.RealFormat;
import io.tursoj.vdbe.value.Register;
import io.tursoj.vdbe.value.Value;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Calls built-in functions from tests with Java arguments ({@code null} is NULL, integral numbers INTEGER, floating
 * ones REAL, strings TEXT, byte arrays BLOB) and renders results as SQL literals: {@code NULL}, {@code 3},
 * {@code 3.0}, {@code 'text'}, {@code X'00FF'}, or {@code error: MESSAGE}.
 */
public final class Calls {
    private Calls() {}

    public static final FunctionRegistry REGISTRY = FunctionRegistry.withBuiltins();

    public static Value value(Object o) {
        return switch (o) {
            case null -> Value.NULL;
            case Value v -> v;
            case Integer i -> Value.ofLong(i);
            case Long l -> Value.ofLong(l);
            case Double d -> Value.ofDouble(d);
            case String s -> Value.ofText(s);
            case byte[] b -> Value.ofBlob(b);
            default -> throw new IllegalArgumentException(o.getClass().toString());
        };
    }

    public static Register[] registers(Object... args) {
        Register[] regs = new Register[args.length];
        for (int i = 0; i < args.length; i++) {
            regs[i] = Register.of(value(args[i]));
        }
        return regs;
    }

    /** Calls scalar function {@code name} and renders the result (or the error). */
    public static String call(String name, Object... args) {
        return call(new TestFunctionContext(7), name, args);
    }

    public static String call(TestFunctionContext ctx, String name, Object... args) {
        try {
            FunctionDef def = REGISTRY.resolve(name, args.length);
            Register out = new Register();
            def.scalar().invoke(ctx, registers(args), out);
            return literal(out.toValue());
        } catch (EvaluationException e) {
            return "error: " + e.getMessage();
        }
    }

    /** A value as an SQL literal; reals always show a decimal point or exponent, so they never look like integers. */
    public static String literal(Value v) {
        return switch (v) {
            case Value.NullValue n -> "NULL";
            case Value.IntValue i -> Long.toString(i.value());
            case Value.RealValue r -> RealFormat.valueText(r.value());
            case Value.TextValue t -> "'" + t.asString().replace("'", "''") + "'";
            case Value.BlobValue b -> "X'" + HexFormat.of().formatHex(b.bytes()).toUpperCase(Locale.ROOT) + "'";
        };
    }

    /** Renders a register's value. */
    public static String literal(Register r) {
        return literal(r.toValue());
    }
}
