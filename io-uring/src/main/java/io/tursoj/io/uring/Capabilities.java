package io.tursoj.io.uring;

import io.tursoj.io.Errno;
import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.SymbolLookup;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Whether io_uring works here, and if not, why: the start-up probe behind {@link UringIOProvider#probe()}.
 *
 * <p>The checks run in an order that never crashes and never poisons a class: the sysctl and the native-access
 * flag first, then liburing is opened with {@link SymbolLookup#libraryLookup} <em>before any jextract class is
 * touched</em> (their static initialisers load the library and would fail for good if it were missing), then a
 * throw-away ring is created and its features and opcodes are checked.
 *
 * @param available whether {@link UringIO} can be used
 * @param reason what was found, in words a user can act on
 */
public record Capabilities(boolean available, String reason) {
    /** The soname the bindings load (generated with {@code -l :liburing.so.2}); Debian/Ubuntu package liburing2. */
    static final String LIBRARY = "liburing.so.2";

    static final Path SYSCTL = Path.of("/proc/sys/kernel/io_uring_disabled");

    /** Every liburing function the backend calls; all must be exported. */
    static final List<String> REQUIRED_SYMBOLS = List.of(
            "io_uring_queue_init",
            "io_uring_queue_init_params",
            "io_uring_queue_exit",
            "io_uring_submit",
            "io_uring_submit_and_wait_timeout",
            "io_uring_register_buffers",
            "io_uring_unregister_buffers",
            "io_uring_register_files_sparse",
            "io_uring_register_files_update",
            "io_uring_unregister_files",
            "io_uring_get_probe_ring",
            "io_uring_free_probe");

    /** IORING_FEAT_NODROP: completions are never dropped when the CQ overflows. */
    static final int FEAT_NODROP = 1 << 1;
    /** IORING_FEAT_EXT_ARG: timed waits without a timeout SQE (Linux 5.11). */
    static final int FEAT_EXT_ARG = 1 << 8;

    /** Opcodes the backend issues, with their names. */
    static final int[] REQUIRED_OPS = {
        Sqes.OP_NOP,
        Sqes.OP_READ,
        Sqes.OP_WRITE,
        Sqes.OP_WRITEV,
        Sqes.OP_FSYNC,
        Sqes.OP_READ_FIXED,
        Sqes.OP_WRITE_FIXED,
        Sqes.OP_ASYNC_CANCEL
    };

    static final String[] REQUIRED_OP_NAMES = {
        "NOP", "READ", "WRITE", "WRITEV", "FSYNC", "READ_FIXED", "WRITE_FIXED", "ASYNC_CANCEL"
    };

    private static volatile Capabilities probed;

    /** What the probe found on this machine; runs once, then cached. */
    public static Capabilities get() {
        Capabilities c = probed;
        if (c == null) {
            synchronized (Capabilities.class) {
                c = probed;
                if (c == null) {
                    c = probe(Environment.real());
                    probed = c;
                }
            }
        }
        return c;
    }

    /** What a ring probe saw: the setup result, then (when it succeeded) features and opcode support. */
    record RingFacts(int setupResult, int features, int lastOp, boolean[] supported) {}

    /**
     * The probe's inputs, so that tests can play each failure (a disabled sysctl, a missing library, a refused
     * ring) through the same decision code.
     */
    record Environment(Path sysctl, String library, boolean nativeAccess, RingProber ringProber) {
        static Environment real() {
            return new Environment(
                    SYSCTL, LIBRARY, Capabilities.class.getModule().isNativeAccessEnabled(), RingProbe::run);
        }
    }

    /** Creates a test ring and reports on it. */
    @FunctionalInterface
    interface RingProber {
        RingFacts probe();
    }

    static Capabilities probe(Environment env) {
        int disabled = readSysctl(env.sysctl());
        if (disabled == 2) {
            return no("io_uring is disabled by sysctl kernel.io_uring_disabled=2");
        }
        if (!env.nativeAccess()) {
            return no("native access is not enabled for io-uring: run java with --enable-native-access=ALL-UNNAMED"
                    + " (or =<module>)");
        }
        String missing = checkLibrary(env.library());
        if (missing != null) {
            return no(missing);
        }
        RingFacts facts;
        try {
            facts = env.ringProber().probe();
        } catch (RuntimeException | LinkageError e) {
            return no("probing a test ring failed: " + e);
        }
        return judge(facts, disabled);
    }

    static Capabilities judge(RingFacts facts, int sysctlDisabled) {
        int r = facts.setupResult();
        if (r < 0) {
            return no(setupFailure(-r, sysctlDisabled));
        }
        if ((facts.features() & FEAT_EXT_ARG) == 0) {
            return no("kernel lacks IORING_FEAT_EXT_ARG (timed waits need Linux 5.11 or newer); features 0x"
                    + Integer.toHexString(facts.features()));
        }
        if ((facts.features() & FEAT_NODROP) == 0) {
            return no("kernel lacks IORING_FEAT_NODROP (Linux 5.5 or newer)");
        }
        StringBuilder unsupported = new StringBuilder();
        for (int i = 0; i < REQUIRED_OPS.length; i++) {
            int op = REQUIRED_OPS[i];
            if (op >= facts.supported().length || !facts.supported()[op]) {
                unsupported.append(unsupported.isEmpty() ? "" : ", ").append(REQUIRED_OP_NAMES[i]);
            }
        }
        if (!unsupported.isEmpty()) {
            return no("kernel does not support io_uring opcodes: " + unsupported);
        }
        return new Capabilities(
                true,
                "io_uring through liburing 2.3 (kernel features 0x" + Integer.toHexString(facts.features())
                        + ", last opcode " + facts.lastOp() + "; cross-thread hand-off: "
                        + (HandOff.agronaUsable()
                                ? "Agrona"
                                : "JDK queue, as Agrona needs --add-exports java.base/jdk.internal.misc=ALL-UNNAMED")
                        + ")");
    }

    private static String setupFailure(int errno, int sysctlDisabled) {
        return switch (errno) {
            case Errno.EPERM ->
                "io_uring_setup refused (EPERM): "
                        + (sysctlDisabled == 1
                                ? "kernel.io_uring_disabled=1 allows io_uring only to CAP_SYS_ADMIN or kernel.io_uring_group"
                                : "blocked by a seccomp filter (e.g. the default profile of Docker 25+ / containerd)");
            case Errno.ENOSYS ->
                "io_uring_setup does not exist (ENOSYS): kernel built without io_uring, or a"
                        + " sandbox filters the system call";
            case Errno.ENOMEM ->
                "io_uring_setup failed (ENOMEM): the locked-memory limit (ulimit -l) is too low for"
                        + " the ring on this kernel";
            default -> "io_uring_setup failed: " + Errno.describe(errno);
        };
    }

    /** The sysctl's value, or 0 when the kernel predates it (Linux < 6.6) or it cannot be read. */
    static int readSysctl(Path sysctl) {
        try {
            return Integer.parseInt(
                    Files.readString(sysctl, StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException | SecurityException e) {
            return 0;
        }
    }

    /** Null when {@code library} opens and exports every required symbol; else the reason. */
    @SuppressWarnings("restricted") // opening the library is the check
    static String checkLibrary(String library) {
        try (Arena arena = Arena.ofConfined()) {
            SymbolLookup lookup = SymbolLookup.libraryLookup(library, arena);
            for (String symbol : REQUIRED_SYMBOLS) {
                if (lookup.find(symbol).isEmpty()) {
                    return library + " does not export " + symbol + ": liburing 2.3 or newer is needed";
                }
            }
            return null;
        } catch (IllegalArgumentException e) {
            return library + " cannot be loaded (install the liburing2 package, e.g. apt-get install liburing2): "
                    + e.getMessage();
        } catch (IllegalCallerException e) {
            return "native access is denied (--illegal-native-access=deny): run java with"
                    + " --enable-native-access=ALL-UNNAMED";
        }
    }

    private static Capabilities no(String reason) {
        return new Capabilities(false, reason);
    }
}
