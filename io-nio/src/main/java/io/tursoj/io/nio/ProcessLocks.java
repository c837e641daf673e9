package io.tursoj.io.nio;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * Whole-file advisory locks for {@link NioFile}, per process as the {@link io.tursoj.io.DatabaseFile#tryLock}
 * contract asks: handles of this process share one lock state per file (shared count, exclusive holder), and one
 * operating-system lock ({@code fcntl} through {@link FileChannel#tryLock}) keeps other processes out.
 *
 * <p>Invariants:
 *
 * <ol>
 *   <li>An entry exists while some handle holds a lock on its file; it owns a private channel that holds the OS
 *       lock, shared while only shared holders exist, exclusive while an exclusive holder exists.
 *   <li>A handle holds at most one of shared or exclusive; an upgrade trades its shared lock for the exclusive one.
 *   <li>The JVM refuses overlapping locks from one process ({@link OverlappingFileLockException}), so the OS lock is
 *       released before it is re-taken in another mode. An upgrade that loses the race to another process re-takes
 *       the shared lock; if even that fails the holder is told with an {@link IOException}.
 * </ol>
 *
 * <p>Known limit (POSIX {@code fcntl} semantics): closing any descriptor of a file drops this process's OS locks on
 * it. TursoJ keeps one handle per database file per process, as SQLite's unix VFS does.
 */
final class ProcessLocks {
    private static final Map<Object, Entry> ENTRIES = new HashMap<>(); // guarded by itself

    private ProcessLocks() {}

    private static final class Entry {
        int sharedHolders;
        NioFile exclusiveHolder;
        FileChannel channel;
        boolean channelWritable;
        FileLock osLock;

        boolean idle() {
            return sharedHolders == 0 && exclusiveHolder == null;
        }
    }

    /** Takes a lock for {@code file}, which holds no lock or (for an upgrade) a shared one. */
    static boolean tryLock(NioFile file, boolean exclusive, boolean holdsShared) throws IOException {
        synchronized (ENTRIES) {
            Entry e = ENTRIES.computeIfAbsent(file.fileKey(), k -> new Entry());
            try {
                return exclusive ? tryExclusive(e, file, holdsShared) : tryShared(e, file);
            } finally {
                if (e.idle()) {
                    ENTRIES.remove(file.fileKey());
                    closeQuietly(e);
                }
            }
        }
    }

    /** Releases {@code file}'s lock, exclusive or shared. */
    static void unlock(NioFile file, boolean exclusive) throws IOException {
        synchronized (ENTRIES) {
            Entry e = ENTRIES.get(file.fileKey());
            if (e == null) {
                return;
            }
            if (exclusive) {
                assert e.exclusiveHolder == file : "unlocking an exclusive lock held by another handle";
                e.exclusiveHolder = null;
            } else {
                assert e.sharedHolders > 0 : "unlocking a shared lock nobody holds";
                e.sharedHolders--;
            }
            assert !exclusive || e.idle() : "shared holders beside an exclusive one";
            if (e.idle()) {
                ENTRIES.remove(file.fileKey());
                e.osLock.release();
                e.channel.close();
            }
        }
    }

    private static boolean tryShared(Entry e, NioFile file) throws IOException {
        if (e.exclusiveHolder != null) {
            return false;
        }
        if (e.sharedHolders == 0) {
            e.osLock = osLock(e, file, true);
            if (e.osLock == null) {
                return false;
            }
        }
        e.sharedHolders++;
        return true;
    }

    private static boolean tryExclusive(Entry e, NioFile file, boolean holdsShared) throws IOException {
        int otherShared = e.sharedHolders - (holdsShared ? 1 : 0);
        if (e.exclusiveHolder != null || otherShared > 0) {
            return false;
        }
        if (file.flags().readOnly()) {
            throw new IOException("an exclusive lock needs a writable file: " + file.path());
        }
        if (e.osLock != null) { // our own shared lock: trade it
            e.osLock.release();
            e.osLock = null;
        }
        if (e.channel != null && !e.channelWritable) { // opened by a read-only handle
            e.channel.close();
            e.channel = null;
        }
        FileLock lock = osLock(e, file, false);
        if (lock == null) {
            if (holdsShared) {
                e.osLock = osLock(e, file, true);
                if (e.osLock == null) {
                    e.sharedHolders--;
                    throw new IOException("lost the shared lock on " + file.path() + " while upgrading it");
                }
            }
            return false;
        }
        e.osLock = lock;
        if (holdsShared) {
            e.sharedHolders--;
        }
        e.exclusiveHolder = file;
        return true;
    }

    /** The OS lock in the asked mode, or null if another process holds a conflicting one. */
    private static FileLock osLock(Entry e, NioFile file, boolean shared) throws IOException {
        if (e.channel == null) {
            e.channelWritable = !file.flags().readOnly();
            e.channel = openLockChannel(Path.of(file.path()), e.channelWritable);
        }
        try {
            return e.channel.tryLock(0, Long.MAX_VALUE, shared);
        } catch (OverlappingFileLockException held) {
            return null; // another channel of this JVM, outside TursoJ, holds it
        }
    }

    private static FileChannel openLockChannel(Path path, boolean writable) throws IOException {
        return writable
                ? FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(path, StandardOpenOption.READ);
    }

    private static void closeQuietly(Entry e) {
        try {
            if (e.osLock != null) {
                e.osLock.release();
            }
            if (e.channel != null) {
                e.channel.close();
            }
        } catch (IOException ignored) {
            // nothing is held after a failed lock attempt; the channel's descriptor is released regardless
        }
    }
}
