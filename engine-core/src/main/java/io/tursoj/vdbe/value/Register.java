package io.tursoj.vdbe.value;

import java.util.Arrays;

/**
 * A mutable VDBE register (SQLite's {@code Mem}): one value of any storage class, held in primitive slots and an
 * owned, reused byte buffer, so that storing a value allocates nothing once the buffer is large enough.
 *
 * <p>Invariants: (1) {@link #type()} says which slot is meaningful: the long for INTEGER, the double for REAL, bytes
 * {@code [0, length())} of {@link #bytes()} for TEXT (UTF-8, not necessarily valid) and BLOB; (2) a REAL is never
 * NaN: storing NaN stores NULL, as SQLite does; (3) the register owns its buffer: setters copy, and the buffer is
 * reused by the next setter, so references obtained from {@link #bytes()} or {@link #textBytes()} are valid only until
 * the register changes; (4) the text rendering of a number ({@link #textBytes()} on an INTEGER or REAL) is cached
 * until the next change, like the string representation SQLite adds to a numeric {@code Mem}.
 *
 * <p>Conversions follow SQLite: {@link #asLong()} is {@code sqlite3VdbeIntValue}, {@link #asDouble()} is
 * {@code sqlite3VdbeRealValue}, {@link #textBytes()} is {@code sqlite3_value_text}. They never change the register.
 */
public final class Register {
    private static final byte[] EMPTY = new byte[0];

    private ValueType type = ValueType.NULL;
    private long longValue;
    private double doubleValue;
    private byte[] buf = EMPTY;
    private int length;
    private int subtype;

    private ByteBuilder numberText;
    private boolean numberTextValid;
    private FpDecode fpDecode;

    public Register() {}

    /** A register holding a copy of {@code value}. */
    public static Register of(Value value) {
        Register r = new Register();
        r.set(value);
        return r;
    }

    public ValueType type() {
        return type;
    }

    public boolean isNull() {
        return type == ValueType.NULL;
    }

    /** Application-defined subtype tag (SQLite's {@code sqlite3_value_subtype}); cleared by every setter. */
    public int subtype() {
        return subtype;
    }

    public void setSubtype(int subtype) {
        this.subtype = subtype;
    }

    // ---------------------------------------------------------------- raw slots

    /** The INTEGER slot. Only meaningful when {@code type() == INTEGER}. */
    public long longRaw() {
        assert type == ValueType.INTEGER;
        return longValue;
    }

    /** The REAL slot. Only meaningful when {@code type() == REAL}. */
    public double doubleRaw() {
        assert type == ValueType.REAL;
        return doubleValue;
    }

    /** The TEXT or BLOB content: bytes {@code [0, length())}. Valid until the register changes. */
    public byte[] bytes() {
        assert type == ValueType.TEXT || type == ValueType.BLOB;
        return buf;
    }

    /** Length in bytes of the TEXT or BLOB content. */
    public int length() {
        assert type == ValueType.TEXT || type == ValueType.BLOB;
        return length;
    }

    // ---------------------------------------------------------------- setters

    public void setNull() {
        type = ValueType.NULL;
        changed();
    }

    public void setLong(long v) {
        type = ValueType.INTEGER;
        longValue = v;
        changed();
    }

    /** Stores a REAL; NaN stores NULL. */
    public void setDouble(double v) {
        if (Double.isNaN(v)) {
            setNull();
            return;
        }
        type = ValueType.REAL;
        doubleValue = v;
        changed();
    }

    /** Stores TEXT: a copy of {@code src[off, off+len)} (which may be this register's own buffer). */
    public void setText(byte[] src, int off, int len) {
        copyIn(src, off, len);
        type = ValueType.TEXT;
        changed();
    }

    public void setText(byte[] utf8) {
        setText(utf8, 0, utf8.length);
    }

    public void setText(String s) {
        setText(Utf8.encode(s));
    }

    /** Stores a BLOB: a copy of {@code src[off, off+len)} (which may be this register's own buffer). */
    public void setBlob(byte[] src, int off, int len) {
        copyIn(src, off, len);
        type = ValueType.BLOB;
        changed();
    }

    public void setBlob(byte[] bytes) {
        setBlob(bytes, 0, bytes.length);
    }

    /** Stores a BLOB of {@code n} zero bytes ({@code zeroblob(n)}); throws {@code string or blob too big} past the limit. */
    public void setZeroBlob(long n) {
        Limits.checkLength(n);
        int len = (int) Math.max(n, 0);
        ensureCapacity(len, false);
        Arrays.fill(buf, 0, len, (byte) 0);
        length = len;
        type = ValueType.BLOB;
        changed();
    }

    /**
     * A writable buffer of at least {@code capacity} bytes, for building a TEXT or BLOB result in place; finish with
     * {@link #commitText} or {@link #commitBlob}. Existing content is kept when {@code keep} is set.
     */
    public byte[] prepareBuffer(int capacity, boolean keep) {
        Limits.checkLength(capacity);
        ensureCapacity(capacity, keep);
        return buf;
    }

    /** Makes the first {@code len} bytes of the prepared buffer the register's TEXT value. */
    public void commitText(int len) {
        assert len <= buf.length;
        length = len;
        type = ValueType.TEXT;
        changed();
    }

    /** Makes the first {@code len} bytes of the prepared buffer the register's BLOB value. */
    public void commitBlob(int len) {
        assert len <= buf.length;
        length = len;
        type = ValueType.BLOB;
        changed();
    }

    /** Stores the content of a builder as TEXT. */
    public void setText(ByteBuilder b) {
        setText(b.array(), 0, b.length());
    }

