package io.tursoj.function.scalar;

import static io.tursoj.testing.Calls.call;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.testing.Calls;
import io.tursoj.testing.TestFunctionContext;
import io.tursoj.vdbe.value.Collations;
import io.tursoj.vdbe.value.EvaluationException;
import org.junit.jupiter.api.Test;

/** Core scalar functions, one test per function, with SQLite 3.50's answers. */
class ScalarFunctionsTest {
    private static final long MIN = Long.MIN_VALUE;

    @Test
    void shouldComputeAbs() {
        assertEquals("5", call("abs", -5));
        assertEquals("5.5", call("abs", -5.5));
        assertEquals("5.0", call("abs", "-5"));
        assertEquals("0.0", call("abs", "abc"));
        assertEquals("0.0", call("abs", -0.0));
        assertEquals("NULL", call("abs", (Object) null));
        assertEquals("error: integer overflow", call("abs", MIN));
    }

    @Test
    void shouldReadConnectionCounters() {
        TestFunctionContext ctx = new TestFunctionContext(1);
        ctx.changes = 4;
        ctx.totalChanges = 9;
        ctx.lastInsertRowid = -3;
        assertEquals("4", call(ctx, "changes"));
        assertEquals("9", call(ctx, "total_changes"));
        assertEquals("-3", call(ctx, "last_insert_rowid"));
    }

    @Test
    void shouldBuildCharactersWithChar() {
        assertEquals("'Hé日'", call("char", 72, 233, 0x65e5));
        assertEquals("''", call("char"));
        assertEquals("'\uFFFD\uFFFD'", call("char", -1, 0x110000));
        assertEquals("'AB'", call("char", "65", 66.9));
    }

    @Test
    void shouldPickTheFirstNonNullWithCoalesceAndIfnull() {
        assertEquals("2", call("coalesce", null, 2, 3));
        assertEquals("NULL", call("coalesce", null, null));
        assertEquals("'a'", call("ifnull", "a", 1));
    }

    @Test
    void shouldConcatenate() {
        assertEquals("'a1.5X'", call("concat", "a", null, 1.5, new byte[] {'X'}));
        assertEquals("''", call("concat", (Object) null));
        assertEquals("'a-b'", call("concat_ws", "-", "a", null, "b"));
        assertEquals("NULL", call("concat_ws", null, "a", "b"));
        assertEquals("'b'", call("concat_ws", ",", "", "b"));
        assertEquals("'a,,b'", call("concat_ws", ",", "a", "", "b"));
    }

    @Test
    void shouldMatchGlobAndLikeWithArgumentsInFunctionOrder() {
        assertEquals("1", call("glob", "a*", "abc"));
        assertEquals("0", call("glob", "A*", "abc"));
        assertEquals("1", call("like", "A%", "abc"));
        assertEquals("1", call("like", "a!%", "a%", "!"));
        assertEquals("NULL", call("like", null, "a"));
        assertEquals("error: ESCAPE expression must be a single character", call("like", "a", "a", "xy"));
    }

    @Test
    void shouldRenderHexAndDecodeUnhex() {
        assertEquals("'616263'", call("hex", "abc"));
        assertEquals("'00FF'", call("hex", new byte[] {0, (byte) 0xff}));
        assertEquals("'3132'", call("hex", 12));
        assertEquals("'312E35'", call("hex", 1.5));
        assertEquals("''", call("hex", (Object) null));
        assertEquals("X'ABCD'", call("unhex", "abcd"));
        assertEquals("NULL", call("unhex", "AB CD"));
        assertEquals("X'ABCD'", call("unhex", "AB CD", " "));
        assertEquals("NULL", call("unhex", "A BCD", " "));
        assertEquals("NULL", call("unhex", "ABC"));
        assertEquals("X''", call("unhex", ""));
    }

    @Test
    void shouldChooseWithIif() {
        assertEquals("'y'", call("iif", 1, "y", "n"));
        assertEquals("'n'", call("iif", 0, "y", "n"));
        assertEquals("NULL", call("iif", null, "y"));
        assertEquals("'b'", call("if", 0, "a", "1abc", "b", "c"));
        assertEquals("'c'", call("iif", 0, "a", 0.0, "b", "c"));
    }

    @Test
    void shouldFindSubstringsWithInstr() {
        assertEquals("4", call("instr", "héllo", "lo"));
        assertEquals("0", call("instr", "abc", "x"));
        assertEquals("1", call("instr", "abc", ""));
        assertEquals("3", call("instr", new byte[] {1, 2, 3}, new byte[] {3}));
        assertEquals("2", call("instr", 123, 2));
        assertEquals("NULL", call("instr", null, "a"));
    }

