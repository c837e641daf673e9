package io.tursoj.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tursoj.io.IO;
import io.tursoj.io.MemoryIO;
import io.tursoj.io.RandomSource;
import io.tursoj.storage.CheckpointMode;
import io.tursoj.storage.Pager;
import io.tursoj.storage.PagerOptions;
import io.tursoj.storage.Synchronous;
import io.tursoj.storage.format.RecordBuilder;
import io.tursoj.storage.format.RecordReader;
import io.tursoj.storage.testing.Canon;
import io.tursoj.storage.testing.CrashIO;
import io.tursoj.storage.testing.Schema;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Crash safety: random transactions and checkpoints, a power cut at a random operation (unsynced writes lost or
 * torn at random), recovery, and a check that what survived is a state some commit produced. With
 * {@code synchronous=FULL} that state is the last acknowledged commit, or the one in flight at the crash. Seeds:
 * {@code -Dtursoj.crash.seeds=N} (default 1000), or one seed with {@code -Dtursoj.crash.seed=S}.
 */
class WalCrashTest {
    private static final int SEEDS = Integer.getInteger("tursoj.crash.seeds", 1000);
    private static final Long ONE_SEED = Long.getLong("tursoj.crash.seed");

    /** The table's rows as canonical strings; null when the table does not exist. */
    private static List<String> state(TreeMap<Long, byte[]> model) throws IOException {
        List<String> out = new ArrayList<>();
        RecordReader reader = new RecordReader();
        for (var e : model.entrySet()) {
            reader.parse(MemorySegment.ofArray(e.getValue()), 0, e.getValue().length);
            out.add(e.getKey() + "|" + Canon.of(reader));
        }
        return out;
    }

    /** What happened before the power cut. */
    private static final class Run {
        final List<List<String>> acknowledged = new ArrayList<>();
        List<String> inFlight;
        boolean crashed;
        int root;
    }

    private static Run workload(CrashIO io, long seed, Synchronous sync) throws IOException {
        RandomSource r = RandomSource.seeded(seed);
        Run run = new Run();
        io.crashAfter(r.nextInt(220));
        PagerOptions options = PagerOptions.DEFAULTS
                .withPageSize(512)
                .withCacheSize(8 + r.nextInt(40))
                .withSynchronous(sync)
                .withAutocheckpoint(r.nextInt(3) == 0 ? 0 : 5 + r.nextInt(30));
        TreeMap<Long, byte[]> model = new TreeMap<>();
        try {
            WriteHarness h = new WriteHarness(io, "c.db", options);
            h.begin();
            run.inFlight = List.of();
            run.root = h.create("table", "t", "t", "CREATE TABLE t(a, b)");
            h.commit();
            run.acknowledged.add(run.inFlight);
            run.inFlight = null;
            for (int tx = 0; tx < 15; tx++) {
                h.begin();
                TreeMap<Long, byte[]> next = new TreeMap<>(model);
                try (BTreeCursor c = h.tree.openTableCursor(run.root)) {
                    int ops = 1 + r.nextInt(15);
                    for (int i = 0; i < ops; i++) {
                        long k = r.nextInt(60);
                        if (r.nextInt(4) == 0 && next.containsKey(k)) {
                            assertTrue(io.block(() -> c.seek(k, SeekOp.EQ)));
                            io.block(c::delete);
                            next.remove(k);
                        } else {
                            byte[] rec =
                                    RecordBuilder.encode(k * 3, new byte[r.nextInt(r.nextInt(5) == 0 ? 1500 : 60)]);
                            h.insert(c, k, rec);
                            next.put(k, rec);
                        }
                    }
                }
                if (r.nextInt(8) == 0) {
                    h.pager.rollback();
                    continue;
                }
                run.inFlight = state(next);
                h.commit();
                model = next;
                run.acknowledged.add(run.inFlight);
                run.inFlight = null;
                if (r.nextInt(5) == 0) {
                    CheckpointMode mode = CheckpointMode.values()[r.nextInt(4)];
                    io.block(() -> h.pager.checkpoint(mode));
                }
            }
        } catch (CrashIO.SimulatedCrash e) {
            run.crashed = true;
        }
        return run;
    }

    /** Seeds whose power cut hit the workload (not after its end), and those that recovered an in-flight commit. */
    private int crashedRuns;

