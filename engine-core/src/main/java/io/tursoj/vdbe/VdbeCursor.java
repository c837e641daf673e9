package io.tursoj.vdbe;

import io.tursoj.storage.btree.BTreeCursor;
import io.tursoj.storage.format.RecordReader;
import io.tursoj.vdbe.value.Value;

/**
 * A cursor of a running program: a b-tree cursor (table or index), or an in-memory sorter / ephemeral table. The
 * parsed record of the current entry is cached until the cursor moves; {@code nullRow} makes every column NULL
 * (the unmatched side of a LEFT JOIN).
 */
final class VdbeCursor {
    final BTreeCursor btree;
    final MemoryTable memory;
    final Specs.Keys keys;
    RecordReader record;
    boolean nullRow;
    boolean eof = true;

    VdbeCursor(BTreeCursor btree, Specs.Keys keys) {
        this.btree = btree;
        this.memory = null;
        this.keys = keys;
    }

    VdbeCursor(MemoryTable memory, Specs.Keys keys) {
        this.btree = null;
        this.memory = memory;
        this.keys = keys;
    }

    void moved() {
        record = null;
        nullRow = false;
    }

    Value[] memoryRow() {
        return memory.current();
    }

    void close() {
        if (btree != null) {
            btree.close();
        }
    }
}
