package io.tursoj.io.uring;

import java.lang.foreign.Arena;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The files open on one ring, and the ring's registered (fixed) file table: a sparse table of
 * {@link UringIO#FIXED_FILE_SLOTS} slots registered at start-up (Linux 5.19+), filled as files open and emptied as
 * they are released, so SQEs can name a file by slot with IOSQE_FIXED_FILE and the kernel skips its per-operation
 * file lookup. Without the table, or once it is full, files use their plain descriptor.
 *
 * <p>Every method holds the table's lock, and {@link #shutDown} exits the ring under it too, so a slot is never
 * updated on a ring that is gone. Called from any thread.
 */
final class FileTable {
    private final Ring ring;
    private final Set<UringFile> open = new HashSet<>();
    private final ArrayDeque<Integer> freeFixed = new ArrayDeque<>();
    private final boolean registered;

    FileTable(Ring ring, boolean registerFixed, int slots) {
        this.ring = ring;
        this.registered = registerFixed && ring.registerFilesSparse(slots) >= 0;
        if (registered) {
            for (int i = 0; i < slots; i++) {
                freeFixed.add(i);
            }
        }
    }

    /** Whether the kernel accepted the fixed file table. */
    boolean registered() {
        return registered;
    }

    /** Points a free fixed slot at {@code fd}; returns the slot, or -1 when none is free (or registration failed). */
    synchronized int claimFixedSlot(int fd) {
        Integer slot = freeFixed.poll();
        if (slot == null) {
            return -1;
        }
        if (ring.updateFile(slot, fd) != 1) {
            freeFixed.push(slot);
            return -1;
        }
        return slot;
    }

    synchronized void add(UringFile file) {
        open.add(file);
    }

    synchronized int size() {
        return open.size();
    }

    synchronized List<UringFile> snapshot() {
        return new ArrayList<>(open);
    }

    /** Frees {@code file}'s slot and closes its descriptor, once. */
    synchronized void release(UringFile file) {
        if (!open.remove(file)) {
            return;
        }
        if (file.fixedIndex >= 0 && !ring.exited()) {
            ring.updateFile(file.fixedIndex, -1);
            freeFixed.push(file.fixedIndex);
        }
        closeDescriptor(file.fd);
    }

    /** Closes what is still open (files whose operations never finished), unregisters, then runs {@code exit}. */
    synchronized void shutDown(Runnable exit) {
        for (UringFile f : open) {
            closeDescriptor(f.fd);
        }
        open.clear();
        if (registered) {
            ring.unregisterFiles();
        }
        exit.run();
    }

    static void closeDescriptor(int fd) {
        try (Arena scratch = Arena.ofConfined()) {
            Libc.close(fd, Libc.newErrnoState(scratch));
        }
    }
}
