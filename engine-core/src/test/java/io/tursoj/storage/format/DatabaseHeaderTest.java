package io.tursoj.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.storage.NotADatabaseException;
import io.tursoj.storage.UnsupportedDatabaseException;
import io.tursoj.storage.testing.Sqlite3;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DatabaseHeaderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 2048, 4096, 8192, 16384, 32768, 65536})
    void shouldReadEveryFieldSqliteWrites(int pageSize) throws IOException {
        assumeTrue(Sqlite3.available());
        Path db = dir.resolve("h" + pageSize + ".db");
        List<String> pragmas = Sqlite3.lines(
                db,
                "PRAGMA page_size=" + pageSize + ";"
                        + "CREATE TABLE t(a); INSERT INTO t SELECT randomblob(" + pageSize * 3 / 4
                        + ") FROM generate_series(1,40);"
                        + "DELETE FROM t WHERE rowid % 2 = 0; PRAGMA user_version=77; PRAGMA application_id=-5;"
                        + "PRAGMA default_cache_size=123;"
                        + "SELECT * FROM pragma_page_size, pragma_page_count, pragma_freelist_count,"
                        + " pragma_schema_version, pragma_user_version, pragma_application_id;");
        String[] p = pragmas.getLast().split("\\|");
        MemorySegment h = MemorySegment.ofArray(Files.readAllBytes(db));
        DatabaseHeader.validate(h);
        assertEquals(pageSize, DatabaseHeader.pageSizeBytes(h));
        assertEquals(Integer.parseInt(p[0]), DatabaseHeader.pageSizeBytes(h));
        assertEquals(Long.parseLong(p[1]), DatabaseHeader.databaseSizePages(h));
        assertTrue(DatabaseHeader.isDatabaseSizeValid(h));
        assertEquals(Files.size(db) / pageSize, DatabaseHeader.databaseSizePages(h));
        assertEquals(Long.parseLong(p[2]), DatabaseHeader.freelistCount(h));
        assertTrue(DatabaseHeader.freelistCount(h) > 0);
        assertTrue(DatabaseHeader.freelistTrunkPage(h) > 1);
        assertEquals(Long.parseLong(p[3]), DatabaseHeader.schemaCookie(h));
        assertEquals(Integer.parseInt(p[4]), DatabaseHeader.userVersion(h));
        assertEquals(Integer.parseInt(p[5]), DatabaseHeader.applicationId(h));
        assertEquals(123, DatabaseHeader.defaultCacheSize(h));
        assertEquals(4, DatabaseHeader.schemaFormat(h));
        assertEquals(TextEncoding.UTF8.code(), DatabaseHeader.textEncodingCode(h));
        assertEquals(0, DatabaseHeader.reservedBytes(h));
        assertEquals(pageSize, DatabaseHeader.usableSizeBytes(h));
        assertEquals(1, DatabaseHeader.writeVersion(h));
        assertEquals(3_040_001, DatabaseHeader.sqliteVersionNumber(h));
        assertFalse(DatabaseHeader.isAutoVacuum(h));
    }

    @Test
    void shouldReportReservedBytesWalVersionsAndAutoVacuum() throws IOException {
        assumeTrue(Sqlite3.available());
        Path db = dir.resolve("wal.db");
        Files.write(db, new byte[0]);
        Sqlite3.run(db, "PRAGMA auto_vacuum=FULL; PRAGMA journal_mode=WAL; CREATE TABLE t(a); CREATE TABLE u(b);");
        MemorySegment h = MemorySegment.ofArray(Files.readAllBytes(db));
        DatabaseHeader.validate(h);
        assertEquals(2, DatabaseHeader.writeVersion(h));
        assertEquals(2, DatabaseHeader.readVersion(h));
        assertTrue(DatabaseHeader.isAutoVacuum(h));
        assertEquals(4, DatabaseHeader.largestRootPage(h), "page 2 is the pointer map, t=3, u=4");
        assertTrue(PointerMap.isMapPage(2, 4096, 4096));
        assertFalse(PointerMap.isMapPage(3, 4096, 4096));
    }

    @Test
    void shouldRejectWrongMagicAsNotADatabase() {
        byte[] bytes = new byte[4096];
        System.arraycopy("SQLite format 2\0".getBytes(), 0, bytes, 0, 16);
        NotADatabaseException e =
                assertThrows(NotADatabaseException.class, () -> DatabaseHeader.validate(MemorySegment.ofArray(bytes)));
        assertEquals("file is not a database", e.getMessage());
        assertThrows(NotADatabaseException.class, () -> DatabaseHeader.validate(MemorySegment.ofArray(new byte[50])));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 2, 256, 511, 513, 768, 1000, 4095, 32769, 65535})
    void shouldRejectIllegalPageSizes(int field) {
        MemorySegment h = freshHeader();
        BigEndian.putU16(h, DatabaseHeader.PAGE_SIZE_OFFSET, field);
        assertThrows(NotADatabaseException.class, () -> DatabaseHeader.validate(h));
    }

    @Test
    void shouldReadOneAsPageSize65536() throws Exception {
        MemorySegment h = freshHeader();
        DatabaseHeader.setPageSizeBytes(h, 65536);
        assertEquals(1, BigEndian.u16(h, DatabaseHeader.PAGE_SIZE_OFFSET));
        assertEquals(65536, DatabaseHeader.pageSizeBytes(h));
        DatabaseHeader.validate(h);
    }

    @Test
    void shouldRejectTooManyReservedBytesAndBadFractionsAndReadVersion() {
        MemorySegment h = freshHeader();
        DatabaseHeader.setPageSizeBytes(h, 512);
        BigEndian.putU8(h, DatabaseHeader.RESERVED_BYTES_OFFSET, 33);
        assertThrows(NotADatabaseException.class, () -> DatabaseHeader.validate(h));
        MemorySegment f = freshHeader();
        BigEndian.putU8(f, DatabaseHeader.MAX_PAYLOAD_FRACTION_OFFSET, 63);
        assertThrows(NotADatabaseException.class, () -> DatabaseHeader.validate(f));
        MemorySegment r = freshHeader();
        BigEndian.putU8(r, DatabaseHeader.READ_VERSION_OFFSET, 3);
        assertThrows(NotADatabaseException.class, () -> DatabaseHeader.validate(r));
    }

    @Test
    void shouldRejectUtf16DatabasesWithAClearError() throws IOException {
        assumeTrue(Sqlite3.available());
        Path db = dir.resolve("utf16.db");
        Sqlite3.run(db, "PRAGMA encoding='UTF-16le'; CREATE TABLE t(a); INSERT INTO t VALUES('x');");
        MemorySegment h = MemorySegment.ofArray(Files.readAllBytes(db));
        UnsupportedDatabaseException e =
                assertThrows(UnsupportedDatabaseException.class, () -> DatabaseHeader.validate(h));
        assertEquals(
                "unsupported text encoding UTF-16le: TursoJ reads and writes UTF-8 databases only", e.getMessage());
    }

    @Test
    void shouldRejectSchemaFormatAboveFour() {
        MemorySegment h = freshHeader();
        DatabaseHeader.setSchemaFormat(h, 5);
        assertThrows(UnsupportedDatabaseException.class, () -> DatabaseHeader.validate(h));
    }

    @ParameterizedTest
    @ValueSource(ints = {512, 4096, 65536})
    void shouldInitializeAHeaderThatSqliteAccepts(int pageSize) throws IOException {
        assumeTrue(Sqlite3.available());
        byte[] file = new byte[pageSize];
        MemorySegment page = MemorySegment.ofArray(file);
        DatabaseHeader.initialize(page, pageSize, 0);
        PageHeader.initialize(page, 100, PageType.LEAF_TABLE, pageSize);
        Path db = dir.resolve("fresh" + pageSize + ".db");
        Files.write(db, file);
        assertEquals(
                List.of("ok", String.valueOf(pageSize), "1", "UTF-8"),
                Sqlite3.lines(db, "PRAGMA integrity_check; PRAGMA page_size; PRAGMA page_count; PRAGMA encoding;"));
    }

    private static MemorySegment freshHeader() {
        MemorySegment h = MemorySegment.ofArray(new byte[4096]);
        DatabaseHeader.initialize(h, 4096, 0);
        return h;
    }
}
