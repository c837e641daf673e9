package io.tursoj.storage;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Nested savepoints inside one write transaction of a {@link Pager}: each level keeps the image every page had
 * before its first change within that level, and the page count at the level's start, so that rolling back to a
 * level puts every page (page 1 with the header, freelist and counters included) back as it was. Statement
 * rollback and SQL's {@code SAVEPOINT} both use it.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>A level holds at most one image per page: the page's contents when it was first changed after the level
 *       opened (or after the level below it was rolled back to). Later changes never replace it.
 *   <li>{@code Page.savepointMark == mark of the top level} means the page's image is already held by the top level;
 *       marks are never reused, so a stale mark never matches.
 *   <li>A page that was handed out fresh (not in the cache, so not read) is recorded without an image: its contents
 *       at the level's start are what the file or log holds, and rollback drops it from the cache to re-read it.
 *   <li>Releasing a level merges its images into the level below, keeping the older image where both have one.
 * </ol>
 */
final class StatementJournal {
    /** One savepoint level. {@code null} values mean "re-read from the file or log" (invariant 3). */
    private record Level(long mark, int sizePages, Map<Integer, byte[]> images) {}

    private final List<Level> levels = new ArrayList<>();
    private long nextMark = 1;

    /** Open levels. */
    int depth() {
        return levels.size();
    }

    /** Opens a level at the current state; returns its depth (1 for the first). */
    int open(int databaseSizePages) {
        levels.add(new Level(nextMark++, databaseSizePages, new HashMap<>()));
        return levels.size();
    }

    /** Records {@code page}'s contents before its first change in the top level (invariant 1). */
    void beforeChange(Page page) {
        if (levels.isEmpty()) {
            return;
        }
        Level top = levels.getLast();
        if (page.savepointMark == top.mark) {
            return;
        }
        page.savepointMark = top.mark;
        if (page.pageNumber > top.sizePages) {
            return; // appended inside the level: rollback drops it
        }
        top.images.computeIfAbsent(page.pageNumber, n -> page.buffer.toArray(java.lang.foreign.ValueLayout.JAVA_BYTE));
    }

    /** Records a page handed out without being read (invariant 3), unless its image is known. */
    void beforeFresh(int pageNumber, Page cached) {
        if (levels.isEmpty()) {
            return;
        }
        if (cached != null && cached.isLoaded()) {
            beforeChange(cached);
            return;
        }
        Level top = levels.getLast();
        if (pageNumber <= top.sizePages) {
            top.images.putIfAbsent(pageNumber, null);
        }
    }

    /** Drops levels {@code depth} and above, merging their images downwards (invariant 4). */
    void release(int depth) {
        while (levels.size() >= depth && !levels.isEmpty()) {
            Level top = levels.removeLast();
            if (!levels.isEmpty()) {
                Level below = levels.getLast();
                for (Map.Entry<Integer, byte[]> e : top.images.entrySet()) {
                    if (e.getKey() <= below.sizePages) {
                        below.images.putIfAbsent(e.getKey(), e.getValue());
                    }
                }
            }
        }
    }

    /**
     * Undoes every change made since level {@code depth} opened: the images of levels {@code depth} and above are
     * handed to {@code restore} newest level first (so the oldest image of a page is applied last). Level
     * {@code depth} stays open and empty; the levels above it are closed. Returns the page count to restore.
     */
    int rollbackTo(int depth, Restorer restore) {
        if (depth < 1 || depth > levels.size()) {
            throw new IllegalArgumentException("no savepoint level " + depth);
        }
        for (int i = levels.size() - 1; i >= depth - 1; i--) {
            for (Map.Entry<Integer, byte[]> e : levels.get(i).images.entrySet()) {
                restore.restore(e.getKey(), e.getValue() == null ? null : MemorySegment.ofArray(e.getValue()));
            }
        }
        Level level = levels.get(depth - 1);
        while (levels.size() > depth) {
            levels.removeLast();
        }
        levels.set(depth - 1, new Level(nextMark++, level.sizePages, new HashMap<>()));
        return level.sizePages;
    }

    /** Forgets every level (the transaction ended). */
    void clear() {
        levels.clear();
    }

    /** Puts one page back; {@code image} null means "forget the cached copy". */
    @FunctionalInterface
    interface Restorer {
        void restore(int pageNumber, MemorySegment image);
    }
}
