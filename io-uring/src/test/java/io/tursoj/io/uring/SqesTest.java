package io.tursoj.io.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.io.uring.ffi.io_uring_sqe;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Java prep helpers write SQEs the way liburing's inline ones do: every field named, and every other byte of
 * the slot zeroed, whatever a previous use left there. Read back through jextract's accessors.
 */
class SqesTest {
    private Arena arena;
    private MemorySegment sqes;

    @BeforeEach
    void setUp() {
        arena = Arena.ofConfined();
        sqes = arena.allocate(2 * 64L, 64);
        sqes.fill((byte) 0xA5); // a stale slot
    }

    @AfterEach
    void tearDown() {
        arena.close();
    }

    private MemorySegment sqe(long at) {
        return sqes.asSlice(at, 64);
    }

    @Test
    void shouldWriteReadAndZeroTheRest() {
        Sqes.prepRead(sqes, 64, 7, Sqes.FLAG_FIXED_FILE, 0x1234_5678_9000L, 4096, 8192, 0x4000_0001_0000_0003L);
        MemorySegment s = sqe(64);
        assertEquals(Sqes.OP_READ, io_uring_sqe.opcode(s));
        assertEquals(Sqes.FLAG_FIXED_FILE, io_uring_sqe.flags(s));
        assertEquals(0, io_uring_sqe.ioprio(s));
        assertEquals(7, io_uring_sqe.fd(s));
        assertEquals(8192, io_uring_sqe.off(s));
        assertEquals(0x1234_5678_9000L, io_uring_sqe.addr(s));
        assertEquals(4096, io_uring_sqe.len(s));
        assertEquals(0, io_uring_sqe.rw_flags(s));
        assertEquals(0x4000_0001_0000_0003L, io_uring_sqe.user_data(s));
        assertEquals(0, io_uring_sqe.buf_index(s));
        assertEquals(0, io_uring_sqe.personality(s));
        assertEquals(0, io_uring_sqe.file_index(s));
        assertEquals(0, io_uring_sqe.addr3(s));
        assertEquals(0, io_uring_sqe.__pad2(s, 0));
        assertEquals((byte) 0xA5, sqes.get(ValueLayout.JAVA_BYTE, 63), "the neighbouring SQE is untouched");
    }

    @Test
    void shouldWriteFixedBufferIndexAndOpcodes() {
        Sqes.prepWriteFixed(sqes, 0, 3, 0, 0x10_0000L, 512, 1024, 513, 9);
        MemorySegment s = sqe(0);
        assertEquals(Sqes.OP_WRITE_FIXED, io_uring_sqe.opcode(s));
        assertEquals(513, io_uring_sqe.buf_index(s));
        assertEquals(512, io_uring_sqe.len(s));
        assertEquals(1024, io_uring_sqe.off(s));
        Sqes.prepReadFixed(sqes, 0, 3, 0, 0x10_0000L, 512, 0, 2, 9);
        assertEquals(Sqes.OP_READ_FIXED, io_uring_sqe.opcode(s));
        assertEquals(2, io_uring_sqe.buf_index(s));
        Sqes.prepWrite(sqes, 0, 3, 0, 0x10_0000L, 512, 0, 9);
        assertEquals(Sqes.OP_WRITE, io_uring_sqe.opcode(s));
        assertEquals(0, io_uring_sqe.buf_index(s), "a plain write after a fixed one must not keep its buf_index");
    }

    @Test
    void shouldWriteWritevFsyncAndCancel() {
        Sqes.prepWritev(sqes, 0, 5, 0, 0xABC0L, 3, 4096, 11);
        MemorySegment s = sqe(0);
        assertEquals(Sqes.OP_WRITEV, io_uring_sqe.opcode(s));
        assertEquals(3, io_uring_sqe.len(s), "len is the iovec count");
        assertEquals(0xABC0L, io_uring_sqe.addr(s));
        Sqes.prepFsync(sqes, 0, 5, 0, Sqes.FSYNC_DATASYNC, 12);
        assertEquals(Sqes.OP_FSYNC, io_uring_sqe.opcode(s));
        assertEquals(Sqes.FSYNC_DATASYNC, io_uring_sqe.fsync_flags(s));
        assertEquals(0, io_uring_sqe.addr(s));
        assertEquals(0, io_uring_sqe.len(s));
        Sqes.prepCancelAll(sqes, 0, UserData.CANCEL);
        assertEquals(Sqes.OP_ASYNC_CANCEL, io_uring_sqe.opcode(s));
        assertEquals(-1, io_uring_sqe.fd(s));
        assertEquals(Sqes.CANCEL_ALL_ANY, io_uring_sqe.cancel_flags(s));
        Sqes.prepCancel(sqes, 0, UserData.WAKEUP, UserData.CANCEL);
        assertEquals(UserData.WAKEUP, io_uring_sqe.addr(s));
        assertEquals(0, io_uring_sqe.cancel_flags(s));
        Sqes.prepNop(sqes, 0, 1);
        assertEquals(Sqes.OP_NOP, io_uring_sqe.opcode(s));
    }

    @Test
    void shouldEncodeSlotsAndGenerationsInUserData() {
        long ud = UserData.of(4095, 77);
        assertFalse(UserData.isTag(ud));
        assertEquals(4095, UserData.slot(ud));
        assertEquals(77, UserData.generation(ud));
        assertTrue(UserData.isTag(UserData.WAKEUP));
        assertTrue(UserData.isTag(UserData.CANCEL));
        assertTrue(UserData.of(0, (1 << 30) - 1) > 0, "never the sign bit (LIBURING_UDATA_TIMEOUT is all ones)");
        assertEquals(0, UserData.nextGeneration((1 << 30) - 1), "generations wrap");
        assertEquals(UserData.of(1, 0), UserData.of(1, 1 << 30), "only 30 generation bits are kept");
    }
}
