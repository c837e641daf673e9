package io.tursoj.storage.testing;

import io.tursoj.io.IO;
import io.tursoj.storage.CorruptDatabaseException;
import io.tursoj.storage.btree.BTree;
import io.tursoj.storage.btree.BTreeCursor;
import io.tursoj.storage.format.RecordReader;
import io.tursoj.storage.format.SerialType;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads sqlite_schema (the table tree on page 1) through the b-tree API. */
public final class Schema {
    private Schema() {}

    /** Root page by object name, in sqlite_schema order. */
    public static Map<String, Integer> roots(IO io, BTree tree) throws IOException {
        Map<String, Integer> roots = new LinkedHashMap<>();
        try (BTreeCursor c = tree.openTableCursor(1)) {
            boolean more = io.block(c::first);
            while (more) {
                RecordReader r = io.block(c::record);
                if (r.columnCount() < 5
                        || !SerialType.isText(r.serialType(1))
                        || !SerialType.isInteger(r.serialType(3)) && !r.isNull(3)) {
                    throw new CorruptDatabaseException("malformed database schema row " + c.rowid());
                }
                if (!r.isNull(3)) {
                    roots.put(r.textValue(1), (int) r.longValue(3));
                }
                more = io.block(c::next);
            }
        }
        return roots;
    }
}
