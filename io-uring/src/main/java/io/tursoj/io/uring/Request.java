package io.tursoj.io.uring;

import io.tursoj.io.Completion;
import java.lang.foreign.MemorySegment;

/**
 * One accepted operation on its way through the backend: handed off by another thread, waiting in the overflow
 * queue, or in flight in a slot. Mutable and recycled by the issuer, so the steady state allocates nothing; a
 * request handed off by another thread is allocated there (the hand-off queue carries references) and joins the
 * issuer's pool afterwards.
 */
final class Request {
    static final byte READ = 1;
    static final byte WRITE = 2;
    static final byte WRITEV = 3;
    static final byte FSYNC = 4;
    static final byte FDATASYNC = 5;
    static final byte TRUNCATE = 6;
    /** Already finished before reaching the issuer (an argument error found on another thread): just complete. */
    static final byte FINISHED = 7;

    byte op;
    UringFile file;
    /** File offset; for TRUNCATE the new length. */
    long pos;

    MemorySegment buf;
    MemorySegment[] bufs;
    Completion completion;
    /** For FINISHED: the result to complete with. */
    int result;
    /** Bytes already transferred by earlier partial submissions (short writes, a partial fast-path read). */
    long doneBytes;
    /** Native struct iovec array for WRITEV, owned by the ring's arena and reused with the request. */
    MemorySegment iovecs;
    /** The linked chain this request is a member of, or null (see {@link LinkedChain}). */
    LinkedChain chain;
    /** For a chain member: its position in the chain. */
    int chainIndex;
    /** For a chain member: whether its SQE carries IOSQE_IO_LINK (every member but the last). */
    boolean linked;
    /** How often the issuer issued this request again after the kernel cancelled it (see UringIO#reissue). */
    int reissues;

    Request set(byte op, UringFile file, long pos, MemorySegment buf, MemorySegment[] bufs, Completion completion) {
        this.op = op;
        this.file = file;
        this.pos = pos;
        this.buf = buf;
        this.bufs = bufs;
        this.completion = completion;
        this.result = 0;
        this.doneBytes = 0;
        this.chain = null;
        this.linked = false;
        this.reissues = 0;
        return this;
    }

    /** Bytes the whole operation transfers (0 for sync and truncate). */
    long totalBytes() {
        if (op == READ || op == WRITE) {
            return buf.byteSize();
        }
        if (op == WRITEV) {
            long n = 0;
            for (MemorySegment b : bufs) {
                n += b.byteSize();
            }
            return n;
        }
        return 0;
    }

    /** Drops references so a pooled request keeps neither buffers nor completions alive. */
    void clear() {
        file = null;
        buf = null;
        bufs = null;
        completion = null;
        chain = null;
    }
}
