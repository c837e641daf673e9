package io.tursoj.io.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.io.Errno;
import io.tursoj.io.IOProvider;
import io.tursoj.io.IOProviders;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up probe: on this machine io_uring works; each way it can fail elsewhere is played through the same
 * decision code with one input changed, and must give a reason a user can act on.
 */
class CapabilitiesTest {
    @TempDir
    Path dir;

    private static final Capabilities.RingFacts GOOD = new Capabilities.RingFacts(0, 0x3ffff, 62, allOps());

    private static boolean[] allOps() {
        boolean[] ops = new boolean[63];
        Arrays.fill(ops, true);
        return ops;
    }

    private Path sysctl(String value) throws IOException {
        Path p = dir.resolve("io_uring_disabled");
        Files.writeString(p, value + "\n");
        return p;
    }

    private static Capabilities probe(Path sysctl, String library, boolean nativeAccess, Capabilities.RingFacts f) {
        return Capabilities.probe(new Capabilities.Environment(sysctl, library, nativeAccess, () -> f));
    }

    @Test
    void shouldBeAvailableOnThisMachine() {
        Capabilities c = Capabilities.get();
        assertTrue(c.available(), c.reason());
        assertTrue(c.reason().contains("liburing"), c.reason());
        IOProvider.Availability a = new UringIOProvider().probe();
        assertTrue(a.available());
        IOProviders.Selection best = IOProviders.best();
        assertEquals("uring", best.provider().name(), "io_uring is the default where it works");
    }

    @Test
    void shouldPassWithTheRealRingProbe() {
        Capabilities c = Capabilities.probe(Capabilities.Environment.real());
        assertTrue(c.available(), c.reason());
        Capabilities.RingFacts facts = RingProbe.run();
        assertEquals(0, facts.setupResult());
        assertTrue((facts.features() & Capabilities.FEAT_EXT_ARG) != 0);
        assertTrue(facts.supported()[Sqes.OP_READ_FIXED]);
        assertTrue(facts.lastOp() >= Sqes.OP_WRITE);
    }

    @Test
    void shouldRefuseWhenTheSysctlDisablesIoUring() throws IOException {
        AtomicInteger ringsTried = new AtomicInteger();
        Capabilities c =
                Capabilities.probe(new Capabilities.Environment(sysctl("2"), Capabilities.LIBRARY, true, () -> {
                    ringsTried.incrementAndGet();
                    return GOOD;
                }));
        assertFalse(c.available());
        assertTrue(c.reason().contains("kernel.io_uring_disabled=2"), c.reason());
        assertEquals(0, ringsTried.get(), "no ring is attempted");
        assertTrue(probe(sysctl("0"), Capabilities.LIBRARY, true, GOOD).available());
        assertTrue(
                probe(dir.resolve("absent"), Capabilities.LIBRARY, true, GOOD).available(), "pre-6.6 kernel");
    }

    @Test
    void shouldExplainEpermByTheSysctlOrBySeccomp() throws IOException {
        Capabilities.RingFacts eperm = new Capabilities.RingFacts(-Errno.EPERM, 0, 0, new boolean[0]);
        Capabilities restricted = probe(sysctl("1"), Capabilities.LIBRARY, true, eperm);
        assertFalse(restricted.available());
        assertTrue(restricted.reason().contains("kernel.io_uring_disabled=1"), restricted.reason());
        Capabilities seccomp = probe(sysctl("0"), Capabilities.LIBRARY, true, eperm);
        assertFalse(seccomp.available());
        assertTrue(seccomp.reason().contains("EPERM") && seccomp.reason().contains("seccomp"), seccomp.reason());
    }

    @Test
    void shouldExplainEnosysAndEnomem() {
        Capabilities enosys = Capabilities.judge(new Capabilities.RingFacts(-Errno.ENOSYS, 0, 0, new boolean[0]), 0);
        assertFalse(enosys.available());
        assertTrue(enosys.reason().contains("ENOSYS"), enosys.reason());
        Capabilities enomem = Capabilities.judge(new Capabilities.RingFacts(-Errno.ENOMEM, 0, 0, new boolean[0]), 0);
        assertFalse(enomem.available());
        assertTrue(enomem.reason().contains("ulimit -l"), enomem.reason());
    }

    @Test
    void shouldNameAMissingLibraryAndItsPackage() {
        Capabilities c = probe(dir.resolve("absent"), "liburing.so.999", true, GOOD);
        assertFalse(c.available());
        assertTrue(c.reason().contains("liburing.so.999") && c.reason().contains("liburing2"), c.reason());
        Capabilities wrong = probe(dir.resolve("absent"), "libc.so.6", true, GOOD);
        assertFalse(wrong.available());
        assertTrue(wrong.reason().contains("does not export io_uring_"), wrong.reason());
    }

    @Test
    void shouldAskForNativeAccess() {
        Capabilities c = probe(dir.resolve("absent"), Capabilities.LIBRARY, false, GOOD);
        assertFalse(c.available());
        assertTrue(c.reason().contains("--enable-native-access"), c.reason());
    }

    @Test
    void shouldRequireFeaturesAndOpcodes() {
        Capabilities noExtArg = Capabilities.judge(new Capabilities.RingFacts(0, 0x3ffff & ~(1 << 8), 62, allOps()), 0);
        assertFalse(noExtArg.available());
        assertTrue(noExtArg.reason().contains("EXT_ARG"), noExtArg.reason());
        boolean[] ops = allOps();
        ops[Sqes.OP_READ_FIXED] = false;
        ops[Sqes.OP_WRITEV] = false;
        Capabilities missingOps = Capabilities.judge(new Capabilities.RingFacts(0, 0x3ffff, 62, ops), 0);
        assertFalse(missingOps.available());
        assertTrue(
                missingOps.reason().contains("READ_FIXED")
                        && missingOps.reason().contains("WRITEV"),
                missingOps.reason());
        Capabilities oldKernel = Capabilities.judge(new Capabilities.RingFacts(0, 0x3ffff, 20, new boolean[21]), 0);
        assertFalse(oldKernel.available());
        assertTrue(oldKernel.reason().contains("READ"), oldKernel.reason());
    }

    @Test
    void shouldReportAProbeThatThrows() {
        Capabilities c = Capabilities.probe(
                new Capabilities.Environment(dir.resolve("absent"), Capabilities.LIBRARY, true, () -> {
                    throw new IllegalStateException("boom");
                }));
        assertFalse(c.available());
        assertTrue(c.reason().contains("boom"), c.reason());
    }
}
