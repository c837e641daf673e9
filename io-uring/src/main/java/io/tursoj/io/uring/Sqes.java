package io.tursoj.io.uring;

import io.tursoj.io.uring.ffi.io_uring_sqe;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;

/**
 * liburing 2.3's {@code io_uring_prep_*} helpers, which are {@code static inline} in liburing.h and so cannot be
 * called through FFM, written over the SQE array in ring memory.
 *
 * <p>Every prep writes all 64 bytes of the SQE as eight little-endian longs, like liburing's
 * {@code io_uring_prep_rw} (which zeroes every field it does not set): a slot is reused, and a stale
 * {@code buf_index}, {@code file_index} or {@code rw_flags} from its last use would corrupt the next operation.
 *
 * <pre>
 *   word 0 (off  0): opcode u8 | flags u8 &lt;&lt; 8 | ioprio u16 &lt;&lt; 16 | fd s32 &lt;&lt; 32
 *   word 1 (off  8): off (file offset)
 *   word 2 (off 16): addr (buffer or iovec array)
 *   word 3 (off 24): len u32 | rw_flags / fsync_flags / cancel_flags u32 &lt;&lt; 32
 *   word 4 (off 32): user_data
 *   word 5 (off 40): buf_index u16 | personality u16 &lt;&lt; 16 | file_index u32 &lt;&lt; 32
 *   word 6 (off 48): addr3
 *   word 7 (off 56): __pad2
 * </pre>
 *
 * The offsets are checked against jextract's {@code io_uring_sqe} layout below and in {@code LayoutTest}.
 */
final class Sqes {
    static final int SQE_BYTES = 64;

    // enum io_uring_op (liburing/io_uring.h of liburing 2.3)
    static final int OP_NOP = 0;
    static final int OP_WRITEV = 2;
    static final int OP_FSYNC = 3;
    static final int OP_READ_FIXED = 4;
    static final int OP_WRITE_FIXED = 5;
    static final int OP_ASYNC_CANCEL = 14;
    static final int OP_READ = 22;
    static final int OP_WRITE = 23;

    /** IOSQE_FIXED_FILE: {@code fd} is an index into the registered file table. */
    static final int FLAG_FIXED_FILE = 1;
    /** IOSQE_IO_LINK: the next SQE starts only after this one succeeded; otherwise it completes with -ECANCELED. */
    static final int FLAG_IO_LINK = 4;
    /** IORING_FSYNC_DATASYNC: fdatasync instead of fsync. */
    static final int FSYNC_DATASYNC = 1;
    /** IORING_ASYNC_CANCEL_ALL | IORING_ASYNC_CANCEL_ANY: cancel every request of the ring (Linux 5.19+). */
    static final int CANCEL_ALL_ANY = 1 | 4;

    private static final ValueLayout.OfLong WORD = ValueLayout.JAVA_LONG;

    static {
        assert io_uring_sqe.sizeof() == SQE_BYTES;
        assert io_uring_sqe.opcode$offset() == 0 && io_uring_sqe.flags$offset() == 1;
        assert io_uring_sqe.ioprio$offset() == 2 && io_uring_sqe.fd$offset() == 4;
        assert io_uring_sqe.off$offset() == 8 && io_uring_sqe.addr$offset() == 16;
        assert io_uring_sqe.len$offset() == 24 && io_uring_sqe.rw_flags$offset() == 28;
        assert io_uring_sqe.user_data$offset() == 32 && io_uring_sqe.buf_index$offset() == 40;
        assert io_uring_sqe.personality$offset() == 42 && io_uring_sqe.file_index$offset() == 44;
        assert io_uring_sqe.addr3$offset() == 48 && io_uring_sqe.__pad2$offset() == 56;
    }

    private Sqes() {}

    /** io_uring_prep_rw: the common shape of every prep below, writing the whole SQE at {@code at}. */
    static void prepRw(
            MemorySegment sqes,
            long at,
            int opcode,
            int sqeFlags,
            int fd,
            long offset,
            long addr,
            int len,
            int opFlags,
            int bufIndex,
            long userData) {
        sqes.set(WORD, at, (opcode & 0xff) | (sqeFlags & 0xff) << 8 | ((long) fd << 32));
        sqes.set(WORD, at + 8, offset);
        sqes.set(WORD, at + 16, addr);
        sqes.set(WORD, at + 24, (len & 0xffff_ffffL) | ((long) opFlags << 32));
        sqes.set(WORD, at + 32, userData);
        sqes.set(WORD, at + 40, bufIndex & 0xffff);
        sqes.set(WORD, at + 48, 0L);
        sqes.set(WORD, at + 56, 0L);
    }

    /** io_uring_prep_read. */
    static void prepRead(MemorySegment sqes, long at, int fd, int sqeFlags, long addr, int len, long offset, long ud) {
        prepRw(sqes, at, OP_READ, sqeFlags, fd, offset, addr, len, 0, 0, ud);
    }

    /** io_uring_prep_write. */
    static void prepWrite(MemorySegment sqes, long at, int fd, int sqeFlags, long addr, int len, long offset, long ud) {
        prepRw(sqes, at, OP_WRITE, sqeFlags, fd, offset, addr, len, 0, 0, ud);
    }

    /** io_uring_prep_read_fixed: {@code addr} lies inside registered buffer {@code bufIndex}. */
    static void prepReadFixed(
            MemorySegment sqes, long at, int fd, int sqeFlags, long addr, int len, long offset, int bufIndex, long ud) {
        prepRw(sqes, at, OP_READ_FIXED, sqeFlags, fd, offset, addr, len, 0, bufIndex, ud);
    }

    /** io_uring_prep_write_fixed. */
    static void prepWriteFixed(
            MemorySegment sqes, long at, int fd, int sqeFlags, long addr, int len, long offset, int bufIndex, long ud) {
        prepRw(sqes, at, OP_WRITE_FIXED, sqeFlags, fd, offset, addr, len, 0, bufIndex, ud);
    }

    /** io_uring_prep_writev: {@code iovecs} is the address of {@code count} struct iovec. */
    static void prepWritev(
            MemorySegment sqes, long at, int fd, int sqeFlags, long iovecs, int count, long offset, long ud) {
        prepRw(sqes, at, OP_WRITEV, sqeFlags, fd, offset, iovecs, count, 0, 0, ud);
    }

    /** io_uring_prep_fsync; {@code fsyncFlags} is 0 or {@link #FSYNC_DATASYNC}. */
    static void prepFsync(MemorySegment sqes, long at, int fd, int sqeFlags, int fsyncFlags, long ud) {
        prepRw(sqes, at, OP_FSYNC, sqeFlags, fd, 0, 0, 0, fsyncFlags, 0, ud);
    }

    /** io_uring_prep_nop. */
    static void prepNop(MemorySegment sqes, long at, long ud) {
        prepRw(sqes, at, OP_NOP, 0, -1, 0, 0, 0, 0, 0, ud);
    }

    /** io_uring_prep_cancel64 with IORING_ASYNC_CANCEL_ALL | ANY: cancel everything in flight on the ring. */
    static void prepCancelAll(MemorySegment sqes, long at, long ud) {
        prepRw(sqes, at, OP_ASYNC_CANCEL, 0, -1, 0, 0, 0, CANCEL_ALL_ANY, 0, ud);
    }

    /** io_uring_prep_cancel64: cancel the request whose user_data is {@code target}. */
    static void prepCancel(MemorySegment sqes, long at, long target, long ud) {
        prepRw(sqes, at, OP_ASYNC_CANCEL, 0, -1, 0, target, 0, 0, 0, ud);
    }
}
