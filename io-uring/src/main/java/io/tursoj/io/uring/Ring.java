package io.tursoj.io.uring;

import io.tursoj.io.IOFailedException;
import io.tursoj.io.uring.ffi.__kernel_timespec;
import io.tursoj.io.uring.ffi.io_uring;
import io.tursoj.io.uring.ffi.io_uring_cq;
import io.tursoj.io.uring.ffi.io_uring_params;
import io.tursoj.io.uring.ffi.io_uring_sq;
import io.tursoj.io.uring.ffi.iovec;
import io.tursoj.io.uring.ffi.liburing_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;

/**
 * One io_uring instance: liburing 2.3 sets it up, submits, registers and tears it down; this class writes SQEs
 * and reaps CQEs directly in the shared ring memory (liburing's inline helpers, which FFM cannot call).
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Only the issuer (see {@link IssuerLease}) calls the SQ/CQ methods; nothing here is thread-safe.
 *   <li>{@link #sqeTail} mirrors liburing's {@code ring->sq.sqe_tail}; it is stored into the struct before every
 *       call that submits, or {@code io_uring_submit} would see nothing to submit (and a wait would never end).
 *   <li>The kernel's ring words are read with acquire ({@code *sq.khead}, {@code *cq.ktail}) and the CQ head is
 *       published with release ({@code *cq.khead}), after the CQE has been read.
 *   <li>Every kernel pointer is reinterpreted to its exact size with {@link #arena}, which is closed right after
 *       {@code io_uring_queue_exit} unmaps the rings: a late access throws {@link IllegalStateException} instead of
 *       faulting.
 * </ol>
 */
final class Ring {
    private static final VarHandle INT = ValueLayout.JAVA_INT.varHandle();
    private static final int CQE_BYTES = 16;

    private final Arena arena;
    private final MemorySegment ring;
    private final MemorySegment sq;
    private final MemorySegment sqKhead;
    private final MemorySegment sqes;
    private final MemorySegment cqKhead;
    private final MemorySegment cqKtail;
    private final MemorySegment cqes;
    private final int sqMask;
    private final int sqEntries;
    private final int cqMask;
    private final int cqEntries;
    private final int features;
    private final MemorySegment cqePtr;
    private final MemorySegment timeout;

    private int sqeTail;
    private int submittedTail;
    private int cqHead;
    private boolean exited;

    private Ring(Arena arena, MemorySegment ring) {
        this.arena = arena;
        this.ring = ring;
        this.sq = io_uring.sq(ring);
        MemorySegment cq = io_uring.cq(ring);
        this.sqEntries = io_uring_sq.ring_entries(sq);
        this.sqMask = io_uring_sq.ring_mask(sq);
        this.cqEntries = io_uring_cq.ring_entries(cq);
        this.cqMask = io_uring_cq.ring_mask(cq);
        this.features = io_uring.features(ring);
        this.sqKhead = mapped(io_uring_sq.khead(sq), Integer.BYTES);
        this.sqes = mapped(io_uring_sq.sqes(sq), (long) sqEntries * Sqes.SQE_BYTES);
        this.cqKhead = mapped(io_uring_cq.khead(cq), Integer.BYTES);
        this.cqKtail = mapped(io_uring_cq.ktail(cq), Integer.BYTES);
        this.cqes = mapped(io_uring_cq.cqes(cq), (long) cqEntries * CQE_BYTES);
        this.sqeTail = io_uring_sq.sqe_tail(sq);
        this.submittedTail = sqeTail;
        this.cqHead = (int) INT.getAcquire(cqKhead, 0L);
        this.cqePtr = arena.allocate(ValueLayout.ADDRESS);
        this.timeout = arena.allocate(__kernel_timespec.layout());
    }

    /**
     * Sets up a ring of {@code entries} SQEs (the CQ gets twice as many).
     *
     * @throws IOFailedException with the errno of {@code io_uring_queue_init_params}
     */
    static Ring create(int entries, int setupFlags) throws IOFailedException {
        Arena arena = Arena.ofShared();
        try {
            MemorySegment ring = arena.allocate(io_uring.layout());
            MemorySegment params = arena.allocate(io_uring_params.layout());
            io_uring_params.flags(params, setupFlags);
            int r = liburing_h.io_uring_queue_init_params(entries, ring, params);
            if (r < 0) {
                arena.close();
                throw new IOFailedException(-r, "io_uring_queue_init_params(" + entries + ")");
            }
            return new Ring(arena, ring);
        } catch (RuntimeException | Error e) {
            arena.close();
            throw e;
        }
    }

    @SuppressWarnings("restricted") // kernel-mapped ring memory: sized exactly and tied to the ring's arena
    private MemorySegment mapped(MemorySegment pointer, long bytes) {
        return pointer.reinterpret(bytes, arena, null);
    }

    Arena arena() {
        return arena;
    }

