package io.tursoj.function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.testing.Calls;
import io.tursoj.vdbe.value.EvaluationException;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FunctionRegistryTest {
    private final FunctionRegistry registry = FunctionRegistry.withBuiltins();

    @Test
    void shouldReportUnknownFunctionsWithSqlitesMessage() {
        EvaluationException e = assertThrows(EvaluationException.class, () -> registry.resolve("NoSuchThing", 1));
        assertEquals("no such function: NoSuchThing", e.getMessage());
    }

    @Test
    void shouldReportWrongArgumentCountsWithSqlitesMessage() {
        assertEquals(
                "wrong number of arguments to function Substr()",
                assertThrows(EvaluationException.class, () -> registry.resolve("Substr", 1))
                        .getMessage());
        assertEquals(
                "wrong number of arguments to function coalesce()",
                assertThrows(EvaluationException.class, () -> registry.resolve("coalesce", 1))
                        .getMessage());
        assertEquals(
                "wrong number of arguments to function concat()",
                assertThrows(EvaluationException.class, () -> registry.resolve("concat", 0))
                        .getMessage());
        assertEquals(
                "wrong number of arguments to function concat_ws()",
                assertThrows(EvaluationException.class, () -> registry.resolve("concat_ws", 1))
                        .getMessage());
        assertEquals(
                "wrong number of arguments to function iif()",
                assertThrows(EvaluationException.class, () -> registry.resolve("iif", 1))
                        .getMessage());
        assertEquals(
                "wrong number of arguments to function max()",
                assertThrows(EvaluationException.class, () -> registry.resolve("max", 0))
                        .getMessage());
        assertEquals(
                "wrong number of arguments to function random()",
                assertThrows(EvaluationException.class, () -> registry.resolve("random", 1))
                        .getMessage());
    }

    @Test
    void shouldPreferTheExactArgumentCountOverAVariadicEntry() {
        assertTrue(registry.resolve("min", 1).isAggregate());
        assertFalse(registry.resolve("min", 2).isAggregate());
        assertFalse(registry.resolve("max", 5).isAggregate());
        assertTrue(registry.resolve("count", 0).isAggregate());
        assertEquals(-1, registry.resolve("char", 0).argCount());
        assertEquals(-1, registry.resolve("printf", 3).argCount());
    }

    @Test
    void shouldFindNamesCaseInsensitively() {
        assertEquals("group_concat", registry.resolve("GROUP_CONCAT", 2).name());
        assertEquals("if", registry.resolve("IF", 3).name());
    }

    @Test
    void shouldMarkVolatileAndInlineFunctions() {
        assertFalse(registry.resolve("random", 0).isDeterministic());
        assertFalse(registry.resolve("randomblob", 1).isDeterministic());
        assertFalse(registry.resolve("changes", 0).isDeterministic());
        assertFalse(registry.resolve("last_insert_rowid", 0).isDeterministic());
        assertTrue(registry.resolve("abs", 1).isDeterministic());
        assertTrue(registry.resolve("sqlite_version", 0).hasFlag(FunctionDef.SLOW_CHANGE));
        assertTrue(registry.resolve("coalesce", 3).hasFlag(FunctionDef.INLINE));
        assertTrue(registry.resolve("likelihood", 2).hasFlag(FunctionDef.UNLIKELY));
        assertTrue(registry.resolve("min", 1).hasFlag(FunctionDef.MIN_MAX));
        assertTrue(registry.resolve("nullif", 2).hasFlag(FunctionDef.NEEDS_COLLATION));
        assertTrue(registry.resolve("glob", 2).hasFlag(FunctionDef.CASE_SENSITIVE));
    }

    @Test
    void shouldLetApplicationFunctionsOverrideBuiltIns() {
        registry.register(FunctionDef.scalar("upper", 1, FunctionDef.DETERMINISTIC, (c, a, o) -> o.setText("custom")));
        assertEquals("lower", registry.resolve("lower", 1).name());
        FunctionDef upper = registry.resolve("upper", 1);
        io.tursoj.vdbe.value.Register out = new io.tursoj.vdbe.value.Register();
        upper.scalar().invoke(null, Calls.registers("x"), out);
        assertEquals("custom", out.asString());
        registry.register(FunctionDef.scalar("twice", 2, 0, (c, a, o) -> o.setLong(2)));
        assertEquals(
                "wrong number of arguments to function twice()",
                assertThrows(EvaluationException.class, () -> registry.resolve("twice", 1))
                        .getMessage());
    }

    @Test
    void shouldRejectMalformedDefinitions() {
        assertThrows(IllegalArgumentException.class, () -> FunctionDef.scalar("Upper", 1, 0, (c, a, o) -> {}));
        assertThrows(IllegalArgumentException.class, () -> new FunctionDef("f", 1, 0, null, null));
        assertThrows(IllegalArgumentException.class, () -> FunctionDef.scalar("f", -2, 0, (c, a, o) -> {}));
    }

    @Test
    void shouldRegisterEveryCoreScalarMathAndAggregateFunction() {
        Set<String> names = registry.all().stream().map(FunctionDef::name).collect(Collectors.toSet());
        for (String name : new String[] {
            "abs",
            "changes",
            "char",
            "coalesce",
            "concat",
            "concat_ws",
            "format",
            "glob",
            "hex",
            "ifnull",
            "iif",
            "if",
            "instr",
            "last_insert_rowid",
            "length",
            "like",
            "likelihood",
            "likely",
            "lower",
            "ltrim",
            "max",
            "min",
            "nullif",
            "octet_length",
            "printf",
            "quote",
            "random",
            "randomblob",
            "replace",
            "round",
            "rtrim",
            "sign",
            "soundex",
            "sqlite_source_id",
            "sqlite_version",
            "substr",
            "substring",
            "total_changes",
            "trim",
            "typeof",
            "unhex",
            "unicode",
            "unistr",
            "unistr_quote",
            "unlikely",
            "upper",
            "zeroblob",
            "acos",
            "acosh",
            "asin",
            "asinh",
            "atan",
            "atan2",
            "atanh",
            "ceil",
            "ceiling",
            "cos",
            "cosh",
            "degrees",
            "exp",
            "floor",
            "ln",
            "log",
            "log10",
            "log2",
            "mod",
            "pi",
            "pow",
            "power",
            "radians",
            "sin",
            "sinh",
            "sqrt",
            "tan",
            "tanh",
            "trunc",
            "count",
            "sum",
            "total",
            "avg",
            "group_concat",
            "string_agg"
        }) {
            assertTrue(names.contains(name), name);
        }
        assertNull(registry.find("load_extension", 1));
    }
}
