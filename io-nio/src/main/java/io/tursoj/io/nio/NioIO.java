package io.tursoj.io.nio;

import io.tursoj.io.Clock;
import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.IO;
import io.tursoj.io.IOOptions;
import io.tursoj.io.OpenFlags;
import io.tursoj.io.RandomSource;
import java.io.IOException;
import java.nio.channels.AsynchronousFileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The NIO backend: {@link AsynchronousFileChannel}s on an executor this instance owns. The JDK runs each transfer
 * as a blocking {@code pread}/{@code pwrite} on a worker thread and then calls our {@link
 * java.nio.channels.CompletionHandler} there; sync and truncate run as tasks on the same executor.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Worker threads never run a {@link Completion}'s callback. A finished {@link NioOp} is pushed onto a lock-free
 *       stack ({@link #finished}) and the stepping thread, if parked in {@link #step(long)}, is woken; {@code step}
 *       takes the whole stack, restores submission order, and completes each op on the stepping thread.
 *   <li>{@link #inFlight} counts ops submitted and not yet delivered by {@code step}, so {@link #hasInFlight()} stays
 *       true until the callback has run.
 *   <li>Each {@code step} delivers only the ops it took when it began; ops finished meanwhile (for example failures
 *       submitted from a callback) wait for the next step, so one step is bounded.
 *   <li>{@link #close()} closes the files, delivers every op still in flight, then shuts the executor down and joins
 *       its threads: no thread outlives the instance.
 * </ol>
 */
public final class NioIO implements IO {
    /**
     * A thread that is never started: a segment accessible by it is accessible by every thread (shared or global),
     * which NIO's worker threads need.
     */
    static final Thread FOREIGN_THREAD = Thread.ofPlatform().unstarted(() -> {});

    /**
     * {@code com.sun.nio.file.ExtendedOpenOption.DIRECT} (O_DIRECT), looked up by name: javac flags a direct
     * reference as internal API under {@code -Werror}, though jdk.unsupported exports it. Null if this JDK lacks it.
     */
    private static final OpenOption DIRECT_OPTION = lookUpDirectOption();

    private static final System.Logger LOG = System.getLogger(NioIO.class.getName());
    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final long CLOSE_DRAIN_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final long CLOSE_JOIN_MILLIS = 10_000;

    private final int instanceId = INSTANCES.incrementAndGet();
    private final ExecutorService executor;
    private final List<Thread> workers = new ArrayList<>(); // guarded by itself
    private final AtomicReference<NioOp> finished = new AtomicReference<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicLong continuations = new AtomicLong();
    private final Set<NioFile> openFiles = ConcurrentHashMap.newKeySet();
    private final NioOp[] freeOps; // guarded by this
    private final List<NioOp> allOps = new ArrayList<>(); // guarded by this; for rescuing ops after a worker died
    private final RandomSource random;
    private final int maxTransferBytes;
    private volatile Thread waiter;
    private volatile HandlerHook handlerHook;
    private NioOp ready; // owner thread only: taken from the stack, not yet delivered
    private int freeCount; // guarded by this
    private volatile boolean closing;
    private volatile boolean closed;

    /** Test seam: runs at the start of every completion handler, on the worker thread. */
    @FunctionalInterface
    interface HandlerHook {
        void beforeHandler(NioOp op);
    }

    /** A backend with a worker pool sized from {@code options.queueDepth()} and the machine's cores. */
    public NioIO(IOOptions options) {
        this(options, defaultThreads(options.queueDepth()), 0);
    }

    /**
     * @param threads worker threads, each running one blocking transfer at a time (the effective queue depth)
     * @param maxTransferBytes largest piece one channel call moves, 0 for no limit; larger transfers continue
     *     piece by piece, as after a short transfer (also how the tests exercise continuation)
     */
    public NioIO(IOOptions options, int threads, int maxTransferBytes) {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be in [1, 1024]: " + threads);
        }
        if (maxTransferBytes < 0) {
            throw new IllegalArgumentException("maxTransferBytes must be >= 0: " + maxTransferBytes);
        }
        this.maxTransferBytes = maxTransferBytes;
        this.random = options.seed() != 0 ? RandomSource.seeded(options.seed()) : RandomSource.system();
        this.freeOps = new NioOp[options.queueDepth()];
        for (int i = 0; i < freeOps.length; i++) {
            NioOp op = new NioOp(this);
            freeOps[freeCount++] = op;
            allOps.add(op);
        }
        this.executor = new NioExecutor(threads, this::newWorker, this::onWorkerTaskDied);
    }

    static int defaultThreads(int queueDepth) {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, Math.min(queueDepth, Math.min(64, Math.max(8, 4 * cores))));
    }

    @Override
    public DatabaseFile openFile(String path, OpenFlags flags) throws IOException {
        checkOpen();
        Path p = Path.of(path);
        AsynchronousFileChannel channel = AsynchronousFileChannel.open(p, openOptions(flags), executor);
        try {
            Object key = Files.readAttributes(p, BasicFileAttributes.class).fileKey();
            NioFile file = new NioFile(this, path, flags, channel, key != null ? key : p.toRealPath());
            openFiles.add(file);
            if (closing) { // close() raced with this open: do not leave the file behind
                file.close();
                checkOpen();
            }
            return file;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Set<OpenOption> openOptions(OpenFlags flags) throws IOException {
        Set<OpenOption> options = new HashSet<>();
        options.add(StandardOpenOption.READ);
        if (!flags.readOnly()) {
            options.add(StandardOpenOption.WRITE);
        }
        if (flags.create()) {
            options.add(StandardOpenOption.CREATE);
        }
        if (flags.truncate()) {
            options.add(StandardOpenOption.TRUNCATE_EXISTING);
        }
        if (flags.direct()) {
            if (DIRECT_OPTION == null) {
                throw new IOException("O_DIRECT is not available: this JDK has no ExtendedOpenOption.DIRECT");
            }
            options.add(DIRECT_OPTION);
        }
        return options;
    }

    /**
     * The JDK's O_DIRECT open option ({@code ExtendedOpenOption.DIRECT}), for callers outside the backend that open
     * channels themselves (the FileChannel baseline benchmark); throws if this JDK lacks it.
     */
    public static OpenOption directOpenOption() {
        if (DIRECT_OPTION == null) {
            throw new IllegalStateException("O_DIRECT is not available: this JDK has no ExtendedOpenOption.DIRECT");
        }
        return DIRECT_OPTION;
    }

    private static OpenOption lookUpDirectOption() {
        try {
            Class<?> type = Class.forName("com.sun.nio.file.ExtendedOpenOption");
            for (Object constant : type.getEnumConstants()) {
                if (constant instanceof OpenOption option
                        && ((Enum<?>) constant).name().equals("DIRECT")) {
                    return option;
                }
            }
            return null;
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    @Override
    public void removeFile(String path) throws IOException {
        checkOpen();
        Files.deleteIfExists(Path.of(path));
    }

    @Override
    public boolean exists(String path) {
        checkOpen();
        return Files.exists(Path.of(path));
    }

    @Override
    public int step(long maxWaitNanos) {
        checkOpen();
        return stepOpen(maxWaitNanos);
    }

    private int stepOpen(long maxWaitNanos) {
        int delivered = deliver();
        if (delivered > 0 || maxWaitNanos <= 0 || inFlight.get() == 0) {
            return delivered;
        }
        long deadline = System.nanoTime() + maxWaitNanos;
        waiter = Thread.currentThread();
        try {
            while (finished.get() == null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                LockSupport.parkNanos(this, left);
            }
        } finally {
            waiter = null;
        }
        return deliver();
    }

    /** Completes the ops that had finished when this call began, in submission order, on this thread. */
    private int deliver() {
        if (ready == null) {
            ready = takeFinished();
        }
        int delivered = 0;
        while (ready != null) {
            NioOp op = ready;
            ready = op.next;
            Completion completion = op.completion;
            int result = op.result;
            release(op);
            inFlight.decrementAndGet();
            delivered++;
            completion.complete(result); // may throw from a callback: the rest stay in `ready`
        }
        return delivered;
    }

    /** Takes the whole finished stack (newest first) and reverses it, so older ops are delivered first. */
    private NioOp takeFinished() {
        NioOp stack = finished.getAndSet(null);
        NioOp ordered = null;
        while (stack != null) {
            NioOp below = stack.next;
            stack.next = ordered;
            ordered = stack;
            stack = below;
        }
        return ordered;
    }

    /** Called by {@link NioOp#finish} on whatever thread finished it. */
    void onFinished(NioOp op) {
        NioOp top;
        do {
            top = finished.get();
            op.next = top;
        } while (!finished.compareAndSet(top, op));
        Thread w = waiter;
        if (w != null) {
            LockSupport.unpark(w);
        }
    }

    /** Takes a pooled op for a new submission and counts it in flight. */
    NioOp begin(NioOp.Kind kind, NioFile file, Completion completion) {
        NioOp op;
        synchronized (this) {
            if (freeCount > 0) {
                op = freeOps[--freeCount];
                freeOps[freeCount] = null;
            } else {
                op = new NioOp(this);
                allOps.add(op);
            }
        }
        inFlight.incrementAndGet();
        op.activate(kind, file, completion);
        return op;
    }

    /**
     * Fails {@code completion} with {@code -errno} without touching the channel. It is delivered by the next step,
     * like any completion; once this IO is closed nothing steps it, so it fails at once.
     */
    void reject(NioFile file, Completion completion, int errno) {
        if (closed) {
            completion.fail(errno);
            return;
        }
        begin(NioOp.Kind.REJECTED, file, completion).finish(-errno);
    }

    private void release(NioOp op) {
        op.recycle();
        synchronized (this) {
            if (freeCount < freeOps.length) {
                freeOps[freeCount++] = op;
            } else {
                allOps.remove(op); // a burst beyond the queue depth: let the extra op go
            }
        }
    }

    void onFileClosed(NioFile file) {
        openFiles.remove(file);
    }

    ExecutorService executor() {
        return executor;
    }

    int maxTransferBytes() {
        return maxTransferBytes;
    }

    void countContinuation() {
        continuations.incrementAndGet();
    }

    void beforeHandler(NioOp op) {
        HandlerHook hook = handlerHook;
        if (hook != null) {
            hook.beforeHandler(op);
        }
    }

    /** Test seam: a hook run at the start of every completion handler (it may throw). */
    void setHandlerHook(HandlerHook hook) {
        this.handlerHook = hook;
    }

    /** How many times a transfer was continued after a short or capped piece (for tests and diagnostics). */
    public long continuations() {
        return continuations.get();
    }

    /** The names of this instance's worker threads start with this. */
    public String threadNamePrefix() {
        return "tursoj-nio-" + instanceId + "-";
    }

    private Thread newWorker(Runnable task) {
        synchronized (workers) {
            Thread t = Thread.ofPlatform()
                    .name(threadNamePrefix() + workers.size())
                    .daemon(true)
                    // A dying task is reported through NioExecutor.afterExecute; stderr would only add noise.
                    .uncaughtExceptionHandler(NioIO::onUncaught)
                    .unstarted(task);
            workers.add(t);
            return t;
        }
    }

    private static void onUncaught(Thread worker, Throwable failure) {
        LOG.log(System.Logger.Level.DEBUG, () -> worker.getName() + ": task died: " + failure);
    }

    /**
     * A worker task died with an exception instead of calling its handler: NIO's own task fails that way when the
     * caller's arena is closed under a transfer. Finish every op whose memory is gone, so none hangs.
     */
    private void onWorkerTaskDied(Throwable failure) {
        List<NioOp> ops;
        synchronized (this) {
            ops = List.copyOf(allOps);
        }
        for (NioOp op : ops) {
            if (op.transfersFreedMemory()) {
                op.finish(-NioErrors.errnoOf(failure));
            }
        }
    }

    @Override
    public boolean hasInFlight() {
        return inFlight.get() > 0;
    }

    @Override
    public Clock clock() {
        return Clock.SYSTEM;
    }

    @Override
    public RandomSource random() {
        return random;
    }

    @Override
    public String name() {
        return "nio";
    }

    /** Files currently open through this instance. */
    public int openFileCount() {
        return openFiles.size();
    }

    @Override
    public void close() throws IOException {
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
        }
        IOException failure = null;
        for (NioFile f : List.copyOf(openFiles)) {
            try {
                f.close();
            } catch (IOException e) {
                failure = failure == null ? e : suppress(failure, e);
            }
        }
        RuntimeException callbackFailure = null;
        long deadline = System.nanoTime() + CLOSE_DRAIN_NANOS;
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            try {
                stepOpen(TimeUnit.MILLISECONDS.toNanos(10));
            } catch (RuntimeException e) { // a callback threw: keep draining, so no operation and no thread is left
                if (callbackFailure == null) {
                    callbackFailure = e;
                }
            }
        }
        closed = true;
        shutDownWorkers();
        if (callbackFailure != null) {
            throw callbackFailure;
        }
        if (inFlight.get() > 0) {
            failure = suppress(failure, new IOException(inFlight.get() + " operations never finished"));
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void shutDownWorkers() throws IOException {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(CLOSE_JOIN_MILLIS, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
            List<Thread> threads;
            synchronized (workers) {
                threads = List.copyOf(workers);
            }
            for (Thread t : threads) {
                t.join(CLOSE_JOIN_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while stopping the nio workers");
        }
    }

    private static IOException suppress(IOException first, IOException next) {
        if (first == null) {
            return next;
        }
        first.addSuppressed(next);
        return first;
    }

    private void checkOpen() {
        if (closed || closing) {
            throw new IllegalStateException("io is closed");
        }
    }

    @Override
    public String toString() {
        return "NioIO[" + instanceId + ", in flight " + inFlight.get() + ", files " + openFiles.size() + "]";
    }
}
