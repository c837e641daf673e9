package io.tursoj.io.uring;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * The slabs of a {@link io.tursoj.io.BufferPool} registered with the ring (io_uring_register_buffers), so that
 * transfers into or out of them use READ_FIXED / WRITE_FIXED and skip the kernel's per-operation page pinning.
 * Registered index {@code i} is slab {@code i}. Slabs the pool adds after registration are not registered; transfers
 * into them use plain READ / WRITE. The pool must outlive the ring (the kernel keeps the pages pinned until
 * unregistration).
 */
final class FixedBuffers {
    private final long[] starts;
    private final long[] ends;

    private FixedBuffers(List<MemorySegment> slabs) {
        starts = new long[slabs.size()];
        ends = new long[slabs.size()];
        for (int i = 0; i < slabs.size(); i++) {
            starts[i] = slabs.get(i).address();
            ends[i] = starts[i] + slabs.get(i).byteSize();
        }
    }

    /** Registers {@code slabs}; returns null (and registers nothing) when the kernel refuses, e.g. over RLIMIT_MEMLOCK. */
    static FixedBuffers register(Ring ring, List<MemorySegment> slabs) {
        if (slabs.isEmpty() || slabs.size() > 16384) { // UIO_MAXIOV-style kernel limit on registered buffers
            return null;
        }
        try (Arena scratch = Arena.ofConfined()) { // the kernel copies the iovec array during registration
            MemorySegment iovecs = Ring.iovecs(scratch, slabs);
            if (ring.registerBuffers(iovecs, slabs.size()) < 0) {
                return null;
            }
        }
        return new FixedBuffers(slabs);
    }

    /** The registered index of the slab holding {@code [address, address + length)}, or -1. */
    int indexOf(long address, long length) {
        for (int i = 0; i < starts.length; i++) {
            if (address >= starts[i] && address + length <= ends[i]) {
                return i;
            }
        }
        return -1;
    }

    int count() {
        return starts.length;
    }
}
