package io.tursoj.vdbe;

import io.tursoj.storage.btree.Collation;
import io.tursoj.vdbe.value.Collations;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Adapts the value layer's collations (over byte arrays) to the b-tree's (over memory segments), so index cursors
 * order text by NOCASE or RTRIM as their index declares. BINARY maps to the b-tree's own allocation-free version.
 */
final class StorageCollations {
    private StorageCollations() {}

    static Collation of(String name) {
        if (name == null || name.equalsIgnoreCase("binary")) {
            return Collation.BINARY;
        }
        io.tursoj.vdbe.value.Collation c = Collations.builtIn(name);
        if (c == null) {
            return Collation.BINARY;
        }
        return (a, aOff, aLen, b, bOff, bLen) ->
                c.compare(bytes(a, aOff, aLen), 0, aLen, bytes(b, bOff, bLen), 0, bLen);
    }

    private static byte[] bytes(MemorySegment s, long off, int len) {
        byte[] out = new byte[len];
        MemorySegment.copy(s, ValueLayout.JAVA_BYTE, off, out, 0, len);
        return out;
    }
}
