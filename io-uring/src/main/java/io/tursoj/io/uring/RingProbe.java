package io.tursoj.io.uring;

import io.tursoj.io.uring.ffi.io_uring;
import io.tursoj.io.uring.ffi.io_uring_probe;
import io.tursoj.io.uring.ffi.io_uring_probe_op;
import io.tursoj.io.uring.ffi.liburing_h;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * The part of the {@link Capabilities} probe that touches liburing through the jextract bindings: a throw-away
 * ring of 8 entries, its feature bits, and io_uring_get_probe_ring's opcode table. Kept apart from
 * {@link Capabilities} so that no jextract class is loaded before the library check passed.
 */
final class RingProbe {
    /** liburing 2.3 allocates room for 256 opcodes in the probe it returns. */
    private static final int PROBE_OPS = 256;
    /** IO_URING_OP_SUPPORTED in io_uring_probe_op.flags. */
    private static final int OP_SUPPORTED = 1;

    private RingProbe() {}

    static Capabilities.RingFacts run() {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment ring = arena.allocate(io_uring.layout());
            int r = liburing_h.io_uring_queue_init(8, ring, 0);
            if (r < 0) {
                return new Capabilities.RingFacts(r, 0, 0, new boolean[0]);
            }
            try {
                int features = io_uring.features(ring);
                MemorySegment probe = liburing_h.io_uring_get_probe_ring(ring);
                if (probe.equals(MemorySegment.NULL)) {
                    return new Capabilities.RingFacts(0, features, -1, new boolean[0]);
                }
                try {
                    return readProbe(probe, features);
                } finally {
                    liburing_h.io_uring_free_probe(probe);
                }
            } finally {
                liburing_h.io_uring_queue_exit(ring);
            }
        }
    }

    @SuppressWarnings("restricted") // the probe liburing malloc'ed: header plus PROBE_OPS entries
    private static Capabilities.RingFacts readProbe(MemorySegment pointer, int features) {
        long opBytes = io_uring_probe_op.sizeof();
        MemorySegment probe = pointer.reinterpret(io_uring_probe.sizeof() + PROBE_OPS * opBytes);
        int lastOp = Byte.toUnsignedInt(io_uring_probe.last_op(probe));
        int opsLen = Math.min(PROBE_OPS, Byte.toUnsignedInt(io_uring_probe.ops_len(probe)));
        boolean[] supported = new boolean[opsLen];
        long ops = io_uring_probe.ops$offset();
        for (int i = 0; i < opsLen; i++) {
            MemorySegment op = probe.asSlice(ops + i * opBytes, opBytes);
            int code = Byte.toUnsignedInt(io_uring_probe_op.op(op));
            short flags = op.get(ValueLayout.JAVA_SHORT, io_uring_probe_op.flags$offset());
            if (code < opsLen) {
                supported[code] = (flags & OP_SUPPORTED) != 0;
            }
        }
        return new Capabilities.RingFacts(0, features, lastOp, supported);
    }
}
