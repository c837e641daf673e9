package io.tursoj.io.uring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Both hand-off queues: bounded, non-blocking, first in first out, drained in limited batches. */
class HandOffTest {

    @Test
    void shouldUseAgronaWhenTheJvmExportsUnsafeToIt() {
        // Surefire runs io-uring's tests with --add-exports java.base/jdk.internal.misc=ALL-UNNAMED.
        assertTrue(HandOff.agronaUsable());
        assertInstanceOf(HandOff.Agrona.class, HandOff.create(8, true));
        assertInstanceOf(HandOff.Jdk.class, HandOff.create(8, false));
        assertTrue(
                Capabilities.get().reason().contains("hand-off: Agrona"),
                Capabilities.get().reason());
    }

    @Test
    void shouldKeepIoUringWithTheJdkQueueWhenAgronaIsBlocked() throws Exception {
        String javaCommand = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(
                        javaCommand,
                        "--enable-native-access=ALL-UNNAMED", // but no --add-exports for Agrona
                        "-cp",
                        System.getProperty("java.class.path"),
                        ProbeMain.class.getName())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertTrue(out.contains("available=true"), out);
        assertTrue(out.contains("agrona=false"), out);
        assertTrue(out.contains("--add-exports java.base/jdk.internal.misc=ALL-UNNAMED"), out);
        assertTrue(out.contains("io=uring"), out);
    }

    @ParameterizedTest(name = "agrona={0}")
    @ValueSource(booleans = {true, false})
    void shouldRefuseWhenFullAndDrainInOrder(boolean agrona) {
        HandOff q = HandOff.create(8, agrona);
        assertTrue(q.isEmpty());
        List<Request> offered = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Request r = new Request();
            r.pos = i;
            assertTrue(q.offer(r));
            offered.add(r);
        }
        assertFalse(q.offer(new Request()), "bounded: a full queue refuses instead of blocking");
        assertFalse(q.isEmpty());
        List<Request> drained = new ArrayList<>();
        assertEquals(3, q.drain(drained::add, 3));
        assertEquals(5, q.drain(drained::add, 100));
        assertEquals(0, q.drain(drained::add, 100));
        assertEquals(offered, drained);
        assertTrue(q.isEmpty());
    }
}
