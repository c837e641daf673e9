package io.tursoj.storage.format;

import io.tursoj.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Decodes the record format: a header (its own size as a varint, then one serial-type varint per column) followed
 * by the column bodies in order.
 *
 * <pre>
 *   [header size][type 0][type 1]...[type N-1] [body 0][body 1]...[body N-1]
 * </pre>
 *
 * <p>The reader is mutable and reused: {@link #parse} indexes a record's columns (type and body offset) without
 * copying it, and the accessors read values in place.
 *
 * <p>Invariants after a successful {@link #parse}:
 *
 * <ol>
 *   <li>{@code headerSize <= length} and every column body lies inside {@code [0, length)} of the record.
 *   <li>No column has a reserved serial type (10 or 11).
 * </ol>
 */
public final class RecordReader {
    /** SQLite refuses a record header larger than this. */
    public static final int MAX_HEADER_BYTES = 98307;

    private MemorySegment segment = MemorySegment.NULL;
    private long base;
    private int length;
    private int count;
    private long[] types = new long[8];
    private int[] offsets = new int[8];

    /** Indexes the record of {@code length} bytes at {@code base} in {@code segment}. */
    public RecordReader parse(MemorySegment segment, long base, int length) throws CorruptDatabaseException {
        this.segment = segment;
        this.base = base;
        this.length = length;
        this.count = 0;
        long end = base + length;
        if (length == 0) {
            return this;
        }
        long headerSize = Varint.read(segment, base, end);
        if (headerSize < 1 || headerSize > length || headerSize > MAX_HEADER_BYTES) {
            throw new CorruptDatabaseException("record header size " + headerSize + " in a record of " + length);
        }
        long at = base + Varint.length(segment, base, end);
        long headerEnd = base + headerSize;
        long body = headerSize;
        while (at < headerEnd) {
            long type = Varint.read(segment, at, headerEnd);
            at += Varint.length(segment, at, headerEnd);
            long size = SerialType.sizeOf(type);
            if (size < 0) {
                throw new CorruptDatabaseException("reserved serial type " + type + " in record");
            }
            if (body + size > length) {
                throw new CorruptDatabaseException("record column " + count + " runs past the record's end");
            }
            add(type, (int) body);
            body += size;
        }
        return this;
    }

    private void add(long type, int offset) {
        if (count == types.length) {
            types = Arrays.copyOf(types, count * 2);
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        types[count] = type;
        offsets[count] = offset;
        count++;
    }

    public int columnCount() {
        return count;
    }

    /** The record's total size in bytes. */
    public int length() {
        return length;
    }

    public MemorySegment segment() {
        return segment;
    }

    public long serialType(int column) {
        checkColumn(column);
        return types[column];
    }

    /** Absolute offset in {@link #segment()} of column {@code column}'s body. */
    public long bodyOffset(int column) {
        checkColumn(column);
        return base + offsets[column];
    }

    /** Body size in bytes of column {@code column}. */
    public int bodySize(int column) {
        return (int) SerialType.sizeOf(serialType(column));
    }

    public boolean isNull(int column) {
        return serialType(column) == SerialType.NULL;
    }

    /** The integer value of an integer column. */
    public long longValue(int column) {
        long type = serialType(column);
        return readInteger(segment, base + offsets[column], type);
    }

    /** The value of a FLOAT64 column. */
    public double doubleValue(int column) {
        checkColumn(column);
        return BigEndian.f64(segment, base + offsets[column]);
    }

    /** A TEXT column decoded from UTF-8. */
    public String textValue(int column) {
        return new String(bytesValue(column), StandardCharsets.UTF_8);
    }

    /** The body bytes of a TEXT or BLOB column. */
    public byte[] bytesValue(int column) {
        int size = bodySize(column);
        byte[] out = new byte[size];
        MemorySegment.copy(segment, ValueLayout.JAVA_BYTE, base + offsets[column], out, 0, size);
        return out;
    }

    /**
     * The value of {@code column} as a Java object: null, {@link Long}, {@link Double}, {@link String} (TEXT) or
     * {@code byte[]} (BLOB). Allocates; meant for tests, tools and cold paths.
     */
    public Object value(int column) {
        long type = serialType(column);
        if (type == SerialType.NULL) {
            return null;
        }
        if (type == SerialType.FLOAT64) {
            return doubleValue(column);
        }
        if (SerialType.isInteger(type)) {
            return longValue(column);
        }
        return SerialType.isText(type) ? textValue(column) : bytesValue(column);
    }

    /** Reads an integer body of serial type {@code type} (1..6, 8, 9) at {@code offset}. */
    public static long readInteger(MemorySegment s, long offset, long type) {
        return switch ((int) type) {
            case 1 -> s.get(ValueLayout.JAVA_BYTE, offset);
            case 2 -> (short) BigEndian.u16(s, offset);
            case 3 -> (BigEndian.u24(s, offset) << 8) >> 8;
            case 4 -> BigEndian.i32(s, offset);
            case 5 -> ((long) (short) BigEndian.u16(s, offset) << 32) | BigEndian.u32(s, offset + 2);
            case 6 -> BigEndian.i64(s, offset);
            case 8 -> 0;
            case 9 -> 1;
            default -> throw new IllegalArgumentException("not an integer serial type: " + type);
        };
    }

    private void checkColumn(int column) {
        if (column < 0 || column >= count) {
            throw new IndexOutOfBoundsException("column " + column + " of " + count);
        }
    }
}
