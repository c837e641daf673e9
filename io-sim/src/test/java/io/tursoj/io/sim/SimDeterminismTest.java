package io.tursoj.io.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One seed, one run: a long random workload with every fault kind and crashes replays bit for bit, and different seeds
 * give different runs. A sweep over more seeds checks the workload's model (reads see completed writes, crashes keep
 * synced data) and runs longer with {@code -Dtursoj.sim.seeds=N} (and {@code -Dtursoj.sim.seed=S} to start at S).
 */
class SimDeterminismTest {
    private static final int MIN_OPERATIONS = 10_000;

    @Test
    void shouldReplayTheSameRunBitForBitFromOneSeed() throws IOException {
        FaultProfile profile = FaultProfile.hostile();
        SimWorkload.Outcome first = new SimWorkload(42, profile, 0.02).run(MIN_OPERATIONS);
        SimWorkload.Outcome second = new SimWorkload(42, profile, 0.02).run(MIN_OPERATIONS);
        assertEquals(List.of(), first.violations());
        assertTrue(first.operations() >= MIN_OPERATIONS, "operations: " + first.operations());
        assertTrue(first.crashes() > 0, "the run crashed at least once");
        assertTrue(first.failures() > 0, "faults were injected");
        assertTrue(first.shortTransfers() > 0, "short transfers happened");
        assertEquals(first, second, "same seed, same run");
    }

    @Test
    void shouldGiveDifferentRunsForDifferentSeeds() throws IOException {
        FaultProfile profile = FaultProfile.hostile();
        SimWorkload.Outcome a = new SimWorkload(42, profile, 0.02).run(MIN_OPERATIONS);
        SimWorkload.Outcome b = new SimWorkload(43, profile, 0.02).run(MIN_OPERATIONS);
        assertNotEquals(a.traceHash(), b.traceHash());
        assertNotEquals(a.resultHash(), b.resultHash());
    }

    @Test
    void shouldChangeTheTraceWhenOnlyTheFaultProfileChanges() throws IOException {
        SimWorkload.Outcome calm = new SimWorkload(7, FaultProfile.NONE, 0).run(2_000);
        SimWorkload.Outcome flipped = new SimWorkload(7, FaultProfile.NONE.withBitFlips(0.5), 0).run(2_000);
        assertEquals(List.of(), flipped.violations());
        assertNotEquals(calm.traceHash(), flipped.traceHash());
    }

    @Test
    void shouldKeepTheModelAcrossASweepOfSeeds() throws IOException {
        int seeds = Integer.getInteger("tursoj.sim.seeds", 12);
        long first = Long.getLong("tursoj.sim.seed", 1000);
        List<String> failures = new ArrayList<>();
        for (long seed = first; seed < first + seeds; seed++) {
            FaultProfile profile = seed % 3 == 0 ? FaultProfile.NONE : FaultProfile.hostile();
            SimWorkload.Outcome outcome = new SimWorkload(seed, profile, 0.05).run(1_500);
            failures.addAll(outcome.violations());
        }
        assertEquals(List.of(), failures, "replay a failure with -Dtursoj.sim.seed=<seed> -Dtursoj.sim.seeds=1");
    }
}
