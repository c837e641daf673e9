package io.tursoj.storage.testing;

import io.tursoj.io.Completion;
import io.tursoj.io.DatabaseFile;
import io.tursoj.io.IO;
import io.tursoj.io.OpenFlags;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;

/** Moves whole files between the real file system and an in-memory {@link IO}. */
public final class TestFiles {
    private TestFiles() {}

    /**
     * Copies {@code source} into {@code io} under {@code name}, replacing what was there, with its log
     * {@code source-wal} when one exists.
     */
    public static void load(IO io, String name, Path source) throws IOException {
        copyIn(io, name, source);
        Path wal = source.resolveSibling(source.getFileName() + "-wal");
        if (Files.exists(wal)) {
            copyIn(io, name + "-wal", wal);
        } else {
            io.removeFile(name + "-wal");
        }
    }

    /** Copies {@code source} into {@code io} under {@code name}, replacing what was there. */
    public static void copyIn(IO io, String name, Path source) throws IOException {
        byte[] bytes = Files.readAllBytes(source);
        try (DatabaseFile f = io.openFile(name, OpenFlags.of(OpenFlags.CREATE | OpenFlags.TRUNCATE));
                Arena arena = Arena.ofConfined()) {
            if (bytes.length > 0) {
                MemorySegment buf = arena.allocate(bytes.length);
                MemorySegment.copy(bytes, 0, buf, ValueLayout.JAVA_BYTE, 0, bytes.length);
                Completion c = f.pwrite(0, buf, new Completion());
                io.waitFor(c);
                c.bytesOrThrow();
            }
        }
    }

    /**
     * Writes the whole of {@code name} in {@code io} to {@code target}, and its write-ahead log {@code name-wal} (if
     * any) to {@code target-wal}, so that sqlite3 sees what a crash-free shutdown would leave.
     */
    public static void save(IO io, String name, Path target) throws IOException {
        copyOut(io, name, target);
        Path walTarget = target.resolveSibling(target.getFileName() + "-wal");
        if (io.exists(name + "-wal")) {
            copyOut(io, name + "-wal", walTarget);
        } else {
            Files.deleteIfExists(walTarget);
        }
    }

    /** Writes the whole of {@code name} in {@code io} to {@code target}. */
    public static void copyOut(IO io, String name, Path target) throws IOException {
        try (DatabaseFile f = io.openFile(name, OpenFlags.READ_ONLY_EXISTING);
                Arena arena = Arena.ofConfined()) {
            long size = f.size();
            MemorySegment buf = arena.allocate(Math.max(1, size));
            if (size > 0) {
                Completion c = f.pread(0, buf.asSlice(0, size), new Completion());
                io.waitFor(c);
                c.bytesOrThrow();
            }
            Files.write(target, buf.asSlice(0, size).toArray(ValueLayout.JAVA_BYTE));
        }
    }
}
