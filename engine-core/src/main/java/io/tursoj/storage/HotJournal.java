package io.tursoj.storage;

import io.tursoj.io.BufferPool;
import io.tursoj.io.Completion;
import io.tursoj.io.CompletionGroup;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.IO;
import io.tursoj.io.IOResult;
import io.tursoj.io.OpenFlags;
import io.tursoj.storage.format.BigEndian;
import io.tursoj.storage.format.DatabaseHeader;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Rolls back a hot rollback journal ({@code <db>-journal}) left by a crash in the middle of a transaction of a
 * rollback-journal database, before anything reads the file: the original page images it holds are written back,
 * the file is cut to its size before the transaction, synced, and the journal deleted.
 *
 * <pre>
 *   journal header (one sector, repeated before each segment):
 *     0   8  magic d9 d5 05 f9 20 a1 63 d7
 *     8   4  records in this segment (0xffffffff: as many as fit, written without sync)
 *     12  4  checksum nonce
 *     16  4  database size in pages before the transaction
 *     20  4  sector size
 *     24  4  page size
 *   record: 4-byte page number, the page image, 4-byte checksum
 *           (nonce + every 200th byte of the image, counting back from pageSize - 200)
 * </pre>
 *
 * <p>Invariants: a record whose checksum fails ends the playback (it was never synced, so the database page it
 * names was never overwritten); a journal whose first header lacks the magic is not hot and is deleted unplayed.
 */
final class HotJournal {
    static final byte[] MAGIC = {(byte) 0xd9, (byte) 0xd5, 0x05, (byte) 0xf9, 0x20, (byte) 0xa1, 0x63, (byte) 0xd7};

    /** Progress of a rollback. */
    private enum State {
        START,
        READ,
        WRITE,
        TRUNCATE,
        SYNC,
        DONE
    }

    private final IO io;
    private final String journalPath;
    private final DatabaseFile database;
    private final Arena arena = Arena.ofShared();
    private final Completion completion = new Completion();
    private DatabaseFile journal;
    private MemorySegment bytes;
    private State state = State.START;
    private long originalPages;
    private int pageSize;
    private int pagesRestored;

    HotJournal(IO io, String journalPath, DatabaseFile database) {
        this.io = io;
        this.journalPath = journalPath;
        this.database = database;
    }

    /** Pages written back by the rollback. */
    int pagesRestored() {
        return pagesRestored;
    }

    /** Plays the journal back if it is hot. Resumable. */
    IOResult<Void> rollback() throws IOException {
        while (true) {
            switch (state) {
                case START -> {
                    journal = io.openFile(journalPath, OpenFlags.READ_WRITE_EXISTING);
                    long size = journal.size();
                    if (size < 28 || size > Integer.MAX_VALUE) {
                        finish();
                        continue;
                    }
                    bytes = arena.allocate(size, BufferPool.ALIGNMENT_BYTES);
                    completion.reset();
                    state = State.READ;
                    journal.pread(0, bytes, completion);
                }
                case READ -> {
                    if (!completion.isDone()) {
                        return completion.pending();
                    }
                    int read = completion.bytesOrThrow();
                    if (!playBack(bytes.asSlice(0, read))) {
                        finish();
                        continue;
                    }
                    state = State.WRITE;
                }
                case WRITE -> {
                    if (!completion.isDone()) {
                        return completion.pending();
                    }
                    completion.bytesOrThrow();
                    completion.reset();
                    state = State.TRUNCATE;
                    database.truncate(originalPages * pageSize, completion);
                }
                case TRUNCATE -> {
                    if (!completion.isDone()) {
                        return completion.pending();
                    }
                    completion.bytesOrThrow();
                    completion.reset();
                    state = State.SYNC;
                    database.sync(completion);
                }
                case SYNC -> {
                    if (!completion.isDone()) {
                        return completion.pending();
                    }
                    completion.bytesOrThrow();
                    finish();
                }
                case DONE -> {
                    return IOResult.done();
                }
            }
        }
    }

    private void finish() throws IOException {
        journal.close();
        io.removeFile(journalPath);
        arena.close();
        state = State.DONE;
    }

    /** Submits the writes of every valid record; false when the journal is not hot. */
    private boolean playBack(MemorySegment j) {
        if (!hasMagic(j, 0)) {
            return false;
        }
        originalPages = BigEndian.u32(j, 16);
        int sector = BigEndian.i32(j, 20);
        pageSize = BigEndian.i32(j, 24);
        if (!DatabaseHeader.isValidPageSize(pageSize)
                || sector < 32
                || sector > 65536
                || (sector & (sector - 1)) != 0) {
            return false;
        }
        completion.reset();
        CompletionGroup group = new CompletionGroup(completion);
        long header = 0;
        int recordBytes = pageSize + 8;
        outer:
        while (header + 28 <= j.byteSize() && hasMagic(j, header)) {
            long records = BigEndian.u32(j, header + 8);
            int nonce = BigEndian.i32(j, header + 12);
            long at = header + sector;
            if (records == 0xffff_ffffL) {
                records = (j.byteSize() - at) / recordBytes;
            }
            for (long r = 0; r < records; r++, at += recordBytes) {
                if (at + recordBytes > j.byteSize()) {
                    break outer;
                }
                long page = BigEndian.u32(j, at);
                MemorySegment image = j.asSlice(at + 4, pageSize);
                if (checksum(image, nonce) != BigEndian.i32(j, at + 4 + pageSize)) {
                    break outer; // the rest was never synced, so the file never saw those writes
                }
                if (page >= 1 && page <= originalPages) {
                    database.pwrite((page - 1) * pageSize, image, group.add(new Completion()));
                    pagesRestored++;
                }
            }
            header = (at + sector - 1) / sector * sector;
        }
        group.seal();
        return true;
    }

    private static boolean hasMagic(MemorySegment j, long at) {
        if (at + MAGIC.length > j.byteSize()) {
            return false;
        }
        for (int i = 0; i < MAGIC.length; i++) {
            if (j.get(java.lang.foreign.ValueLayout.JAVA_BYTE, at + i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }

    private int checksum(MemorySegment image, int nonce) {
        int sum = nonce;
        for (int i = pageSize - 200; i > 0; i -= 200) {
            sum += BigEndian.u8(image, i);
        }
        return sum;
    }
}
