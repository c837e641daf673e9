package io.tursoj.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-file pass counts a conformance runner must not fall below, kept as data in
 * {@code engine-core/src/test/resources/conformance/NAME.baseline} (one {@code file<TAB>passed} line per corpus file,
 * {@code #} comments). {@link #compare} lists the files that dropped below their count (the runner fails on them) and
 * prints the ones that rose; with {@code -Dtursoj.conformance.rebaseline=true} it rewrites the file from the counts of
 * this run instead, which is how the baselines are raised after features land.
 */
final class Baseline {
    static final String REBASELINE = "tursoj.conformance.rebaseline";

    private final String name;
    private final Map<String, Integer> counts;

    private Baseline(String name, Map<String, Integer> counts) {
        this.name = name;
        this.counts = counts;
    }

    /** Reads the baseline {@code name} from the module's test resources (empty when it does not exist yet). */
    static Baseline load(String name) {
        Map<String, Integer> counts = new TreeMap<>();
        try (InputStream in = Baseline.class.getResourceAsStream("/conformance/" + name + ".baseline")) {
            if (in != null) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    int tab = line.lastIndexOf('\t');
                    counts.put(
                            line.substring(0, tab),
                            Integer.parseInt(line.substring(tab + 1).strip()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Baseline(name, counts);
    }

    int total() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * Compares this run's per-file pass counts with the baseline and returns one line per file that dropped (empty
     * when none did). Files that rose are printed with a hint; with {@value #REBASELINE} the baseline file is rewritten.
     */
    List<String> compare(Map<String, Integer> actual, String header) {
        List<String> drops = new ArrayList<>();
        int rises = 0;
        for (Map.Entry<String, Integer> e : actual.entrySet()) {
            Integer floor = counts.get(e.getKey());
            if (floor == null) {
                continue;
            }
            if (e.getValue() < floor) {
                drops.add(e.getKey() + ": " + e.getValue() + " passed < baseline " + floor);
            } else if (e.getValue() > floor) {
                rises++;
                System.out.println(
                        name + " above baseline: " + e.getKey() + ": " + e.getValue() + " passed > " + floor);
            }
        }
        for (String d : drops) {
            System.out.println(name + " REGRESSION " + d);
        }
        if (Boolean.getBoolean(REBASELINE)) {
            write(actual, header);
        } else if (rises > 0) {
            System.out.println(name + ": " + rises + " files above their baseline; raise it with -D" + REBASELINE
                    + "=true (see engine-core/src/test/resources/conformance/README.md)");
        }
        return drops;
    }

    private void write(Map<String, Integer> actual, String header) {
        Path file = Path.of(System.getProperty("basedir", "."), "src/test/resources/conformance", name + ".baseline");
        StringBuilder b = new StringBuilder();
        for (String line : header.split("\n")) {
            b.append("# ").append(line).append('\n');
        }
        for (Map.Entry<String, Integer> e : new TreeMap<>(actual).entrySet()) {
            b.append(e.getKey()).append('\t').append(e.getValue()).append('\n');
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println(
                name + ": baseline rewritten at " + file.toAbsolutePath().normalize());
    }
}
