package io.tursoj.storage.format;

import io.tursoj.storage.NotADatabaseException;
import io.tursoj.storage.UnsupportedDatabaseException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;

/**
 * The 100-byte header at the start of page 1 of every database file. All integers are big-endian.
 *
 * <pre>
 *   OFFSET SIZE DESCRIPTION
 *      0    16  "SQLite format 3\000"
 *     16     2  page size in bytes, a power of two 512..32768, or 1 meaning 65536
 *     18     1  file format write version: 1 legacy (rollback journal), 2 WAL
 *     19     1  file format read version: 1 legacy, 2 WAL
 *     20     1  bytes reserved at the end of each page (usable size = page size - this)
 *     21     1  maximum embedded payload fraction, must be 64
 *     22     1  minimum embedded payload fraction, must be 32
 *     23     1  leaf payload fraction, must be 32
 *     24     4  file change counter
 *     28     4  database size in pages (valid only when offset 92 equals offset 24)
 *     32     4  page number of the first freelist trunk page, 0 if none
 *     36     4  total number of freelist pages
 *     40     4  schema cookie
 *     44     4  schema format number: 1..4
 *     48     4  default page cache size
 *     52     4  largest root b-tree page when in auto-vacuum or incremental-vacuum mode, else 0
 *     56     4  text encoding: 1 UTF-8, 2 UTF-16le, 3 UTF-16be
 *     60     4  user version (PRAGMA user_version)
 *     64     4  non-zero for incremental-vacuum mode
 *     68     4  application ID (PRAGMA application_id)
 *     72    20  reserved for expansion, zero
 *     92     4  version-valid-for: the change counter value when offset 28 was last written
 *     96     4  SQLITE_VERSION_NUMBER of the library that last wrote the file
 * </pre>
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>A header that passes {@link #validate} has the magic string, a legal page size, a usable size of at least
 *       480 bytes, the fixed payload fractions, a read version of 1 or 2, a schema format of 0..4 and the UTF-8
 *       encoding (or 0, not yet set, on a database without a schema).
 *   <li>Writers keep offset 92 equal to offset 24 whenever they write offset 28, so that other readers trust the
 *       stored page count.
 * </ol>
 */
public final class DatabaseHeader {
    public static final int SIZE = 100;

    public static final int MAGIC_OFFSET = 0;
    public static final int MAGIC_SIZE = 16;
    public static final int PAGE_SIZE_OFFSET = 16;
    public static final int WRITE_VERSION_OFFSET = 18;
    public static final int READ_VERSION_OFFSET = 19;
    public static final int RESERVED_BYTES_OFFSET = 20;
    public static final int MAX_PAYLOAD_FRACTION_OFFSET = 21;
    public static final int MIN_PAYLOAD_FRACTION_OFFSET = 22;
    public static final int LEAF_PAYLOAD_FRACTION_OFFSET = 23;
    public static final int CHANGE_COUNTER_OFFSET = 24;
    public static final int DATABASE_SIZE_OFFSET = 28;
    public static final int FREELIST_TRUNK_OFFSET = 32;
    public static final int FREELIST_COUNT_OFFSET = 36;
    public static final int SCHEMA_COOKIE_OFFSET = 40;
    public static final int SCHEMA_FORMAT_OFFSET = 44;
    public static final int DEFAULT_CACHE_SIZE_OFFSET = 48;
    public static final int LARGEST_ROOT_PAGE_OFFSET = 52;
    public static final int TEXT_ENCODING_OFFSET = 56;
    public static final int USER_VERSION_OFFSET = 60;
    public static final int INCREMENTAL_VACUUM_OFFSET = 64;
    public static final int APPLICATION_ID_OFFSET = 68;
    public static final int RESERVED_EXPANSION_OFFSET = 72;
    public static final int RESERVED_EXPANSION_SIZE = 20;
    public static final int VERSION_VALID_FOR_OFFSET = 92;
    public static final int SQLITE_VERSION_OFFSET = 96;

