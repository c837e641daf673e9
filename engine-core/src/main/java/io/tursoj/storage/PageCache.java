package io.tursoj.storage;

import io.tursoj.io.BufferPool;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/**
 * A bounded cache of page frames with pinning, dirty tracking and least-recently-used eviction of clean pages.
 *
 * <p>Frames hold buffers from one {@link BufferPool} of page size. The cache keeps at most {@link #capacityPages()}
 * frames (SQLite's {@code cache_size}) while it can: when a new page is needed it reuses a free frame, then the least
 * recently unpinned clean page. Pinned pages and dirty pages are never evicted, so when every frame is pinned or
 * dirty the cache grows past its capacity (as SQLite's pcache does when spilling is impossible) up to the hard limit
 * of {@code maxFrames}, and shrinks back as pages become clean and unpinned.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Every frame in the map is on exactly one list matching its state: the clean LRU list iff it is loaded,
 *       clean and unpinned; the dirty list iff it is dirty; no list otherwise.
 *   <li>{@link #lookup} and the pin/unpin/dirty operations allocate nothing.
 *   <li>{@code frames() <= maxFrames}; {@code frames() <= capacityPages()} whenever some frame could be evicted.
 * </ol>
 */
public final class PageCache {
    private final BufferPool pool;
    private final int maxFrames;
    private final Page.IoHandler onComplete;
    private final PageMap map;
    private final Page lru = sentinel();
    private final Page dirtyList = sentinel();
    private final ArrayDeque<Page> freeFrames = new ArrayDeque<>();
    private int capacityPages;
    private int frames;
    private int dirtyCount;
    private long hits;
    private long misses;
    private long evictions;

    /**
     * @param pool page-sized buffers
     * @param capacityPages the soft bound ({@code cache_size} in pages), at least 1
     * @param maxFrames the hard bound on frames ever held
     * @param onComplete runs when a frame's I/O completes (the pager's callback)
     */
    PageCache(BufferPool pool, int capacityPages, int maxFrames, Page.IoHandler onComplete) {
        if (capacityPages < 1 || maxFrames < capacityPages) {
            throw new IllegalArgumentException("need 1 <= capacityPages <= maxFrames");
        }
        this.pool = pool;
        this.capacityPages = capacityPages;
        this.maxFrames = maxFrames;
        this.onComplete = onComplete;
        this.map = new PageMap(Math.min(capacityPages, 1 << 16));
    }

    private static Page sentinel() {
        Page s = new Page(MemorySegment.NULL, p -> {});
        s.prev = s;
        s.next = s;
        return s;
    }

    public int capacityPages() {
        return capacityPages;
    }

    /** Sets the soft bound and evicts clean unpinned pages beyond it. */
    public void setCapacityPages(int pages) {
        if (pages < 1) {
            throw new IllegalArgumentException("capacity must be at least 1 page: " + pages);
        }
        capacityPages = Math.min(pages, maxFrames);
        trim();
    }

    /** Frames currently held (cached pages plus free frames). */
    public int frames() {
        return frames;
    }

    public int cachedPages() {
        return map.size();
    }

    public int dirtyPages() {
        return dirtyCount;
    }

    public long hits() {
        return hits;
    }

    public long misses() {
        return misses;
    }

    public long evictions() {
        return evictions;
    }

    /** The frame holding {@code pageNumber}, or null. Counts a hit or a miss. */
    Page lookup(int pageNumber) {
        Page p = map.get(pageNumber);
        if (p != null) {
            hits++;
        } else {
            misses++;
        }
        return p;
    }

    /** The frame holding {@code pageNumber}, or null, without counting. */
    Page peek(int pageNumber) {
        return map.get(pageNumber);
    }

    /**
     * A frame assigned to {@code pageNumber} in state EMPTY, unpinned and clean, or null when the hard limit is
     * reached and nothing can be evicted. The caller fills it (read or fresh) right away.
     */
    Page assign(int pageNumber) {
        assert map.get(pageNumber) == null : "page already cached: " + pageNumber;
        Page p = obtainFrame();
        if (p == null) {
            return null;
        }
        p.pageNumber = pageNumber;
        p.state = Page.State.EMPTY;
        p.pinCount = 0;
        p.dirty = false;
        p.errno = 0;
        p.epoch++;
        map.put(pageNumber, p);
        return p;
    }

    private Page obtainFrame() {
        Page free = freeFrames.pollFirst();
        if (free != null) {
            return free;
        }
        if (frames < capacityPages) {
            return newFrame();
        }
        Page victim = lru.next;
        if (victim != lru) {
            evictions++;
            detach(victim);
            map.remove(victim.pageNumber);
            victim.state = Page.State.FREE;
            return victim;
        }
        return frames < maxFrames ? newFrame() : null;
    }

