package io.tursoj.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each output mode sqlite3 also has prints exactly what sqlite3 prints for the same rows. */
class OutputModeTest {
    private static final String DATA = """
            CREATE TABLE t(a INTEGER, b TEXT, c REAL, d BLOB);
            INSERT INTO t VALUES(1, 'x y', 1.5, x'4142'), (NULL, 'he said "hi", ok', 0.1, NULL),
              (3, '', 1e20, NULL), (-42, 'comma,here', -2.25, x'41');
            """;
    private static final String QUERIES = """
            SELECT * FROM t;
            SELECT 1 AS one, 2.25 AS two;
            """;

    @ParameterizedTest
    @ValueSource(
            strings = {"list", "line", "csv", "json", "column", "box", "table", "markdown", "insert", "quote", "tabs"})
    void shouldPrintLikeSqlite3(String mode) throws Exception {
        assumeTrue(ShellProcess.hasSqlite3(), "sqlite3 not installed");
        String script = DATA + ".mode " + mode + "\n" + QUERIES;
        var ours = ShellProcess.tursodb(script, "-q", "-m", "list");
        var theirs = ShellProcess.sqlite3(script, ":memory:");
        assertEquals(theirs.out(), ours.out());
        assertEquals("", ours.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"list", "csv", "quote", "insert"})
    void shouldPrintHeadersNullValueAndSeparatorLikeSqlite3(String mode) throws Exception {
        assumeTrue(ShellProcess.hasSqlite3(), "sqlite3 not installed");
        String script = DATA + ".mode " + mode + "\n.headers on\n.nullvalue NIL\n" + QUERIES
                + ".mode list\n.separator ;\nSELECT * FROM t;\n";
        var ours = ShellProcess.tursodb(script, "-q", "-m", "list");
        var theirs = ShellProcess.sqlite3(script, ":memory:");
        assertEquals(theirs.out(), ours.out());
    }

    @org.junit.jupiter.api.Test
    void shouldDrawThePrettyTableOfTheManual() throws Exception {
        var r = ShellProcess.tursodb(
                "CREATE TABLE t(x); INSERT INTO t VALUES (1), (2), (3);\nSELECT * FROM t;\n", "-q");
        assertEquals("""
                ┌───┐
                │ x │
                ├───┤
                │ 1 │
                ├───┤
                │ 2 │
                ├───┤
                │ 3 │
                └───┘
                """, r.out());
    }
}
