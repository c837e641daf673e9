package io.tursoj.storage.btree;

import io.tursoj.storage.CorruptDatabaseException;
import io.tursoj.storage.format.BigEndian;
import io.tursoj.storage.format.CellFormat;
import io.tursoj.storage.format.CellInfo;
import io.tursoj.storage.format.PageHeader;
import io.tursoj.storage.format.PageType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * Changes a b-tree page in place, keeping it well-formed in SQLite's sense (see {@link PageHeader}): cells are
 * placed in a freeblock that fits (first fit, taken from its end) or below the content area, freed space becomes
 * a freeblock merged with its neighbours (gaps under 4 bytes become fragments, or are absorbed when a neighbour is
 * freed), space freed at the content area's start just moves the start, and the page is compacted when no other
 * room is left or fragments would pass 60 bytes.
 *
 * <p>Invariants, for a page that satisfied them before each call:
 *
 * <ol>
 *   <li>Cells, freeblocks and fragments still cover the content area exactly, with freeblocks ascending and at
 *       least 4 bytes apart ({@code sqlite3 PRAGMA integrity_check} accepts the page).
 *   <li>{@code node.freeBytes} equals what {@link #freeBytes} would compute from scratch.
 *   <li>A node with overflow cells is changed only by adding or removing logical cells; its physical cells never
 *       move past an overflow cell (so logical order is preserved).
 * </ol>
 */
final class NodeEditor {
    private NodeEditor() {}

    /** The page's free bytes (SQLite's btreeComputeFreeSpace), checking its freeblock chain. */
    static int freeBytes(Node n) throws CorruptDatabaseException {
        if (n.freeBytes >= 0) {
            return n.freeBytes;
        }
        MemorySegment d = n.data;
        int top = n.contentStart();
        int free = n.fragmentedBytes() + top;
        int pc = n.firstFreeblock();
        int cellFirst = n.cellArrayEnd(n.cellCount());
        int cellLast = n.usable - CellFormat.MIN_CELL_SIZE;
        if (pc > 0) {
            if (pc < top) {
                throw CorruptDatabaseException.onPage(n.pageNumber, "freeblock " + pc + " before the content area");
            }
            int next;
            int size;
            int blocks = 0;
            while (true) {
                if (pc > cellLast || ++blocks > n.usable / 4) {
                    throw CorruptDatabaseException.onPage(n.pageNumber, "freeblock " + pc + " off the page");
                }
                next = BigEndian.u16(d, pc);
                size = BigEndian.u16(d, pc + 2);
                free += size;
                if (next <= pc + size + 3) {
                    break;
                }
                pc = next;
            }
            if (next > 0) {
                throw CorruptDatabaseException.onPage(n.pageNumber, "freeblocks out of order at " + pc);
            }
            if (pc + size > n.usable) {
                throw CorruptDatabaseException.onPage(n.pageNumber, "freeblock " + pc + " runs past the page");
            }
        }
        if (free > n.usable || free < cellFirst) {
            throw CorruptDatabaseException.onPage(n.pageNumber, "free space accounting " + free);
        }
        n.freeBytes = free - cellFirst;
        return n.freeBytes;
    }

    /** The on-page size of the cell at {@code offset}. */
    static int cellSizeAt(Node n, int offset, CellInfo scratch) throws CorruptDatabaseException {
        CellFormat.parse(n.data, n.pageNumber, offset, n.type, n.rules, scratch);
        return scratch.cellSize;
    }

    // ---------------------------------------------------------------- logical cells (physical + overflow)

    static int logicalCount(Node n) {
        return n.cellCount() + n.overflow.count;
    }

    /** The left child of logical cell {@code index} of an interior page, or its right child at the end. */
    static int logicalChild(Node n, int index) throws CorruptDatabaseException {
        if (index == logicalCount(n)) {
            return n.rightChild();
        }
        int o = n.overflow.find(index);
        if (o >= 0) {
            return BigEndian.i32(MemorySegment.ofArray(n.overflow.cells[o]), 0);
        }
        return BigEndian.i32(n.data, n.cellOffset(index - n.overflow.countBefore(index)));
    }

    /** Points logical child {@code index} (a cell's left child, or the right child at the end) at {@code page}. */
    static void setLogicalChild(Node n, int index, int page) throws CorruptDatabaseException {
        if (index == logicalCount(n)) {
            PageHeader.setRightChild(n.data, n.hdr, page);
            return;
        }
        int o = n.overflow.find(index);
        if (o >= 0) {
            BigEndian.putU32(MemorySegment.ofArray(n.overflow.cells[o]), 0, page);
        } else {
            BigEndian.putU32(n.data, n.cellOffset(index - n.overflow.countBefore(index)), page);
        }
    }

    /** Appends logical cell {@code index} to {@code out}. */
    static void copyLogicalCell(Node n, int index, CellArray out, CellInfo scratch) throws CorruptDatabaseException {
        int o = n.overflow.find(index);
        if (o >= 0) {
            byte[] c = n.overflow.cells[o];
            out.add(MemorySegment.ofArray(c), 0, c.length);
            return;
        }
        int offset = n.cellOffset(index - n.overflow.countBefore(index));
        out.add(n.data, offset, cellSizeAt(n, offset, scratch));
    }

    /** Removes logical cell {@code index} (physical or overflow). Does not free its overflow chain. */
    static void removeLogical(Node n, int index, CellInfo scratch) throws CorruptDatabaseException {
        int o = n.overflow.find(index);
        if (o >= 0) {
            n.overflow.removeAt(o);
            return;
        }
        int physical = index - n.overflow.countBefore(index);
        dropCell(n, physical, cellSizeAt(n, n.cellOffset(physical), scratch));
        n.overflow.onPhysicalRemoved(index);
    }

    // ---------------------------------------------------------------- insert / drop

    /**
     * Inserts a cell of {@code size} bytes (at least 4) as logical cell {@code index}. When the page already has
     * overflow cells or lacks room, the cell is parked as an overflow cell and the caller must balance.
     */
    static void insertCell(Node n, int index, MemorySegment src, long srcOffset, int size)
            throws CorruptDatabaseException {
        assert size >= CellFormat.MIN_CELL_SIZE : "cell smaller than 4 bytes";
        if (!n.overflow.isEmpty() || freeBytes(n) < size + PageHeader.CELL_POINTER_SIZE) {
            byte[] copy = new byte[size];
            MemorySegment.copy(src, ValueLayout.JAVA_BYTE, srcOffset, copy, 0, size);
            n.overflow.insert(index, copy);
            return;
        }
        int cells = n.cellCount();
        if (index > cells) {
            throw new IllegalArgumentException("cell index " + index + " past " + cells);
        }
        int offset = allocateSpace(n, size);
        MemorySegment.copy(src, srcOffset, n.data, offset, size);
        int ptr = n.cellArrayEnd(index);
        int end = n.cellArrayEnd(cells);
        if (end > ptr) {
            MemorySegment.copy(n.data, ptr, n.data, ptr + PageHeader.CELL_POINTER_SIZE, end - ptr);
        }
        BigEndian.putU16(n.data, ptr, offset);
        PageHeader.setCellCount(n.data, n.hdr, cells + 1);
        n.freeBytes -= size + PageHeader.CELL_POINTER_SIZE;
        if (PageCheck.PARANOID) {
            PageCheck.check(n);
        }
    }

    /** Removes physical cell {@code index}, of on-page size {@code size}, and frees its space. */
    static void dropCell(Node n, int index, int size) throws CorruptDatabaseException {
        freeBytes(n);
        int cells = n.cellCount();
        int offset = n.cellOffset(index);
        freeSpace(n, offset, size);
        int ptr = n.cellArrayEnd(index);
        int end = n.cellArrayEnd(cells);
        if (end > ptr + PageHeader.CELL_POINTER_SIZE) {
            MemorySegment.copy(n.data, ptr + PageHeader.CELL_POINTER_SIZE, n.data, ptr, end - ptr - 2);
        }
        cells--;
        PageHeader.setCellCount(n.data, n.hdr, cells);
        if (cells == 0) {
            // An empty page starts over: no freeblocks, no fragments, the content area at the end.
            PageHeader.setFirstFreeblock(n.data, n.hdr, 0);
            PageHeader.setFragmentedBytes(n.data, n.hdr, 0);
            PageHeader.setContentStart(n.data, n.hdr, n.usable);
            n.freeBytes = n.usable - n.cellArrayEnd(0);
        } else {
            n.freeBytes += PageHeader.CELL_POINTER_SIZE;
        }
        if (PageCheck.PARANOID) {
            PageCheck.check(n);
        }
    }

    // ---------------------------------------------------------------- space management

    /** Space for {@code size} bytes of cell content; the caller checked {@code freeBytes >= size + 2}. */
    private static int allocateSpace(Node n, int size) throws CorruptDatabaseException {
        int gap = n.cellArrayEnd(n.cellCount());
        int top = n.contentStart();
        if (gap > top) {
            throw CorruptDatabaseException.onPage(n.pageNumber, "cell pointers overlap the content area");
        }
        if (n.firstFreeblock() != 0 && gap + PageHeader.CELL_POINTER_SIZE <= top) {
            int slot = findSlot(n, size);
            if (slot > 0) {
                return slot;
            }
        }
        if (gap + PageHeader.CELL_POINTER_SIZE + size > top) {
            defragment(n);
            top = n.contentStart();
        }
        top -= size;
        PageHeader.setContentStart(n.data, n.hdr, top);
        return top;
    }

    /** First fit among the freeblocks, or 0 (none fits, or using one would fragment the page too much). */
    private static int findSlot(Node n, int size) throws CorruptDatabaseException {
        MemorySegment d = n.data;
        int prev = n.hdr + PageHeader.FIRST_FREEBLOCK_OFFSET;
        int pc = BigEndian.u16(d, prev);
        int maxPc = n.usable - size;
        while (pc <= maxPc) {
            int blockSize = BigEndian.u16(d, pc + 2);
            int left = blockSize - size;
            if (left >= 0) {
                if (left < PageHeader.FREEBLOCK_MIN_SIZE) {
                    int frag = n.fragmentedBytes();
                    if (frag > PageHeader.MAX_FRAGMENTED_BYTES - 3) {
                        return 0;
                    }
                    BigEndian.putU16(d, prev, BigEndian.u16(d, pc));
                    PageHeader.setFragmentedBytes(d, n.hdr, frag + left);
                    return pc;
                }
                if (left + pc > maxPc) {
                    throw CorruptDatabaseException.onPage(n.pageNumber, "freeblock " + pc + " runs past the page");
                }
                BigEndian.putU16(d, pc + 2, left);
                return pc + left;
            }
            prev = pc;
            pc = BigEndian.u16(d, pc);
            if (pc <= prev + blockSize) {
                if (pc != 0) {
                    throw CorruptDatabaseException.onPage(n.pageNumber, "freeblocks out of order at " + prev);
                }
                break;
            }
        }
        if (pc > maxPc + size - 4) {
            throw CorruptDatabaseException.onPage(n.pageNumber, "freeblock " + pc + " off the page");
        }
        return 0;
    }

    /**
     * Returns {@code size} bytes at {@code start} to the page (SQLite's freeSpace): merges with the freeblocks
     * around it, absorbing gaps of under 4 bytes from the fragment count, or moves the content start.
     */
    static void freeSpace(Node n, int start, int size) throws CorruptDatabaseException {
        MemorySegment d = n.data;
        int hdr = n.hdr;
        int origSize = size;
        int end = start + size;
        int prev = hdr + PageHeader.FIRST_FREEBLOCK_OFFSET;
        int next;
        int fragFreed = 0;
        if (BigEndian.u16(d, prev) == 0) {
            next = 0;
        } else {
            while ((next = BigEndian.u16(d, prev)) < start) {
                if (next <= prev) {
                    if (next == 0) {
                        break;
                    }
                    throw CorruptDatabaseException.onPage(n.pageNumber, "freeblocks out of order at " + prev);
                }
                prev = next;
            }
            if (next > n.usable - 4) {
                throw CorruptDatabaseException.onPage(n.pageNumber, "freeblock " + next + " off the page");
            }
            if (next != 0 && end + 3 >= next) {
                // Merge the following freeblock into the freed range.
                if (end > next) {
                    throw CorruptDatabaseException.onPage(n.pageNumber, "freed range overlaps a freeblock");
                }
                fragFreed = next - end;
                end = next + BigEndian.u16(d, next + 2);
                if (end > n.usable) {
                    throw CorruptDatabaseException.onPage(n.pageNumber, "freeblock runs past the page");
                }
                size = end - start;
                next = BigEndian.u16(d, next);
            }
            if (prev > hdr + PageHeader.FIRST_FREEBLOCK_OFFSET) {
                // Merge the freed range into the preceding freeblock.
                int prevEnd = prev + BigEndian.u16(d, prev + 2);
                if (prevEnd + 3 >= start) {
                    if (prevEnd > start) {
                        throw CorruptDatabaseException.onPage(n.pageNumber, "freed range overlaps a freeblock");
                    }
                    fragFreed += start - prevEnd;
                    size = end - prev;
                    start = prev;
                }
            }
            int frag = n.fragmentedBytes();
            if (fragFreed > frag) {
                throw CorruptDatabaseException.onPage(n.pageNumber, "fragment count " + frag + " too small");
            }
            PageHeader.setFragmentedBytes(d, hdr, frag - fragFreed);
        }
        int top = n.contentStart();
        if (start <= top) {
            // The range starts the content area: move the start instead of making a freeblock.
            if (start < top || prev != hdr + PageHeader.FIRST_FREEBLOCK_OFFSET) {
                throw CorruptDatabaseException.onPage(n.pageNumber, "freed range " + start + " before content");
            }
            PageHeader.setFirstFreeblock(d, hdr, next);
            PageHeader.setContentStart(d, hdr, end);
        } else {
            BigEndian.putU16(d, prev, start);
            BigEndian.putU16(d, start, next);
            BigEndian.putU16(d, start + 2, size);
        }
        if (n.freeBytes >= 0) {
            n.freeBytes += origSize;
        }
    }

    /** Moves every cell to the end of the page, leaving one gap and no freeblocks or fragments. */
    static void defragment(Node n) throws CorruptDatabaseException {
        int free = freeBytes(n);
        int cells = n.cellCount();
        MemorySegment d = n.data;
        int contentStart = n.contentStart();
        // Sizes first: the copy below overwrites cells that later cells' parsing would need.
        int[] offsets = new int[cells];
        int[] sizes = new int[cells];
        CellInfo scratch = new CellInfo();
        for (int i = 0; i < cells; i++) {
            int offset = n.cellOffset(i);
            if (offset < contentStart) {
                throw CorruptDatabaseException.onPage(n.pageNumber, "cell " + i + " before the content area");
            }
            offsets[i] = offset;
            sizes[i] = cellSizeAt(n, offset, scratch);
        }
        byte[] copy = new byte[n.usable - contentStart];
        MemorySegment.copy(d, ValueLayout.JAVA_BYTE, contentStart, copy, 0, copy.length);
        MemorySegment src = MemorySegment.ofArray(copy);
        int brk = n.usable;
        int arrayEnd = n.cellArrayEnd(cells);
        for (int i = 0; i < cells; i++) {
            brk -= sizes[i];
            if (brk < arrayEnd || offsets[i] + sizes[i] > n.usable) {
                throw CorruptDatabaseException.onPage(n.pageNumber, "cells overlap while defragmenting");
            }
            MemorySegment.copy(src, offsets[i] - contentStart, d, brk, sizes[i]);
            PageHeader.setCellPointer(d, n.hdr, n.headerSize, i, brk);
        }
        d.asSlice(arrayEnd, brk - arrayEnd).fill((byte) 0);
        PageHeader.setContentStart(d, n.hdr, brk);
        PageHeader.setFirstFreeblock(d, n.hdr, 0);
        PageHeader.setFragmentedBytes(d, n.hdr, 0);
        n.freeBytes = brk - arrayEnd;
        if (n.freeBytes != free) {
            throw CorruptDatabaseException.onPage(n.pageNumber, "free space " + free + " disagrees with its cells");
        }
    }

    // ---------------------------------------------------------------- whole-page rebuilds

    /**
     * Rewrites the page as an empty page of {@code type}. The caller sets the right child of interior pages.
     */
    static void zero(Node n, PageType type) {
        PageHeader.initialize(n.data, n.hdr, type, n.usable);
        n.retype(type);
        n.overflow.clear();
        n.freeBytes = n.usable - n.cellArrayEnd(0);
    }

    /**
     * Rewrites the page as a page of {@code type} holding cells {@code [from, to)} of {@code cells}, in order.
     * The right child of an interior page is left for the caller. The cells must fit.
     */
    static void rebuild(Node n, PageType type, CellArray cells, int from, int to) {
        int right = type.isLeaf() ? 0 : n.rightChild();
        PageHeader.initialize(n.data, n.hdr, type, n.usable);
        n.retype(type);
        n.overflow.clear();
        int count = to - from;
        int brk = n.usable;
        for (int i = 0; i < count; i++) {
            int size = cells.size(from + i);
            brk -= size;
            MemorySegment.copy(cells.segment(), cells.offset(from + i), n.data, brk, size);
            PageHeader.setCellPointer(n.data, n.hdr, n.headerSize, i, brk);
        }
        int gapStart = n.cellArrayEnd(count);
        if (brk < gapStart) {
            throw new AssertionError("rebuilt page " + n.pageNumber + " overfull by " + (gapStart - brk));
        }
        n.data.asSlice(gapStart, brk - gapStart).fill((byte) 0);
        PageHeader.setCellCount(n.data, n.hdr, count);
        PageHeader.setContentStart(n.data, n.hdr, brk);
        if (!type.isLeaf()) {
            PageHeader.setRightChild(n.data, n.hdr, right);
        }
        n.freeBytes = brk - gapStart;
    }
}
