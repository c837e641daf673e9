package io.tursoj.function;

import io.tursoj.function.aggregate.AggregateFunctions;
import io.tursoj.function.math.MathFunctions;
import io.tursoj.function.scalar.ScalarFunctions;
import io.tursoj.vdbe.value.EvaluationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The function table of a connection: SQLite's built-in functions plus any the application registers, looked up by
 * name (case-insensitive) and argument count with SQLite's rules: an entry with the exact count beats a variadic one,
 * and an application function beats a built-in one of equal fit.
 *
 * <p>Lookup errors carry SQLite's texts, with the name as the query spelled it: {@code no such function: NAME} when
 * no entry has the name, {@code wrong number of arguments to function NAME()} when entries exist but none accepts the
 * count.
 */
public final class FunctionRegistry {
    private final Map<String, List<FunctionDef>> builtIn = new HashMap<>();
    private final Map<String, List<FunctionDef>> user = new HashMap<>();

    private FunctionRegistry() {}

    /** A registry holding every built-in function (core scalar, math and aggregate). */
    public static FunctionRegistry withBuiltins() {
        FunctionRegistry r = new FunctionRegistry();
        ScalarFunctions.register(r::addBuiltIn);
        MathFunctions.register(r::addBuiltIn);
        AggregateFunctions.register(r::addBuiltIn);
        return r;
    }

    private void addBuiltIn(FunctionDef def) {
        builtIn.computeIfAbsent(def.name(), k -> new ArrayList<>()).add(def);
    }

    /** Registers an application-defined function, replacing one with the same name and argument count. */
    public synchronized void register(FunctionDef def) {
        List<FunctionDef> defs = user.computeIfAbsent(def.name(), k -> new ArrayList<>());
        defs.removeIf(d -> d.argCount() == def.argCount());
        defs.add(def);
    }

    /** The best entry for a call of {@code name} with {@code argCount} arguments, or {@code null}. */
    public synchronized FunctionDef find(String name, int argCount) {
        String key = name.toLowerCase(Locale.ROOT);
        FunctionDef best = null;
        int bestScore = 0;
        for (List<FunctionDef> defs :
                List.of(user.getOrDefault(key, List.of()), builtIn.getOrDefault(key, List.of()))) {
            for (FunctionDef d : defs) {
                int score = d.matchQuality(argCount);
                if (score > bestScore) {
                    best = d;
                    bestScore = score;
                }
            }
        }
        return best;
    }

    /** Whether any entry has this name, whatever its argument count. */
    public synchronized boolean exists(String name) {
        String key = name.toLowerCase(Locale.ROOT);
        return user.containsKey(key) || builtIn.containsKey(key);
    }

    /** Like {@link #find}, but throws SQLite's error when there is no suitable entry. */
    public FunctionDef resolve(String name, int argCount) {
        FunctionDef def = find(name, argCount);
        if (def != null) {
            return def;
        }
        if (exists(name)) {
            throw new EvaluationException("wrong number of arguments to function " + name + "()");
        }
        throw new EvaluationException("no such function: " + name);
    }

    /** Every entry, built-in and registered (for {@code PRAGMA function_list}). */
    public synchronized Collection<FunctionDef> all() {
        List<FunctionDef> all = new ArrayList<>();
        user.values().forEach(all::addAll);
        builtIn.values().forEach(all::addAll);
        return all;
    }
}
