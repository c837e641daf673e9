package io.tursoj.storage;

import java.util.Arrays;

/**
 * The in-memory wal-index: for each page, the frames of the log holding an image of it, in ascending order, and for
 * each frame, its page. Answers "the latest frame for page P no later than frame M" without allocating, which is
 * how a reader pinned to snapshot M finds its version of P.
 *
 * <p>Invariants: frames are added in increasing order (the log only grows until it is reset); every frame in
 * {@code [1, frameCount()]} is recorded under exactly one page; an open-addressing table keyed by page number,
 * at most half full, with key 0 marking a free slot.
 */
final class WalIndex {
    private int[] keys = new int[256];
    private int[][] frames = new int[256][];
    private int[] counts = new int[256];
    private int used;
    private int[] framePages = new int[1024];
    private int frameCount;

    int frameCount() {
        return frameCount;
    }

    /** The page stored in frame {@code frame} (1-based). */
    int pageOf(int frame) {
        return framePages[frame - 1];
    }

    private static int hash(int key) {
        int h = key * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private int slot(int page) {
        int mask = keys.length - 1;
        int i = hash(page) & mask;
        while (keys[i] != 0 && keys[i] != page) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** Records that frame {@code frameCount() + 1} holds page {@code page}. */
    void append(int page) {
        if (frameCount == framePages.length) {
            framePages = Arrays.copyOf(framePages, frameCount * 2);
        }
        framePages[frameCount++] = page;
        if ((used + 1) * 2 > keys.length) {
            grow();
        }
        int s = slot(page);
        if (keys[s] == 0) {
            keys[s] = page;
            frames[s] = new int[4];
            counts[s] = 0;
            used++;
        }
        if (counts[s] == frames[s].length) {
            frames[s] = Arrays.copyOf(frames[s], counts[s] * 2);
        }
        frames[s][counts[s]++] = frameCount;
    }

    /** The latest frame holding {@code page} that is at most {@code maxFrame}, or 0 if there is none. */
    int find(int page, int maxFrame) {
        if (maxFrame == 0) {
            return 0;
        }
        int s = slot(page);
        if (keys[s] == 0) {
            return 0;
        }
        int[] f = frames[s];
        int lo = 0;
        int hi = counts[s];
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (f[mid] <= maxFrame) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo == 0 ? 0 : f[lo - 1];
    }

    /** Forgets frames after {@code keep} (a writer's frames that were never committed). */
    void truncate(int keep) {
        while (frameCount > keep) {
            int page = framePages[--frameCount];
            int s = slot(page);
            counts[s]--;
        }
    }

    void clear() {
        Arrays.fill(keys, 0);
        Arrays.fill(frames, null);
        used = 0;
        frameCount = 0;
    }

    private void grow() {
        int[] oldKeys = keys;
        int[][] oldFrames = frames;
        int[] oldCounts = counts;
        keys = new int[oldKeys.length * 2];
        frames = new int[keys.length][];
        counts = new int[keys.length];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int s = slot(oldKeys[i]);
                keys[s] = oldKeys[i];
                frames[s] = oldFrames[i];
                counts[s] = oldCounts[i];
            }
        }
    }
}
