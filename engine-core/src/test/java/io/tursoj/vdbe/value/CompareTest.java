package io.tursoj.vdbe.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Ordering across storage classes, exact integer/real comparison, collations, affinity, NULL rules. */
class CompareTest {
    private static Register r(Object o) {
        return Register.of(
                switch (o) {
                    case null -> Value.NULL;
                    case Long l -> Value.ofLong(l);
                    case Integer i -> Value.ofLong(i);
                    case Double d -> Value.ofDouble(d);
                    case String s -> Value.ofText(s);
                    case byte[] b -> Value.ofBlob(b);
                    default -> throw new IllegalArgumentException();
                });
    }

    private static int cmp(Object a, Object b) {
        return Integer.signum(Compare.compare(r(a), r(b), null));
    }

    @Test
    void shouldOrderNullThenNumbersThenTextThenBlob() {
        assertEquals(-1, cmp(null, Double.NEGATIVE_INFINITY));
        assertEquals(0, cmp(null, null));
        assertEquals(-1, cmp(Double.POSITIVE_INFINITY, ""));
        assertEquals(-1, cmp(Long.MAX_VALUE, "0"));
        assertEquals(-1, cmp("zzz", new byte[0]));
        assertEquals(1, cmp(new byte[] {0}, new byte[0]));
        assertEquals(-1, cmp(new byte[] {1, 2}, new byte[] {1, 3}));
        assertEquals(1, cmp(new byte[] {(byte) 0x80}, new byte[] {0x7f}));
    }

    @Test
    void shouldCompareIntegersAndRealsExactly() {
        assertEquals(0, cmp(3, 3.0));
        assertEquals(1, cmp(9007199254740993L, 9007199254740992.0));
        assertEquals(-1, cmp(9007199254740992.0, 9007199254740993L));
        assertEquals(-1, cmp(Long.MAX_VALUE, 9223372036854775807.0));
        assertEquals(0, cmp(Long.MIN_VALUE, -9223372036854775808.0));
        assertEquals(1, cmp(-1, -1.5));
        assertEquals(0, cmp(0.0, -0.0));
        assertEquals(1, Compare.intFloatCompare(0, Double.NaN));
    }

    @Test
    void shouldCompareTextWithCollations() {
        assertEquals(0, Compare.compare(r("abc"), r("ABC"), Collations.NOCASE));
        assertTrue(Compare.compare(r("é"), r("É"), Collations.NOCASE) != 0);
        assertTrue(Compare.compare(r("abc"), r("ABC"), null) > 0);
        assertEquals(0, Compare.compare(r("a  "), r("a"), Collations.RTRIM));
        assertTrue(Compare.compare(r("a\t"), r("a"), Collations.RTRIM) > 0);
        assertTrue(Compare.compare(r("a"), r("ab"), Collations.BINARY) < 0);
        Collations.Registry registry = new Collations.Registry();
        registry.register("REVERSE", (a, ao, al, b, bo, bl) -> Collations.BINARY.compare(b, bo, bl, a, ao, al));
        Collation reverse = registry.find("reverse");
        assertTrue(Compare.compare(r("a"), r("b"), reverse) > 0);
        assertEquals(Collations.NOCASE, registry.find("NoCase"));
        assertNull(registry.find("nope"));
    }

    private static int op(Compare.Op op, Object a, Object b, Affinity aff, boolean nullEq) {
        return Compare.evaluate(op, r(a), r(b), aff, null, nullEq);
    }

