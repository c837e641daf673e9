package io.tursoj.io.sim;

import io.tursoj.io.DatabaseFile;
import io.tursoj.io.Errno;
import io.tursoj.io.IO;
import io.tursoj.io.OpenFlags;
import io.tursoj.io.RandomSource;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * The deterministic simulator backend: files live on a {@link SimDisk}, time is a {@link SimClock}, and one seed
 * drives everything that could vary between runs: each operation's latency (hence the order in which operations in
 * flight complete), every injected fault ({@link FaultProfile}), what a {@link #crash()} leaves on the disk, and the
 * engine's own randomness ({@link #random()}). The same seed, profiles and workload give the same run, bit for bit,
 * and the same {@link #traceHash()}.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Operations take effect when they complete, in (due time, submission number) order; a read sees every write
 *       that completed before it.
 *   <li>{@link #step(long)} never waits for real: it moves virtual time to the earliest due completion and finishes
 *       every operation due then (only those submitted before the step began, so a step is bounded). With nothing
 *       in flight it advances time by the wait asked for, which is how an engine's timeouts expire.
 *   <li>A sync covers the writes that completed before it was submitted; only covered writes are sure to survive a
 *       crash.
 *   <li>After {@link #crash()} this instance is dead: operations in flight never complete and nothing more may be
 *       submitted. A new {@code SimIO} over the same disk sees the post-crash state.
 *   <li>Every decision drawn from the generator happens on the stepping (or submitting) thread under this object's
 *       monitor, in an order fixed by the run, so draws never race.
 * </ol>
 */
public final class SimIO implements IO {
    private enum State {
        OPEN,
        CLOSING,
        CLOSED,
        CRASHED
    }

    /** Trace event kinds beyond {@link SimOp.Kind}'s ordinals. */
    private static final int TRACE_PROFILE = 99;

    private static final int TRACE_OPEN = 100;

    private static final int TRACE_REMOVE = 101;
    private static final int TRACE_CLOSE_FILE = 102;
    private static final int TRACE_CRASH = 103;
    private static final int TRACE_CRASH_SECTOR = 104;

    /** Rounds of completions {@link #close()} runs before it decides callbacks are resubmitting forever. */
    private static final int CLOSE_MAX_ROUNDS = 10_000_000;

    private static final Comparator<SimOp> DUE_ORDER =
            Comparator.<SimOp>comparingLong(op -> op.dueNanos).thenComparingLong(op -> op.seq);

    private final SimDisk disk;
    private final long seed;
    private final LatencyProfile latency;
    private final SimClock clock;
    private final RandomGenerator generator;
    private final RandomSource engineRandom;
    private final PriorityQueue<SimOp> inFlight = new PriorityQueue<>(DUE_ORDER);
    private final List<SimFile> openFiles = new ArrayList<>();
    private final TraceHash trace = new TraceHash();
    private FaultProfile faults;
    private State state = State.OPEN;
    private long nextSeq;
    private long completedOperations;
    private int failNextReadErrno;
    private int failNextWriteErrno;

    /** A simulator on a fresh, unlimited disk, without faults. */
    public SimIO(long seed) {
        this(new SimDisk(), seed, FaultProfile.NONE, LatencyProfile.DEFAULT);
    }

    public SimIO(SimDisk disk, long seed, FaultProfile faults, LatencyProfile latency) {
        if (disk == null || faults == null || latency == null) {
            throw new NullPointerException("disk, faults and latency are required");
        }
        this.disk = disk;
        this.seed = seed;
        this.faults = faults;
        this.latency = latency;
        this.clock = new SimClock(disk.lastNanos());
        this.generator = RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
        // The engine's stream is separate, so how much randomness the engine uses never shifts the faults.
        this.engineRandom = RandomSource.seeded(mix(seed ^ 0x6a09e667f3bcc909L));
    }

    /** SplitMix64's finaliser: spreads a seed over all 64 bits. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public synchronized DatabaseFile openFile(String path, OpenFlags flags) throws IOException {
        checkOpen();
        SimDiskFile data;
        synchronized (disk) {
            data = disk.get(path);
            if (data == null) {
                if (!flags.create()) {
                    throw new NoSuchFileException(path);
                }
                data = disk.create(path);
            } else if (flags.truncate()) {
                data.apply(new Mutation.Truncate(0)); // O_TRUNC: a change like any other, durable once synced
            }
        }
        SimFile file = new SimFile(this, path, flags, data);
        openFiles.add(file);
        trace.event(TRACE_OPEN, data.id, flags.bits(), 0, 0, clock.monotonicNanos());
        return file;
    }

    @Override
    public synchronized void removeFile(String path) {
        checkOpen();
        SimDiskFile data = disk.get(path);
        if (data != null) {
            disk.remove(path); // open handles keep the data, as an unlinked inode
            trace.event(TRACE_REMOVE, data.id, 0, 0, 0, clock.monotonicNanos());
        }
    }

    @Override
    public synchronized boolean exists(String path) {
        checkOpen();
        return disk.exists(path);
    }

    /** Queues {@code op}; a nonzero {@code rejectErrno} makes it fail at the current virtual time. */
    void submit(SimOp op, int rejectErrno) {
        if (state == State.CRASHED) {
            throw new IllegalStateException("the simulated process crashed; open a new SimIO on the disk");
        }
        if (state == State.CLOSED) { // nothing steps a closed IO: fail at once, like the other backends
            op.completion.fail(rejectErrno != 0 ? rejectErrno : Errno.EBADF);
            return;
        }
        op.seq = nextSeq++;
        op.rejectedErrno = rejectErrno;
        long now = clock.monotonicNanos();
        if (rejectErrno != 0) {
            op.dueNanos = now;
        } else {
            op.dueNanos = now + latencyTicks(op.kind) * SimClock.NANOS_PER_TICK;
            if (op.kind == SimOp.Kind.READ && failNextReadErrno != 0) {
                op.forcedErrno = failNextReadErrno;
                failNextReadErrno = 0;
            } else if (op.isWrite() && failNextWriteErrno != 0) {
                op.forcedErrno = failNextWriteErrno;
                failNextWriteErrno = 0;
            }
        }
        inFlight.add(op);
    }

    private long latencyTicks(SimOp.Kind kind) {
        LatencyProfile.TickRange range = switch (kind) {
            case READ -> latency.read();
            case WRITE, WRITEV -> latency.write();
            case SYNC, DATASYNC -> latency.sync();
            case TRUNCATE -> latency.truncate();
        };
        long spread = range.maxTicks() - range.minTicks();
        return range.minTicks() + (spread == 0 ? 0 : draw(spread + 1));
    }

    @Override
    public synchronized int step(long maxWaitNanos) {
        if (state == State.CRASHED) {
            throw new IllegalStateException("the simulated process crashed; open a new SimIO on the disk");
        }
        if (state == State.CLOSED) {
            throw new IllegalStateException("io is closed");
        }
        return runDue(maxWaitNanos);
    }

    private int runDue(long maxWaitNanos) {
        SimOp head = inFlight.peek();
        if (head == null) {
            clock.advanceBy(maxWaitNanos);
            return 0;
        }
        if (head.dueNanos > clock.monotonicNanos()) {
            clock.advanceTo(head.dueNanos);
        }
        long now = clock.monotonicNanos();
        long submittedBefore = nextSeq;
        int finished = 0;
        while (state != State.CRASHED
                && (head = inFlight.peek()) != null
                && head.dueNanos <= now
                && head.seq < submittedBefore) {
            inFlight.poll();
            finish(head);
            finished++;
        }
        return finished;
    }

    private void finish(SimOp op) {
        int result = op.perform(this);
        completedOperations++;
        trace.event(op.kind.ordinal(), op.file.data.id, op.pos, op.length, result, clock.monotonicNanos());
        op.completion.complete(result);
    }

    /** A handle was closed: each of its operations still in flight is, by a draw, finished normally or cancelled. */
    void onFileClosed(SimFile file) {
        openFiles.remove(file);
        List<SimOp> mine = new ArrayList<>();
        for (SimOp op : inFlight) {
            if (op.file == file && op.rejectedErrno == 0) {
                mine.add(op);
            }
        }
        mine.sort(Comparator.comparingLong(op -> op.seq)); // the heap's iteration order is not submission order
        for (SimOp op : mine) {
            op.cancelled = generator.nextBoolean();
        }
        trace.event(TRACE_CLOSE_FILE, file.data.id, mine.size(), 0, 0, clock.monotonicNanos());
    }

    /**
     * Simulates a power failure: every change no completed sync covered is kept, dropped or torn per sector as the
     * seed and the {@link FaultProfile} decide (see {@link SimCrash}); operations in flight never complete; this
     * instance is dead afterwards. Allowed after {@link #close()} too: a clean exit does not make writes durable.
     */
    public synchronized void crash() {
        if (state == State.CRASHED) {
            throw new IllegalStateException("already crashed");
        }
        List<SimOp> pending = new ArrayList<>(inFlight);
        pending.sort(Comparator.comparingLong(op -> op.seq));
        inFlight.clear();
        state = State.CRASHED;
        trace.event(TRACE_CRASH, pending.size(), 0, 0, 0, clock.monotonicNanos());
        SimCrash.strike(this, pending);
        for (SimFile f : openFiles) {
            f.die();
        }
        openFiles.clear();
        disk.recordTime(clock.monotonicNanos());
    }

    void traceCrash(long fileId, long offset, long length, int outcome) {
        trace.event(TRACE_CRASH_SECTOR, fileId, offset, length, outcome, clock.monotonicNanos());
    }

    /** The next read submitted fails with {@code -errno}, whatever the profile says. */
    public synchronized void failNextRead(int errno) {
        if (errno <= 0) {
            throw new IllegalArgumentException("errno must be positive: " + errno);
        }
        failNextReadErrno = errno;
    }

    /** The next write (pwrite or pwritev) submitted fails with {@code -errno} and changes nothing. */
    public synchronized void failNextWrite(int errno) {
        if (errno <= 0) {
            throw new IllegalArgumentException("errno must be positive: " + errno);
        }
        failNextWriteErrno = errno;
    }

    /** Changes the faults injected from now on (e.g. none while a test sets up its data, then some). */
    public synchronized void setFaultProfile(FaultProfile profile) {
        if (profile == null) {
            throw new NullPointerException("profile");
        }
        faults = profile;
        trace.event(TRACE_PROFILE, profile.hashCode(), 0, 0, 0, clock.monotonicNanos());
    }

    boolean chance(double probability) {
        return probability > 0 && generator.nextDouble() < probability;
    }

    double uniform() {
        return generator.nextDouble();
    }

    /** Uniform in {@code [0, bound)}. */
    long draw(long bound) {
        return generator.nextLong(bound);
    }

    FaultProfile faults() {
        return faults;
    }

    public synchronized FaultProfile faultProfile() {
        return faults;
    }

    public LatencyProfile latencyProfile() {
        return latency;
    }

    public SimDisk disk() {
        return disk;
    }

    public long seed() {
        return seed;
    }

    /** The run's trace hash so far: equal for equal runs, bit for bit. */
    public synchronized long traceHash() {
        return trace.value();
    }

    /** Operations finished so far (successful, failed or cancelled). */
    public synchronized long completedOperations() {
        return completedOperations;
    }

    public synchronized int inFlightCount() {
        return inFlight.size();
    }

    public synchronized boolean isCrashed() {
        return state == State.CRASHED;
    }

    /** One line that reproduces this run's backend: seed and profiles. */
    public String reproduction() {
        return String.format("seed=0x%016x, profile=%s, %s", seed, faultProfile(), latency);
    }

    @Override
    public synchronized boolean hasInFlight() {
        return !inFlight.isEmpty();
    }

    @Override
    public SimClock clock() {
        return clock;
    }

    @Override
    public RandomSource random() {
        return engineRandom;
    }

    @Override
    public String name() {
        return "sim";
    }

    /**
     * Closes every open file (each in-flight operation is then finished or cancelled, by a draw), runs what is in
     * flight to completion in virtual time, and ends this instance. Unsynced writes stay on the disk, not durable.
     */
    @Override
    public synchronized void close() {
        if (state != State.OPEN) {
            return;
        }
        state = State.CLOSING;
        for (SimFile f : List.copyOf(openFiles)) {
            f.close();
        }
        RuntimeException callbackFailure = null;
        int rounds = 0;
        while (!inFlight.isEmpty() && state == State.CLOSING && rounds++ < CLOSE_MAX_ROUNDS) {
            try {
                runDue(0);
            } catch (RuntimeException e) { // a callback threw: finish the rest anyway, then report it
                if (callbackFailure == null) {
                    callbackFailure = e;
                }
            }
        }
        boolean endless = !inFlight.isEmpty() && state == State.CLOSING;
        if (state == State.CLOSING) {
            state = State.CLOSED;
        }
        disk.recordTime(clock.monotonicNanos());
        if (callbackFailure != null) {
            throw callbackFailure;
        }
        if (endless) {
            throw new IllegalStateException("callbacks kept submitting while the io closed");
        }
    }

    private void checkOpen() {
        if (state == State.CRASHED) {
            throw new IllegalStateException("the simulated process crashed; open a new SimIO on the disk");
        }
        if (state != State.OPEN) {
            throw new IllegalStateException("io is closed");
        }
    }

    @Override
    public String toString() {
        return "SimIO[" + reproduction() + ", " + state + ", in flight " + inFlightCount() + "]";
    }
}
