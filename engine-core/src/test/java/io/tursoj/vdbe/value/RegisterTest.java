package io.tursoj.vdbe.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Register storage, reuse and SQLite's value conversions. */
class RegisterTest {
    @Test
    void shouldReuseItsBufferForSmallerValues() {
        Register r = new Register();
        r.setText("a longer piece of text");
        byte[] buffer = r.bytes();
        r.setBlob(new byte[] {1, 2, 3});
        assertSame(buffer, r.bytes());
        r.setLong(5);
        r.setText("short");
        assertSame(buffer, r.bytes());
        assertEquals("short", r.asString());
    }

    @Test
    void shouldStoreNanAsNull() {
        Register r = new Register();
        r.setDouble(Double.NaN);
        assertTrue(r.isNull());
    }

    @Test
    void shouldCopyDeeply() {
        Register a = Register.of(Value.ofText("abc"));
        Register b = new Register();
        b.copyFrom(a);
        a.setText("xyz");
        assertEquals("abc", b.asString());
        Value snapshot = b.toValue();
        b.setText("changed");
        assertEquals(Value.ofText("abc"), snapshot);
        a.setSubtype(74);
        b.copyFrom(a);
        assertEquals(74, b.subtype());
        b.setLong(1);
        assertEquals(0, b.subtype());
    }

    @Test
    void shouldConvertLikeSqliteAccessors() {
        assertEquals(12, Register.of(Value.ofText("12.9")).asLong());
        assertEquals(3, Register.of(Value.ofDouble(3.99)).asLong());
        assertEquals(0, Register.of(Value.NULL).asLong());
        assertEquals(1.5, Register.of(Value.ofText("1.5e0x")).asDouble());
        assertEquals(ValueType.INTEGER, Register.of(Value.ofText(" 7 ")).numericType());
        assertEquals(ValueType.REAL, Register.of(Value.ofText("7.0")).numericType());
        assertEquals(ValueType.TEXT, Register.of(Value.ofText("7x")).numericType());
        assertEquals(ValueType.BLOB, Register.of(Value.ofBlob(new byte[] {'7'})).numericType());
        assertEquals("1.0e+20", Register.of(Value.ofDouble(1e20)).asString());
        assertEquals("-7", Register.of(Value.ofLong(-7)).asString());
        assertNull(Register.of(Value.NULL).textBytes());
        assertEquals(0, Register.of(Value.NULL).textLength());
    }

    @Test
    void shouldCacheTheTextOfNumbersUntilChanged() {
        Register r = Register.of(Value.ofDouble(2.5));
        byte[] text = r.textBytes();
        assertSame(text, r.textBytes());
        r.setDouble(3.5);
        assertEquals("3.5", r.asString());
    }

    @Test
    void shouldBuildResultsInPlace() {
        Register r = new Register();
        byte[] buf = r.prepareBuffer(3, false);
        buf[0] = 'a';
        buf[1] = 'b';
        buf[2] = 'c';
        r.commitText(2);
        assertEquals("ab", r.asString());
        r.commitBlob(3);
        assertEquals(Value.ofBlob(new byte[] {'a', 'b', 'c'}), r.toValue());
        Register z = new Register();
        z.setZeroBlob(4);
        assertEquals(Value.ofBlob(new byte[4]), z.toValue());
        assertThrows(EvaluationException.class, () -> z.setZeroBlob(Limits.MAX_LENGTH + 1L));
    }

    @Test
    void shouldReleaseLargeBuffers() {
        Register r = new Register();
        r.setZeroBlob(100_000);
        byte[] big = r.bytes();
        r.release();
        assertTrue(r.isNull());
        r.setText("x");
        assertNotSame(big, r.bytes());
    }
}
