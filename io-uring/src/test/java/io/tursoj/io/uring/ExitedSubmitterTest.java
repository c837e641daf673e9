package io.tursoj.io.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.OpenFlags;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The kernel ties io_uring work to the task that submitted it and cancels what is still queued in io-wq when that
 * thread exits. A thread may submit (and step) and then end before its operations finish; their completions must
 * still arrive, with the operations' real results.
 */
class ExitedSubmitterTest extends UringTestSupport {
    private static final int PAGE = 64 * 1024;
    private static final int WRITES = 32;

    /** Submits writes then an fsync from a thread that steps once (so it is the one entering the kernel) and exits. */
    private static List<Completion> submitAndExit(UringIO io, DatabaseFile f, MemorySegment[] bufs) throws Exception {
        List<Completion> out = new ArrayList<>();
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; i < bufs.length; i++) {
                    out.add(f.pwrite((long) i * PAGE, bufs[i], new Completion()));
                }
                out.add(f.sync(new Completion()));
                io.step(0); // submits from this thread, then the thread ends with the work in flight
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        t.start();
        t.join();
        return out;
    }

    @Test
    void shouldFinishOperationsWhoseSubmittingThreadExited() throws Exception {
        UringIO io = newIO(64, false);
        DatabaseFile f = io.openFile(path("exit.db"), OpenFlags.READ_WRITE_CREATE);
        for (int round = 0; round < 5; round++) {
            MemorySegment[] bufs = new MemorySegment[WRITES];
            for (int i = 0; i < WRITES; i++) {
                bufs[i] = fill(buffer(PAGE), round * WRITES + i);
            }
            List<Completion> done = submitAndExit(io, f, bufs);
            for (int i = 0; i < WRITES; i++) {
                assertEquals(PAGE, await(io, done.get(i)), "round " + round + " write " + i);
            }
            assertEquals(0, await(io, done.get(WRITES)), "round " + round + ": the fsync");
            for (int i = 0; i < WRITES; i++) {
                MemorySegment back = buffer(PAGE);
                assertEquals(PAGE, await(io, f.pread((long) i * PAGE, back, new Completion())));
                assertSameBytes(bufs[i], back);
            }
        }
    }

    @Test
    void shouldFinishALinkedChainWhoseSubmittingThreadExited() throws Exception {
        UringIO io = newIO(64, false);
        DatabaseFile f = io.openFile(path("chain.db"), OpenFlags.READ_WRITE_CREATE);
        for (int round = 0; round < 5; round++) {
            long[] positions = new long[WRITES];
            MemorySegment[] bufs = new MemorySegment[WRITES];
            for (int i = 0; i < WRITES; i++) {
                positions[i] = (long) i * PAGE;
                bufs[i] = fill(buffer(PAGE), round * 7 + i);
            }
            Completion[] c = new Completion[1];
            Thread t = new Thread(() -> c[0] = f.pwriteBatchAndSync(positions, bufs, new Completion()));
            t.start();
            t.join();
            assertEquals(WRITES * PAGE, await(io, c[0]), "round " + round);
        }
    }
}
