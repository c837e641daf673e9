package io.tursoj.io.sim;

import io.tursoj.io.IO;
import io.tursoj.io.IOConformanceTest;
import java.io.IOException;

/**
 * The shared backend conformance suite against the simulator: no faults by default, injected ones through
 * {@link #faults}, and reopening as a new {@link SimIO} on the same {@link SimDisk}, as after a restart.
 */
class SimIOTest extends IOConformanceTest {
    private static final long SEED = 0x5eed_2026L;

    private SimDisk disk;
    private long restarts;

    @Override
    protected IO newIO() {
        disk = new SimDisk();
        return new SimIO(disk, SEED, FaultProfile.NONE, LatencyProfile.DEFAULT);
    }

    @Override
    protected String expectedName() {
        return "sim";
    }

    @Override
    protected IO reopen(IO old) throws IOException {
        old.close();
        return new SimIO(disk, SEED + ++restarts, FaultProfile.NONE, LatencyProfile.DEFAULT);
    }

    @Override
    protected Faults faults(IO backend) {
        SimIO sim = (SimIO) backend;
        return new Faults() {
            @Override
            public void failNextWrite(int errno) {
                sim.failNextWrite(errno);
            }

            @Override
            public void failNextRead(int errno) {
                sim.failNextRead(errno);
            }
        };
    }

    @Override
    protected boolean usesRealFiles() {
        return false;
    }
}