    /** "SQLite format 3" followed by a NUL byte. */
    public static final byte[] MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    public static final int MIN_PAGE_SIZE_BYTES = 512;
    public static final int MAX_PAGE_SIZE_BYTES = 65536;
    /** SQLite refuses a usable size below this (so that four cells always fit on an index page). */
    public static final int MIN_USABLE_SIZE_BYTES = 480;

    public static final int WRITE_VERSION_LEGACY = 1;
    public static final int WRITE_VERSION_WAL = 2;
    /** The latest schema format (descending indexes, boolean serial types 8 and 9). */
    public static final int SCHEMA_FORMAT_LATEST = 4;

    /** The library version number TursoJ writes at offset 96: the SQLite release whose format it follows. */
    public static final int WRITER_VERSION_NUMBER = 3_040_001;

    private DatabaseHeader() {}

    /**
     * Checks the header's fixed fields, as SQLite does when it opens a file.
     *
     * @throws NotADatabaseException for a wrong magic string or impossible fields ("file is not a database")
     * @throws UnsupportedDatabaseException for a UTF-16 encoding or a schema format above 4
     */
    public static void validate(MemorySegment h) throws NotADatabaseException, UnsupportedDatabaseException {
        if (h.byteSize() < SIZE) {
            throw new NotADatabaseException("header is " + h.byteSize() + " bytes, needs " + SIZE);
        }
        if (MemorySegment.mismatch(h, 0, MAGIC_SIZE, MemorySegment.ofArray(MAGIC), 0, MAGIC_SIZE) != -1) {
            throw new NotADatabaseException();
        }
        int pageSize = pageSizeBytes(h);
        if (pageSize < 0) {
            throw new NotADatabaseException("page size field " + BigEndian.u16(h, PAGE_SIZE_OFFSET));
        }
        int readVersion = BigEndian.u8(h, READ_VERSION_OFFSET);
        if (readVersion < 1 || readVersion > 2) {
            throw new NotADatabaseException("file format read version " + readVersion);
        }
        if (usableSizeBytes(h) < MIN_USABLE_SIZE_BYTES) {
            throw new NotADatabaseException("usable page size " + usableSizeBytes(h));
        }
        if (BigEndian.u8(h, MAX_PAYLOAD_FRACTION_OFFSET) != 64
                || BigEndian.u8(h, MIN_PAYLOAD_FRACTION_OFFSET) != 32
                || BigEndian.u8(h, LEAF_PAYLOAD_FRACTION_OFFSET) != 32) {
            throw new NotADatabaseException("payload fractions are not 64/32/32");
        }
        long format = BigEndian.u32(h, SCHEMA_FORMAT_OFFSET);
        if (format > SCHEMA_FORMAT_LATEST) {
            throw new UnsupportedDatabaseException(
                    "unsupported file format: schema format " + format + " (TursoJ reads formats 1 to 4)");
        }
        long encoding = BigEndian.u32(h, TEXT_ENCODING_OFFSET);
        if (encoding != 0 && encoding != TextEncoding.UTF8.code()) {
            TextEncoding e = TextEncoding.ofCode(encoding);
            String name = e == null ? "unknown (" + encoding + ")" : e.sqlName();
            throw new UnsupportedDatabaseException(
                    "unsupported text encoding " + name + ": TursoJ reads and writes UTF-8 databases only");
        }
    }

    /** Whether the first bytes of {@code h} are the magic string (cheap pre-check, no other validation). */
    public static boolean hasMagic(MemorySegment h) {
        return h.byteSize() >= MAGIC_SIZE
                && MemorySegment.mismatch(h, 0, MAGIC_SIZE, MemorySegment.ofArray(MAGIC), 0, MAGIC_SIZE) == -1;
    }