    int features() {
        return features;
    }

    int sqEntries() {
        return sqEntries;
    }

    int cqEntries() {
        return cqEntries;
    }

    MemorySegment sqes() {
        return sqes;
    }

    /** liburing's io_uring_get_sqe: the byte offset in {@link #sqes()} of a free SQE, or -1 when the SQ is full. */
    long nextSqe() {
        int head = (int) INT.getAcquire(sqKhead, 0L);
        if (sqeTail - head >= sqEntries) {
            return -1;
        }
        long at = (long) (sqeTail & sqMask) * Sqes.SQE_BYTES;
        sqeTail++;
        return at;
    }

    /** Free SQEs right now: how many {@link #nextSqe()} calls in a row will succeed. */
    int sqSpace() {
        return sqEntries - (sqeTail - (int) INT.getAcquire(sqKhead, 0L));
    }

    /** SQEs prepared since the last submit. */
    int unsubmitted() {
        return sqeTail - submittedTail;
    }

    /** io_uring_submit: hands every prepared SQE to the kernel without waiting. Returns the count or -errno. */
    int submit() {
        syncTail();
        return liburing_h.io_uring_submit(ring);
    }

    /**
     * io_uring_submit_and_wait_timeout(ring, &amp;cqe, 1, ts, NULL): submits, then waits up to {@code timeoutNanos}
     * for one CQE. With IORING_FEAT_EXT_ARG (required by {@link Capabilities}) the timeout travels in the enter call
     * and takes no SQE. Returns the number submitted, or -errno (-ETIME when the time ran out).
     */
    int submitAndWait(long timeoutNanos) {
        syncTail();
        __kernel_timespec.tv_sec(timeout, timeoutNanos / 1_000_000_000L);
        __kernel_timespec.tv_nsec(timeout, timeoutNanos % 1_000_000_000L);
        return liburing_h.io_uring_submit_and_wait_timeout(ring, cqePtr, 1, timeout, MemorySegment.NULL);
    }

    private void syncTail() {
        io_uring_sq.sqe_tail(sq, sqeTail);
        submittedTail = sqeTail;
    }

    /** CQEs ready to reap (io_uring_cq_ready). */
    int cqReady() {
        return (int) INT.getAcquire(cqKtail, 0L) - cqHead;
    }

    /** The user_data of the oldest unreaped CQE; call only when {@link #cqReady()} is positive. */
    long cqeUserData() {
        return cqes.get(ValueLayout.JAVA_LONG, (long) (cqHead & cqMask) * CQE_BYTES);
    }

    /** The res of the oldest unreaped CQE. */
    int cqeResult() {
        return cqes.get(ValueLayout.JAVA_INT, (long) (cqHead & cqMask) * CQE_BYTES + 8);
    }

    /** io_uring_cqe_seen: gives the oldest CQE back to the kernel (release store of the new head). */
    void cqAdvance() {
        cqHead++;
        INT.setRelease(cqKhead, 0L, cqHead);
    }

    /** io_uring_register_buffers over {@code count} iovecs; 0 or -errno. */
    int registerBuffers(MemorySegment iovecs, int count) {
        return liburing_h.io_uring_register_buffers(ring, iovecs, count);
    }

    int unregisterBuffers() {
        return liburing_h.io_uring_unregister_buffers(ring);
    }

    /** io_uring_register_files_sparse: an empty fixed-file table of {@code count} slots; 0 or -errno. */
    int registerFilesSparse(int count) {
        return liburing_h.io_uring_register_files_sparse(ring, count);
    }

    /** Points fixed-file slot {@code index} at {@code fd} (-1 empties it). Returns 1 or -errno. */
    int updateFile(int index, int fd) {
        try (Arena scratch = Arena.ofConfined()) {
            MemorySegment fds = scratch.allocateFrom(ValueLayout.JAVA_INT, fd);
            return liburing_h.io_uring_register_files_update(ring, index, fds, 1);
        }
    }

    int unregisterFiles() {
        return liburing_h.io_uring_unregister_files(ring);
    }

    /** Builds a struct iovec array for {@code segments} in {@code allocator}'s memory. */
    static MemorySegment iovecs(Arena allocator, java.util.List<MemorySegment> segments) {
        MemorySegment v = iovec.allocateArray(segments.size(), allocator);
        for (int i = 0; i < segments.size(); i++) {
            MemorySegment one = iovec.asSlice(v, i);
            iovec.iov_base(one, segments.get(i));
            iovec.iov_len(one, segments.get(i).byteSize());
        }
        return v;
    }

    boolean exited() {
        return exited;
    }

    /** io_uring_queue_exit, then closes the arena so later accesses throw instead of touching unmapped memory. */
    void exit() {
        if (!exited) {
            exited = true;
            liburing_h.io_uring_queue_exit(ring);
            arena.close();
        }
    }
}