    private Page newFrame() {
        MemorySegment buffer = pool.acquire();
        if (buffer == null) {
            return null;
        }
        frames++;
        return new Page(buffer, onComplete);
    }

    /** Marks a frame loaded and, if unpinned and clean, evictable. */
    void onLoaded(Page p) {
        p.state = Page.State.LOADED;
        if (p.pinCount == 0 && !p.dirty) {
            append(lru, p, Page.ListId.CLEAN_LRU);
        }
    }

    void pin(Page p) {
        if (p.pinCount++ == 0 && p.list == Page.ListId.CLEAN_LRU) {
            detach(p);
        }
    }

    void unpin(Page p) {
        assert p.pinCount > 0 : "unpin of an unpinned page " + p;
        if (--p.pinCount == 0 && !p.dirty && p.state == Page.State.LOADED) {
            append(lru, p, Page.ListId.CLEAN_LRU);
            if (frames > capacityPages) {
                trim();
            }
        }
    }

    void markDirty(Page p) {
        if (!p.dirty) {
            p.dirty = true;
            if (p.list != Page.ListId.NONE) {
                detach(p);
            }
            append(dirtyList, p, Page.ListId.DIRTY);
            dirtyCount++;
        }
    }

    void markClean(Page p) {
        if (p.dirty) {
            p.dirty = false;
            detach(p);
            dirtyCount--;
            if (p.pinCount == 0 && p.state == Page.State.LOADED) {
                append(lru, p, Page.ListId.CLEAN_LRU);
            }
        }
    }

    /** Removes {@code p} from the cache; its frame becomes free. It must not be in flight. */
    void drop(Page p) {
        assert p.state != Page.State.READING : "dropping a page with a read in flight";
        if (p.list != Page.ListId.NONE) {
            detach(p);
        }
        if (p.dirty) {
            p.dirty = false;
            dirtyCount--;
        }
        map.remove(p.pageNumber);
        p.state = Page.State.FREE;
        p.pinCount = 0;
        p.epoch++;
        freeFrames.addLast(p);
    }

    /** Calls {@code action} for each dirty page, oldest first. The action may not change the dirty list. */
    void forEachDirty(Consumer<Page> action) {
        for (Page p = dirtyList.next; p != dirtyList; p = p.next) {
            action.accept(p);
        }
    }

    /** The oldest dirty page, or null. */
    Page firstDirty() {
        return dirtyList.next == dirtyList ? null : dirtyList.next;
    }

    /** The dirty page after {@code p}, or null. */
    Page nextDirty(Page p) {
        return p.next == dirtyList ? null : p.next;
    }

    /** Calls {@code action} for each cached page. */
    void forEach(Consumer<Page> action) {
        map.forEach(action);
    }

    /** Frees clean unpinned pages and free frames until the cache is within its capacity. */
    void trim() {
        while (frames > capacityPages) {
            Page f = freeFrames.pollFirst();
            if (f == null) {
                Page victim = lru.next;
                if (victim == lru) {
                    return;
                }
                evictions++;
                detach(victim);
                map.remove(victim.pageNumber);
                victim.state = Page.State.FREE;
                f = victim;
            }
            pool.release(f.buffer);
            frames--;
        }
    }

    /** Drops every clean, unpinned page: their contents may be stale (another connection committed). */
    void dropClean() {
        for (Page p = lru.next; p != lru; p = lru.next) {
            drop(p);
        }
    }

    /** Drops every page (all must be unpinned and clean or discarded), returning buffers to the pool. */
    void clear() {
        map.forEach(p -> {
            assert p.state != Page.State.READING : "clearing a page with a read in flight";
        });
        map.forEach(p -> pool.release(p.buffer));
        for (Page f : freeFrames) {
            pool.release(f.buffer);
        }
        map.clear();
        freeFrames.clear();
        lru.next = lru;
        lru.prev = lru;
        dirtyList.next = dirtyList;
        dirtyList.prev = dirtyList;
        frames = 0;
        dirtyCount = 0;
    }

    private static void append(Page head, Page p, Page.ListId id) {
        assert p.list == Page.ListId.NONE : "page already on a list: " + p;
        p.prev = head.prev;
        p.next = head;
        head.prev.next = p;
        head.prev = p;
        p.list = id;
    }

    private static void detach(Page p) {
        p.prev.next = p.next;
        p.next.prev = p.prev;
        p.prev = null;
        p.next = null;
        p.list = Page.ListId.NONE;
    }
}
