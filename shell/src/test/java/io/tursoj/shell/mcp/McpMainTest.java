package io.tursoj.shell.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.shell.mcp.json.Json;
import io.tursoj.shell.mcp.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** McpMain as a process: its stdout carries only MCP messages, and its exit status says how the session ended. */
class McpMainTest {
    private record Exit(int status, List<String> stdout, String stderr) {}

    private static Exit run(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                McpMain.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "McpMain did not exit");
        return new Exit(p.exitValue(), out.lines().toList(), err);
    }

    @Test
    void shouldServeStdinToStdoutAndExitZeroAtEndOfInput(@TempDir Path dir) throws Exception {
        String input = McpHarness.session(
                McpHarness.query(1, "schema_change", "CREATE TABLE t (x)"), McpHarness.call(2, "list_tables", "{}"));
        Exit exit = run(input, "--io", "nio", dir.resolve("main.db").toString());
        assertEquals(0, exit.status(), exit.stderr());
        assertEquals(3, exit.stdout().size(), exit.stdout().toString());
        for (String line : exit.stdout()) {
            assertTrue(JsonReader.parse(line) instanceof Json.JsonObject, line);
        }
        assertTrue(
                exit.stdout().get(2).contains("\"text\":\"t\""), exit.stdout().get(2));
    }

    @Test
    void shouldExitOneWithOneLineWhenTheDatabaseCannotBeOpened(@TempDir Path dir) throws Exception {
        Exit exit = run("", dir.toString());
        assertEquals(1, exit.status());
        assertEquals(List.of(), exit.stdout());
        assertEquals(1, exit.stderr().lines().count(), exit.stderr());
        assertFalse(exit.stderr().contains("\tat "), exit.stderr());
    }

    @Test
    void shouldExitOneWithOneLineOnAnUnknownIoBackend(@TempDir Path dir) throws Exception {
        Exit exit = run("", "--io", "bogus", dir.resolve("x.db").toString());
        assertEquals(1, exit.status());
        assertEquals(List.of(), exit.stdout());
        assertEquals(1, exit.stderr().lines().count(), exit.stderr());
        assertTrue(exit.stderr().contains("unknown io backend 'bogus'"), exit.stderr());
    }

    @Test
    void shouldExitTwoWithUsageOnAnUnknownOption() throws Exception {
        Exit exit = run("", "--bogus");
        assertEquals(2, exit.status());
        assertTrue(exit.stderr().startsWith("Usage: "), exit.stderr());
        assertEquals(List.of(), exit.stdout());
    }
}
