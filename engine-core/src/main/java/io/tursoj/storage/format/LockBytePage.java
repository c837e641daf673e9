package io.tursoj.storage.format;

/**
 * The page holding file offset {@code 0x40000000} (1 GiB), where SQLite's rollback-journal locks live on some
 * platforms. SQLite never stores anything on it: it is neither a b-tree page nor on the freelist, and a file that
 * grows past it simply skips it. TursoJ does the same, so the files stay interchangeable.
 */
public final class LockBytePage {
    /** SQLite's PENDING_BYTE. */
    public static final long PENDING_BYTE = 0x4000_0000L;

    private LockBytePage() {}

    /** The lock-byte page's number for pages of {@code pageSizeBytes}. */
    public static int pageNumber(int pageSizeBytes) {
        return (int) (PENDING_BYTE / pageSizeBytes) + 1;
    }
}