    @Test
    void shouldMeasureLengthsInCharactersOrBytes() {
        assertEquals("5", call("length", "héllo"));
        assertEquals("6", call("octet_length", "héllo"));
        assertEquals("3", call("length", new byte[] {0, 0, 0}));
        assertEquals("3", call("length", 1.5));
        assertEquals("3", call("length", -12));
        assertEquals("1", call("length", "a\0b"));
        assertEquals("3", call("octet_length", "a\0b"));
        assertEquals("NULL", call("length", (Object) null));
    }

    @Test
    void shouldReturnTheFirstArgumentFromPlannerHints() {
        assertEquals("'x'", call("likely", "x"));
        assertEquals("3", call("unlikely", 3));
        assertEquals("3", call("likelihood", 3, 0.5));
        ScalarFunctions.checkLikelihoodArgument(true, 0.25);
        assertEquals(
                "second argument to likelihood() must be a constant between 0.0 and 1.0",
                assertThrows(EvaluationException.class, () -> ScalarFunctions.checkLikelihoodArgument(true, 1.5))
                        .getMessage());
        assertThrows(EvaluationException.class, () -> ScalarFunctions.checkLikelihoodArgument(false, 0.5));
    }

    @Test
    void shouldFoldOnlyAsciiCase() {
        assertEquals("'HéLLO 1'", call("upper", "héllo 1"));
        assertEquals("'abcÉ'", call("lower", "ABCÉ"));
        assertEquals("'1.5'", call("upper", 1.5));
        assertEquals("NULL", call("lower", (Object) null));
    }

    @Test
    void shouldTrimCharacters() {
        assertEquals("'ab'", call("trim", "  ab  "));
        assertEquals("'ab  '", call("ltrim", "  ab  "));
        assertEquals("'  ab'", call("rtrim", "  ab  "));
        assertEquals("'b'", call("trim", "xyxbyx", "xy"));
        assertEquals("'abc'", call("trim", "abc", ""));
        assertEquals("'b'", call("trim", "ébé", "é"));
        assertEquals("NULL", call("trim", "abc", null));
        assertEquals("'23'", call("ltrim", 123, 1));
    }

    @Test
    void shouldPickExtremesWithScalarMinAndMax() {
        assertEquals("3", call("max", 1, 3, 2));
        assertEquals("'a'", call("max", 1, "a", 2.5));
        assertEquals("X'00'", call("max", "z", new byte[] {0}));
        assertEquals("1", call("min", 1, "a", 2.5));
        assertEquals("NULL", call("max", 1, null));
        TestFunctionContext nocase = new TestFunctionContext(1).withCollation(Collations.NOCASE);
        assertEquals("'B'", call(nocase, "max", "a", "B", "b"));
        assertEquals("'b'", call(nocase, "min", "B", "b"));
    }

    @Test
    void shouldCompareWithNullif() {
        assertEquals("NULL", call("nullif", 1, 1));
        assertEquals("1", call("nullif", 1, "1"));
        assertEquals("NULL", call("nullif", 1, 1.0));
        assertEquals("'a'", call("nullif", "a", "A"));
        assertEquals("NULL", call(new TestFunctionContext(1).withCollation(Collations.NOCASE), "nullif", "a", "A"));
    }

    @Test
    void shouldQuoteValuesAsSqlLiterals() {
        assertEquals("'''it''''s'''", call("quote", "it's"));
        assertEquals("'NULL'", call("quote", (Object) null));
        assertEquals("'12'", call("quote", 12));
        assertEquals("'0.1'", call("quote", 0.1));
        assertEquals("'1.0'", call("quote", 1.0));
        assertEquals("'3.000000000000000445e-01'", call("quote", 0.1 + 0.2));
        assertEquals("'9.0e+999'", call("quote", Double.POSITIVE_INFINITY));
        assertEquals("'X''01FF'''", call("quote", new byte[] {1, (byte) 0xff}));
        assertEquals("'''a'''", call("quote", "a\0b"));
        assertEquals("'unistr(''a\\u000ab'')'", call("unistr_quote", "a\nb"));
        assertEquals("'''a\\b'''", call("unistr_quote", "a\\b"));
    }

    @Test
    void shouldDrawRandomnessFromTheEngineSource() {
        String a = call(new TestFunctionContext(5), "random");
        assertEquals(a, call(new TestFunctionContext(5), "random"));
        assertNotEquals(a, call(new TestFunctionContext(6), "random"));
        String blob = call(new TestFunctionContext(5), "randomblob", 5);
        assertTrue(blob.matches("X'[0-9A-F]{10}'"), blob);
        assertTrue(call("randomblob", -3).matches("X'[0-9A-F]{2}'"));
        assertEquals("error: string or blob too big", call("randomblob", 2_000_000_000L));
    }

