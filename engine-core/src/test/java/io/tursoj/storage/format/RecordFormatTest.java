package io.tursoj.storage.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.storage.CorruptDatabaseException;
import io.tursoj.storage.testing.Sqlite3;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordFormatTest {
    @TempDir
    Path dir;

    private static final Object[][] ROWS = {
        {null, 0L, 1L, 2L, -1L},
        {127L, -128L, 128L, -129L, 32767L},
        {-32768L, 32768L, 8388607L, -8388608L, 8388608L},
        {2147483647L, -2147483648L, 2147483648L, (1L << 47) - 1, -(1L << 47)},
        {1L << 47, Long.MAX_VALUE, Long.MIN_VALUE, 1.5, -0.0},
        {"", "hello", "h\u00e9llo w\u00f6rld \u2603", new byte[0], new byte[] {1, 2, 3, (byte) 0xff}},
        {Double.MAX_VALUE, Double.MIN_VALUE, 3.0, "x".repeat(200), new byte[300]},
    };

    private static String literal(Object v) {
        return switch (v) {
            case null -> "NULL";
            case Long l when l == Long.MIN_VALUE -> "-9223372036854775807-1";
            case Long l -> l.toString();
            case Double d when d == Double.MIN_VALUE -> "4.9e-324";
            case Double d when d.equals(-0.0) -> "-0.0";
            case Double d -> Double.toString(d);
            case String s -> "'" + s + "'";
            case byte[] b -> "X'" + java.util.HexFormat.of().formatHex(b) + "'";
            default -> throw new IllegalArgumentException();
        };
    }

    @Test
    void shouldEncodeEverySerialTypeByteForByteLikeSqlite() throws IOException {
        assumeTrue(Sqlite3.available());
        Path db = dir.resolve("r.db");
        StringBuilder sql = new StringBuilder("CREATE TABLE t(a,b,c,d,e);");
        for (Object[] row : ROWS) {
            List<String> lits = new ArrayList<>();
            for (Object v : row) {
                lits.add(literal(v));
            }
            sql.append("INSERT INTO t VALUES(").append(String.join(",", lits)).append(");");
        }
        Sqlite3.run(db, sql.toString());
        byte[] file = Files.readAllBytes(db);
        MemorySegment page = MemorySegment.ofArray(Arrays.copyOfRange(file, 4096, 8192));
        PayloadRules rules = PayloadRules.of(4096);
        assertEquals(PageType.LEAF_TABLE.flag(), PageHeader.typeFlag(page, 0));
        assertEquals(ROWS.length, PageHeader.cellCount(page, 0));
        CellInfo cell = new CellInfo();
        RecordReader reader = new RecordReader();
        for (int i = 0; i < ROWS.length; i++) {
            int ptr = PageHeader.cellPointer(page, 0, PageHeader.LEAF_SIZE, i);
            CellFormat.parse(page, 2, ptr, PageType.LEAF_TABLE, rules, cell);
            assertEquals(i + 1, cell.rowid);
            byte[] stored = page.asSlice(cell.payloadOffset, cell.payloadSize).toArray(ValueLayout.JAVA_BYTE);
            assertArrayEquals(RecordBuilder.encode(ROWS[i]), stored, "row " + i);
            reader.parse(page, cell.payloadOffset, cell.payloadSize);
            assertEquals(ROWS[i].length, reader.columnCount());
            for (int c = 0; c < ROWS[i].length; c++) {
                Object want = ROWS[i][c];
                if (want instanceof byte[] b) {
                    assertArrayEquals(b, (byte[]) reader.value(c));
                } else {
                    assertEquals(want, reader.value(c), "row " + i + " column " + c);
                }
            }
        }
    }

    @Test
    void shouldUseLongHeaderSizeVarintWhenNeeded() throws CorruptDatabaseException {
        RecordBuilder b = new RecordBuilder();
        for (int i = 0; i < 130; i++) {
            b.addNull();
        }
        assertEquals(132, b.headerSize());
        byte[] rec = b.toByteArray();
        RecordReader r = new RecordReader().parse(MemorySegment.ofArray(rec), 0, rec.length);
        assertEquals(130, r.columnCount());
    }

    @Test
    void shouldRejectCorruptRecords() {
        byte[] rec = RecordBuilder.encode("hello", 5L);
        assertThrows(
                CorruptDatabaseException.class,
                () -> new RecordReader().parse(MemorySegment.ofArray(rec), 0, rec.length - 1));
        byte[] reserved = {2, 10};
        assertThrows(
                CorruptDatabaseException.class,
                () -> new RecordReader().parse(MemorySegment.ofArray(reserved), 0, reserved.length));
        byte[] bigHeader = {100, 1};
        assertThrows(
                CorruptDatabaseException.class,
                () -> new RecordReader().parse(MemorySegment.ofArray(bigHeader), 0, bigHeader.length));
    }
}
