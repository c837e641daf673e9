package io.tursoj.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tursoj.io.IO;
import io.tursoj.io.RandomSource;
import io.tursoj.io.sim.FaultProfile;
import io.tursoj.io.sim.LatencyProfile;
import io.tursoj.io.sim.SimDisk;
import io.tursoj.io.sim.SimIO;
import io.tursoj.storage.CheckpointMode;
import io.tursoj.storage.Pager;
import io.tursoj.storage.PagerOptions;
import io.tursoj.storage.Synchronous;
import io.tursoj.storage.format.RecordBuilder;
import io.tursoj.storage.format.RecordReader;
import io.tursoj.storage.testing.Canon;
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
 * Crash safety on the deterministic simulator. Each seed drives one {@link SimIO} (latency, completion order, what
 * survives the crash) and one workload: random transactions of inserts, overwrites and deletes (small caches, so
 * dirty pages spill mid-transaction), rollbacks, explicit checkpoints in every mode and auto-checkpoints. A dry run
 * counts the workload's file operations; the real run loses power at a uniformly drawn one of them, with each
 * unsynced 512-byte sector kept, dropped or torn as the seed's crash profile says. A new {@code SimIO} over the same
 * disk then recovers the database, and the test checks that the integrity checker passes, that the table holds
 * exactly a state some commit produced (with {@code synchronous=FULL}: the last acknowledged commit, or the one in
 * flight at the cut; never a rolled-back or half-written transaction), and that the recovered file takes new writes.
 *
 * <p>Seeds: {@code -Dtursoj.crash.seeds=N} (default 1000 under FULL, a quarter of that under NORMAL), or
 * {@code -Dtursoj.soak=N} for a long run, or one seed with {@code -Dtursoj.crash.seed=S}; a failing seed prints the
 * command that reruns it.
 */
class WalPowerCutTest {
    private static final int SEEDS = Integer.getInteger("tursoj.soak", Integer.getInteger("tursoj.crash.seeds", 1000));
    private static final Long ONE_SEED = Long.getLong("tursoj.crash.seed");
    private static final String PHASE_WRITE = "write";
    private static final String PHASE_COMMIT = "commit";
    private static final String PHASE_ROLLBACK = "rollback";

    /** Crash outcomes per unsynced sector: {keep, torn}; the rest is dropped. */
    private static final double[][] CRASH_PROFILES = {{0.5, 0}, {0.4, 0.3}, {0, 0}, {1, 0}, {0.2, 0.6}};

    /** What happened before the power cut. */
    private static final class Run {
        final List<List<String>> acknowledged = new ArrayList<>();
        /** Index into {@link #acknowledged} of the last state a completed checkpoint made durable. */
        int checkpointed = -1;

        List<String> inFlight;
        String phase = "open";
        boolean cut;
        long operations;
    }

    private static List<String> state(TreeMap<Long, byte[]> model) throws IOException {
        List<String> out = new ArrayList<>();
        RecordReader reader = new RecordReader();
        for (var e : model.entrySet()) {
            reader.parse(MemorySegment.ofArray(e.getValue()), 0, e.getValue().length);
            out.add(e.getKey() + "|" + Canon.of(reader));
        }
        return out;
    }

    private static SimIO simulator(SimDisk disk, long seed) {
        double[] p = CRASH_PROFILES[(int) Math.floorMod(seed, (long) CRASH_PROFILES.length)];
        return new SimIO(disk, seed, FaultProfile.NONE.withCrashOutcomes(p[0], p[1]), LatencyProfile.DEFAULT);
    }

