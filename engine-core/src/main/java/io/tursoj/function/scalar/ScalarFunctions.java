package io.tursoj.function.scalar;

import static io.tursoj.function.FunctionDef.ANY_ARGS;
import static io.tursoj.function.FunctionDef.AT_LEAST_1;
import static io.tursoj.function.FunctionDef.AT_LEAST_2;
import static io.tursoj.function.FunctionDef.BYTELEN;
import static io.tursoj.function.FunctionDef.CASE_SENSITIVE;
import static io.tursoj.function.FunctionDef.DETERMINISTIC;
import static io.tursoj.function.FunctionDef.INLINE;
import static io.tursoj.function.FunctionDef.LENGTH;
import static io.tursoj.function.FunctionDef.LIKE;
import static io.tursoj.function.FunctionDef.NEEDS_COLLATION;
import static io.tursoj.function.FunctionDef.SLOW_CHANGE;
import static io.tursoj.function.FunctionDef.TYPEOF;
import static io.tursoj.function.FunctionDef.UNLIKELY;
import static io.tursoj.function.FunctionDef.scalar;

import io.tursoj.function.FunctionDef;
import io.tursoj.vdbe.value.EvaluationException;
import java.util.function.Consumer;

/**
 * SQLite's core scalar functions (FEATURES.md §5a), with the argument counts and flags of SQLite's function table.
 * Volatile functions ({@code random}, {@code randomblob}, {@code changes}, {@code total_changes},
 * {@code last_insert_rowid}) are not {@link FunctionDef#DETERMINISTIC}; {@code sqlite_version} and
 * {@code sqlite_source_id} are constant within a statement ({@link FunctionDef#SLOW_CHANGE}).
 */
public final class ScalarFunctions {
    private ScalarFunctions() {}

    /** The version {@code sqlite_version()} reports: the SQLite release whose dialect TursoJ follows (as Turso does). */
    public static final String SQLITE_VERSION = ValueFunctions.SQLITE_VERSION;

