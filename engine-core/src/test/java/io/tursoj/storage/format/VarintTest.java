package io.tursoj.storage.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tursoj.io.RandomSource;
import io.tursoj.storage.CorruptDatabaseException;
import java.lang.foreign.MemorySegment;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class VarintTest {

    private static byte[] encode(long v) {
        byte[] buf = new byte[Varint.MAX_BYTES];
        int n = Varint.write(MemorySegment.ofArray(buf), 0, v);
        return java.util.Arrays.copyOf(buf, n);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s);
    }

    @Test
    void shouldEncodeKnownValuesLikeSqlite() {
        assertArrayEquals(hex("00"), encode(0));
        assertArrayEquals(hex("7f"), encode(127));
        assertArrayEquals(hex("8100"), encode(128));
        assertArrayEquals(hex("8170"), encode(240));
        assertArrayEquals(hex("ff7f"), encode(16383));
        assertArrayEquals(hex("818000"), encode(16384));
        assertArrayEquals(hex("ffffffffffffff7f"), encode((1L << 56) - 1));
        assertArrayEquals(hex("80c080808080808000"), encode(1L << 56));
        assertArrayEquals(hex("ffffffffffffffffff"), encode(-1));
        assertArrayEquals(hex("c08080808080808000"), encode(Long.MIN_VALUE));
    }

    @Test
    void shouldRoundTripBoundariesAndRandomValues() throws CorruptDatabaseException {
        RandomSource random = RandomSource.seeded(42);
        for (int i = 0; i < 20_000; i++) {
            long v = i < 64 ? (1L << i) + (i % 3) - 1 : random.nextLong() >> random.nextInt(64);
            byte[] bytes = encode(v);
            MemorySegment s = MemorySegment.ofArray(bytes);
            assertEquals(Varint.sizeOf(v), bytes.length, "size of " + v);
            assertEquals(bytes.length, Varint.length(s, 0, bytes.length));
            assertEquals(v, Varint.read(s, 0, bytes.length), "value " + v);
        }
    }

    @Test
    void shouldAcceptOverlongEncodings() throws CorruptDatabaseException {
        MemorySegment s = MemorySegment.ofArray(hex("80808005"));
        assertEquals(5, Varint.read(s, 0, 4));
        assertEquals(4, Varint.length(s, 0, 4));
    }

    @Test
    void shouldRejectVarintCutOffByItsBound() {
        MemorySegment s = MemorySegment.ofArray(hex("818181"));
        assertThrows(CorruptDatabaseException.class, () -> Varint.read(s, 0, 3));
        assertThrows(CorruptDatabaseException.class, () -> Varint.length(s, 1, 3));
        MemorySegment eight = MemorySegment.ofArray(hex("ffffffffffffffff"));
        assertThrows(CorruptDatabaseException.class, () -> Varint.read(eight, 0, 8));
    }
}
