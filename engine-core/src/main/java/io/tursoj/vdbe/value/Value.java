package io.tursoj.vdbe.value;

import java.util.Arrays;

/**
 * An immutable SQL value: an owned snapshot used where a value must outlive a register (results handed to the API,
 * constants in a program, keys). Hot paths use {@link Register} instead. Text is held as UTF-8 bytes, exactly as
 * SQLite stores it (possibly not valid UTF-8); {@link TextValue#asString()} converts at the edge.
 */
public sealed interface Value
        permits Value.NullValue, Value.IntValue, Value.RealValue, Value.TextValue, Value.BlobValue {

    /** The NULL value. */
    NullValue NULL = new NullValue();

    ValueType type();

    static Value ofLong(long v) {
        return v >= -128 && v < 128 ? IntValue.SMALL[(int) v + 128] : new IntValue(v);
    }

    /** A REAL value; NaN becomes NULL, as in SQLite. */
    static Value ofDouble(double v) {
        return Double.isNaN(v) ? NULL : new RealValue(v);
    }

    static Value ofText(String s) {
        return new TextValue(Utf8.encode(s));
    }

    /** A TEXT value owning a copy of {@code utf8[off, off+len)}. */
    static Value ofText(byte[] utf8, int off, int len) {
        return new TextValue(Arrays.copyOfRange(utf8, off, off + len));
    }

    /** A BLOB value owning a copy of {@code bytes[off, off+len)}. */
    static Value ofBlob(byte[] bytes, int off, int len) {
        return new BlobValue(Arrays.copyOfRange(bytes, off, off + len));
    }

    static Value ofBlob(byte[] bytes) {
        return ofBlob(bytes, 0, bytes.length);
    }

    /** The NULL value. */
    record NullValue() implements Value {
        @Override
        public ValueType type() {
            return ValueType.NULL;
        }

        @Override
        public String toString() {
            return "NULL";
        }
    }

    /** A 64-bit signed integer. */
    record IntValue(long value) implements Value {
        private static final IntValue[] SMALL = new IntValue[256];

        static {
            for (int i = 0; i < SMALL.length; i++) {
                SMALL[i] = new IntValue(i - 128);
            }
        }

        @Override
        public ValueType type() {
            return ValueType.INTEGER;
        }

        @Override
        public String toString() {
            return Long.toString(value);
        }
    }

    /** An IEEE-754 double; never NaN. */
    record RealValue(double value) implements Value {
        public RealValue {
            if (Double.isNaN(value)) {
                throw new IllegalArgumentException("SQLite has no NaN: use NULL");
            }
        }

        @Override
        public ValueType type() {
            return ValueType.REAL;
        }

        @Override
        public String toString() {
            return RealFormat.valueText(value);
        }
    }

    /** Text as UTF-8 bytes. The array is owned by the value and must not be modified. */
    record TextValue(byte[] utf8) implements Value {
        @Override
        public ValueType type() {
            return ValueType.TEXT;
        }

        public String asString() {
            return Utf8.decode(utf8, 0, utf8.length);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TextValue t && Arrays.equals(utf8, t.utf8);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(utf8);
        }

        @Override
        public String toString() {
            return asString();
        }
    }

    /** A BLOB. The array is owned by the value and must not be modified. */
    record BlobValue(byte[] bytes) implements Value {
        @Override
        public ValueType type() {
            return ValueType.BLOB;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BlobValue b && Arrays.equals(bytes, b.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            StringBuilder sb = new StringBuilder("X'");
            for (byte b : bytes) {
                sb.append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
            return sb.append('\'').toString().toUpperCase(java.util.Locale.ROOT);
        }
    }
}