    /**
     * Writes the header of a new, empty database: {@code pageSizeBytes} per page with {@code reservedBytes} at each
     * page's end, UTF-8, schema format 4, one page, no freelist, counters zero.
     */
    public static void initialize(MemorySegment h, int pageSizeBytes, int reservedBytes) {
        checkPageSize(pageSizeBytes);
        if (reservedBytes < 0 || reservedBytes > 255 || pageSizeBytes - reservedBytes < MIN_USABLE_SIZE_BYTES) {
            throw new IllegalArgumentException("reserved bytes " + reservedBytes + " for page size " + pageSizeBytes);
        }
        h.asSlice(0, SIZE).fill((byte) 0);
        MemorySegment.copy(MAGIC, 0, h, ValueLayout.JAVA_BYTE, MAGIC_OFFSET, MAGIC_SIZE);
        setPageSizeBytes(h, pageSizeBytes);
        BigEndian.putU8(h, WRITE_VERSION_OFFSET, WRITE_VERSION_LEGACY);
        BigEndian.putU8(h, READ_VERSION_OFFSET, WRITE_VERSION_LEGACY);
        BigEndian.putU8(h, RESERVED_BYTES_OFFSET, reservedBytes);
        BigEndian.putU8(h, MAX_PAYLOAD_FRACTION_OFFSET, 64);
        BigEndian.putU8(h, MIN_PAYLOAD_FRACTION_OFFSET, 32);
        BigEndian.putU8(h, LEAF_PAYLOAD_FRACTION_OFFSET, 32);
        BigEndian.putU32(h, DATABASE_SIZE_OFFSET, 1);
        BigEndian.putU32(h, SCHEMA_FORMAT_OFFSET, SCHEMA_FORMAT_LATEST);
        BigEndian.putU32(h, TEXT_ENCODING_OFFSET, TextEncoding.UTF8.code());
        BigEndian.putU32(h, SQLITE_VERSION_OFFSET, WRITER_VERSION_NUMBER);
    }

    /** Whether {@code bytes} is a legal page size: a power of two from 512 to 65536. */
    public static boolean isValidPageSize(int bytes) {
        return bytes >= MIN_PAGE_SIZE_BYTES && bytes <= MAX_PAGE_SIZE_BYTES && Integer.bitCount(bytes) == 1;
    }

    /** The page size in bytes (the stored 1 means 65536), or -1 if the field is not a legal page size. */
    public static int pageSizeBytes(MemorySegment h) {
        int raw = BigEndian.u16(h, PAGE_SIZE_OFFSET);
        int bytes = raw == 1 ? MAX_PAGE_SIZE_BYTES : raw;
        return isValidPageSize(bytes) ? bytes : -1;
    }

    public static void setPageSizeBytes(MemorySegment h, int bytes) {
        checkPageSize(bytes);
        BigEndian.putU16(h, PAGE_SIZE_OFFSET, bytes == MAX_PAGE_SIZE_BYTES ? 1 : bytes);
    }

    public static int reservedBytes(MemorySegment h) {
        return BigEndian.u8(h, RESERVED_BYTES_OFFSET);
    }

    /** Page size minus the reserved bytes: the part of each page the b-tree layer may use. */
    public static int usableSizeBytes(MemorySegment h) {
        return pageSizeBytes(h) - reservedBytes(h);
    }

    public static int writeVersion(MemorySegment h) {
        return BigEndian.u8(h, WRITE_VERSION_OFFSET);
    }

    public static int readVersion(MemorySegment h) {
        return BigEndian.u8(h, READ_VERSION_OFFSET);
    }

    /** Sets both format versions: {@link #WRITE_VERSION_LEGACY} or {@link #WRITE_VERSION_WAL}. */
    public static void setFormatVersions(MemorySegment h, int version) {
        BigEndian.putU8(h, WRITE_VERSION_OFFSET, version);
        BigEndian.putU8(h, READ_VERSION_OFFSET, version);
    }

    public static long changeCounter(MemorySegment h) {
        return BigEndian.u32(h, CHANGE_COUNTER_OFFSET);
    }

    public static void setChangeCounter(MemorySegment h, long value) {
        BigEndian.putU32(h, CHANGE_COUNTER_OFFSET, value);
    }

    /** The stored page count, whether or not it is valid (see {@link #isDatabaseSizeValid}). */
    public static long databaseSizePages(MemorySegment h) {
        return BigEndian.u32(h, DATABASE_SIZE_OFFSET);
    }

    public static void setDatabaseSizePages(MemorySegment h, long pages) {
        BigEndian.putU32(h, DATABASE_SIZE_OFFSET, pages);
    }

