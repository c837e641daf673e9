package io.tursoj.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.storage.testing.Sqlite3;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadRulesTest {
    @TempDir
    Path dir;

    @Test
    void shouldComputeSqlitesLimitsFor4096() {
        PayloadRules r = PayloadRules.of(4096);
        assertEquals(4061, r.maxLocalTable());
        assertEquals(1002, r.maxLocalIndex());
        assertEquals(489, r.minLocal());
        assertEquals(911, r.localSize(5003, PageType.LEAF_TABLE));
        assertEquals(1, r.overflowPageCount(5003, PageType.LEAF_TABLE));
        assertEquals(4061, r.localSize(4061, PageType.LEAF_TABLE));
        assertEquals(0, r.overflowPageCount(4061, PageType.LEAF_TABLE));
    }

    @Test
    void shouldKeepLocalSizeWithinBoundsForEveryPayload() {
        for (int usable = 480; usable <= 65536; usable += 997) {
            PayloadRules r = PayloadRules.of(usable);
            for (PageType t : new PageType[] {PageType.LEAF_TABLE, PageType.LEAF_INDEX, PageType.INTERIOR_INDEX}) {
                for (long p = 0; p < 5L * usable; p += 13) {
                    int local = r.localSize(p, t);
                    if (p <= r.maxLocal(t)) {
                        assertEquals(p, local);
                    } else {
                        assertTrue(local >= r.minLocal() && local <= r.maxLocal(t), "usable " + usable + " p " + p);
                        if (local != r.minLocal()) {
                            assertEquals(0, (p - local) % (usable - 4), "last overflow page is full");
                        }
                    }
                }
            }
        }
    }

    /** Local sizes and overflow page counts agree with what sqlite3 itself stored (its dbstat table). */
    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 2048, 4096, 8192, 16384, 32768, 65536})
    void shouldMatchSqliteLocalSizesAndOverflowCounts(int pageSize) throws IOException {
        assumeTrue(Sqlite3.available());
        PayloadRules rules = PayloadRules.of(pageSize);
        int[] blobSizes = {
            1,
            rules.maxLocalIndex() - 12,
            rules.maxLocalIndex() - 6,
            rules.maxLocalIndex(),
            rules.maxLocalIndex() + 3,
            rules.maxLocalTable() - 4,
            rules.maxLocalTable() - 3,
            rules.maxLocalTable() + 1,
            pageSize * 3 + 17,
            pageSize * 7 - 400,
            pageSize * 10 + 3
        };
        StringBuilder sql = new StringBuilder("PRAGMA page_size=" + pageSize + ";");
        for (int i = 0; i < blobSizes.length; i++) {
            sql.append("CREATE TABLE t").append(i).append("(a);");
            sql.append("INSERT INTO t")
                    .append(i)
                    .append(" VALUES(zeroblob(")
                    .append(blobSizes[i])
                    .append("));");
            sql.append("CREATE INDEX i").append(i).append(" ON t").append(i).append("(a);");
        }
        sql.append("SELECT name, sum(pagetype='leaf'), sum(CASE WHEN pagetype='leaf' THEN payload END),")
                .append(" sum(pagetype='overflow'), sum(CASE WHEN pagetype='leaf' THEN mx_payload END)")
                .append(" FROM dbstat WHERE name GLOB '[ti][0-9]*' GROUP BY name;");
        List<String> rows = Sqlite3.lines(dir.resolve("p" + pageSize + ".db"), sql.toString());
        assertEquals(2 * blobSizes.length, rows.size());
        for (String row : rows) {
            String[] f = row.split("\\|");
            PageType type = f[0].startsWith("t") ? PageType.LEAF_TABLE : PageType.LEAF_INDEX;
            assertEquals("1", f[1], row);
            long payload = Long.parseLong(f[4]);
            assertEquals(Long.parseLong(f[2]), rules.localSize(payload, type), "local size: " + row);
            assertEquals(Long.parseLong(f[3]), rules.overflowPageCount(payload, type), "overflow pages: " + row);
        }
    }
}
