package io.tursoj.vdbe.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tursoj.testing.Calls;
import org.junit.jupiter.api.Test;

/** LIKE and GLOB. */
class PatternMatchTest {
    private static int like(Object x, Object pattern) {
        return PatternMatch.evaluateLike(Register.of(Calls.value(x)), Register.of(Calls.value(pattern)), null, false);
    }

    private static int like(Object x, Object pattern, Object escape) {
        return PatternMatch.evaluateLike(
                Register.of(Calls.value(x)),
                Register.of(Calls.value(pattern)),
                Register.of(Calls.value(escape)),
                false);
    }

    private static int glob(Object x, Object pattern) {
        return PatternMatch.evaluateGlob(Register.of(Calls.value(x)), Register.of(Calls.value(pattern)));
    }

    @Test
    void shouldMatchLikeWildcardsIgnoringAsciiCase() {
        assertEquals(Logic.TRUE, like("Hello", "h%O"));
        assertEquals(Logic.TRUE, like("Hello", "_ell_"));
        assertEquals(Logic.FALSE, like("Hello", "_ell"));
        assertEquals(Logic.TRUE, like("", "%"));
        assertEquals(Logic.FALSE, like("é", "É"));
        assertEquals(Logic.TRUE, like("éa", "_A"));
        assertEquals(Logic.TRUE, like(123, "1%3"));
        assertEquals(Logic.TRUE, like("a%b", "a%%b"));
        assertEquals(Logic.UNKNOWN, like(null, "%"));
        assertEquals(Logic.UNKNOWN, like("a", null));
    }

    @Test
    void shouldHonourTheEscapeCharacter() {
        assertEquals(Logic.TRUE, like("10%", "10\\%", "\\"));
        assertEquals(Logic.FALSE, like("100", "10\\%", "\\"));
        assertEquals(Logic.TRUE, like("a_b", "a!_b", "!"));
        assertEquals(Logic.TRUE, like("a%b", "a%%b", "%"));
        assertEquals(Logic.FALSE, like("axb", "a%%b", "%"));
        assertEquals(Logic.TRUE, like("aé", "aéé", "é"));
        assertEquals(Logic.UNKNOWN, like("a", "a", null));
        EvaluationException e = assertThrows(EvaluationException.class, () -> like("a", "a", "ab"));
        assertEquals("ESCAPE expression must be a single character", e.getMessage());
        assertThrows(EvaluationException.class, () -> like("a", "a", ""));
    }

    @Test
    void shouldMatchGlobClassesRangesAndNegation() {
        assertEquals(Logic.TRUE, glob("abc", "a*"));
        assertEquals(Logic.FALSE, glob("abc", "A*"));
        assertEquals(Logic.TRUE, glob("abc", "a?c"));
        assertEquals(Logic.TRUE, glob("b", "[a-c]"));
        assertEquals(Logic.FALSE, glob("d", "[a-c]"));
        assertEquals(Logic.TRUE, glob("d", "[^a-c]"));
        assertEquals(Logic.TRUE, glob("]", "[]]"));
        assertEquals(Logic.TRUE, glob("-", "[a-]"));
        assertEquals(Logic.TRUE, glob("xé", "x[é]"));
        assertEquals(Logic.TRUE, glob("ab1", "*[0-9]"));
        assertEquals(Logic.FALSE, glob("ab", "[ab"));
        assertEquals(Logic.TRUE, glob("a*b", "a[*]b"));
    }

    @Test
    void shouldRefuseOverlongPatterns() {
        String pattern = "%".repeat(Limits.MAX_LIKE_PATTERN_LENGTH + 1);
        EvaluationException e = assertThrows(EvaluationException.class, () -> like("a", pattern));
        assertEquals("LIKE or GLOB pattern too complex", e.getMessage());
    }

    @Test
    void shouldStopAtNulBytesAsSqliteStringsDo() {
        assertEquals(Logic.TRUE, like("ab\0cd", "ab"));
        assertEquals(Logic.TRUE, glob("ab\0cd", "ab"));
    }
}
