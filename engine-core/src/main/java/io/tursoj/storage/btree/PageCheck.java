package io.tursoj.storage.btree;

import io.tursoj.storage.CorruptDatabaseException;
import io.tursoj.storage.format.BigEndian;
import io.tursoj.storage.format.CellInfo;
import io.tursoj.storage.format.PageHeader;

/**
 * Checks one b-tree page's space accounting the way SQLite's integrity check does: every cell and freeblock inside
 * the content area, none overlapping, freeblocks ascending and at least 4 bytes, and the fragment count equal to the
 * bytes left over. Used by the integrity checker, and after every page edit when {@link #PARANOID} is set
 * ({@code -Dtursoj.btree.paranoid=true}).
 */
final class PageCheck {
    static final boolean PARANOID = Boolean.getBoolean("tursoj.btree.paranoid");

    private PageCheck() {}

    /** Throws {@link CorruptDatabaseException} describing the first rule {@code n} breaks. */
    static void check(Node n) throws CorruptDatabaseException {
        int usable = n.usable;
        int cells = n.cellCount();
        int contentStart = n.contentStart();
        int arrayEnd = n.cellArrayEnd(cells);
        if (arrayEnd > contentStart || contentStart > usable) {
            throw CorruptDatabaseException.onPage(n.pageNumber, "content area start " + contentStart);
        }
        byte[] used = new byte[usable];
        CellInfo info = new CellInfo();
        int covered = 0;
        for (int i = 0; i < cells; i++) {
            int offset = PageHeader.cellPointer(n.data, n.hdr, n.headerSize, i);
            if (offset < contentStart || offset > usable - 4) {
                throw CorruptDatabaseException.onPage(n.pageNumber, "cell " + i + " at " + offset + " outside content");
            }
            int size = NodeEditor.cellSizeAt(n, offset, info);
            covered += mark(n, used, offset, size, "cell " + i);
        }
        int pc = n.firstFreeblock();
        int prevEnd = 0;
        while (pc != 0) {
            if (pc < contentStart || pc > usable - 4 || pc < prevEnd) {
                throw CorruptDatabaseException.onPage(n.pageNumber, "freeblock at " + pc + " misplaced");
            }
            int size = BigEndian.u16(n.data, pc + 2);
            if (size < 4) {
                throw CorruptDatabaseException.onPage(n.pageNumber, "freeblock at " + pc + " of " + size + " bytes");
            }
            if (prevEnd != 0 && pc < prevEnd + 4) {
                throw CorruptDatabaseException.onPage(n.pageNumber, "freeblocks too close at " + pc);
            }
            covered += mark(n, used, pc, size, "freeblock " + pc);
            prevEnd = pc + size;
            pc = BigEndian.u16(n.data, pc);
        }
        int fragments = usable - contentStart - covered;
        if (fragments != n.fragmentedBytes()) {
            throw CorruptDatabaseException.onPage(
                    n.pageNumber, "fragmentation of " + fragments + " bytes reported as " + n.fragmentedBytes());
        }
        if (n.freeBytes >= 0) {
            int free = contentStart - arrayEnd + usable - contentStart - covered + freeblockBytes(n);
            if (free != n.freeBytes) {
                throw CorruptDatabaseException.onPage(n.pageNumber, "cached free " + n.freeBytes + " but " + free);
            }
        }
    }

    private static int freeblockBytes(Node n) {
        int total = 0;
        for (int pc = n.firstFreeblock(); pc != 0; pc = BigEndian.u16(n.data, pc)) {
            total += BigEndian.u16(n.data, pc + 2);
        }
        return total;
    }

    private static int mark(Node n, byte[] used, int offset, int size, String what) throws CorruptDatabaseException {
        if (offset + size > used.length) {
            throw CorruptDatabaseException.onPage(n.pageNumber, what + " runs past the usable area");
        }
        for (int i = offset; i < offset + size; i++) {
            if (used[i] != 0) {
                throw CorruptDatabaseException.onPage(n.pageNumber, what + " overlaps byte " + i);
            }
            used[i] = 1;
        }
        return size;
    }
}
