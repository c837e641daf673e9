package io.tursoj.io;

import java.lang.foreign.MemorySegment;

/**
 * Argument checks every backend runs before it touches a file descriptor or the kernel. Each returns 0 when the
 * arguments are acceptable, else the errno the operation fails with, so a bad call becomes a failed completion
 * instead of a native fault.
 */
public final class IOArgs {
    /**
     * Largest file TursoJ addresses: SQLite's maximum (2^32 pages of 64 KiB = 2^48 bytes) with headroom for a WAL.
     */
    public static final long MAX_FILE_BYTES = 1L << 49;

    private IOArgs() {}

    /** Checks a read or write of {@code buf} at {@code pos}. */
    public static int checkTransfer(long pos, MemorySegment buf, boolean direct) {
        if (buf == null) {
            throw new NullPointerException("buffer");
        }
        if (pos < 0) {
            return Errno.EINVAL;
        }
        long len = buf.byteSize();
        if (len > Integer.MAX_VALUE) {
            return Errno.EINVAL;
        }
        if (pos > MAX_FILE_BYTES || len > MAX_FILE_BYTES - pos) {
            return Errno.EFBIG;
        }
        if (!buf.isNative()) {
            // The kernel can only see off-heap memory; heap segments would be copied or rejected by FFM.
            return Errno.EFAULT;
        }
        if (direct && !isDirectAligned(pos, buf)) {
            return Errno.EINVAL;
        }
        return 0;
    }

    /** Checks a gathered write of {@code bufs} at {@code pos}. */
    public static int checkTransfer(long pos, MemorySegment[] bufs, boolean direct) {
        if (bufs == null) {
            throw new NullPointerException("buffers");
        }
        if (bufs.length == 0 || bufs.length > 1024) { // IOV_MAX
            return Errno.EINVAL;
        }
        long total = 0;
        for (MemorySegment b : bufs) {
            int e = checkTransfer(pos + total, b, direct);
            if (e != 0) {
                return e;
            }
            total += b.byteSize();
        }
        return total > Integer.MAX_VALUE ? Errno.EINVAL : 0;
    }

    /** Checks a truncate to {@code length} bytes. */
    public static int checkTruncate(long length) {
        if (length < 0) {
            return Errno.EINVAL;
        }
        return length > MAX_FILE_BYTES ? Errno.EFBIG : 0;
    }

    /** O_DIRECT: address, offset and length all multiples of the logical block. */
    public static boolean isDirectAligned(long pos, MemorySegment buf) {
        long a = OpenFlags.DIRECT_ALIGNMENT_BYTES - 1;
        return (pos & a) == 0 && (buf.address() & a) == 0 && (buf.byteSize() & a) == 0;
    }
}
