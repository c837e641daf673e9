package io.tursoj.io;

import java.lang.foreign.MemorySegment;

/**
 * The portable {@link DatabaseFile#pwriteBatchAndSync}: writes fan in through a {@link CompletionGroup}, whose
 * callback submits the sync, whose callback finishes the caller's completion. Everything runs on the stepping
 * thread, so the chain needs no locking.
 */
final class WriteBatchThenSync {
    private final DatabaseFile file;
    private final Completion outer;
    private final Completion syncCompletion = new Completion();
    private int bytesWritten;

    private WriteBatchThenSync(DatabaseFile file, Completion outer) {
        this.file = file;
        this.outer = outer;
    }

    static Completion submit(DatabaseFile file, long[] positions, MemorySegment[] bufs, Completion outer) {
        outer.markSubmitted();
        if (positions.length != bufs.length || positions.length == 0) {
            outer.fail(Errno.EINVAL);
            return outer;
        }
        for (int i = 0; i < bufs.length; i++) {
            int e = IOArgs.checkTransfer(positions[i], bufs[i], file.flags().direct());
            if (e != 0) {
                outer.fail(e);
                return outer;
            }
        }
        WriteBatchThenSync chain = new WriteBatchThenSync(file, outer);
        CompletionGroup writes = new CompletionGroup(new Completion(chain::onWritesComplete));
        for (int i = 0; i < bufs.length; i++) {
            file.pwrite(positions[i], bufs[i], writes.add(new Completion()));
        }
        writes.seal();
        return outer;
    }

    private void onWritesComplete(Completion writes) {
        if (writes.failed()) {
            outer.complete(writes.result());
            return;
        }
        bytesWritten = writes.result();
        file.sync(syncCompletion.onComplete(this::onSyncComplete));
    }

    private void onSyncComplete(Completion sync) {
        outer.complete(sync.failed() ? sync.result() : bytesWritten);
    }
}
