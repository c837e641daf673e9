package io.tursoj.vdbe.value;

/**
 * A collating sequence: how two TEXT values compare. Implementations see the raw UTF-8 bytes and must be consistent
 * (a total order). The built-in ones are in {@link Collations}; applications may register their own.
 */
@FunctionalInterface
public interface Collation {
    /** Negative, zero or positive as {@code a[aOff, aOff+aLen)} sorts before, equal to or after {@code b[bOff, bOff+bLen)}. */
    int compare(byte[] a, int aOff, int aLen, byte[] b, int bOff, int bLen);
}
