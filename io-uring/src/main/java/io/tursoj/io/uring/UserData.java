package io.tursoj.io.uring;

/**
 * The 64-bit {@code user_data} of an SQE, as the kernel echoes it in the CQE. It never carries a Java object: an
 * operation's user_data is its slot in the in-flight table plus that slot's generation (so a stale or duplicated
 * CQE cannot finish the wrong operation), and the backend's own internal operations carry a tag instead.
 *
 * <pre>
 *   bit 63      : 0 (liburing's LIBURING_UDATA_TIMEOUT is all ones; never produced here)
 *   bit 62      : 1 = internal tag (low bits name it), 0 = operation
 *   bits 32..61 : generation of the slot (30 bits, wraps)
 *   bits  0..31 : slot index
 * </pre>
 */
final class UserData {
    static final long TAG_BIT = 1L << 62;
    /** The read on the wake-up eventfd that lets another thread interrupt a waiting {@code step}. */
    static final long WAKEUP = TAG_BIT | 1;
    /** An IORING_OP_ASYNC_CANCEL issued by {@code close}. */
    static final long CANCEL = TAG_BIT | 2;

    private static final int GENERATION_MASK = (1 << 30) - 1;

    private UserData() {}

    static long of(int slot, int generation) {
        assert slot >= 0 : "slot " + slot;
        return ((long) (generation & GENERATION_MASK) << 32) | slot;
    }

    static boolean isTag(long userData) {
        return (userData & TAG_BIT) != 0;
    }

    static int slot(long userData) {
        return (int) userData;
    }

    static int generation(long userData) {
        return (int) (userData >>> 32) & GENERATION_MASK;
    }

    static int nextGeneration(int generation) {
        return (generation + 1) & GENERATION_MASK;
    }
}
