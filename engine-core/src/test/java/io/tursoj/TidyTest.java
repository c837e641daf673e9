package io.tursoj;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps the tree tidy, in the spirit of TigerBeetle's tidy test: bans APIs that would break the simulator's
 * determinism outside the I/O layer (time and randomness must come from {@code IO.clock()} / {@code IO.random()}),
 * and caps file length. Scans the main sources of every module in the reactor.
 */
class TidyTest {
    private static final int MAX_FILE_LINES = 2000;

    private static final List<String> BANNED = List.of(
            "Thread.sleep(",
            "System.currentTimeMillis(",
            "System.nanoTime(",
            "new Random(",
            "Math.random(",
            ".printStackTrace(");

    @Test
    void shouldKeepTimeAndRandomnessBehindTheIOLayer() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : mainSources()) {
            if (isIOLayer(file)) {
                continue;
            }
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).strip();
                if (line.startsWith("//") || line.startsWith("*")) {
                    continue;
                }
                for (String banned : BANNED) {
                    if (line.contains(banned)) {
                        violations.add(file + ":" + (i + 1) + ": " + banned);
                    }
                }
            }
        }
        assertTrue(violations.isEmpty(), "banned calls outside the io layer:\n" + String.join("\n", violations));
    }

    @Test
    void shouldKeepFilesUnderTheLengthCap() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path file : mainSources()) {
            long lines;
            try (Stream<String> s = Files.lines(file)) {
                lines = s.count();
            }
            if (lines > MAX_FILE_LINES) {
                violations.add(file + ": " + lines + " lines");
            }
        }
        assertTrue(violations.isEmpty(), "files over " + MAX_FILE_LINES + " lines:\n" + String.join("\n", violations));
    }

    /** The I/O backends own time and randomness; the bench module measures wall-clock time by design. */
    private static boolean isIOLayer(Path file) {
        String p = file.toString().replace('\\', '/');
        return p.contains("/src/main/java/io/tursoj/io/") || p.contains("/bench/src/");
    }

    private static List<Path> mainSources() throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("engine-core"))) {
            root = root.getParent();
        }
        assertTrue(root != null, "reactor root not found");
        List<Path> files = new ArrayList<>();
        try (Stream<Path> modules = Files.list(root)) {
            for (Path module : modules.toList()) {
                Path src = module.resolve("src/main/java");
                if (Files.isDirectory(src)) {
                    try (Stream<Path> walk = Files.walk(src)) {
                        walk.filter(f -> f.toString().endsWith(".java")).forEach(files::add);
                    }
                }
            }
        }
        assertTrue(!files.isEmpty(), "no sources found under " + root);
        return files;
    }
}
