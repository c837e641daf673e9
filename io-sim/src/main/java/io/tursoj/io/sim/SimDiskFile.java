package io.tursoj.io.sim;

import java.util.ArrayDeque;
import java.util.List;

/**
 * One file of a {@link SimDisk}: a durable image, the mutations that completed since (in completion order, not yet
 * durable), and the view reads see (durable plus those mutations). Guarded by its disk's monitor.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>{@code visible} equals {@code durable} with every mutation of {@code unsynced} applied in order.
 *   <li>{@code durableMutations + unsynced.size() == completedMutations}: mutations become durable in completion
 *       order, a prefix at a time (a sync covers what completed before it was submitted).
 *   <li>After a crash, {@code visible} and {@code durable} are equal and {@code unsynced} is empty.
 * </ol>
 */
final class SimDiskFile {
    final long id;
    private SimImage durable = new SimImage();
    private SimImage visible = new SimImage();
    private final ArrayDeque<Mutation> unsynced = new ArrayDeque<>();
    private long completedMutations;
    private long durableMutations;
    int sharedLocks;
    boolean exclusiveLock;

    SimDiskFile(long id) {
        this.id = id;
    }

    SimImage visible() {
        return visible;
    }

    long length() {
        return visible.length();
    }

    long durableLength() {
        return durable.length();
    }

    /** A mutation completed: reads see it at once; it is durable only once a sync covers it. */
    void apply(Mutation m) {
        m.applyTo(visible);
        unsynced.addLast(m);
        completedMutations++;
    }

    long completedMutations() {
        return completedMutations;
    }

    /** Makes the first {@code upTo} mutations ever completed durable (a sync submitted when that many had). */
    void makeDurable(long upTo) {
        while (durableMutations < upTo) {
            Mutation m = unsynced.pollFirst();
            assert m != null : "durable count ran past the completed mutations";
            m.applyTo(durable);
            durableMutations++;
        }
    }

    int unsyncedCount() {
        return unsynced.size();
    }

    List<Mutation> unsynced() {
        return List.copyOf(unsynced);
    }

    SimImage durableCopy() {
        return durable.copy();
    }

    /** After a crash: {@code survivor} (built by {@link SimCrash}) is both what is durable and what reads see. */
    void recover(SimImage survivor) {
        durable = survivor;
        visible = survivor.copy();
        unsynced.clear();
        durableMutations = completedMutations;
        sharedLocks = 0;
        exclusiveLock = false;
    }
}
