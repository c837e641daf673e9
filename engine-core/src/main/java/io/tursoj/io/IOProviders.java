package io.tursoj.io;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Finds {@link IOProvider}s on the class path and picks one: the named one, or else the available provider of
 * highest priority. A fallback (io_uring unavailable, so NIO) is never silent: the {@link Selection} says why, and
 * it is logged once through {@link System.Logger}.
 */
public final class IOProviders {
    private static final System.Logger LOG = System.getLogger(IOProviders.class.getName());
    private static volatile boolean fallbackLogged;

    private IOProviders() {}

    /** A chosen provider and the reason it was chosen (including why better ones were passed over). */
    public record Selection(IOProvider provider, String reason) {
        public IO create(IOOptions options) {
            return provider.create(options);
        }
    }

    /** Every provider on the class path, highest priority first. */
    public static List<IOProvider> all() {
        List<IOProvider> found = new ArrayList<>();
        ServiceLoader.load(IOProvider.class, IOProviders.class.getClassLoader()).forEach(found::add);
        found.sort(Comparator.comparingInt(IOProvider::priority).reversed());
        return found;
    }

    /** The provider called {@code name}, which must be available; throws with the probe's reason otherwise. */
    public static Selection named(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        List<IOProvider> providers = all();
        for (IOProvider p : providers) {
            if (p.name().equals(wanted)) {
                IOProvider.Availability a = p.probe();
                if (!a.available()) {
                    throw new IllegalStateException("io backend '" + name + "' is unavailable: " + a.reason());
                }
                return new Selection(p, "requested; " + a.reason());
            }
        }
        List<String> names = providers.stream().map(IOProvider::name).toList();
        throw new IllegalArgumentException("unknown io backend '" + name + "' (known: " + names + ")");
    }

    /**
     * The default for file databases: the available provider with the highest positive priority. Memory and the
     * simulator (priority 0) are never defaults.
     */
    public static Selection best() {
        StringBuilder skipped = new StringBuilder();
        for (IOProvider p : all()) {
            if (p.priority() <= 0) {
                continue;
            }
            IOProvider.Availability a = p.probe();
            if (a.available()) {
                if (skipped.isEmpty()) {
                    return new Selection(p, a.reason());
                }
                String reason = a.reason() + " (fallback: " + skipped + ")";
                if (!fallbackLogged) {
                    fallbackLogged = true;
                    LOG.log(System.Logger.Level.WARNING, "TursoJ io backend " + p.name() + ": " + reason);
                }
                return new Selection(p, reason);
            }
            if (!skipped.isEmpty()) {
                skipped.append("; ");
            }
            skipped.append(p.name()).append(" unavailable: ").append(a.reason());
        }
        throw new IllegalStateException("no io backend available: " + skipped);
    }

    /** {@link #named} when {@code name} is non-null and non-empty, else {@link #best()}. */
    public static Selection select(String name) {
        return name == null || name.isEmpty() ? best() : named(name);
    }
}
