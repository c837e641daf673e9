package io.tursoj.io;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Page-aligned off-heap buffers of one size, carved from large slabs owned by one shared {@link Arena}.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>Every buffer is aligned to {@link #ALIGNMENT_BYTES} (so O_DIRECT and io_uring fixed buffers need no copy),
 *       and lies wholly inside one slab.
 *   <li>Slabs never move or shrink while the pool is open: a backend may register them with the kernel.
 *   <li>{@link #acquire()} and {@link #release} allocate nothing once a slab exists: the free list is an int stack.
 *   <li>The pool outlives every IO it was registered with; {@link #close()} frees the memory, so closing it while
 *       the kernel may still write into a buffer would corrupt memory. Close backends first.
 * </ol>
 */
public final class BufferPool implements AutoCloseable {
    public static final int ALIGNMENT_BYTES = 4096;

    private final Arena arena = Arena.ofShared();
    private final int bufferBytes;
    private final int buffersPerSlab;
    private final int maxBuffers;
    private final List<MemorySegment> slabs = new ArrayList<>();
    private MemorySegment[] buffers = new MemorySegment[0];
    private int[] freeStack = new int[0];
    private int freeCount;
    private boolean closed;

    /**
     * @param bufferBytes size of each buffer, a power of two from 512 to 65536 (SQLite's page sizes)
     * @param buffersPerSlab buffers allocated at a time
     * @param maxBuffers upper bound on buffers ever allocated (bounded memory)
     */
    public BufferPool(int bufferBytes, int buffersPerSlab, int maxBuffers) {
        if (bufferBytes < 512 || bufferBytes > 65536 || Integer.bitCount(bufferBytes) != 1) {
            throw new IllegalArgumentException("buffer size must be a power of two in [512, 65536]: " + bufferBytes);
        }
        if (buffersPerSlab < 1 || maxBuffers < buffersPerSlab) {
            throw new IllegalArgumentException("need 1 <= buffersPerSlab <= maxBuffers");
        }
        this.bufferBytes = bufferBytes;
        this.buffersPerSlab = buffersPerSlab;
        this.maxBuffers = maxBuffers;
    }

    public int bufferBytes() {
        return bufferBytes;
    }

    /** A free buffer (contents unspecified), or null when {@code maxBuffers} are all in use. */
    public synchronized MemorySegment acquire() {
        checkOpen();
        if (freeCount == 0 && !grow()) {
            return null;
        }
        return buffers[freeStack[--freeCount]];
    }

    /** Returns {@code buffer}, which must have come from {@link #acquire()} and not been released since. */
    public synchronized void release(MemorySegment buffer) {
        checkOpen();
        int index = indexOf(buffer);
        if (index < 0 || buffers[index].address() != buffer.address()) {
            throw new IllegalArgumentException("buffer does not belong to this pool");
        }
        assert freeCount < buffers.length : "more releases than acquires";
        freeStack[freeCount++] = index;
    }

    /** The slabs, in allocation order; a backend registers them as fixed buffers. */
    public synchronized List<MemorySegment> slabs() {
        return List.copyOf(slabs);
    }

    /** The index of the slab holding {@code [address, address + length)}, or -1 if no single slab holds it. */
    public synchronized int slabIndexOf(long address, long length) {
        for (int i = 0; i < slabs.size(); i++) {
            MemorySegment s = slabs.get(i);
            if (address >= s.address() && address + length <= s.address() + s.byteSize()) {
                return i;
            }
        }
        return -1;
    }

    public synchronized int allocatedBuffers() {
        return buffers.length;
    }

    public synchronized int freeBuffers() {
        return freeCount;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            arena.close();
        }
    }

    private int indexOf(MemorySegment buffer) {
        for (int slab = 0; slab < slabs.size(); slab++) {
            MemorySegment s = slabs.get(slab);
            long offset = buffer.address() - s.address();
            if (offset >= 0 && offset < s.byteSize() && offset % bufferBytes == 0) {
                return slab * buffersPerSlab + (int) (offset / bufferBytes);
            }
        }
        return -1;
    }

    private boolean grow() {
        int n = Math.min(buffersPerSlab, maxBuffers - buffers.length);
        if (n <= 0) {
            return false;
        }
        MemorySegment slab = arena.allocate((long) n * bufferBytes, ALIGNMENT_BYTES);
        int base = buffers.length;
        // Every slab holds buffersPerSlab slots in the index space, so slab * buffersPerSlab + i stays valid.
        int newLength = slabs.size() * buffersPerSlab + n;
        buffers = java.util.Arrays.copyOf(buffers, newLength);
        int[] newStack = new int[newLength];
        System.arraycopy(freeStack, 0, newStack, 0, freeCount);
        freeStack = newStack;
        slabs.add(slab);
        for (int i = n - 1; i >= 0; i--) {
            buffers[base + i] = slab.asSlice((long) i * bufferBytes, bufferBytes);
            freeStack[freeCount++] = base + i;
        }
        return true;
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("buffer pool is closed");
        }
    }
}
