package io.tursoj.conformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Where the shared conformance corpora are, and the watchdog thread the runners interrupt hung statements with. */
final class Corpus {
    private Corpus() {}

    /**
     * The folder {@code sub} ({@code sqltest} or {@code slt}) of the corpora: {@code -Dtursoj.conformance.dir}, else
     * {@code shared/conformance} beside the checkout (main or a worktree); null when neither exists.
     */
    static Path root(String sub) {
        String corpora = System.getProperty("tursoj.conformance.dir");
        if (corpora != null && !corpora.isBlank()) {
            return Path.of(corpora, sub).toAbsolutePath().normalize();
        }
        for (String candidate : List.of("../../shared/conformance/", "../../../shared/conformance/")) {
            Path p = Path.of(candidate, sub);
            if (Files.isDirectory(p)) {
                return p.toAbsolutePath().normalize();
            }
        }
        return null;
    }

    static ScheduledExecutorService watchdog(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
