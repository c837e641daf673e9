package io.tursoj.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input gets one line in SQLite's words, never a stack trace, and leaves the database as it was. */
class BadInputTest {
    private static void assertOneLineError(ShellProcess.Result r, String expected) {
        assertTrue(r.err().contains(expected), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void shouldRejectAnUnknownOption() throws Exception {
        var r = ShellProcess.tursodb(null, "--frobnicate");
        assertOneLineError(r, "unknown option: --frobnicate");
        assertEquals(1, r.exitCode());
    }

    @Test
    void shouldRejectAnUnknownOutputMode() throws Exception {
        var r = ShellProcess.tursodb(null, "-m", "fancy");
        assertOneLineError(r, "invalid value 'fancy'");
        assertEquals(1, r.exitCode());
    }

    @Test
    void shouldRejectAnUnknownDotCommandAndGoOn() throws Exception {
        var r = ShellProcess.tursodb(".frobnicate\nSELECT 1;\n", "-q", "-m", "list");
        assertOneLineError(r, "Error: unknown command or invalid arguments:  \"frobnicate\". Enter \".help\" for help");
        assertEquals("1\n", r.out());
        assertEquals(1, r.exitCode());
    }

    @Test
    void shouldRefuseADirectoryAsDatabase(@TempDir Path dir) throws Exception {
        var r = ShellProcess.tursodb("SELECT 1;", "-q", dir.toString());
        assertOneLineError(r, "Error: unable to open database \"" + dir + "\": unable to open database file");
        assertEquals(1, r.exitCode());
    }

    @Test
    void shouldRefuseAFileThatIsNotADatabaseAndLeaveItAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("notes.txt");
        Files.writeString(file, "these are not the pages you are looking for\n".repeat(200));
        String before = ShellProcess.sha(file);
        var r = ShellProcess.tursodb("CREATE TABLE t(x);", "-q", file.toString());
        assertTrue(r.err().contains("file is not a database"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals(1, r.exitCode());
        assertEquals(before, ShellProcess.sha(file));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "no -wal or -journal file left behind");
        }
    }

    @Test
    void shouldReportAnUnwritableOutputFile(@TempDir Path dir) throws Exception {
        String target = dir.resolve("no/such/dir/out.txt").toString();
        var r = ShellProcess.tursodb("SELECT 1;", "-q", "-o", target);
        assertOneLineError(r, "Error: cannot open \"" + target + "\"");
        assertEquals(1, r.exitCode());
        var dot = ShellProcess.tursodb(".output " + target + "\nSELECT 1;\n", "-q", "-m", "list");
        assertOneLineError(dot, "cannot open");
        assertEquals("1\n", dot.out());
    }

    @Test
    void shouldRejectMalformedCsvAndLeaveTheTableUntouched(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("bad.csv");
        Files.writeString(csv, "a,b\n1,2\n3,\"unterminated\n");
        Path db = dir.resolve("data.db");
        ShellProcess.tursodb("CREATE TABLE t(a, b); INSERT INTO t VALUES('x', 'y');", "-q", db.toString());
        var r = ShellProcess.tursodb(
                ".import --csv " + csv + " t\nSELECT * FROM t;\n", "-q", "-m", "list", db.toString());
        assertOneLineError(r, "bad.csv:3: unterminated \"-quoted field");
        assertEquals("x|y\n", r.out());
        assertEquals(1, r.exitCode());
    }

    @Test
    void shouldReportAMissingImportFile() throws Exception {
        var r = ShellProcess.tursodb(".import /no/such/file.csv t\n", "-q");
        assertOneLineError(r, "Error: cannot open \"/no/such/file.csv\"");
    }

    @Test
    void shouldServeMcpThroughTheShellAndAnswerAMalformedMessageWithAParseError() throws Exception {
        String input = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}\n{not json\n";
        var r = ShellProcess.tursodb(input, "--mcp");
        assertEquals(0, r.exitCode(), r.err());
        String[] lines = r.out().strip().split("\n");
        assertEquals(2, lines.length, r.out());
        assertTrue(lines[0].contains("\"list_tables\""), lines[0]);
        assertTrue(lines[1].contains("-32700"), lines[1]);
        assertFalse(r.err().contains("Exception"), r.err());
    }
}
