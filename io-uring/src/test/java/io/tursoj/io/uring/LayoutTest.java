package io.tursoj.io.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tursoj.io.uring.ffi.io_uring;
import io.tursoj.io.uring.ffi.io_uring_cq;
import io.tursoj.io.uring.ffi.io_uring_cqe;
import io.tursoj.io.uring.ffi.io_uring_params;
import io.tursoj.io.uring.ffi.io_uring_sq;
import io.tursoj.io.uring.ffi.io_uring_sqe;
import io.tursoj.io.uring.ffi.iovec;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The jextract struct layouts match the C offsets measured with {@code offsetof} for liburing 2.3 on x86_64
 * (shared/io_uring.md, "Exact layouts"). The SQE writer and the ring code rely on these numbers.
 */
class LayoutTest {

    private static void assertLayout(GroupLayout layout, long size, Map<String, Long> offsets) {
        assertEquals(size, layout.byteSize(), layout.name().orElse("?") + " size");
        offsets.forEach((field, offset) -> assertEquals(
                offset.longValue(),
                layout.byteOffset(MemoryLayout.PathElement.groupElement(field)),
                layout.name().orElse("?") + "." + field));
    }

    @Test
    void shouldMatchStructIoUring() {
        assertLayout(
                io_uring.layout(),
                216,
                Map.of(
                        "sq", 0L,
                        "cq", 104L,
                        "flags", 192L,
                        "ring_fd", 196L,
                        "features", 200L,
                        "enter_ring_fd", 204L,
                        "int_flags", 208L));
    }

    @Test
    void shouldMatchStructIoUringSq() {
        assertLayout(
                io_uring_sq.layout(),
                104,
                Map.ofEntries(
                        Map.entry("khead", 0L),
                        Map.entry("ktail", 8L),
                        Map.entry("kring_mask", 16L),
                        Map.entry("kring_entries", 24L),
                        Map.entry("kflags", 32L),
                        Map.entry("kdropped", 40L),
                        Map.entry("array", 48L),
                        Map.entry("sqes", 56L),
                        Map.entry("sqe_head", 64L),
                        Map.entry("sqe_tail", 68L),
                        Map.entry("ring_sz", 72L),
                        Map.entry("ring_ptr", 80L),
                        Map.entry("ring_mask", 88L),
                        Map.entry("ring_entries", 92L)));
    }

    @Test
    void shouldMatchStructIoUringCq() {
        assertLayout(
                io_uring_cq.layout(),
                88,
                Map.ofEntries(
                        Map.entry("khead", 0L),
                        Map.entry("ktail", 8L),
                        Map.entry("kring_mask", 16L),
                        Map.entry("kring_entries", 24L),
                        Map.entry("kflags", 32L),
                        Map.entry("koverflow", 40L),
                        Map.entry("cqes", 48L),
                        Map.entry("ring_sz", 56L),
                        Map.entry("ring_ptr", 64L),
                        Map.entry("ring_mask", 72L),
                        Map.entry("ring_entries", 76L)));
    }

    @Test
    void shouldMatchStructIoUringSqe() {
        // Most SQE fields sit in anonymous unions, so use jextract's per-field offset accessors.
        assertEquals(64, io_uring_sqe.sizeof());
        assertEquals(0, io_uring_sqe.opcode$offset());
        assertEquals(1, io_uring_sqe.flags$offset());
        assertEquals(2, io_uring_sqe.ioprio$offset());
        assertEquals(4, io_uring_sqe.fd$offset());
        assertEquals(8, io_uring_sqe.off$offset());
        assertEquals(16, io_uring_sqe.addr$offset());
        assertEquals(24, io_uring_sqe.len$offset());
        assertEquals(28, io_uring_sqe.rw_flags$offset());
        assertEquals(28, io_uring_sqe.fsync_flags$offset());
        assertEquals(28, io_uring_sqe.cancel_flags$offset());
        assertEquals(32, io_uring_sqe.user_data$offset());
        assertEquals(40, io_uring_sqe.buf_index$offset());
        assertEquals(42, io_uring_sqe.personality$offset());
        assertEquals(44, io_uring_sqe.file_index$offset());
        assertEquals(48, io_uring_sqe.addr3$offset());
        assertEquals(56, io_uring_sqe.__pad2$offset());
    }

    @Test
    void shouldMatchStructIoUringCqeParamsAndIovec() {
        assertLayout(io_uring_cqe.layout(), 16, Map.of("user_data", 0L, "res", 8L, "flags", 12L));
        assertLayout(
                io_uring_params.layout(),
                120,
                Map.of(
                        "sq_entries", 0L,
                        "cq_entries", 4L,
                        "flags", 8L,
                        "sq_thread_cpu", 12L,
                        "sq_thread_idle", 16L,
                        "features", 20L,
                        "wq_fd", 24L,
                        "sq_off", 40L,
                        "cq_off", 80L));
        assertLayout(iovec.layout(), 16, Map.of("iov_base", 0L, "iov_len", 8L));
    }
}
