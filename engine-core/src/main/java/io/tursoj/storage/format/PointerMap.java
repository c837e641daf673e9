package io.tursoj.storage.format;

import io.tursoj.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;

/**
 * Pointer-map pages, present only in auto-vacuum databases: they record each page's parent so that pages can be
 * moved. The first is page 2; then one follows every {@code U / 5} pages it describes. Each entry is 5 bytes:
 *
 * <pre>
 *   OFFSET SIZE DESCRIPTION
 *      0     1  page type: 1 root, 2 free, 3 first overflow page, 4 later overflow page, 5 non-root b-tree page
 *      1     4  parent page number (0 for roots and free pages)
 * </pre>
 *
 * <p>TursoJ reads auto-vacuum databases (skipping these pages) but does not write them.
 */
public final class PointerMap {
    public static final int ENTRY_SIZE = 5;
    public static final int TYPE_ROOT = 1;
    public static final int TYPE_FREE = 2;
    public static final int TYPE_OVERFLOW_FIRST = 3;
    public static final int TYPE_OVERFLOW_LATER = 4;
    public static final int TYPE_BTREE = 5;

    private PointerMap() {}

    /** How many pages one pointer-map page describes. */
    public static int pagesPerMapPage(int usableSize) {
        return usableSize / ENTRY_SIZE;
    }

    /**
     * The pointer-map page describing {@code pageNumber} (which is at least 3), skipping the lock-byte page as SQLite
     * does.
     */
    public static int mapPageFor(int pageNumber, int usableSize, int pageSizeBytes) {
        int group = pagesPerMapPage(usableSize) + 1;
        int mapPage = ((pageNumber - 2) / group) * group + 2;
        if (mapPage == LockBytePage.pageNumber(pageSizeBytes)) {
            mapPage++;
        }
        return mapPage;
    }

    /** Whether {@code pageNumber} is itself a pointer-map page of an auto-vacuum database. */
    public static boolean isMapPage(int pageNumber, int usableSize, int pageSizeBytes) {
        return pageNumber >= 2 && mapPageFor(pageNumber, usableSize, pageSizeBytes) == pageNumber;
    }

    /** The entry type of {@code pageNumber} on its map page {@code map} (whose number is {@code mapPage}). */
    public static int entryType(MemorySegment map, int mapPage, int pageNumber, int usableSize)
            throws CorruptDatabaseException {
        return BigEndian.u8(map, entryOffset(mapPage, pageNumber, usableSize));
    }

    public static int entryParent(MemorySegment map, int mapPage, int pageNumber, int usableSize)
            throws CorruptDatabaseException {
        return BigEndian.i32(map, entryOffset(mapPage, pageNumber, usableSize) + 1);
    }

    private static int entryOffset(int mapPage, int pageNumber, int usableSize) throws CorruptDatabaseException {
        int offset = ENTRY_SIZE * (pageNumber - mapPage - 1);
        if (offset < 0 || offset + ENTRY_SIZE > usableSize) {
            throw CorruptDatabaseException.onPage(mapPage, "no pointer-map entry for page " + pageNumber);
        }
        return offset;
    }
}