    @Test
    void shouldReplaceBytes() {
        assertEquals("'xbcxbc'", call("replace", "abcabc", "a", "x"));
        assertEquals("'abc'", call("replace", "abc", "", "x"));
        assertEquals("'1.x'", call("replace", 1.5, "5", "x"));
        assertEquals("NULL", call("replace", "abc", "b", null));
        assertEquals("'aaaa'", call("replace", "aa", "a", "aa"));
    }

    @Test
    void shouldRoundHalfAwayFromZero() {
        assertEquals("3.0", call("round", 2.5));
        assertEquals("-3.0", call("round", -2.5));
        assertEquals("2.35", call("round", 2.345, 2));
        assertEquals("1.0", call("round", 1.005, 2));
        assertEquals("123.0", call("round", 123.456, -1));
        assertEquals("0.0", call("round", "abc"));
        assertEquals("NULL", call("round", 1.5, null));
        assertEquals("5.0", call("round", 5));
        assertEquals("1.5", call("round", 1.5, 4294967297L));
        assertEquals("9.00719925474099e+15", call("round", 9007199254740993L));
    }

    @Test
    void shouldComputeSign() {
        assertEquals("-1", call("sign", -2.5));
        assertEquals("0", call("sign", 0));
        assertEquals("1", call("sign", "5"));
        assertEquals("NULL", call("sign", "x"));
        assertEquals("NULL", call("sign", new byte[] {'1'}));
    }

    @Test
    void shouldComputeSoundex() {
        assertEquals("'R163'", call("soundex", "Robert"));
        assertEquals("'R163'", call("soundex", "Rupert"));
        assertEquals("'T522'", call("soundex", "Tymczak"));
        assertEquals("'P236'", call("soundex", "Pfister"));
        assertEquals("'?000'", call("soundex", "123"));
        assertEquals("'?000'", call("soundex", (Object) null));
    }

    @Test
    void shouldReportTheSqliteVersionTursoTracks() {
        assertEquals("'3.50.4'", call("sqlite_version"));
        assertTrue(call("sqlite_source_id").startsWith("'2025-07-30 19:33:53 4d8adfb30e03"));
    }

    @Test
    void shouldTakeSubstringsByCharactersOrBytes() {
        assertEquals("'ell'", call("substr", "hello", 2, 3));
        assertEquals("'lo'", call("substr", "hello", -2));
        assertEquals("'h'", call("substr", "hello", 0, 2));
        assertEquals("''", call("substr", "hello", 0, 1));
        assertEquals("'hel'", call("substr", "hello", -2, -3));
        assertEquals("'h'", call("substr", "hello", 2, -5));
        assertEquals("'él'", call("substring", "héllo", 2, 2));
        assertEquals("X'0203'", call("substr", new byte[] {1, 2, 3, 4}, 2, 2));
        assertEquals("NULL", call("substr", new byte[0], 1));
        assertEquals("'23'", call("substr", 123, 2));
        assertEquals("NULL", call("substr", "abc", null));
        assertEquals("NULL", call("substr", "abc", 1, null));
    }

    @Test
    void shouldNameStorageClassesWithTypeof() {
        assertEquals("'integer'", call("typeof", 1));
        assertEquals("'real'", call("typeof", 1.0));
        assertEquals("'text'", call("typeof", "1"));
        assertEquals("'blob'", call("typeof", new byte[0]));
        assertEquals("'null'", call("typeof", (Object) null));
        assertEquals("0", call("subtype", "x"));
    }

    @Test
    void shouldDecodeCodePointsWithUnicodeAndUnistr() {
        assertEquals("233", call("unicode", "é!"));
        assertEquals("NULL", call("unicode", ""));
        assertEquals("'ABC😀\\'", call("unistr", "\\0041\\u0042\\+000043\\U0001F600\\\\"));
        assertEquals("error: invalid Unicode escape", call("unistr", "ab\\"));
        assertEquals("error: invalid Unicode escape", call("unistr", "\\x"));
    }

    @Test
    void shouldMakeZeroblobs() {
        assertEquals("X'000000'", call("zeroblob", 3));
        assertEquals("X''", call("zeroblob", -3));
        assertEquals("X'00'", call("zeroblob", "1.9"));
        assertEquals("error: string or blob too big", call("zeroblob", 1_000_000_001L));
    }

    @Test
    void shouldKeepScratchUnaffectedAcrossCalls() {
        TestFunctionContext ctx = new TestFunctionContext(1);
        assertEquals("'x 1'", call(ctx, "printf", "x %d", 1));
        assertEquals("'y'", call(ctx, "printf", "y"));
        assertEquals("1.5", call(ctx, "round", 1.49, 1));
        assertEquals("'x'", Calls.call(ctx, "format", "%s", "x"));
    }
}
