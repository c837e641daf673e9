package io.tursoj.io.sim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Simulated storage that outlives the {@link SimIO} instances using it, as a disk outlives a process: each file has a
 * durable image plus the writes that completed but no sync has covered yet. A {@link SimIO#crash()} decides, from
 * its seed, which of those reached the disk; a new {@code SimIO} over the same disk then sees the post-crash state.
 * A clean {@link SimIO#close()} keeps unsynced writes (the operating system would still flush them), but a later
 * crash can still lose them.
 *
 * <p>Directory operations (create, remove) are immediate and durable. Files are kept in creation order, so every
 * walk over them is deterministic. Every method is synchronized on the disk.
 */
public final class SimDisk {
    private final Map<String, SimDiskFile> files = new LinkedHashMap<>();
    private final long capacityBytes;
    private long nextFileId = 1;
    private long lastNanos;

    /** A disk without a size limit. */
    public SimDisk() {
        this(Long.MAX_VALUE);
    }

    /** A disk whose files together may hold at most {@code capacityBytes}; growing past it fails with ENOSPC. */
    public SimDisk(long capacityBytes) {
        if (capacityBytes <= 0) {
            throw new IllegalArgumentException("capacity must be positive: " + capacityBytes);
        }
        this.capacityBytes = capacityBytes;
    }

    public long capacityBytes() {
        return capacityBytes;
    }

    public synchronized boolean exists(String path) {
        return files.containsKey(path);
    }

    /** The paths of every file, in creation order. */
    public synchronized List<String> paths() {
        return List.copyOf(files.keySet());
    }

    /** The length reads of {@code path} see now; -1 if there is no such file. */
    public synchronized long length(String path) {
        SimDiskFile f = files.get(path);
        return f == null ? -1 : f.length();
    }

    /** The length that would survive a crash losing every unsynced change; -1 if there is no such file. */
    public synchronized long durableLength(String path) {
        SimDiskFile f = files.get(path);
        return f == null ? -1 : f.durableLength();
    }

    /** Mutations completed on {@code path} that no sync has made durable yet. */
    public synchronized int unsyncedMutations(String path) {
        SimDiskFile f = files.get(path);
        return f == null ? 0 : f.unsyncedCount();
    }

    synchronized SimDiskFile get(String path) {
        return files.get(path);
    }

    synchronized SimDiskFile create(String path) {
        SimDiskFile f = new SimDiskFile(nextFileId++);
        files.put(path, f);
        return f;
    }

    synchronized void remove(String path) {
        files.remove(path);
    }

    synchronized List<SimDiskFile> files() {
        return new ArrayList<>(files.values());
    }

    /** Bytes the files take (as reads see them), for the capacity check. */
    synchronized long usedBytes() {
        long used = 0;
        for (SimDiskFile f : files.values()) {
            used += f.length();
        }
        return used;
    }

    synchronized long lastNanos() {
        return lastNanos;
    }

    /** Remembers how far virtual time got, so the next {@code SimIO} on this disk starts its clock there. */
    synchronized void recordTime(long nanos) {
        lastNanos = Math.max(lastNanos, nanos);
    }

    @Override
    public synchronized String toString() {
        return "SimDisk[" + files.size() + " files]";
    }
}
