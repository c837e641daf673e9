package io.tursoj.storage.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.storage.testing.Sqlite3;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FreelistTrunkTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(ints = {512, 1024, 4096})
    void shouldWalkTheFreelistSqliteWrote(int pageSize) throws IOException {
        assumeTrue(Sqlite3.available());
        Path db = dir.resolve("f.db");
        String count = Sqlite3.run(
                        db,
                        "PRAGMA page_size=" + pageSize + "; CREATE TABLE t(a);"
                                + "INSERT INTO t SELECT randomblob(" + pageSize + ") FROM generate_series(1,1500);"
                                + "DELETE FROM t WHERE rowid % 3 <> 0; PRAGMA freelist_count;")
                .strip();
        MemorySegment file = MemorySegment.ofArray(Files.readAllBytes(db));
        long pages = DatabaseHeader.databaseSizePages(file);
        int trunk = (int) DatabaseHeader.freelistTrunkPage(file);
        Set<Integer> seen = new HashSet<>();
        int trunks = 0;
        while (trunk != 0) {
            MemorySegment page = file.asSlice((long) (trunk - 1) * pageSize, pageSize);
            assertTrue(seen.add(trunk));
            trunks++;
            long leaves = FreelistTrunk.leafCount(page);
            assertTrue(leaves <= FreelistTrunk.maxLeavesWrite(pageSize), "sqlite leaves the last slots empty");
            for (int i = 0; i < leaves; i++) {
                int leaf = FreelistTrunk.leaf(page, i);
                assertTrue(leaf > 1 && leaf <= pages);
                assertTrue(seen.add(leaf));
            }
            trunk = FreelistTrunk.nextTrunk(page);
        }
        assertTrue(trunks > 1, "enough free pages for several trunks");
        assertEquals(Long.parseLong(count), seen.size());
        assertEquals(DatabaseHeader.freelistCount(file), seen.size());
    }
}
