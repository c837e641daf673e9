package io.tursoj.io;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.HashMap;
import java.util.Map;

/**
 * A synchronous in-memory backend: files live in this instance's memory and every operation finishes inside the
 * call that submits it. Used for {@code :memory:} databases and for core unit tests. Files persist across
 * open/close within one instance (like a RAM disk), and vanish with it.
 */
public final class MemoryIO implements IO {
    private final Map<String, MemoryFileData> files = new HashMap<>();
    private final Clock clock;
    private final RandomSource random;
    private int openFiles;
    private boolean closed;

    public MemoryIO() {
        this(Clock.SYSTEM, RandomSource.system());
    }

    public MemoryIO(Clock clock, RandomSource random) {
        this.clock = clock;
        this.random = random;
    }

    @Override
    public synchronized DatabaseFile openFile(String path, OpenFlags flags) throws IOException {
        checkOpen();
        MemoryFileData data = files.get(path);
        if (data == null) {
            if (!flags.create()) {
                throw new NoSuchFileException(path);
            }
            data = new MemoryFileData();
            files.put(path, data);
        } else if (flags.truncate()) {
            data.truncate(0);
        }
        openFiles++;
        return new MemoryFile(this, path, flags, data);
    }

    @Override
    public synchronized void removeFile(String path) {
        checkOpen();
        files.remove(path);
    }

    @Override
    public synchronized boolean exists(String path) {
        checkOpen();
        return files.containsKey(path);
    }

    @Override
    public int step(long maxWaitNanos) {
        checkOpen();
        return 0; // every operation already finished when it was submitted
    }

    @Override
    public boolean hasInFlight() {
        return false;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public RandomSource random() {
        return random;
    }

    @Override
    public String name() {
        return "memory";
    }

    /** Files currently open through this instance (for leak checks in tests). */
    public synchronized int openFileCount() {
        return openFiles;
    }

    synchronized void onFileClosed() {
        openFiles--;
    }

    @Override
    public synchronized void close() {
        closed = true;
        files.clear();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("io is closed");
        }
    }
}
