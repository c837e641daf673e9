package io.tursoj.storage.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the installed {@code sqlite3} command-line shell (the differential oracle). SQL goes in on standard input,
 * so scripts of any size work; output comes back as text in list mode ({@code |} between columns).
 */
public final class Sqlite3 {
    private static final Boolean AVAILABLE = probe();

    private Sqlite3() {}

    /** Whether a {@code sqlite3} binary runs on this machine. */
    public static boolean available() {
        return AVAILABLE;
    }

    /** Runs {@code sql} against {@code db}; returns standard output. Fails on a non-zero exit or any stderr. */
    public static String run(Path db, String sql) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sqlite3", "-batch", "-bail", db.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path in = Files.createTempFile("tursoj-sql", ".sql");
        Path out = Files.createTempFile("tursoj-out", ".txt");
        Path err = Files.createTempFile("tursoj-err", ".txt");
        try {
            Files.writeString(in, sql, StandardCharsets.UTF_8);
            pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            Process p = pb.start();
            boolean finished;
            try {
                finished = p.waitFor(10, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
                throw new IOException("interrupted while running sqlite3", e);
            }
            if (!finished) {
                p.destroyForcibly();
                throw new IOException("sqlite3 did not finish");
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (p.exitValue() != 0 || !stderr.isEmpty()) {
                throw new IOException("sqlite3 exit " + p.exitValue() + ": " + stderr.strip());
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** Runs {@code sql} and returns its output lines. */
    public static List<String> lines(Path db, String sql) throws IOException {
        String text = run(db, sql);
        if (text.isEmpty()) {
            return List.of();
        }
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return List.of(body.split("\n", -1));
    }

    private static Boolean probe() {
        try {
            Process p = new ProcessBuilder("sqlite3", "-version")
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
