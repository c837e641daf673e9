package io.tursoj.vdbe.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tursoj.testing.Calls;
import org.junit.jupiter.api.Test;

/** Arithmetic, bitwise and concatenation operators. */
class ArithmeticTest {
    private static String apply(Arithmetic.Op op, Object a, Object b) {
        Register out = new Register();
        Arithmetic.apply(op, Register.of(Calls.value(a)), Register.of(Calls.value(b)), out);
        return Calls.literal(out);
    }

    @Test
    void shouldOverflowIntegersIntoReals() {
        assertEquals("9.22337203685478e+18", apply(Arithmetic.Op.ADD, Long.MAX_VALUE, 1));
        assertEquals("-9.22337203685478e+18", apply(Arithmetic.Op.SUBTRACT, Long.MIN_VALUE, 1));
        assertEquals("9.22337203685478e+18", apply(Arithmetic.Op.MULTIPLY, Long.MIN_VALUE, -1));
        assertEquals("9.22337203685478e+18", apply(Arithmetic.Op.DIVIDE, Long.MIN_VALUE, -1));
        assertEquals("8.50705917302346e+37", apply(Arithmetic.Op.MULTIPLY, Long.MAX_VALUE, Long.MAX_VALUE));
        assertEquals("-9223372036854775808", apply(Arithmetic.Op.SUBTRACT, Long.MIN_VALUE + 1, 1));
        assertEquals("4611686018427387904", apply(Arithmetic.Op.MULTIPLY, 2147483648L, 2147483648L));
    }

    @Test
    void shouldDivideAndTakeRemaindersAsSqliteDoes() {
        assertEquals("2", apply(Arithmetic.Op.DIVIDE, 5, 2));
        assertEquals("-2", apply(Arithmetic.Op.DIVIDE, -5, 2));
        assertEquals("2.5", apply(Arithmetic.Op.DIVIDE, 5.0, 2));
        assertEquals("NULL", apply(Arithmetic.Op.DIVIDE, 5, 0));
        assertEquals("NULL", apply(Arithmetic.Op.DIVIDE, 5.0, 0.0));
        assertEquals("NULL", apply(Arithmetic.Op.REMAINDER, 5, 0));
        assertEquals("-2", apply(Arithmetic.Op.REMAINDER, -5, 3));
        assertEquals("2", apply(Arithmetic.Op.REMAINDER, 5, -3));
        assertEquals("1.0", apply(Arithmetic.Op.REMAINDER, 5.5, 2));
        assertEquals("NULL", apply(Arithmetic.Op.REMAINDER, 5.5, 0.5));
        assertEquals("0", apply(Arithmetic.Op.REMAINDER, Long.MIN_VALUE, -1));
    }

    @Test
    void shouldReadTextAndBlobsAsNumbers() {
        assertEquals("13", apply(Arithmetic.Op.ADD, "12abc", 1));
        assertEquals("1", apply(Arithmetic.Op.ADD, "abc", 1));
        assertEquals("2.5", apply(Arithmetic.Op.ADD, "1.5x", 1));
        assertEquals("100001.0", apply(Arithmetic.Op.ADD, "1e5", 1));
        assertEquals("1", apply(Arithmetic.Op.ADD, "0x10", 1));
        assertEquals("13", apply(Arithmetic.Op.ADD, new byte[] {'1', '2'}, 1));
        assertEquals("9.22337203685478e+18", apply(Arithmetic.Op.ADD, "9223372036854775808", 0));
        assertEquals("NULL", apply(Arithmetic.Op.ADD, null, 1));
        assertEquals("NULL", apply(Arithmetic.Op.SUBTRACT, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY));
    }

