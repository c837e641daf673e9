package io.tursoj.io.uring;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Who may touch the ring right now. io_uring's submission and completion rings are single-producer,
 * single-consumer structures in shared memory, and liburing 2.3 does no locking, so exactly one thread at a time
 * (the <em>issuer</em>) writes SQEs, submits, reaps CQEs and runs callbacks. The thread that steps the IO holds the
 * lease for the length of {@code step}; another thread may take it only while it is free, to submit or finish an
 * operation in place, and otherwise hands the operation to the issuer through the hand-off queue. The lease is
 * re-entrant, so a callback may submit or step.
 *
 * <p>Taking and giving back the lease are a CAS and a release store, which also publish the ring state (Java
 * mirrors of the ring indices, the slot table) from one holder to the next.
 */
final class IssuerLease {
    /** {@link #tryEnter()}: the caller took the lease and must {@link #exit()}. */
    static final int ACQUIRED = 1;
    /** {@link #tryEnter()}: the caller already held it (nested call); it must not exit. */
    static final int NESTED = 0;
    /** {@link #tryEnter()}: another thread holds it. */
    static final int BUSY = -1;

    private static final VarHandle HOLDER;

    static {
        try {
            HOLDER = MethodHandles.lookup().findVarHandle(IssuerLease.class, "holder", Thread.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @SuppressWarnings("unused") // accessed through HOLDER
    private volatile Thread holder;

    int tryEnter() {
        Thread me = Thread.currentThread();
        Thread h = (Thread) HOLDER.getAcquire(this);
        if (h == me) {
            return NESTED;
        }
        return h == null && HOLDER.compareAndSet(this, null, me) ? ACQUIRED : BUSY;
    }

    /**
     * Takes the lease, waiting while another thread holds it. Holders never block for long: a stepper waits in the
     * kernel at most its {@code maxWaitNanos}, and is woken early through the wake-up eventfd.
     */
    int enter() {
        int spins = 0;
        while (true) {
            int r = tryEnter();
            if (r != BUSY) {
                return r;
            }
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
    }

    void exit() {
        assert HOLDER.getAcquire(this) == Thread.currentThread() : "lease released by a thread that does not hold it";
        HOLDER.setRelease(this, (Thread) null);
    }

    /** Releases the lease only if {@link #tryEnter()} or {@link #enter()} returned {@link #ACQUIRED}. */
    void exit(int how) {
        if (how == ACQUIRED) {
            exit();
        }
    }

    boolean heldByCurrentThread() {
        return HOLDER.getAcquire(this) == Thread.currentThread();
    }
}
