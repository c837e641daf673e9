package io.tursoj.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scripts fed to the real shell on standard input, as the conformance runners do. */
class ScriptedSessionTest {
    private static final String SCRIPT = """
            CREATE TABLE t(a INTEGER, b TEXT, c REAL);
            INSERT INTO t VALUES(1, 'x y', 1.5), (NULL, 'he said "hi", ok', 0.1), (3, '', 1e20);
            SELECT * FROM t;
            SELECT a, b FROM t
              WHERE a IS NOT NULL;
            SELECT 1.0, -0.5, 123456789012345678, 2.5e-7, 'it''s';
            """;

    @Test
    void shouldPrintListModeExactlyAsSqlite3() throws Exception {
        assumeTrue(ShellProcess.hasSqlite3(), "sqlite3 not installed");
        var ours = ShellProcess.tursodb(SCRIPT, "-q", "-m", "list");
        var theirs = ShellProcess.sqlite3(SCRIPT, ":memory:");
        assertEquals(theirs.out(), ours.out());
        assertEquals(0, ours.exitCode(), ours.err());
        assertEquals("", ours.err());
    }

    @Test
    void shouldReportErrorsInSqlite3WordsAndGoOnThenExitWithOne() throws Exception {
        String script = """
                CREATE TABLE t(a UNIQUE);
                INSERT INTO t VALUES(1);
                INSERT INTO t VALUES(1);
                SELECT * FROM nosuch;
                selec;
                SELECT 'after';
                """;
        var r = ShellProcess.tursodb(script, "-q", "-m", "list");
        assertEquals("after\n", r.out());
        assertEquals("""
                Runtime error near line 3: UNIQUE constraint failed: t.a (19)
                Parse error near line 4: no such table: nosuch
                Parse error near line 5: near "selec": syntax error
                """, r.err());
        assertEquals(1, r.exitCode());
    }

    @Test
    void shouldRunALastStatementThatHasNoSemicolon() throws Exception {
        var r = ShellProcess.tursodb("SELECT 1;\nSELECT 2", "-q", "-m", "list");
        assertEquals("1\n2\n", r.out());
        assertEquals(0, r.exitCode());
    }

    @Test
    void shouldWaitForTheEndOfAStatementSpreadOverLinesAndStrings() throws Exception {
        var r = ShellProcess.tursodb("SELECT 'a;\nb', -- c;\n  2\n;\nSELECT 3; SELECT 4;\n", "-q", "-m", "list");
        assertEquals("a;\nb|2\n3\n4\n", r.out());
    }

    @Test
    void shouldRunTheSqlArgumentAndExit() throws Exception {
        var r = ShellProcess.tursodb(null, "-m", "list", ":memory:", "SELECT 6*7; SELECT 'x'");
        assertEquals("42\nx\n", r.out());
        assertEquals(0, r.exitCode());
        var failed = ShellProcess.tursodb(null, "-m", "list", ":memory:", "SELECT * FROM nope");
        assertEquals(1, failed.exitCode());
        assertTrue(failed.err().startsWith("Parse error"), failed.err());
    }

    @Test
    void shouldStopAtTheFirstErrorUnderBail() throws Exception {
        var r = ShellProcess.tursodb(".bail on\nSELECT 1;\nSELECT * FROM nope;\nSELECT 2;\n", "-q", "-m", "list");
        assertEquals("1\n", r.out());
        assertEquals(1, r.exitCode());
    }

    @Test
    void shouldEchoStatementsWithEcho() throws Exception {
        var r = ShellProcess.tursodb("SELECT 1;\n", "-q", "-m", "list", "--echo");
        assertEquals("SELECT 1;\n1\n", r.out());
    }

    @Test
    void shouldKeepDataInAFileDatabaseAcrossRuns(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("test.db");
        ShellProcess.tursodb("CREATE TABLE t(x); INSERT INTO t VALUES(7);", "-q", db.toString());
        var r = ShellProcess.tursodb("SELECT x FROM t;", "-q", "-m", "list", db.toString());
        assertEquals("7\n", r.out());
        assertTrue(Files.size(db) > 0);
    }

    @Test
    void shouldSelectTheRequestedIoBackend(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("io.db");
        var r = ShellProcess.tursodb(".io\n", "-q", "--io", "nio", db.toString());
        var uring = ShellProcess.tursodb(".io\n", "-q", "--io", "io_uring", db.toString());
        assertTrue(uring.out().startsWith("uring (") || uring.err().contains("unavailable"), uring.out() + uring.err());
        assertTrue(r.out().startsWith("nio (requested"), r.out());
        var unknown = ShellProcess.tursodb(".io\n", "-q", "--io", "carrier-pigeon", db.toString());
        assertEquals(1, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown io backend"), unknown.err());
    }

    @Test
    void shouldWriteResultsToTheOutputFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("out.txt");
        var r = ShellProcess.tursodb("SELECT 'to file';", "-q", "-m", "list", "-o", file.toString());
        assertEquals("", r.out());
        assertEquals("to file\n", Files.readString(file));
    }

    @Test
    void shouldRefuseWritesWhenReadonly(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("ro.db");
        ShellProcess.tursodb("CREATE TABLE t(x); INSERT INTO t VALUES(1);", "-q", db.toString());
        String before = ShellProcess.sha(db);
        var r = ShellProcess.tursodb(
                "INSERT INTO t VALUES(2);\nSELECT count(*) FROM t;\n", "-q", "-m", "list", "--readonly", db.toString());
        assertEquals("1\n", r.out());
        assertTrue(r.err().contains("attempt to write a readonly database"), r.err());
        assertEquals(1, r.exitCode());
        assertEquals(before, ShellProcess.sha(db));
    }

    @Test
    void shouldAcceptTheExperimentalFlagsAndSayWhetherTheyWork() throws Exception {
        var r = ShellProcess.tursodb("SELECT 1;", "-q", "-m", "list", "--experimental-mvcc", "--experimental-views");
        assertEquals("1\n", r.out());
        assertEquals(0, r.exitCode());
        assertTrue(r.err().contains("--experimental-mvcc: MVCC is not available"), r.err());
        boolean views = ShellProcess.tursodb("CREATE VIEW v AS SELECT 1;", "-q").exitCode() == 0;
        assertEquals(!views, r.err().contains("--experimental-views: views are not available"), r.err());
    }

    @Test
    void shouldPrintHelpAndVersion() throws Exception {
        var help = ShellProcess.tursodb(null, "--help");
        assertTrue(help.out().startsWith("The Turso SQL shell"), help.out());
        assertTrue(help.out().contains("--output-mode"));
        assertEquals(0, help.exitCode());
        var version = ShellProcess.tursodb(null, "-V");
        assertEquals("tursodb " + Main.VERSION + " (TursoJ)\n", version.out());
    }
}
