package io.tursoj.io.uring;

import io.tursoj.io.Completion;
import io.tursoj.io.Errno;
import java.lang.foreign.MemorySegment;

/**
 * One {@link io.tursoj.io.DatabaseFile#pwriteBatchAndSync} submitted as a single linked io_uring chain: N write
 * SQEs carrying {@code IOSQE_IO_LINK}, then one FSYNC. Issuer-only.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>{@link #remaining} counts the chain's SQEs whose CQE has not been reaped; the caller's completion finishes
 *       once, when it reaches zero, so every slot of the chain is free by then.
 *   <li>The result is the total bytes when every member succeeded; otherwise the error of the <em>first</em> member
 *       (in chain order) that failed with something other than -ECANCELED. The kernel completes the members after a
 *       failed one with -ECANCELED, so those say nothing; only if every failure is -ECANCELED (a cancel at close)
 *       is the result -ECANCELED.
 *   <li>A short write fails the chain with -EIO: the kernel already broke the link (the sync was cancelled), so
 *       continuing the write would leave it unsynced.
 * </ol>
 */
final class LinkedChain {
    private final UringFile file;
    private final Completion completion;
    private final long[] positions;
    private final MemorySegment[] bufs;
    private int remaining;
    private int reissues;
    private long totalBytes;
    private int firstErrorIndex = Integer.MAX_VALUE;
    private int firstError;
    private boolean cancelled;

    LinkedChain(UringFile file, Completion completion, long[] positions, MemorySegment[] bufs, long totalBytes) {
        this.file = file;
        this.completion = completion;
        this.positions = positions;
        this.bufs = bufs;
        this.remaining = bufs.length + 1;
        this.totalBytes = totalBytes;
    }

    long[] positions() {
        return positions;
    }

    MemorySegment[] buffers() {
        return bufs;
    }

    /** The chain's SQEs: one per write, then the sync. */
    int members() {
        return bufs.length + 1;
    }

    int reissues() {
        return reissues;
    }

    /** Forgets the members' outcomes before the whole chain is issued again (see UringIO#reissue). */
    void restart() {
        reissues++;
        remaining = members();
        firstErrorIndex = Integer.MAX_VALUE;
        firstError = 0;
        cancelled = false;
    }

    UringFile file() {
        return file;
    }

    Completion completion() {
        return completion;
    }

    /**
     * Records member {@code index}'s outcome ({@code result} is its CQE's res, {@code expectedBytes} what it should
     * have transferred: 0 for the sync). Returns true when this was the chain's last outstanding member.
     */
    boolean memberDone(int index, int result, long expectedBytes) {
        int error = result < 0 ? result : result != expectedBytes ? -Errno.EIO : 0;
        if (error == -Errno.ECANCELED) {
            cancelled = true;
        } else if (error != 0 && index < firstErrorIndex) {
            firstErrorIndex = index;
            firstError = error;
        }
        return --remaining == 0;
    }

    /** The caller's result once every member is done. */
    int result() {
        if (firstError != 0) {
            return firstError;
        }
        return cancelled ? -Errno.ECANCELED : (int) totalBytes;
    }
}