    private int inFlightRecovered;

    private void check(long seed, Synchronous sync) throws IOException {
        CrashIO io = new CrashIO(seed);
        Run run = workload(io, seed, sync);
        if (run.crashed) {
            crashedRuns++;
        }
        MemoryIO after = io.afterCrash(RandomSource.seeded(seed * 31 + 7));
        String reproduce = "seed " + seed + " (" + sync + "): reproduce with mvn -pl engine-core test"
                + " -Dtest=WalCrashTest -Dtursoj.crash.seed=" + seed;
        List<String> got;
        List<String> problems;
        try (Pager pager = SqliteFixture.openPager(after, "c.db", 20)) {
            got = read(after, pager);
            problems = pager.databaseSizePages() == 0
                    ? List.of()
                    : after.block(new IntegrityChecker(new BTree(pager))::run);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(reproduce + ": recovery failed", e);
        }
        assertEquals(List.of(), problems, reproduce + ": integrity check after recovery");
        List<List<String>> allowed = new ArrayList<>();
        if (sync == Synchronous.FULL) {
            allowed.add(run.acknowledged.isEmpty() ? null : run.acknowledged.getLast());
        } else {
            allowed.add(null);
            allowed.addAll(run.acknowledged);
        }
        if (run.inFlight != null) {
            allowed.add(run.inFlight);
        }
        if (run.inFlight != null && Objects.equals(got, run.inFlight) && !run.acknowledged.contains(got)) {
            inFlightRecovered++;
        }
        if (!allowed.contains(got)) {
            fail(reproduce + ": recovered " + (got == null ? "no table" : got.size() + " rows")
                    + " which no acknowledged or in-flight commit produced (" + run.acknowledged.size()
                    + " acknowledged, crashed=" + run.crashed + ")");
        }
        writeAgain(after, seed, reproduce, got);
    }

    private static List<String> read(IO io, Pager pager) throws IOException {
        if (pager.databaseSizePages() == 0) {
            return null;
        }
        BTree tree = new BTree(pager);
        Map<String, Integer> roots = Schema.roots(io, tree);
        if (!roots.containsKey("t")) {
            return null;
        }
        List<String> rows = new ArrayList<>();
        for (String s : SqliteFixture.scanTable(io, tree, roots.get("t"), false)) {
            rows.add(s);
        }
        return rows;
    }

    /** The recovered database takes new writes, and keeps them across a reopen. */
    private static void writeAgain(MemoryIO io, long seed, String reproduce, List<String> got) throws IOException {
        if (got == null) {
            return;
        }
        byte[] rec = RecordBuilder.encode(seed, "after");
        try (WriteHarness h = new WriteHarness(io, "c.db", PagerOptions.DEFAULTS.withPageSize(512))) {
            h.begin();
            int root = Schema.roots(io, h.tree).get("t");
            try (BTreeCursor c = h.tree.openTableCursor(root)) {
                h.insert(c, 1_000_000, rec);
            }
            h.commit();
        }
        try (Pager pager = SqliteFixture.openPager(io, "c.db", 20)) {
            List<String> again = read(io, pager);
            assertEquals(got.size() + 1, Objects.requireNonNull(again).size(), reproduce + ": write after recovery");
        }
    }

    @Test
    void shouldKeepEveryAcknowledgedCommitWithSynchronousFull() throws IOException {
        if (ONE_SEED != null) {
            check(ONE_SEED, Synchronous.FULL);
            return;
        }
        for (long seed = 1; seed <= SEEDS; seed++) {
            check(seed, Synchronous.FULL);
        }
        assertTrue(crashedRuns > SEEDS / 2, "most power cuts hit the workload: " + crashedRuns);
        assertTrue(inFlightRecovered > 0, "some cuts fell inside a commit whose frames all survived");
    }

    @Test
    void shouldRecoverSomeCommittedStateWithSynchronousNormal() throws IOException {
        if (ONE_SEED != null) {
            check(ONE_SEED, Synchronous.NORMAL);
            return;
        }
        for (long seed = 1; seed <= SEEDS / 4; seed++) {
            check(seed, Synchronous.NORMAL);
        }
        assertTrue(crashedRuns > SEEDS / 8, "most power cuts hit the workload: " + crashedRuns);
    }
}
