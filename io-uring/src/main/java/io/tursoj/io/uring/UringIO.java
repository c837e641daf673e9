package io.tursoj.io.uring;

import io.tursoj.io.BufferPool;
import io.tursoj.io.Clock;
import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.Errno;
import io.tursoj.io.IO;
import io.tursoj.io.IOFailedException;
import io.tursoj.io.IOOptions;
import io.tursoj.io.OpenFlags;
import io.tursoj.io.RandomSource;
import io.tursoj.io.uring.ffi.liburing_h;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The io_uring backend: one ring per instance, driven through liburing 2.3 and FFM.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li><b>One issuer.</b> Only the holder of {@link #lease} touches the ring, the slot table, the overflow queue
 *       and the request pool, and only it runs callbacks (so they never run concurrently). {@link #step} holds the
 *       lease; a {@link DatabaseFile} call on another thread takes it only if it is free, and otherwise hands its
 *       request over through {@link #handOff} (bounded, see {@link HandOff}; {@link #spill} takes the rare excess) and, if the issuer is asleep in the kernel, wakes it through an eventfd the ring is reading.
 *   <li><b>user_data is a slot.</b> At most {@code queueDepth} operations are in the ring, each in a slot of
 *       {@link #slots}; its SQE's user_data is the slot and the slot's generation ({@link UserData}). With no free
 *       slot or SQE, a request waits in {@link #overflow} and starts when a slot frees up: never blocked, never
 *       dropped.
 *   <li><b>Every accepted operation finishes exactly once</b>, counted by {@link #pending} from acceptance to
 *       completion, so {@link #hasInFlight()} sees requests still in the hand-off queue too.
 *   <li><b>Memory.</b> Ring memory and every native scratch segment belong to the ring's arena, closed last in
 *       {@link #close()} after in-flight operations drained, buffers were unregistered and the ring was exited. A
 *       registered {@link BufferPool} must outlive this IO.
 * </ol>
 *
 * <p>A read on a buffered file first tries {@code preadv2(RWF_NOWAIT)} in the submitting call, which succeeds when
 * the pages are cached and then completes the read in place (as {@link io.tursoj.io.MemoryIO} does) without a ring
 * round trip; on EAGAIN, or for the part that was not cached, the read goes through the ring. System property
 * {@value #FAST_READ_PROPERTY}{@code =false} turns this off.
 */
public final class UringIO implements IO {
    /** System property: {@code false} makes every read go through the ring (to compare both paths). */
    public static final String FAST_READ_PROPERTY = "tursoj.uring.fastRead";
    /** Capacity of the cross-thread hand-off queue. */
    static final int HAND_OFF_CAPACITY = 1024;
    /** Slots of the registered (fixed) file table; files beyond it use their plain descriptor. */
    static final int FIXED_FILE_SLOTS = 64;
    /** How long {@link #close()} waits by default for in-flight operations before cancelling them. */
    static final long CLOSE_DRAIN_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final long CLOSE_WAIT_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final int ETIME = 62;
    private static final int EINTR = 4;
    private static final int EBUSY = 16;
    /** How often one request is issued again after the kernel cancelled it for an exited submitter. */
    private static final int MAX_REISSUES = 16;

    /** What an instance is built with; {@code from(IOOptions)} reads the defaults (and the system property). */
    record Config(
            int queueDepth,
            boolean fastRead,
            boolean fixedFiles,
            boolean agronaHandOff,
            long seed,
            long closeDrainNanos) {
        static Config from(IOOptions options) {
            boolean fast = !"false".equalsIgnoreCase(System.getProperty(FAST_READ_PROPERTY, "true"));
            return new Config(options.queueDepth(), fast, true, true, options.seed(), CLOSE_DRAIN_NANOS);
        }
    }

    /** Counters of what the backend did, for tests and benchmarks. */
    public record Stats(
            long ringOps,
            long fastReads,
            long fixedBufferOps,
            long fixedFileOps,
            long handedOff,
            long overflowed,
            long continued,
            long linkedChains,
            long linkCancelled,
            long reissued) {}

    private final Config config;
    private final Ring ring;
    private final Clock clock = Clock.SYSTEM;
    private final RandomSource random;
    private final IssuerLease lease = new IssuerLease();
    private final HandOff handOff;
    private final ConcurrentLinkedQueue<Request> spill = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pending = new AtomicInteger();
    private final AtomicInteger wakers = new AtomicInteger();
    private volatile boolean closed;
    private volatile boolean closeRequested;
    private volatile boolean sleeping;
    private volatile boolean wakeClosed;

    // Issuer-only state (see IssuerLease).
    private final SlotTable slots;
    private final ArrayDeque<Request> overflow = new ArrayDeque<>();
    private final ArrayDeque<Request> pool = new ArrayDeque<>();
    private final Consumer<Request> acceptor = this::accept;
    private final MemorySegment fastIovec;
    private final MemorySegment issuerErrno;
    private final int wakeFd;
    private final MemorySegment wakeBuffer;
    private final MemorySegment wakeValue;
    private final MemorySegment wakeErrno;
    private boolean wakeArmed;
    private FixedBuffers fixedBuffers;
    private long completed;
    private long ringOps;
    private long fastReads;
    private long fixedBufferOps;
    private long fixedFileOps;
    private long handedOff;
    private long overflowed;
    private long continued;
    private long linkedChains;
    private long linkCancelled;
    private long reissued;

    private final FileTable files;

    /** A backend with {@code options}' queue depth; throws {@link IOFailedException} if the ring cannot be set up. */
    public UringIO(IOOptions options) throws IOException {
        this(Config.from(options));
    }

    UringIO(Config config) throws IOException {
        this.config = config;
        this.random = config.seed() != 0 ? RandomSource.seeded(config.seed()) : RandomSource.system();
        this.handOff = HandOff.create(HAND_OFF_CAPACITY, config.agronaHandOff());
        int depth = config.queueDepth();
        // Twice the slots, so the internal wake-up read and cancels always find an SQE.
        this.ring = Ring.create(Math.min(32768, Math.max(8, depth * 2)), 0);
        try {
            Arena arena = ring.arena();
            this.slots = new SlotTable(depth);
            this.fastIovec = arena.allocate(16, 8);
            this.issuerErrno = Libc.newErrnoState(arena);
            this.wakeBuffer = arena.allocate(8, 8);
            this.wakeValue = arena.allocateFrom(ValueLayout.JAVA_LONG, 1L);
            this.wakeErrno = Libc.newErrnoState(arena);
            this.files = new FileTable(ring, config.fixedFiles(), FIXED_FILE_SLOTS);
            // Last, so that nothing after it can fail and leak the descriptor.
            this.wakeFd = Libc.eventfd(0, Libc.EFD_NONBLOCK | Libc.EFD_CLOEXEC, issuerErrno);
            if (wakeFd < 0) {
                throw new IOFailedException(-wakeFd, "eventfd");
            }
        } catch (IOException | RuntimeException | Error e) {
            ring.exit();
            throw e;
        }
    }

    // ---------------------------------------------------------------- files

    @Override
    public DatabaseFile openFile(String path, OpenFlags flags) throws IOException {
        checkOpen();
        if (path.isEmpty() || path.indexOf('\0') >= 0) {
            throw new InvalidPathException(path, "empty or contains NUL");
        }
        int oflags = (flags.readOnly() ? liburing_h.O_RDONLY() : liburing_h.O_RDWR()) | liburing_h.O_CLOEXEC();
        if (flags.create()) {
            oflags |= liburing_h.O_CREAT();
        }
        if (flags.truncate()) {
            oflags |= liburing_h.O_TRUNC();
        }
        if (flags.direct()) {
            oflags |= liburing_h.O_DIRECT();
        }
        int fd;
        try (Arena scratch = Arena.ofConfined()) {
            fd = Libc.open(scratch.allocateFrom(path), oflags, 0644, Libc.newErrnoState(scratch));
        }
        if (fd < 0) {
            throw openFailure(-fd, path);
        }
        synchronized (files) {
            if (closed) {
                FileTable.closeDescriptor(fd);
                throw new IllegalStateException("io is closed");
            }
            UringFile file = new UringFile(this, path, flags, fd, files.claimFixedSlot(fd));
            files.add(file);
            return file;
        }
    }

    private static IOException openFailure(int errno, String path) {
        return switch (errno) {
            case Errno.ENOENT -> new NoSuchFileException(path);
            case Errno.EACCES, Errno.EPERM -> new AccessDeniedException(path);
            case Errno.EEXIST -> new FileAlreadyExistsException(path);
            default -> new IOFailedException(errno, "open " + path);
        };
    }

    /** Called once per file, when it is closed and its last operation finished: frees the descriptor and slot. */
    void releaseFile(UringFile file) {
        files.release(file);
    }

    @Override
    public void removeFile(String path) throws IOException {
        checkOpen();
        try (Arena scratch = Arena.ofConfined()) {
            int r = Libc.unlink(scratch.allocateFrom(path), Libc.newErrnoState(scratch));
            if (r < 0 && r != -Errno.ENOENT) {
                throw new IOFailedException(-r, "unlink " + path);
            }
        }
    }

    @Override
    public boolean exists(String path) {
        checkOpen();
        return Files.exists(Path.of(path));
    }

    /** Files opened and not yet released (for leak checks). */
    public int openFileCount() {
        return files.size();
    }

    // ---------------------------------------------------------------- submission

    /** Accepts an operation whose arguments were checked and whose file use was taken (see {@link UringFile}). */
    Completion submit(byte op, UringFile file, long pos, MemorySegment buf, MemorySegment[] bufs, Completion c) {
        int how = lease.tryEnter();
        if (how == IssuerLease.BUSY) {
            pending.incrementAndGet();
            handOver(new Request().set(op, file, pos, buf, bufs, c));
            return c;
        }
        try {
            long copied = op == Request.READ ? fastRead(file, pos, buf) : -1;
            if (copied == 0 || copied > 0 && copied == buf.byteSize()) {
                // Served from the page cache in this call: never pending, no request object.
                fastReads++;
                completed++;
                file.releaseUse();
                c.complete((int) copied);
                return c;
            }
            pending.incrementAndGet();
            Request r = (pool.isEmpty() ? new Request() : pool.pop()).set(op, file, pos, buf, bufs, c);
            if (copied > 0) {
                r.doneBytes = copied;
                continued++;
                enqueue(r);
            } else {
                accept(r);
            }
        } finally {
            lease.exit(how);
        }
        return c;
    }

    /**
     * Finishes {@code c} with {@code result} without any I/O (an argument error, a closed file). In place when this
     * thread can be the issuer, like {@link io.tursoj.io.MemoryIO}; otherwise the issuer finishes it, so callbacks
     * never run concurrently.
     */
    Completion finishEarly(Completion c, int result) {
        pending.incrementAndGet();
        int how = lease.tryEnter();
        if (how == IssuerLease.BUSY) {
            Request r = new Request().set(Request.FINISHED, null, 0, null, null, c);
            r.result = result;
            handOver(r);
            return c;
        }
        try {
            completed++;
            pending.decrementAndGet();
            c.complete(result);
        } finally {
            lease.exit(how);
        }
        return c;
    }

    /**
     * Submits {@code bufs[i]} at {@code positions[i]}, then an FSYNC, as one linked chain in one io_uring_submit
     * (see {@link LinkedChain}); the arguments were checked by the caller. Returns false, having done nothing, when
     * the chain cannot go into the ring as one unit right now: another thread is the issuer (a hand-off would split
     * the chain), or the free slots or SQEs are fewer than the chain's length, or earlier requests wait in the
     * overflow queue. The caller then falls back to the portable chain.
     */
    boolean submitLinkedWriteThenSync(UringFile file, long[] positions, MemorySegment[] bufs, Completion c) {
        int how = lease.tryEnter();
        if (how == IssuerLease.BUSY) {
            return false;
        }
        try {
            int members = bufs.length + 1;
            if (ring.exited() || !overflow.isEmpty() || slots.freeCount() < members) {
                return false;
            }
            if (ring.sqSpace() < members && ring.unsubmitted() > 0) {
                ring.submit(); // hand earlier prepared SQEs to the kernel to make room
            }
            if (ring.sqSpace() < members) {
                return false;
            }
            c.markSubmitted();
            if (!file.acquireUse()) {
                finishEarlyAsIssuer(c, -Errno.EBADF);
                return true;
            }
            long total = 0;
            for (MemorySegment b : bufs) {
                total += b.byteSize();
            }
            pending.incrementAndGet();
            LinkedChain chain = new LinkedChain(file, c, positions, bufs, total);
            issueChain(chain);
            return true;
        } finally {
            lease.exit(how);
        }
    }

    /** Issuer: puts every member of {@code chain} in a slot and an SQE, then submits; room was checked. */
    private void issueChain(LinkedChain chain) {
        long[] positions = chain.positions();
        MemorySegment[] bufs = chain.buffers();
        int members = bufs.length + 1;
        for (int i = 0; i < members; i++) {
            boolean write = i < bufs.length;
            Request r = (pool.isEmpty() ? new Request() : pool.pop())
                    .set(
                            write ? Request.WRITE : Request.FSYNC,
                            chain.file(),
                            write ? positions[i] : 0,
                            write ? bufs[i] : null,
                            null,
                            null);
            r.chain = chain;
            r.chainIndex = i;
            r.linked = write;
            prepare(r, ring.nextSqe(), slots.occupy(r));
            ringOps++;
        }
        linkedChains++;
        ring.submit(); // a failure leaves the SQEs prepared: the next step submits them
    }

    /**
     * Whether a request the kernel cancelled ({@code res}) was cancelled because the thread that entered the kernel
     * with it exited, and should be issued again. The kernel ties io_uring work to the submitting task and cancels
     * the task's work still queued in io-wq when it exits; any thread may take the free lease or step, so the
     * issuer re-issues such work itself (it is alive: it is reaping). Positional reads, writes and syncs are
     * idempotent, so issuing one again is safe even if part of it had happened. This IO cancels requests itself
     * only while closing, and those are never re-issued.
     */
    private boolean reissue(int res, int attempts) {
        return (res == -Errno.ECANCELED || res == -EINTR) && !closeRequested && attempts < MAX_REISSUES;
    }

    private void finishEarlyAsIssuer(Completion c, int result) {
        completed++;
        c.complete(result);
    }

    /** Another thread's request: queue it for the issuer and wake the issuer if it sleeps in the kernel. */
    private void handOver(Request r) {
        if (!handOff.offer(r)) {
            spill.add(r);
        }
        if (closed) {
            // The IO closed (or is closing): nobody will step again. Take the lease, which the closer gives back
            // when done, and finish what is queued ourselves.
            int how = lease.enter();
            try {
                drainHandOff();
            } finally {
                lease.exit(how);
            }
        } else if (sleeping) {
            wake();
        }
    }

    private void wake() {
        wakers.incrementAndGet();
        try {
            if (!wakeClosed) { // the eventfd is closed only after every waker left, so its number is never reused
                Libc.write(wakeFd, wakeValue, 8, wakeErrno);
            }
        } finally {
            wakers.decrementAndGet();
        }
    }

    /** Issuer: starts an accepted request, or finishes it in place when no ring operation is needed. */
    private void accept(Request r) {
        switch (r.op) {
            case Request.FINISHED -> finish(r, r.result);
            case Request.TRUNCATE -> {
                if (ring.exited()) {
                    finish(r, -Errno.ECANCELED);
                } else {
                    finish(r, Libc.ftruncate(r.file.fd, r.pos, issuerErrno));
                }
            }
            case Request.READ -> {
                long copied = r.doneBytes == 0 ? fastRead(r.file, r.pos, r.buf) : -1;
                if (copied == 0 || copied > 0 && copied == r.buf.byteSize()) {
                    fastReads++;
                    finish(r, (int) copied);
                    return;
                }
                if (copied > 0) {
                    r.doneBytes = copied;
                    continued++;
                }
                enqueue(r);
            }
            default -> enqueue(r);
        }
    }

    /**
     * The QD1 fast path: a synchronous preadv2(RWF_NOWAIT) into {@code buf}, which only copies what the page cache
     * holds. Returns the bytes copied (0 at end of file; uncached data gives EAGAIN, never 0), or -1 when nothing was
     * copied or the fast path does not apply (off, O_DIRECT, unsupported by the file system).
     */
    private long fastRead(UringFile f, long pos, MemorySegment buf) {
        if (!config.fastRead() || f.direct() || !f.fastReadSupported || ring.exited()) {
            return -1;
        }
        fastIovec.set(ValueLayout.JAVA_LONG, 0, buf.address());
        fastIovec.set(ValueLayout.JAVA_LONG, 8, buf.byteSize());
        long n = Libc.preadv2(f.fd, fastIovec, 1, pos, Libc.RWF_NOWAIT, issuerErrno);
        if (n >= 0) {
            return n;
        }
        if (n == -Errno.EOPNOTSUPP) {
            f.fastReadSupported = false;
        }
        return -1;
    }

    /** Issuer: puts {@code r} in a slot and an SQE, or at the back of the overflow queue. */
    private void enqueue(Request r) {
        if (ring.exited()) {
            finish(r, -Errno.ECANCELED);
        } else if (!overflow.isEmpty() || !startOnRing(r)) {
            overflow.addLast(r);
            overflowed++;
        }
    }

    private boolean startOnRing(Request r) {
        if (!slots.hasFree()) {
            return false;
        }
        long at = ring.nextSqe();
        if (at < 0) {
            ring.submit(); // the SQ is full of prepared SQEs: hand them to the kernel first
            at = ring.nextSqe();
            if (at < 0) {
                return false;
            }
        }
        prepare(r, at, slots.occupy(r));
        ringOps++;
        return true;
    }

    /** Writes the SQE for {@code r} (continuing after {@code r.doneBytes} already transferred). */
    private void prepare(Request r, long at, long userData) {
        UringFile f = r.file;
        int fd = f.fd;
        int sqeFlags = 0;
        if (f.fixedIndex >= 0) {
            fd = f.fixedIndex;
            sqeFlags = Sqes.FLAG_FIXED_FILE;
            fixedFileOps++;
        }
        if (r.linked) {
            sqeFlags |= Sqes.FLAG_IO_LINK;
        }
        MemorySegment sqes = ring.sqes();
        switch (r.op) {
            case Request.READ, Request.WRITE -> {
                long addr = r.buf.address() + r.doneBytes;
                int len = (int) (r.buf.byteSize() - r.doneBytes);
                long off = r.pos + r.doneBytes;
                int index = fixedBuffers == null ? -1 : fixedBuffers.indexOf(addr, len);
                boolean read = r.op == Request.READ;
                if (index >= 0) {
                    fixedBufferOps++;
                    if (read) {
                        Sqes.prepReadFixed(sqes, at, fd, sqeFlags, addr, len, off, index, userData);
                    } else {
                        Sqes.prepWriteFixed(sqes, at, fd, sqeFlags, addr, len, off, index, userData);
                    }
                } else if (read) {
                    Sqes.prepRead(sqes, at, fd, sqeFlags, addr, len, off, userData);
                } else {
                    Sqes.prepWrite(sqes, at, fd, sqeFlags, addr, len, off, userData);
                }
            }
            case Request.WRITEV -> {
                int count = fillIovecs(r);
                Sqes.prepWritev(sqes, at, fd, sqeFlags, r.iovecs.address(), count, r.pos + r.doneBytes, userData);
            }
            case Request.FSYNC -> Sqes.prepFsync(sqes, at, fd, sqeFlags, 0, userData);
            case Request.FDATASYNC -> Sqes.prepFsync(sqes, at, fd, sqeFlags, Sqes.FSYNC_DATASYNC, userData);
            default -> throw new IllegalStateException("not a ring operation: " + r.op);
        }
    }

    /** Fills {@code r.iovecs} with the part of {@code r.bufs} after {@code r.doneBytes}; returns the count. */
    private int fillIovecs(Request r) {
        int n = r.bufs.length;
        if (r.iovecs == null || r.iovecs.byteSize() < 16L * n) {
            r.iovecs = ring.arena().allocate(16L * Math.max(n, 4), 8);
        }
        long skip = r.doneBytes;
        int count = 0;
        for (MemorySegment b : r.bufs) {
            long size = b.byteSize();
            if (skip >= size) {
                skip -= size;
                continue;
            }
            r.iovecs.set(ValueLayout.JAVA_LONG, 16L * count, b.address() + skip);
            r.iovecs.set(ValueLayout.JAVA_LONG, 16L * count + 8, size - skip);
            skip = 0;
            count++;
        }
        return count;
    }

    // ---------------------------------------------------------------- completion

    @Override
    public int step(long maxWaitNanos) throws IOException {
        if (maxWaitNanos < 0) {
            throw new IllegalArgumentException("maxWaitNanos must not be negative: " + maxWaitNanos);
        }
        int how = lease.enter();
        try {
            checkOpen();
            long before = completed;
            drainHandOff();
            refill();
            boolean wait = maxWaitNanos > 0 && completed == before && ring.cqReady() == 0 && inRing() > 0;
            if (wait) {
                sleepInKernel(maxWaitNanos);
            } else {
                submitPrepared();
            }
            reap();
            if (!ring.exited()) { // a callback may have closed the IO
                refill();
                submitPrepared();
            }
            return (int) (completed - before);
        } finally {
            lease.exit(how);
        }
    }

    private void submitPrepared() throws IOFailedException {
        if (ring.unsubmitted() > 0) {
            check(ring.submit(), "io_uring_submit");
        }
    }

    /** Submits and waits up to {@code nanos} for a CQE; another thread's hand-off or close wakes it early. */
    private void sleepInKernel(long nanos) throws IOFailedException {
        armWakeup();
        sleeping = true;
        try {
            // Re-check after publishing `sleeping`: a request queued before a producer could see it would be missed.
            if (handOff.isEmpty() && spill.isEmpty() && !closeRequested) {
                check(ring.submitAndWait(nanos), "io_uring_submit_and_wait_timeout");
            } else {
                submitPrepared();
            }
        } finally {
            sleeping = false;
        }
    }

    private void armWakeup() {
        if (wakeArmed) {
            return;
        }
        long at = ring.nextSqe();
        if (at >= 0) {
            Sqes.prepRead(ring.sqes(), at, wakeFd, 0, wakeBuffer.address(), 8, 0, UserData.WAKEUP);
            wakeArmed = true;
        }
    }

    private static void check(int r, String call) throws IOFailedException {
        if (r < 0 && r != -ETIME && r != -EINTR && r != -Errno.EAGAIN && r != -EBUSY) {
            throw new IOFailedException(-r, call);
        }
    }

    /** Reaps every ready CQE, each consumed before its callback runs (so callbacks may submit or step). */
    private void reap() {
        for (int budget = ring.cqEntries(); budget > 0 && !ring.exited() && ring.cqReady() > 0; budget--) {
            long userData = ring.cqeUserData();
            int res = ring.cqeResult();
            ring.cqAdvance();
            onCqe(userData, res);
        }
    }

    private void onCqe(long userData, int res) {
        if (UserData.isTag(userData)) {
            if (userData == UserData.WAKEUP) {
                wakeArmed = false;
            }
            return;
        }
        Request r = slots.vacate(userData);
        if (r.chain == null && reissue(res, r.reissues)) {
            r.reissues++;
            reissued++;
            enqueue(r);
            return;
        }
        if (r.chain != null) {
            finish(r, res); // no continuation of a short write: the kernel already broke the link
        } else if (res > 0 && (r.op == Request.WRITE || r.op == Request.WRITEV)) {
            r.doneBytes += res;
            if (r.doneBytes < r.totalBytes()) { // a short write: write the rest
                continued++;
                enqueue(r);
                return;
            }
            finish(r, (int) r.doneBytes);
        } else if (res == 0 && r.op == Request.WRITE || res == 0 && r.op == Request.WRITEV) {
            finish(r, r.totalBytes() == 0 ? 0 : -Errno.EIO); // a write that makes no progress would loop forever
        } else if (res >= 0 && r.op == Request.READ) {
            finish(r, (int) (r.doneBytes + res));
        } else {
            finish(r, res);
        }
    }

    /** Issuer: recycles {@code r} and finishes its completion (the callback runs here). */
    private void finish(Request r, int result) {
        if (r.chain != null) {
            finishLinked(r, result);
            return;
        }
        UringFile f = r.file;
        Completion c = r.completion;
        r.clear();
        pool.push(r);
        completed++;
        pending.decrementAndGet();
        if (f != null) {
            f.releaseUse();
        }
        c.complete(result);
    }

    /** Issuer: one member of a linked chain is done; the last one finishes the caller's completion. */
    private void finishLinked(Request r, int result) {
        LinkedChain chain = r.chain;
        int index = r.chainIndex;
        long expected = r.op == Request.WRITE ? r.buf.byteSize() : 0;
        r.clear();
        r.linked = false;
        pool.push(r);
        if (result == -Errno.ECANCELED) {
            linkCancelled++;
        }
        if (chain.memberDone(index, result, expected)) {
            if (reissue(chain.result(), chain.reissues())
                    && !ring.exited()
                    && slots.freeCount() >= chain.members()
                    && ring.sqSpace() >= chain.members()) {
                chain.restart();
                reissued++;
                issueChain(chain);
                return;
            }
            completed++;
            pending.decrementAndGet();
            chain.file().releaseUse();
            chain.completion().complete(chain.result());
        }
    }

    private void drainHandOff() {
        int n = handOff.drain(acceptor, HAND_OFF_CAPACITY);
        Request r;
        while ((r = spill.poll()) != null) {
            accept(r);
            n++;
        }
        handedOff += n;
    }

    /** Issuer: starts overflowed requests while slots and SQEs are free. */
    private void refill() {
        while (!overflow.isEmpty() && slots.hasFree() && !ring.exited()) {
            if (!startOnRing(overflow.peekFirst())) {
                return;
            }
            overflow.pollFirst();
        }
    }

    private int inRing() {
        return slots.inUse();
    }

    @Override
    public boolean hasInFlight() {
        return pending.get() > 0;
    }

    // ---------------------------------------------------------------- registration

    /**
     * Registers {@code pool}'s slabs as fixed buffers; transfers inside them then use READ_FIXED / WRITE_FIXED. May
     * be called again after the pool grew: it re-registers when nothing is in flight. Returns whether the kernel
     * accepted (it may not, e.g. over RLIMIT_MEMLOCK); transfers work either way.
     */
    @Override
    public boolean registerBuffers(BufferPool pool) {
        int how = lease.enter();
        try {
            if (closed) {
                return false;
            }
            List<MemorySegment> slabs = pool.slabs();
            if (slabs.stream().anyMatch(slab -> !slab.scope().isAlive())) {
                return false; // a closed pool: its memory is gone
            }
            if (fixedBuffers != null) {
                if (fixedBuffers.count() == slabs.size()) {
                    return true;
                }
                if (inRing() > 0 || !overflow.isEmpty()) {
                    return false;
                }
                ring.unregisterBuffers();
                fixedBuffers = null;
            }
            fixedBuffers = FixedBuffers.register(ring, slabs);
            return fixedBuffers != null;
        } finally {
            lease.exit(how);
        }
    }

    /** A snapshot of the counters. */
    public Stats stats() {
        int how = lease.enter();
        try {
            return new Stats(
                    ringOps,
                    fastReads,
                    fixedBufferOps,
                    fixedFileOps,
                    handedOff,
                    overflowed,
                    continued,
                    linkedChains,
                    linkCancelled,
                    reissued);
        } finally {
            lease.exit(how);
        }
    }

    /** Whether this ring has a registered file table (kernel 5.19+ sparse registration). */
    boolean hasFixedFiles() {
        return files.registered();
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public RandomSource random() {
        return random;
    }

    @Override
    public String name() {
        return "uring";
    }

    // ---------------------------------------------------------------- close

    /**
     * Closes every open file, lets in-flight operations finish (up to 10 s, then cancels them: they finish with
     * -ECANCELED), unregisters buffers and files, exits the ring and closes its arena. Wakes a thread sleeping in
     * {@link #step} first, so closing from another thread never waits out that thread's timeout.
     */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closeRequested = true;
        if (sleeping) {
            wake();
        }
        int how = lease.enter();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (UringFile f : files.snapshot()) {
                f.close();
            }
            drainForClose();
            tearDown();
        } finally {
            lease.exit(how);
        }
    }

    private void drainForClose() throws IOFailedException {
        long deadline = clock.monotonicNanos() + config.closeDrainNanos();
        boolean cancelled = false;
        if (wakeArmed) {
            cancelInRing(UserData.WAKEUP);
        }
        while (true) {
            drainHandOff();
            refill();
            if (inRing() == 0 && overflow.isEmpty() && !wakeArmed) {
                break;
            }
            long now = clock.monotonicNanos();
            if (now > deadline) {
                if (cancelled) {
                    break;
                }
                cancelInRing(-1);
                cancelled = true;
                deadline = now + Math.max(config.closeDrainNanos(), CLOSE_WAIT_SLICE_NANOS);
            }
            check(ring.submitAndWait(CLOSE_WAIT_SLICE_NANOS), "io_uring_submit_and_wait_timeout");
            reap();
        }
        // Whatever could not finish in time finishes as cancelled.
        Request r;
        while ((r = overflow.pollFirst()) != null) {
            finish(r, -Errno.ECANCELED);
        }
        while ((r = slots.vacateAny()) != null) {
            finish(r, -Errno.ECANCELED);
        }
    }

    /** Issues an ASYNC_CANCEL for the request with user_data {@code target}, or for everything when -1. */
    private void cancelInRing(long target) {
        long at = ring.nextSqe();
        if (at < 0) {
            ring.submit();
            at = ring.nextSqe();
        }
        if (at >= 0) {
            if (target == -1) {
                Sqes.prepCancelAll(ring.sqes(), at, UserData.CANCEL);
            } else {
                Sqes.prepCancel(ring.sqes(), at, target, UserData.CANCEL);
            }
        }
    }

    private void tearDown() {
        if (fixedBuffers != null) {
            ring.unregisterBuffers();
            fixedBuffers = null;
        }
        files.shutDown(() -> {
            wakeClosed = true;
            while (wakers.get() > 0) {
                Thread.onSpinWait();
            }
            FileTable.closeDescriptor(wakeFd);
            ring.exit();
        });
        // Requests handed over while closing are finished by drainHandOff, now with -ECANCELED.
        drainHandOff();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("io is closed");
        }
    }
}
