package io.tursoj.io;

/**
 * The service-provider interface through which {@link IOProviders} finds backends ({@link java.util.ServiceLoader},
 * {@code META-INF/services/io.tursoj.io.IOProvider}).
 */
public interface IOProvider {

    /** The backend's short name, as in {@code ?io=} and {@code --io}: {@code uring}, {@code nio}, {@code sim}... */
    String name();

    /**
     * Preference when no backend is named: the available provider with the highest priority is the default.
     * io_uring 100, NIO 50; memory and the simulator 0 (only when asked for).
     */
    int priority();

    /**
     * Whether this backend works on this machine and, if not, why (e.g. "io_uring disabled by
     * kernel.io_uring_disabled=2"). Cheap after the first call; must not load native code that can crash.
     */
    Availability probe();

    /** Creates a backend instance; call only when {@link #probe()} says it is available. */
    IO create(IOOptions options);

    /** What a {@link #probe()} found. */
    record Availability(boolean available, String reason) {
        public static Availability yes(String reason) {
            return new Availability(true, reason);
        }

        public static Availability no(String reason) {
            return new Availability(false, reason);
        }
    }
}
