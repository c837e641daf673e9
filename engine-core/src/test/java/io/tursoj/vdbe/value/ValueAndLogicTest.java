package io.tursoj.vdbe.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Immutable values, UTF-8 reading as SQLite does it, and three-valued logic. */
class ValueAndLogicTest {
    @Test
    void shouldCompareValuesByContent() {
        assertEquals(Value.ofText("é"), Value.ofText(new byte[] {(byte) 0xc3, (byte) 0xa9}, 0, 2));
        assertEquals(
                Value.ofBlob(new byte[] {1}).hashCode(),
                Value.ofBlob(new byte[] {1}).hashCode());
        assertNotEquals(Value.ofText("1"), Value.ofBlob(new byte[] {'1'}));
        assertSame(Value.NULL, Value.ofDouble(Double.NaN));
        assertSame(Value.ofLong(7), Value.ofLong(7));
        assertThrows(IllegalArgumentException.class, () -> new Value.RealValue(Double.NaN));
        assertEquals("X'00FF'", Value.ofBlob(new byte[] {0, (byte) 0xff}).toString());
        assertEquals("1.0", Value.ofDouble(1).toString());
    }

    @Test
    void shouldReadUtf8AsSqliteDoes() {
        byte[] overlong = {(byte) 0xc0, (byte) 0x80};
        assertEquals(Utf8.REPLACEMENT, Utf8.codePoint(Utf8.read(overlong, 0, 2)));
        byte[] surrogate = {(byte) 0xed, (byte) 0xa0, (byte) 0x80};
        assertEquals(Utf8.REPLACEMENT, Utf8.codePoint(Utf8.read(surrogate, 0, 3)));
        byte[] stray = {(byte) 0x80, 'a'};
        assertEquals(0x80, Utf8.codePoint(Utf8.read(stray, 0, 2)));
        assertEquals(1, Utf8.next(Utf8.read(stray, 0, 2)));
        assertEquals(2, Utf8.charCount(stray, 0, 2));
        byte[] withNul = {'a', 0, 'b'};
        assertEquals(1, Utf8.charCount(withNul, 0, 3));
        byte[] emoji = Utf8.encode("😀");
        assertEquals(0x1F600, Utf8.codePoint(Utf8.read(emoji, 0, emoji.length)));
        byte[] out = new byte[4];
        assertEquals(4, Utf8.write(out, 0, 0x1F600));
        assertEquals("😀", Utf8.decode(out, 0, 4));
    }

    @Test
    void shouldCombineTruthValuesWithThreeValuedLogic() {
        int t = Logic.TRUE;
        int f = Logic.FALSE;
        int u = Logic.UNKNOWN;
        assertEquals(f, Logic.and(f, u));
        assertEquals(u, Logic.and(t, u));
        assertEquals(t, Logic.and(t, t));
        assertEquals(t, Logic.or(u, t));
        assertEquals(u, Logic.or(f, u));
        assertEquals(f, Logic.or(f, f));
        assertEquals(u, Logic.not(u));
        assertEquals(f, Logic.not(t));
    }

    @Test
    void shouldTakeTruthFromNumbersAndTheirTextPrefixes() {
        assertEquals(Logic.TRUE, Logic.truth(Register.of(Value.ofText("1abc"))));
        assertEquals(Logic.FALSE, Logic.truth(Register.of(Value.ofText("abc"))));
        assertEquals(Logic.TRUE, Logic.truth(Register.of(Value.ofDouble(0.5))));
        assertEquals(Logic.UNKNOWN, Logic.truth(Register.of(Value.NULL)));
        assertTrue(Logic.isTrue(Register.of(Value.ofLong(2)), false, false));
        assertFalse(Logic.isTrue(Register.of(Value.NULL), false, false));
        assertTrue(Logic.isTrue(Register.of(Value.NULL), false, true));
        Register out = new Register();
        Logic.store(Logic.UNKNOWN, out);
        assertTrue(out.isNull());
    }
}
