package io.tursoj.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The shell in a real pseudo-terminal (a detached tmux session): it types, interrupts a long query with Ctrl-C,
 * reads the screen, and leaves with Ctrl-D.
 */
class InteractiveSessionTest {
    private static final long PATIENCE_SECONDS = 60;
    private final String session = "tursoj-test-" + ProcessHandle.current().pid();

    @AfterEach
    void killSession() throws Exception {
        tmux("kill-session", "-t", session);
    }

    @Test
    void shouldPromptContinueInterruptAndLeave() throws Exception {
        assumeTrue(tmux("-V") == 0, "tmux not installed");
        StringBuilder command = new StringBuilder("exec");
        for (String part : ShellProcess.javaCommand()) {
            command.append(" '").append(part.replace("'", "'\\''")).append('\'');
        }
        assertTrue(tmux("new-session", "-d", "-s", session, "-x", "120", "-y", "40", command.toString()) == 0);
        awaitScreen("Connected to a transient in-memory database.");
        awaitScreen("turso> ");

        type("SELECT 6 * 7");
        awaitScreen("   ...> ");
        type("AS answer;");
        awaitScreen("│ 42     │");

        type("CREATE TABLE t(x);");
        StringBuilder values = new StringBuilder("INSERT INTO t VALUES(0)");
        for (int i = 1; i < 200; i++) {
            values.append(",(").append(i).append(')');
        }
        type(values.append(';').toString());
        awaitScreen("(199);\nturso> ");
        type("SELECT count(*) FROM t a, t b, t c, t d, t e;");
        awaitScreen("t e;\n");
        // A loaded machine may deliver the key before the statement starts: send it again until one lands.
        for (int attempt = 0;
                attempt < 5 && !screen().contains("interrupted") && !screen().contains("Press Ctrl-C");
                attempt++) {
            tmux("send-keys", "-t", session, "C-c");
            awaitEither("interrupted", "Press Ctrl-C again", 10);
        }
        awaitScreen("interrupted");

        type(".mode list");
        type("SELECT 'still here';");
        awaitScreen("\nstill here");

        tmux("send-keys", "-t", session, "C-d");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        while (tmux("has-session", "-t", session) == 0) {
            assertTrue(System.nanoTime() < deadline, "the shell did not leave on Ctrl-D:\n" + screen());
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
        }
    }

    /** Types {@code text} and Enter; ';' goes as a key code because tmux reads a trailing ';' as a separator. */
    private void type(String text) throws Exception {
        String[] parts = text.split(";", -1);
        for (int i = 0; i < parts.length; i++) {
            if (!parts[i].isEmpty()) {
                tmux("send-keys", "-t", session, "-l", parts[i]);
            }
            if (i < parts.length - 1) {
                tmux("send-keys", "-t", session, "-H", "3b");
            }
        }
        tmux("send-keys", "-t", session, "Enter");
    }

    private void awaitScreen(String expected) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PATIENCE_SECONDS);
        String screen = screen();
        while (!screen.contains(expected)) {
            assertTrue(System.nanoTime() < deadline, "never saw \"" + expected + "\" on the screen:\n" + screen);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            screen = screen();
        }
    }

    /** Waits up to {@code seconds} for either text; returns quietly either way. */
    private void awaitEither(String a, String b, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        String screen = screen();
        while (!screen.contains(a) && !screen.contains(b) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            screen = screen();
        }
    }

    private String screen() throws IOException, InterruptedException {
        Process p = new ProcessBuilder("tmux", "capture-pane", "-p", "-J", "-S", "-100", "-t", session)
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return text;
    }

    private static int tmux(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add("tmux");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
    }
}