    @Test
    void shouldApplyComparisonAffinityToTheOperands() {
        assertEquals(Logic.TRUE, op(Compare.Op.EQ, 5, "5", Affinity.NUMERIC, false));
        assertEquals(Logic.TRUE, op(Compare.Op.EQ, 5, " 5.0 ", Affinity.INTEGER, false));
        assertEquals(Logic.FALSE, op(Compare.Op.EQ, 5, "5", Affinity.NONE, false));
        assertEquals(Logic.TRUE, op(Compare.Op.LT, 5, "5", Affinity.BLOB, false));
        assertEquals(Logic.TRUE, op(Compare.Op.EQ, 5, "5", Affinity.TEXT, false));
        assertEquals(Logic.TRUE, op(Compare.Op.GT, 10, "9", Affinity.NUMERIC, false));
        assertEquals(Logic.FALSE, op(Compare.Op.GT, 10, "9", Affinity.TEXT, false));
        assertEquals(Logic.TRUE, op(Compare.Op.EQ, 1.5, "1.5", Affinity.TEXT, false));
        assertEquals(Logic.FALSE, op(Compare.Op.EQ, 16, "0x10", Affinity.NUMERIC, false));
        assertEquals(Logic.TRUE, op(Compare.Op.GT, new byte[] {'5'}, 5, Affinity.NUMERIC, false));
    }

    @Test
    void shouldFollowNullRulesForComparisonsAndIs() {
        assertEquals(Logic.UNKNOWN, op(Compare.Op.EQ, null, 1, Affinity.NONE, false));
        assertEquals(Logic.UNKNOWN, op(Compare.Op.NE, null, null, Affinity.NONE, false));
        assertEquals(Logic.TRUE, op(Compare.Op.EQ, null, null, Affinity.NONE, true));
        assertEquals(Logic.FALSE, op(Compare.Op.EQ, null, 1, Affinity.NONE, true));
        assertEquals(Logic.TRUE, op(Compare.Op.NE, 1, null, Affinity.NONE, true));
        assertTrue(Compare.is(r(null), r(null), Affinity.NONE, null));
        assertTrue(Compare.isDistinctFrom(r(null), r(0), Affinity.NONE, null));
        assertFalse(Compare.isDistinctFrom(r(2), r(2.0), Affinity.NONE, null));
    }

    @Test
    void shouldEvaluateBetweenAndInWithThreeValuedLogic() {
        assertEquals(Logic.TRUE, Compare.between(r(2), r(1), r(3), Affinity.NONE, Affinity.NONE, null));
        assertEquals(Logic.FALSE, Compare.between(r(5), r(6), r(null), Affinity.NONE, Affinity.NONE, null));
        assertEquals(Logic.UNKNOWN, Compare.between(r(2), r(1), r(null), Affinity.NONE, Affinity.NONE, null));
        assertEquals(Logic.UNKNOWN, Compare.between(r(null), r(1), r(3), Affinity.NONE, Affinity.NONE, null));
        assertEquals(Logic.TRUE, Compare.in(r(2), new Register[] {r(null), r(2)}, Affinity.NONE, null));
        assertEquals(Logic.UNKNOWN, Compare.in(r(3), new Register[] {r(null), r(2)}, Affinity.NONE, null));
        assertEquals(Logic.FALSE, Compare.in(r(3), new Register[] {r(1), r(2)}, Affinity.NONE, null));
        assertEquals(Logic.UNKNOWN, Compare.in(r(null), new Register[] {r(1)}, Affinity.NONE, null));
        assertEquals(Logic.FALSE, Compare.in(r(null), new Register[0], Affinity.NONE, null));
        assertEquals(Logic.TRUE, Compare.in(r("1"), new Register[] {r(1)}, Affinity.INTEGER, null));
        assertEquals(Logic.FALSE, Compare.in(r("1"), new Register[] {r(1)}, Affinity.NONE, null));
    }

    @Test
    void shouldNotChangeOperandsWhileApplyingAffinity() {
        Register a = r("5");
        Register b = r(5);
        Compare.compareWithAffinity(a, b, Affinity.NUMERIC, null);
        Compare.compareWithAffinity(b, a, Affinity.TEXT, null);
        assertEquals(ValueType.TEXT, a.type());
        assertEquals(ValueType.INTEGER, b.type());
    }
}
