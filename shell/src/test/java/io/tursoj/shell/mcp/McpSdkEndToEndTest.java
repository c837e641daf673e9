package io.tursoj.shell.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the server with the official MCP TypeScript SDK client: {@code src/test/mcp/e2e.mjs} spawns McpMain through
 * the SDK's StdioClientTransport, lists the tools and calls each one. The SDK (version pinned by {@code
 * src/test/mcp/package-lock.json}) is installed with {@code npm ci} once per lockfile into {@code
 * ~/.cache/tursoj/mcp-sdk/<lockfile hash>}. Skipped only when node or npm is not on the PATH.
 */
class McpSdkEndToEndTest {
    private static final Path SOURCES = Path.of("src", "test", "mcp");
    private static final long NPM_TIMEOUT_SECONDS = 600;
    private static final long RUN_TIMEOUT_SECONDS = 300;

    @Test
    void shouldPassTheSdkClientsChecks(@TempDir Path dir) throws Exception {
        Path node = onPath("node");
        Path npm = onPath("npm");
        Assumptions.assumeTrue(
                node != null && npm != null,
                "node and npm are not on the PATH: skipping the MCP TypeScript SDK end-to-end test");
        Path install = installSdk(npm);
        Files.copy(SOURCES.resolve("e2e.mjs"), install.resolve("e2e.mjs"), StandardCopyOption.REPLACE_EXISTING);

        List<String> command = new ArrayList<>(List.of(node.toString(), "e2e.mjs"));
        command.addAll(serverCommand(dir.resolve("e2e.db")));
        Result result = run(command, install, RUN_TIMEOUT_SECONDS);
        System.out.println(result.output()); // the per-check lines, kept in the surefire report
        assertEquals(0, result.status(), result.output());
        assertTrue(result.output().contains("checks passed"), result.output());
        assertTrue(!result.output().contains("FAIL"), result.output());
    }

    /** The java command line of McpMain with this test's classpath. */
    private static List<String> serverCommand(Path database) {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return List.of(
                java.toString(),
                "--enable-native-access=ALL-UNNAMED",
                "-cp",
                classpath,
                McpMain.class.getName(),
                database.toString());
    }

    /** Installs the pinned SDK unless this lockfile's install is already in the cache; returns its directory. */
    private static Path installSdk(Path npm) throws IOException, InterruptedException, NoSuchAlgorithmException {
        byte[] lock = Files.readAllBytes(SOURCES.resolve("package-lock.json"));
        String hash = HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(lock))
                .substring(0, 16);
        Path install = Path.of(System.getProperty("user.home"), ".cache", "tursoj", "mcp-sdk", hash);
        Path marker = install.resolve("node_modules/@modelcontextprotocol/sdk/package.json");
        if (Files.isRegularFile(marker)) {
            return install;
        }
        Files.createDirectories(install);
        for (String f : List.of("package.json", "package-lock.json")) {
            Files.copy(SOURCES.resolve(f), install.resolve(f), StandardCopyOption.REPLACE_EXISTING);
        }
        Result npmCi = run(
                List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--loglevel=error"),
                install,
                NPM_TIMEOUT_SECONDS);
        assertEquals(0, npmCi.status(), () -> "npm ci failed in " + install + ":\n" + npmCi.output());
        return install;
    }

    private record Result(int status, String output) {}

    private static Result run(List<String> command, Path workingDir, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("tursoj-mcp-e2e", ".log");
        try {
            Process p = new ProcessBuilder(command)
                    .directory(workingDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s: " + command + "\n" + read(log));
            }
            return new Result(p.exitValue(), read(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String read(Path log) throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static Path onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
