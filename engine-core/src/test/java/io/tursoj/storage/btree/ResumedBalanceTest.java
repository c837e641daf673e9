package io.tursoj.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.io.MemoryIO;
import io.tursoj.io.RandomSource;
import io.tursoj.storage.PagerOptions;
import io.tursoj.storage.format.RecordBuilder;
import io.tursoj.storage.testing.DeferredIO;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Inserts and deletes whose balance waits for a read in its last phase (freeing surplus pages reads the freelist
 * trunk) and resumes. By then the pages are rebuilt and no longer look unbalanced, so the insert or delete must
 * resume the balance because it is in progress, not because the page still needs one: otherwise the balancer keeps
 * its half-done state and a later operation frees pages that are back in use.
 */
class ResumedBalanceTest {
    @Test
    void shouldFinishEveryBalanceThatWaitedForAFreelistRead() throws IOException {
        for (long seed = 1; seed <= 40; seed++) {
            MemoryIO memory = new MemoryIO();
            DeferredIO io = new DeferredIO(memory, seed);
            RandomSource r = RandomSource.seeded(seed);
            TreeMap<Long, Integer> model = new TreeMap<>();
            PagerOptions options = PagerOptions.DEFAULTS.withPageSize(512).withCacheSize(4 + r.nextInt(12));
            try (WriteHarness h = new WriteHarness(io, "b.db", options)) {
                h.begin();
                int root = h.create("table", "t", "t", "CREATE TABLE t(a, b)");
                h.commit();
                for (int tx = 0; tx < 8; tx++) {
                    h.begin();
                    try (BTreeCursor c = h.tree.openTableCursor(root)) {
                        for (int i = 0; i < 120; i++) {
                            long k = r.nextInt(200);
                            if (r.nextInt(3) != 0 && model.containsKey(k)) {
                                assertTrue(io.block(() -> c.seek(k, SeekOp.EQ)));
                                io.block(c::delete);
                                model.remove(k);
                            } else {
                                int size = r.nextInt(r.nextInt(4) == 0 ? 1400 : 80);
                                h.insert(c, k, RecordBuilder.encode(k, new byte[size]));
                                model.put(k, size);
                            }
                        }
                    }
                    h.commit();
                    String where = "seed " + seed + " tx " + tx;
                    assertEquals(List.of(), io.block(new IntegrityChecker(h.tree)::run), where);
                    List<Long> keys = new ArrayList<>();
                    for (String row : SqliteFixture.scanTable(io, h.tree, root, false)) {
                        keys.add(Long.parseLong(row.substring(0, row.indexOf('|'))));
                    }
                    assertEquals(List.copyOf(model.keySet()), keys, where);
                }
            }
        }
    }
}