    /** The workload; returns when it finished or the power failed. */
    private static Run workload(PowerCutIO io, long seed, Synchronous sync) throws IOException {
        RandomSource r = RandomSource.seeded(seed);
        Run run = new Run();
        PagerOptions options = PagerOptions.DEFAULTS
                .withPageSize(r.nextInt(3) == 0 ? 1024 : 512)
                .withCacheSize(6 + r.nextInt(30))
                .withSynchronous(sync)
                .withAutocheckpoint(r.nextInt(3) == 0 ? 0 : 5 + r.nextInt(30));
        TreeMap<Long, byte[]> model = new TreeMap<>();
        try {
            WriteHarness h = new WriteHarness(io, "c.db", options);
            run.phase = PHASE_COMMIT;
            h.begin();
            run.inFlight = List.of();
            int root = h.create("table", "t", "t", "CREATE TABLE t(a, b)");
            h.commit();
            run.acknowledged.add(run.inFlight);
            run.inFlight = null;
            for (int tx = 0; tx < 14; tx++) {
                run.phase = PHASE_WRITE;
                h.begin();
                TreeMap<Long, byte[]> next = new TreeMap<>(model);
                writeSome(io, h, r, root, next);
                if (r.nextInt(8) == 0) {
                    run.phase = PHASE_ROLLBACK;
                    h.pager.rollback();
                    continue;
                }
                run.inFlight = state(next);
                run.phase = PHASE_COMMIT;
                h.commit();
                model = next;
                run.acknowledged.add(run.inFlight);
                run.inFlight = null;
                if (r.nextInt(4) == 0) {
                    CheckpointMode mode = CheckpointMode.values()[r.nextInt(4)];
                    run.phase = "checkpoint-" + mode;
                    io.block(() -> h.pager.checkpoint(mode));
                    if (sync != Synchronous.OFF) {
                        run.checkpointed = run.acknowledged.size() - 1;
                    }
                }
            }
            run.phase = "done";
        } catch (PowerCutIO.PowerCut e) {
            run.cut = true;
        }
        run.operations = io.operations();
        return run;
    }

    private static void writeSome(IO io, WriteHarness h, RandomSource r, int root, TreeMap<Long, byte[]> next)
            throws IOException {
        try (BTreeCursor c = h.tree.openTableCursor(root)) {
            int ops = r.nextInt(5) == 0 ? 60 + r.nextInt(200) : 1 + r.nextInt(15);
            for (int i = 0; i < ops; i++) {
                long k = r.nextInt(80);
                if (r.nextInt(4) == 0 && next.containsKey(k)) {
                    assertTrue(io.block(() -> c.seek(k, SeekOp.EQ)));
                    io.block(c::delete);
                    next.remove(k);
                } else {
                    int size = r.nextInt(r.nextInt(5) == 0 ? 2500 : 60);
                    byte[] rec = RecordBuilder.encode(k * 3, new byte[size]);
                    h.insert(c, k, rec);
                    next.put(k, rec);
                }
            }
        }
    }

    /** Per-phase counts of where the power failed, over all seeds run. */
    private final Map<String, Integer> cutsByPhase = new TreeMap<>();

    private int inFlightRecovered;

    private static String reproduce(long seed, Synchronous sync) {
        return "seed " + seed + " (" + sync + "): reproduce with mvn -B -q -ntp -pl io-sim -am verify"
                + " -Dtest=WalPowerCutTest -Dsurefire.failIfNoSpecifiedTests=false -Dtursoj.crash.seed=" + seed;
    }

