package io.tursoj.vdbe.value;

import java.util.Arrays;

/**
 * A growable byte buffer for building text and BLOB results (SQLite's {@code StrAccum}). It is meant to be kept and
 * {@linkplain #reset() reset} rather than reallocated, and it enforces {@link Limits#MAX_LENGTH}: growing beyond it
 * throws {@code string or blob too big}.
 */
public final class ByteBuilder {
    private byte[] buf;
    private int length;

    public ByteBuilder() {
        this(64);
    }

    public ByteBuilder(int initialCapacity) {
        buf = new byte[Math.max(initialCapacity, 16)];
    }

    public int length() {
        return length;
    }

    /** The backing array; bytes {@code [0, length())} are the content. Valid until the next append. */
    public byte[] array() {
        return buf;
    }

    public void reset() {
        length = 0;
    }

    /** Drops everything from {@code newLength} on. */
    public void truncate(int newLength) {
        assert newLength >= 0 && newLength <= length;
        length = newLength;
    }

    public byte byteAt(int index) {
        assert index < length;
        return buf[index];
    }

    public void setByteAt(int index, byte b) {
        assert index < length;
        buf[index] = b;
    }

    /** Makes room for {@code extra} more bytes. */
    public void ensureSpare(long extra) {
        long needed = length + extra;
        Limits.checkLength(needed);
        if (needed > buf.length) {
            long grown = Math.max(needed, Math.min((long) buf.length * 2, Limits.MAX_LENGTH));
            buf = Arrays.copyOf(buf, (int) grown);
        }
    }

    public ByteBuilder append(byte b) {
        if (length == buf.length) {
            ensureSpare(1);
        }
        buf[length++] = b;
        return this;
    }

    public ByteBuilder append(char asciiChar) {
        return append((byte) asciiChar);
    }

    public ByteBuilder append(byte[] src, int off, int len) {
        ensureSpare(len);
        System.arraycopy(src, off, buf, length, len);
        length += len;
        return this;
    }

    public ByteBuilder append(byte[] src) {
        return append(src, 0, src.length);
    }

    /** Appends ASCII text (each char must be below 0x80). */
    public ByteBuilder appendAscii(String s) {
        ensureSpare(s.length());
        for (int i = 0; i < s.length(); i++) {
            buf[length++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Appends {@code count} copies of {@code b}. */
    public ByteBuilder appendRepeated(byte b, long count) {
        if (count <= 0) {
            return this;
        }
        ensureSpare(count);
        Arrays.fill(buf, length, length + (int) count, b);
        length += (int) count;
        return this;
    }

    /** Inserts {@code count} copies of {@code b} at {@code position}, shifting the rest right. */
    public void insertRepeated(int position, byte b, int count) {
        assert position >= 0 && position <= length;
        if (count <= 0) {
            return;
        }
        ensureSpare(count);
        System.arraycopy(buf, position, buf, position + count, length - position);
        Arrays.fill(buf, position, position + count, b);
        length += count;
    }

    /** Appends the decimal text of {@code v}. */
    public ByteBuilder appendLong(long v) {
        ensureSpare(20);
        length = IntegerText.write(v, buf, length);
        return this;
    }

    /** A copy of the content. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, length);
    }

    @Override
    public String toString() {
        return Utf8.decode(buf, 0, length);
    }
}
