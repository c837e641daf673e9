package io.tursoj.io.uring;

/**
 * The operations in the ring, one per slot; a slot's index and generation are its SQE's {@code user_data}
 * ({@link UserData}), so the kernel never holds a Java reference. Issuer-only.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>A slot holds at most one request, and at most {@code size} requests are in the ring at once.
 *   <li>A slot's generation changes whenever it is vacated, so a CQE matches the request it was issued for at most
 *       once; a CQE for an empty slot or an old generation is a bug and throws.
 * </ol>
 */
final class SlotTable {
    private final Request[] slots;
    private final int[] generations;
    private final int[] free;
    private int freeCount;

    SlotTable(int size) {
        slots = new Request[size];
        generations = new int[size];
        free = new int[size];
        for (int i = size - 1; i >= 0; i--) {
            free[freeCount++] = i;
        }
    }

    boolean hasFree() {
        return freeCount > 0;
    }

    /** Free slots. */
    int freeCount() {
        return freeCount;
    }

    /** Requests in the ring. */
    int inUse() {
        return slots.length - freeCount;
    }

    /** Puts {@code r} in a free slot (there must be one) and returns the user_data for its SQE. */
    long occupy(Request r) {
        assert freeCount > 0 : "no free slot";
        int slot = free[--freeCount];
        assert slots[slot] == null : "slot " + slot + " taken";
        slots[slot] = r;
        return UserData.of(slot, generations[slot]);
    }

    /** Removes and returns the request whose SQE carried {@code userData}. */
    Request vacate(long userData) {
        int slot = UserData.slot(userData);
        Request r = slot >= 0 && slot < slots.length ? slots[slot] : null;
        if (r == null || generations[slot] != UserData.generation(userData)) {
            throw new IllegalStateException("CQE for no operation in flight: user_data " + Long.toHexString(userData));
        }
        release(slot);
        return r;
    }

    /** Removes and returns any request still in a slot, or null when all are free (for a close that gave up). */
    Request vacateAny() {
        for (int slot = 0; slot < slots.length; slot++) {
            Request r = slots[slot];
            if (r != null) {
                release(slot);
                return r;
            }
        }
        return null;
    }

    private void release(int slot) {
        slots[slot] = null;
        generations[slot] = UserData.nextGeneration(generations[slot]);
        free[freeCount++] = slot;
    }
}