    @Test
    void shouldNegateAndComplement() {
        Register out = new Register();
        Arithmetic.negate(Register.of(Value.ofLong(Long.MIN_VALUE)), out);
        assertEquals("9.22337203685478e+18", Calls.literal(out));
        Arithmetic.negate(Register.of(Value.ofText("abc")), out);
        assertEquals("0", Calls.literal(out));
        Arithmetic.negate(Register.of(Value.ofText("2.5")), out);
        assertEquals("-2.5", Calls.literal(out));
        Arithmetic.bitNot(Register.of(Value.ofLong(5)), out);
        assertEquals("-6", Calls.literal(out));
        Arithmetic.bitNot(Register.of(Value.NULL), out);
        assertEquals("NULL", Calls.literal(out));
    }

    private static String bits(Arithmetic.BitOp op, Object a, Object b) {
        Register out = new Register();
        Arithmetic.bitwise(op, Register.of(Calls.value(a)), Register.of(Calls.value(b)), out);
        return Calls.literal(out);
    }

    @Test
    void shouldShiftWithSqlitesRules() {
        assertEquals("0", bits(Arithmetic.BitOp.SHIFT_LEFT, 1, 64));
        assertEquals("-1", bits(Arithmetic.BitOp.SHIFT_RIGHT, -1, 70));
        assertEquals("0", bits(Arithmetic.BitOp.SHIFT_RIGHT, 1, 64));
        assertEquals("1", bits(Arithmetic.BitOp.SHIFT_LEFT, 2, -1));
        assertEquals("-4", bits(Arithmetic.BitOp.SHIFT_RIGHT, -8, 1));
        assertEquals("4", bits(Arithmetic.BitOp.AND, "12.9", 7));
        assertEquals("NULL", bits(Arithmetic.BitOp.OR, null, 7));
        assertEquals(String.valueOf(Long.MIN_VALUE), bits(Arithmetic.BitOp.SHIFT_LEFT, 1, 63));
    }

    @Test
    void shouldConcatenateTextViews() {
        Register out = new Register();
        Arithmetic.concat(Register.of(Value.ofLong(1)), Register.of(Value.ofDouble(2.0)), out);
        assertEquals("'12.0'", Calls.literal(out));
        Arithmetic.concat(Register.of(Value.ofBlob(new byte[] {'A'})), Register.of(Value.ofText("b")), out);
        assertEquals("'Ab'", Calls.literal(out));
        Arithmetic.concat(Register.of(Value.NULL), Register.of(Value.ofText("b")), out);
        assertEquals("NULL", Calls.literal(out));
    }

    @Test
    void shouldConcatenateIntoAnOperandRegister() {
        Register a = Register.of(Value.ofText("ab"));
        Register b = Register.of(Value.ofText("cd"));
        Arithmetic.concat(a, b, a);
        assertEquals("abcd", a.asString());
        Arithmetic.concat(a, b, b);
        assertEquals("abcdcd", b.asString());
        Arithmetic.concat(b, b, b);
        assertEquals("abcdcdabcdcd", b.asString());
        Register n = Register.of(Value.ofLong(12));
        Arithmetic.concat(n, n, n);
        assertEquals("1212", n.asString());
        Register m = Register.of(Value.ofDouble(1.5));
        Arithmetic.concat(a, m, m);
        assertEquals("abcd1.5", m.asString());
    }

    @Test
    void shouldReuseTheOutputBufferWhenConcatenatingRepeatedly() {
        Register out = new Register();
        Register x = Register.of(Value.ofText("xyz"));
        Arithmetic.concat(x, x, out);
        byte[] buffer = out.bytes();
        for (int i = 0; i < 100; i++) {
            Arithmetic.concat(x, x, out);
        }
        assertSame(buffer, out.bytes());
    }

    @Test
    void shouldRefuseResultsBeyondTheLengthLimit() {
        ByteBuilder b = new ByteBuilder();
        EvaluationException e =
                assertThrows(EvaluationException.class, () -> b.appendRepeated((byte) 'x', Limits.MAX_LENGTH + 1L));
        assertEquals("string or blob too big", e.getMessage());
        assertEquals(EvaluationException.SQLITE_TOOBIG, e.resultCode());
        assertEquals(0, b.length());
    }
}