    /** SQLite trusts offset 28 only when it is non-zero and version-valid-for equals the change counter. */
    public static boolean isDatabaseSizeValid(MemorySegment h) {
        return databaseSizePages(h) != 0 && versionValidFor(h) == changeCounter(h);
    }

    public static long freelistTrunkPage(MemorySegment h) {
        return BigEndian.u32(h, FREELIST_TRUNK_OFFSET);
    }

    public static void setFreelistTrunkPage(MemorySegment h, long pageNumber) {
        BigEndian.putU32(h, FREELIST_TRUNK_OFFSET, pageNumber);
    }

    public static long freelistCount(MemorySegment h) {
        return BigEndian.u32(h, FREELIST_COUNT_OFFSET);
    }

    public static void setFreelistCount(MemorySegment h, long pages) {
        BigEndian.putU32(h, FREELIST_COUNT_OFFSET, pages);
    }

    public static long schemaCookie(MemorySegment h) {
        return BigEndian.u32(h, SCHEMA_COOKIE_OFFSET);
    }

    public static void setSchemaCookie(MemorySegment h, long value) {
        BigEndian.putU32(h, SCHEMA_COOKIE_OFFSET, value);
    }

    public static long schemaFormat(MemorySegment h) {
        return BigEndian.u32(h, SCHEMA_FORMAT_OFFSET);
    }

    public static void setSchemaFormat(MemorySegment h, long value) {
        BigEndian.putU32(h, SCHEMA_FORMAT_OFFSET, value);
    }

    /** The default page cache size (signed: negative means KiB, as in {@code PRAGMA cache_size}). */
    public static int defaultCacheSize(MemorySegment h) {
        return BigEndian.i32(h, DEFAULT_CACHE_SIZE_OFFSET);
    }

    public static void setDefaultCacheSize(MemorySegment h, int value) {
        BigEndian.putU32(h, DEFAULT_CACHE_SIZE_OFFSET, value);
    }

    public static long largestRootPage(MemorySegment h) {
        return BigEndian.u32(h, LARGEST_ROOT_PAGE_OFFSET);
    }

    /** Whether the database is in auto-vacuum or incremental-vacuum mode (it has pointer-map pages). */
    public static boolean isAutoVacuum(MemorySegment h) {
        return largestRootPage(h) != 0;
    }

    public static long textEncodingCode(MemorySegment h) {
        return BigEndian.u32(h, TEXT_ENCODING_OFFSET);
    }

    public static void setTextEncoding(MemorySegment h, TextEncoding encoding) {
        BigEndian.putU32(h, TEXT_ENCODING_OFFSET, encoding.code());
    }

    public static int userVersion(MemorySegment h) {
        return BigEndian.i32(h, USER_VERSION_OFFSET);
    }

    public static void setUserVersion(MemorySegment h, int value) {
        BigEndian.putU32(h, USER_VERSION_OFFSET, value);
    }

    public static boolean isIncrementalVacuum(MemorySegment h) {
        return BigEndian.u32(h, INCREMENTAL_VACUUM_OFFSET) != 0;
    }

    public static int applicationId(MemorySegment h) {
        return BigEndian.i32(h, APPLICATION_ID_OFFSET);
    }

    public static void setApplicationId(MemorySegment h, int value) {
        BigEndian.putU32(h, APPLICATION_ID_OFFSET, value);
    }

    public static long versionValidFor(MemorySegment h) {
        return BigEndian.u32(h, VERSION_VALID_FOR_OFFSET);
    }

    public static void setVersionValidFor(MemorySegment h, long value) {
        BigEndian.putU32(h, VERSION_VALID_FOR_OFFSET, value);
    }

    public static long sqliteVersionNumber(MemorySegment h) {
        return BigEndian.u32(h, SQLITE_VERSION_OFFSET);
    }

    public static void setSqliteVersionNumber(MemorySegment h, long value) {
        BigEndian.putU32(h, SQLITE_VERSION_OFFSET, value);
    }

    private static void checkPageSize(int bytes) {
        if (!isValidPageSize(bytes)) {
            throw new IllegalArgumentException("page size must be a power of two in [512, 65536]: " + bytes);
        }
    }
}