    public static void register(Consumer<FunctionDef> sink) {
        int d = DETERMINISTIC;
        sink.accept(scalar("abs", 1, d, ValueFunctions::abs));
        sink.accept(scalar("changes", 0, 0, ValueFunctions::changes));
        sink.accept(scalar("char", ANY_ARGS, d, TextFunctions::charFunction));
        sink.accept(scalar("coalesce", AT_LEAST_2, d | INLINE, ValueFunctions::coalesce));
        sink.accept(scalar("concat", AT_LEAST_1, d, TextFunctions::concat));
        sink.accept(scalar("concat_ws", AT_LEAST_2, d, TextFunctions::concatWs));
        sink.accept(scalar("format", ANY_ARGS, d, ValueFunctions::printf));
        sink.accept(scalar("glob", 2, d | LIKE | CASE_SENSITIVE, ValueFunctions::glob));
        sink.accept(scalar("hex", 1, d, TextFunctions::hex));
        sink.accept(scalar("if", AT_LEAST_2, d | INLINE, ValueFunctions::iif));
        sink.accept(scalar("ifnull", 2, d | INLINE, ValueFunctions::coalesce));
        sink.accept(scalar("iif", AT_LEAST_2, d | INLINE, ValueFunctions::iif));
        sink.accept(scalar("instr", 2, d, TextFunctions::instr));
        sink.accept(scalar("last_insert_rowid", 0, 0, ValueFunctions::lastInsertRowid));
        sink.accept(scalar("length", 1, d | LENGTH, TextFunctions::length));
        sink.accept(scalar("like", 2, d | LIKE, ValueFunctions::like));
        sink.accept(scalar("like", 3, d | LIKE, ValueFunctions::like));
        sink.accept(scalar("likelihood", 2, d | INLINE | UNLIKELY, ValueFunctions::firstArgument));
        sink.accept(scalar("likely", 1, d | INLINE | UNLIKELY, ValueFunctions::firstArgument));
        sink.accept(scalar("lower", 1, d, TextFunctions::lower));
        sink.accept(scalar("ltrim", 1, d, (c, a, o) -> TextFunctions.trim(a, o, true, false)));
        sink.accept(scalar("ltrim", 2, d, (c, a, o) -> TextFunctions.trim(a, o, true, false)));
        sink.accept(scalar("max", AT_LEAST_1, d | NEEDS_COLLATION, ValueFunctions::max));
        sink.accept(scalar("min", AT_LEAST_1, d | NEEDS_COLLATION, ValueFunctions::min));
        sink.accept(scalar("nullif", 2, d | NEEDS_COLLATION, ValueFunctions::nullif));
        sink.accept(scalar("octet_length", 1, d | BYTELEN, TextFunctions::octetLength));
        sink.accept(scalar("printf", ANY_ARGS, d, ValueFunctions::printf));
        sink.accept(scalar("quote", 1, d, ValueFunctions::quote));
        sink.accept(scalar("random", 0, 0, ValueFunctions::random));
        sink.accept(scalar("randomblob", 1, 0, ValueFunctions::randomblob));
        sink.accept(scalar("replace", 3, d, TextFunctions::replace));
        sink.accept(scalar("round", 1, d, ValueFunctions::round));
        sink.accept(scalar("round", 2, d, ValueFunctions::round));
        sink.accept(scalar("rtrim", 1, d, (c, a, o) -> TextFunctions.trim(a, o, false, true)));
        sink.accept(scalar("rtrim", 2, d, (c, a, o) -> TextFunctions.trim(a, o, false, true)));
        sink.accept(scalar("sign", 1, d, ValueFunctions::sign));
        sink.accept(scalar("soundex", 1, d, TextFunctions::soundex));
        sink.accept(scalar("sqlite_source_id", 0, SLOW_CHANGE, ValueFunctions::sqliteSourceId));
        sink.accept(scalar("sqlite_version", 0, SLOW_CHANGE, ValueFunctions::sqliteVersion));
        sink.accept(scalar("substr", 2, d, TextFunctions::substr));
        sink.accept(scalar("substr", 3, d, TextFunctions::substr));
        sink.accept(scalar("substring", 2, d, TextFunctions::substr));
        sink.accept(scalar("substring", 3, d, TextFunctions::substr));
        sink.accept(scalar("subtype", 1, d | TYPEOF, ValueFunctions::subtype));
        sink.accept(scalar("total_changes", 0, 0, ValueFunctions::totalChanges));
        sink.accept(scalar("trim", 1, d, (c, a, o) -> TextFunctions.trim(a, o, true, true)));
        sink.accept(scalar("trim", 2, d, (c, a, o) -> TextFunctions.trim(a, o, true, true)));
        sink.accept(scalar("typeof", 1, d | TYPEOF, ValueFunctions::typeof));
        sink.accept(scalar("unhex", 1, d, TextFunctions::unhex));
        sink.accept(scalar("unhex", 2, d, TextFunctions::unhex));
        sink.accept(scalar("unicode", 1, d, TextFunctions::unicode));
        sink.accept(scalar("unistr", 1, d, TextFunctions::unistr));
        sink.accept(scalar("unistr_quote", 1, d, ValueFunctions::unistrQuote));
        sink.accept(scalar("unlikely", 1, d | INLINE | UNLIKELY, ValueFunctions::firstArgument));
        sink.accept(scalar("upper", 1, d, TextFunctions::upper));
        sink.accept(scalar("zeroblob", 1, d, ValueFunctions::zeroblob));
    }

    /**
     * The compile-time check of {@code likelihood(X, P)} (SQLite's resolver): P must be a floating-point literal
     * between 0.0 and 1.0. The code generator calls this with whether the argument is such a literal and its value.
     */
    public static void checkLikelihoodArgument(boolean isRealLiteral, double value) {
        if (!isRealLiteral || value < 0.0 || value > 1.0) {
            throw new EvaluationException("second argument to likelihood() must be a constant between 0.0 and 1.0");
        }
    }
}
