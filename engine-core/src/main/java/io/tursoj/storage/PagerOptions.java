package io.tursoj.storage;

import io.tursoj.storage.format.DatabaseHeader;

/**
 * How a {@link Pager} opens its file.
 *
 * @param pageSizeBytes page size for a new (empty) database; an existing file's header wins
 * @param reservedBytes bytes reserved at the end of each page of a new database
 * @param cacheSize {@code PRAGMA cache_size}: pages if positive, KiB if negative
 * @param maxCacheMemoryBytes hard bound on page-cache memory (pinned and dirty pages may exceed the soft bound)
 * @param synchronous when commits fsync
 * @param journalMode WAL (the default) or OFF
 * @param autocheckpointFrames {@code PRAGMA wal_autocheckpoint}: run a PASSIVE checkpoint after a commit that
 *     leaves at least this many frames in the log; 0 or less disables it
 */
public record PagerOptions(
        int pageSizeBytes,
        int reservedBytes,
        int cacheSize,
        long maxCacheMemoryBytes,
        Synchronous synchronous,
        JournalMode journalMode,
        int autocheckpointFrames) {
    /** SQLite's default {@code cache_size}: 2000 KiB. */
    public static final int DEFAULT_CACHE_SIZE = -2000;

    public static final PagerOptions DEFAULTS = new PagerOptions(
            4096,
            0,
            DEFAULT_CACHE_SIZE,
            1L << 30,
            Synchronous.FULL,
            JournalMode.WAL,
            Wal.DEFAULT_AUTOCHECKPOINT_FRAMES);

    public PagerOptions {
        if (!DatabaseHeader.isValidPageSize(pageSizeBytes)) {
            throw new IllegalArgumentException("page size must be a power of two in [512, 65536]: " + pageSizeBytes);
        }
        if (reservedBytes < 0 || pageSizeBytes - reservedBytes < DatabaseHeader.MIN_USABLE_SIZE_BYTES) {
            throw new IllegalArgumentException("reserved bytes " + reservedBytes);
        }
        if (maxCacheMemoryBytes < 4L * pageSizeBytes) {
            throw new IllegalArgumentException("maxCacheMemoryBytes too small: " + maxCacheMemoryBytes);
        }
    }

    public PagerOptions withPageSize(int bytes) {
        return new PagerOptions(
                bytes, reservedBytes, cacheSize, maxCacheMemoryBytes, synchronous, journalMode, autocheckpointFrames);
    }

    public PagerOptions withCacheSize(int value) {
        return new PagerOptions(
                pageSizeBytes,
                reservedBytes,
                value,
                maxCacheMemoryBytes,
                synchronous,
                journalMode,
                autocheckpointFrames);
    }

    public PagerOptions withReservedBytes(int bytes) {
        return new PagerOptions(
                pageSizeBytes, bytes, cacheSize, maxCacheMemoryBytes, synchronous, journalMode, autocheckpointFrames);
    }

    public PagerOptions withSynchronous(Synchronous value) {
        return new PagerOptions(
                pageSizeBytes, reservedBytes, cacheSize, maxCacheMemoryBytes, value, journalMode, autocheckpointFrames);
    }

    public PagerOptions withJournalMode(JournalMode value) {
        return new PagerOptions(
                pageSizeBytes, reservedBytes, cacheSize, maxCacheMemoryBytes, synchronous, value, autocheckpointFrames);
    }

    public PagerOptions withAutocheckpoint(int frames) {
        return new PagerOptions(
                pageSizeBytes, reservedBytes, cacheSize, maxCacheMemoryBytes, synchronous, journalMode, frames);
    }

    /** The number of pages {@code cacheSize} means for pages of {@code pageSizeBytes} (at least 1). */
    public static int cachePages(int cacheSize, int pageSizeBytes) {
        long pages = cacheSize >= 0 ? cacheSize : (-1024L * cacheSize) / pageSizeBytes;
        return (int) Math.max(1, Math.min(pages, 1_000_000_000L));
    }
}
