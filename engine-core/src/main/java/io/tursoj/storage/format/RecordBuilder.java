package io.tursoj.storage.format;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Encodes values into the record format (see {@link RecordReader}). Reusable: {@link #reset()}, add values in
 * column order, then {@link #size()} and {@link #writeTo}. Integers take the smallest serial type (0 and 1 take
 * none), doubles type 7, text is UTF-8.
 */
public final class RecordBuilder {
    private long[] types = new long[8];
    private long[] ints = new long[8];
    private Object[] refs = new Object[8];
    private int count;
    private long bodySize;

    public RecordBuilder reset() {
        Arrays.fill(refs, 0, count, null);
        count = 0;
        bodySize = 0;
        return this;
    }

    public RecordBuilder addNull() {
        return add(SerialType.NULL, 0, null);
    }

    public RecordBuilder addLong(long v) {
        return add(SerialType.forInteger(v), v, null);
    }

    public RecordBuilder addDouble(double v) {
        return add(SerialType.FLOAT64, Double.doubleToRawLongBits(v), null);
    }

    public RecordBuilder addText(String v) {
        byte[] bytes = v.getBytes(StandardCharsets.UTF_8);
        return add(SerialType.text(bytes.length), 0, bytes);
    }

    public RecordBuilder addTextBytes(byte[] utf8) {
        return add(SerialType.text(utf8.length), 0, utf8);
    }

    public RecordBuilder addBlob(byte[] v) {
        return add(SerialType.blob(v.length), 0, v);
    }

    /** Adds a Java value: null, an integral {@link Number}, {@link Double}/{@link Float}, String or byte[]. */
    public RecordBuilder addValue(Object v) {
        return switch (v) {
            case null -> addNull();
            case Double d -> addDouble(d);
            case Float f -> addDouble(f);
            case Number n -> addLong(n.longValue());
            case String s -> addText(s);
            case byte[] b -> addBlob(b);
            default -> throw new IllegalArgumentException("unsupported value type: " + v.getClass());
        };
    }

    private RecordBuilder add(long type, long intBits, Object ref) {
        if (count == types.length) {
            types = Arrays.copyOf(types, count * 2);
            ints = Arrays.copyOf(ints, count * 2);
            refs = Arrays.copyOf(refs, count * 2);
        }
        types[count] = type;
        ints[count] = intBits;
        refs[count] = ref;
        count++;
        bodySize += SerialType.sizeOf(type);
        return this;
    }

    /** The header size, counting its own varint. */
    public int headerSize() {
        int types = 0;
        for (int i = 0; i < count; i++) {
            types += Varint.sizeOf(this.types[i]);
        }
        int header = types + 1;
        // The header's size includes its own varint, which may need a second byte.
        while (Varint.sizeOf(header) + types != header) {
            header = Varint.sizeOf(header) + types;
        }
        return header;
    }

    /** The encoded record's size in bytes. */
    public int size() {
        long total = headerSize() + bodySize;
        if (total > CellFormat.MAX_PAYLOAD_BYTES) {
            throw new IllegalStateException("record too large: " + total + " bytes");
        }
        return (int) total;
    }

    /** Writes the record at {@code offset} of {@code dst}; returns its size. */
    public int writeTo(MemorySegment dst, long offset) {
        int header = headerSize();
        long at = offset + Varint.write(dst, offset, header);
        for (int i = 0; i < count; i++) {
            at += Varint.write(dst, at, types[i]);
        }
        for (int i = 0; i < count; i++) {
            at += writeBody(dst, at, i);
        }
        return (int) (at - offset);
    }

    /** The encoded record as a new array. */
    public byte[] toByteArray() {
        byte[] out = new byte[size()];
        writeTo(MemorySegment.ofArray(out), 0);
        return out;
    }

    /** Encodes {@code values} as one record. */
    public static byte[] encode(Object... values) {
        RecordBuilder b = new RecordBuilder();
        for (Object v : values) {
            b.addValue(v);
        }
        return b.toByteArray();
    }

    private int writeBody(MemorySegment dst, long at, int i) {
        long type = types[i];
        long v = ints[i];
        switch ((int) Math.min(type, 12)) {
            case 1 -> dst.set(ValueLayout.JAVA_BYTE, at, (byte) v);
            case 2 -> BigEndian.putU16(dst, at, (int) v);
            case 3 -> {
                BigEndian.putU8(dst, at, (int) (v >> 16));
                BigEndian.putU16(dst, at + 1, (int) v);
            }
            case 4 -> BigEndian.putU32(dst, at, v);
            case 5 -> {
                BigEndian.putU16(dst, at, (int) (v >> 32));
                BigEndian.putU32(dst, at + 2, v);
            }
            case 6, 7 -> BigEndian.putI64(dst, at, v);
            case 12 -> {
                byte[] bytes = (byte[]) refs[i];
                MemorySegment.copy(bytes, 0, dst, ValueLayout.JAVA_BYTE, at, bytes.length);
            }
            default -> {
                // NULL, 0 and 1 have no body
            }
        }
        return (int) SerialType.sizeOf(type);
    }
}