    /** Copies the value of {@code other} (a deep copy of any bytes). */
    public void copyFrom(Register other) {
        if (other == this) {
            return;
        }
        switch (other.type) {
            case NULL -> setNull();
            case INTEGER -> setLong(other.longValue);
            case REAL -> setDouble(other.doubleValue);
            case TEXT -> setText(other.buf, 0, other.length);
            case BLOB -> setBlob(other.buf, 0, other.length);
        }
        subtype = other.subtype;
    }

    public void set(Value value) {
        switch (value) {
            case Value.NullValue n -> setNull();
            case Value.IntValue v -> setLong(v.value());
            case Value.RealValue v -> setDouble(v.value());
            case Value.TextValue v -> setText(v.utf8());
            case Value.BlobValue v -> setBlob(v.bytes());
        }
    }

    /** An owned snapshot of the current value. */
    public Value toValue() {
        return switch (type) {
            case NULL -> Value.NULL;
            case INTEGER -> Value.ofLong(longValue);
            case REAL -> new Value.RealValue(doubleValue);
            case TEXT -> Value.ofText(buf, 0, length);
            case BLOB -> Value.ofBlob(buf, 0, length);
        };
    }

    /** Releases a large buffer (the VDBE calls this when a statement finishes). */
    public void release() {
        if (buf.length > 4096) {
            buf = EMPTY;
            if (type == ValueType.TEXT || type == ValueType.BLOB) {
                type = ValueType.NULL;
            }
        }
        numberText = null;
        numberTextValid = false;
    }

    private void copyIn(byte[] src, int off, int len) {
        Limits.checkLength(len);
        if (len > buf.length) {
            byte[] grown = new byte[Math.max(len, Math.min(buf.length * 2, Limits.MAX_LENGTH))];
            System.arraycopy(src, off, grown, 0, len);
            buf = grown;
        } else {
            System.arraycopy(src, off, buf, 0, len);
        }
        length = len;
    }

    private void ensureCapacity(int capacity, boolean keep) {
        if (capacity > buf.length) {
            int size = Math.max(capacity, Math.min(buf.length * 2, Limits.MAX_LENGTH));
            buf = keep ? Arrays.copyOf(buf, size) : new byte[size];
        }
    }

    private void changed() {
        numberTextValid = false;
        subtype = 0;
    }

    // ---------------------------------------------------------------- conversions (non-mutating)

    /**
     * The value as a 64-bit integer ({@code sqlite3VdbeIntValue}): REAL truncates toward zero and clamps; TEXT and BLOB
     * read their longest integer prefix ({@code '12.9'} is 12, {@code '1e5'} is 1); NULL is 0.
     */
    public long asLong() {
        return switch (type) {
            case INTEGER -> longValue;
            case REAL -> NumberText.doubleToInt64(doubleValue);
            case TEXT, BLOB -> NumberText.integerValue(buf, 0, length);
            case NULL -> 0;
        };
    }

    /** The value as a double ({@code sqlite3VdbeRealValue}): TEXT and BLOB read their longest numeric prefix; NULL is 0.0. */
    public double asDouble() {
        return switch (type) {
            case INTEGER -> (double) longValue;
            case REAL -> doubleValue;
            case TEXT, BLOB -> NumberText.parseReal(buf, 0, length);
            case NULL -> 0.0;
        };
    }

    /**
     * {@code sqlite3_value_numeric_type}: the type after numeric affinity, without changing the register. TEXT that
     * looks like a number reports INTEGER or REAL (its value is then {@link #asLong()} or {@link #asDouble()}); other
     * TEXT stays TEXT.
     */
    public ValueType numericType() {
        if (type != ValueType.TEXT) {
            return type;
        }
        return Affinity.numericTypeOfText(buf, 0, length);
    }

    /**
     * The value as text ({@code sqlite3_value_text}): TEXT as is, BLOB bytes reinterpreted, numbers rendered as SQLite
     * renders them; {@code null} for NULL. Bytes {@code [0, textLength())} are the text; valid until the register
     * changes.
     */
    public byte[] textBytes() {
        return switch (type) {
            case TEXT, BLOB -> buf;
            case INTEGER, REAL -> renderedNumber().array();
            case NULL -> null;
        };
    }

    /** Length in bytes of {@link #textBytes()}; 0 for NULL. */
    public int textLength() {
        return switch (type) {
            case TEXT, BLOB -> length;
            case INTEGER, REAL -> renderedNumber().length();
            case NULL -> 0;
        };
    }

    /** The value as a Java string (TEXT view); {@code null} for NULL. */
    public String asString() {
        byte[] z = textBytes();
        return z == null ? null : Utf8.decode(z, 0, textLength());
    }

    private ByteBuilder renderedNumber() {
        if (!numberTextValid) {
            if (numberText == null) {
                numberText = new ByteBuilder(32);
            }
            numberText.reset();
            if (type == ValueType.INTEGER) {
                numberText.appendLong(longValue);
            } else {
                if (fpDecode == null) {
                    fpDecode = new FpDecode();
                }
                RealFormat.appendValueText(numberText, doubleValue, fpDecode);
            }
            numberTextValid = true;
        }
        return numberText;
    }

    /** A scratch decoder for callers rendering reals on this register's behalf (printf). */
    public FpDecode fpDecode() {
        if (fpDecode == null) {
            fpDecode = new FpDecode();
        }
        return fpDecode;
    }

    @Override
    public String toString() {
        return switch (type) {
            case NULL -> "NULL";
            case BLOB -> toValue().toString();
            default -> asString();
        };
    }
}
