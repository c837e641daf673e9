package io.tursoj.storage.format;

/**
 * Record serial types: each column's type code in a record header, which also gives its size in the body.
 *
 * <pre>
 *   TYPE     SIZE         MEANING
 *   0        0            NULL
 *   1..4     1,2,3,4      big-endian two's-complement integer
 *   5        6            48-bit integer
 *   6        8            64-bit integer
 *   7        8            IEEE 754 double, big-endian
 *   8, 9     0            the integers 0 and 1 (schema format 4)
 *   10, 11   -            reserved; never valid in a database file
 *   N >= 12, even  (N-12)/2   BLOB
 *   N >= 13, odd   (N-13)/2   TEXT in the database encoding
 * </pre>
 */
public final class SerialType {
    public static final long NULL = 0;
    public static final long INT8 = 1;
    public static final long INT16 = 2;
    public static final long INT24 = 3;
    public static final long INT32 = 4;
    public static final long INT48 = 5;
    public static final long INT64 = 6;
    public static final long FLOAT64 = 7;
    public static final long ZERO = 8;
    public static final long ONE = 9;

    private SerialType() {}

    /** The body size of a value of serial type {@code type}, or -1 for the reserved types 10 and 11 (or negative). */
    public static long sizeOf(long type) {
        if (type >= 12) {
            return (type - 12) >>> 1;
        }
        return switch ((int) type) {
            case 0, 8, 9 -> 0;
            case 1 -> 1;
            case 2 -> 2;
            case 3 -> 3;
            case 4 -> 4;
            case 5 -> 6;
            case 6, 7 -> 8;
            default -> -1;
        };
    }

    public static boolean isInteger(long type) {
        return (type >= 1 && type <= 6) || type == ZERO || type == ONE;
    }

    public static boolean isText(long type) {
        return type >= 13 && (type & 1) == 1;
    }

    public static boolean isBlob(long type) {
        return type >= 12 && (type & 1) == 0;
    }

    /** The serial type of a TEXT value of {@code bytes} bytes. */
    public static long text(long bytes) {
        return bytes * 2 + 13;
    }

    /** The serial type of a BLOB value of {@code bytes} bytes. */
    public static long blob(long bytes) {
        return bytes * 2 + 12;
    }

    /** The smallest serial type that stores integer {@code v} (schema format 4: 0 and 1 take no body bytes). */
    public static long forInteger(long v) {
        if (v == 0) {
            return ZERO;
        }
        if (v == 1) {
            return ONE;
        }
        if (v >= -128 && v <= 127) {
            return INT8;
        }
        if (v >= -32768 && v <= 32767) {
            return INT16;
        }
        if (v >= -8388608 && v <= 8388607) {
            return INT24;
        }
        if (v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE) {
            return INT32;
        }
        if (v >= -(1L << 47) && v < (1L << 47)) {
            return INT48;
        }
        return INT64;
    }
}