    private void check(long seed, Synchronous sync) throws IOException {
        long operations;
        try (PowerCutIO dry = new PowerCutIO(simulator(new SimDisk(), seed), Long.MAX_VALUE)) {
            operations = workload(dry, seed, sync).operations;
        }
        SimDisk disk = new SimDisk();
        long cutAt = Math.floorMod(RandomSource.seeded(~seed).nextLong(), Math.max(1, operations));
        PowerCutIO io = new PowerCutIO(simulator(disk, seed), cutAt);
        Run run = workload(io, seed, sync);
        String reproduce = reproduce(seed, sync);
        if (!run.cut) {
            fail(reproduce + ": the cut at operation " + cutAt + " of " + operations + " never happened");
        }
        cutsByPhase.merge(run.phase, 1, Integer::sum);
        SimIO after = new SimIO(disk, seed * 31 + 7, FaultProfile.NONE, LatencyProfile.DEFAULT);
        List<String> got;
        List<String> problems;
        try (Pager pager = SqliteFixture.openPager(after, "c.db", 20)) {
            got = read(after, pager);
            problems = pager.databaseSizePages() == 0
                    ? List.of()
                    : after.block(new IntegrityChecker(new BTree(pager))::run);
        } catch (IOException | RuntimeException e) {
            throw new AssertionError(reproduce + ": recovery failed (cut in " + run.phase + ")", e);
        }
        assertEquals(List.of(), problems, reproduce + ": integrity check after recovery");
        List<List<String>> allowed = new ArrayList<>();
        if (sync == Synchronous.FULL) {
            allowed.add(run.acknowledged.isEmpty() ? null : run.acknowledged.getLast());
        } else {
            if (run.checkpointed < 0) {
                allowed.add(null);
            }
            allowed.addAll(run.acknowledged.subList(Math.max(0, run.checkpointed), run.acknowledged.size()));
        }
        if (run.inFlight != null) {
            allowed.add(run.inFlight);
        }
        if (run.inFlight != null && Objects.equals(got, run.inFlight) && !run.acknowledged.contains(got)) {
            inFlightRecovered++;
        }
        if (!allowed.contains(got)) {
            fail(reproduce + ": recovered " + (got == null ? "no table" : got.size() + " rows")
                    + " which no allowed commit produced (" + run.acknowledged.size() + " acknowledged, cut in "
                    + run.phase + " at operation " + cutAt + " of " + operations + ")");
        }
        writeAgain(after, seed, reproduce, got);
        after.close();
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
        return SqliteFixture.scanTable(io, tree, roots.get("t"), false);
    }

    /** The recovered database takes new writes, and keeps them across a reopen. */
    private static void writeAgain(IO io, long seed, String reproduce, List<String> got) throws IOException {
        if (got == null) {
            return;
        }
        byte[] rec = RecordBuilder.encode(seed, "after");
        try (WriteHarness h = new WriteHarness(io, "c.db", PagerOptions.DEFAULTS)) {
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
            assertEquals(List.of(), io.block(new IntegrityChecker(new BTree(pager))::run), reproduce);
        }
    }

    private void runSeeds(Synchronous sync, int seeds) throws IOException {
        if (ONE_SEED != null) {
            check(ONE_SEED, sync);
            return;
        }
        for (long seed = 1; seed <= seeds; seed++) {
            try {
                check(seed, sync);
            } catch (AssertionError | RuntimeException e) {
                if (e.getMessage() != null && e.getMessage().contains("reproduce with")) {
                    throw e;
                }
                throw new AssertionError(reproduce(seed, sync), e);
            }
        }
        System.out.println("WalPowerCutTest " + sync + ": " + seeds + " seeds, cuts by phase " + cutsByPhase
                + ", in-flight commits recovered " + inFlightRecovered);
    }

    @Test
    void shouldKeepEveryAcknowledgedCommitWithSynchronousFull() throws IOException {
        runSeeds(Synchronous.FULL, SEEDS);
        if (ONE_SEED == null) {
            for (String phase : List.of(PHASE_WRITE, PHASE_COMMIT, "checkpoint-PASSIVE", "checkpoint-FULL")) {
                assertTrue(cutsByPhase.getOrDefault(phase, 0) > 0, "some cuts fell in " + phase + ": " + cutsByPhase);
            }
            assertTrue(
                    cutsByPhase.getOrDefault("checkpoint-RESTART", 0)
                                    + cutsByPhase.getOrDefault("checkpoint-TRUNCATE", 0)
                            > 0,
                    "some cuts fell in a restarting checkpoint: " + cutsByPhase);
            assertTrue(inFlightRecovered > 0, "some cuts fell inside a commit whose frames all survived");
        }
    }

    @Test
    void shouldRecoverACommittedStateWithSynchronousNormal() throws IOException {
        runSeeds(Synchronous.NORMAL, Math.max(1, SEEDS / 4));
    }

    @Test
    void shouldReplayASeedIdentically() throws IOException {
        long[] hashes = new long[2];
        for (int i = 0; i < 2; i++) {
            SimIO sim = simulator(new SimDisk(), 42);
            PowerCutIO io = new PowerCutIO(sim, 150);
            Run run = workload(io, 42, Synchronous.FULL);
            assertTrue(run.cut);
            hashes[i] = sim.traceHash();
        }
        assertEquals(hashes[0], hashes[1], "the same seed gives the same trace");
    }
}
