package io.tursoj.translate.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tursoj.translate.parser.ast.Select;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SQLite's error messages, each checked against what sqlite3 3.40 prints for the same input. */
class ParseErrorTest {

    private static ParseException error(String sql) {
        return assertThrows(ParseException.class, () -> Parser.parseAll(sql));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "SELEC 1| near \"SELEC\": syntax error",
                "SELECT 1 +| incomplete input",
                "SELECT a NOT b FROM t| near \"b\": syntax error",
                "SELECT 'abc| unrecognized token: \"'abc\"",
                "SELECT 1abc| unrecognized token: \"1abc\"",
                "SELECT x'abc'| unrecognized token: \"x'abc'\"",
                "SELECT 1 ESCAPE 2| near \"ESCAPE\": syntax error",
                "SELECT 1 indexed| near \"indexed\": syntax error",
                "SELECT * FROM t LEFT foo JOIN s| unknown join type: LEFT foo",
                "SELECT * FROM t OUTER JOIN s| unknown join type: OUTER",
                "SELECT * FROM t INNER LEFT JOIN s| unknown join type: INNER LEFT",
                "SELECT * FROM s ON 1| a JOIN clause is required before ON",
                "SELECT * FROM s USING (a) WHERE 1| a JOIN clause is required before USING",
                "SELECT * FROM s ON 1 garbage| near \"garbage\": syntax error",
                "SELECT * FROM s ON 1)| near \")\": syntax error",
                "SELECT * FROM (s ON 1)| a JOIN clause is required before ON",
                "INSERT INTO t SELECT * FROM s ON CONFLICT DO NOTHING| near \"DO\": syntax error",
                "CREATE TABLE x(a AS (1) foo)| error in generated column \"a\"",
                "CREATE TABLE x(a) foo| unknown table option: foo",
                "CREATE TABLE x(a) WITHOUT foo| unknown table option: foo",
                "SELECT 1 ORDER BY 1 UNION SELECT 2| ORDER BY clause should come after UNION not before",
                "SELECT 1 ORDER BY 1 UNION SELECT 2 LIMIT 1 EXCEPT SELECT 3| LIMIT clause should come after EXCEPT not before",
                "CREATE VIEW v(a COLLATE x) AS SELECT 1| syntax error after column name \"a\"",
                "WITH x(a COLLATE b garbage) AS (SELECT 1) SELECT 1| near \"garbage\": syntax error",
                "SELECT sum(a) OVER (ROWS 1 FOLLOWING) FROM t| unsupported frame specification",
                "CREATE TRIGGER r AFTER INSERT ON t BEGIN DELETE FROM t INDEXED BY i; END| the INDEXED BY clause is not allowed on UPDATE or DELETE statements within triggers",
                "CREATE TRIGGER r AFTER INSERT ON t BEGIN UPDATE t NOT INDEXED SET a = 1; END| the NOT INDEXED clause is not allowed on UPDATE or DELETE statements within triggers",
                "CREATE TRIGGER r AFTER INSERT ON t BEGIN INSERT INTO u VALUES (1) RETURNING *; END| cannot use RETURNING in a trigger",
                "CREATE TRIGGER r AFTER INSERT ON t BEGIN WITH x AS (SELECT 1) INSERT INTO t SELECT * FROM x; END| near \"INSERT\": syntax error",
                "EXPLAIN EXPLAIN SELECT 1| near \"EXPLAIN\": syntax error",
                "CREATE TABLE if(x)| near \"(\": syntax error",
                "ROLLBACK TO SAVEPOINT| incomplete input",
                "SELECT CAST(1 AS left)| near \"left\": syntax error",
                "INSERT INTO t VALUES (1, #1 DISTINCT)| near \"DISTINCT\": syntax error",
                "SELECT #1 + 1| near \"#1\": syntax error",
                "CREATE TABLE x(a),,STRICT| near \",\": syntax error",
                "CREATE TABLE x(a),| incomplete input",
                "CREATE TABLE x(a) STRICT foo| near \"foo\": syntax error",
                "CREATE TABLE p(id UNIQUE ON DATABASE CONFLICT IGNORE)| near \"DATABASE\": syntax error",
                "SELECT * FROM t CROSS s JOIN AS c| near \"AS\": syntax error",
                "SELECT * FROM t NOT WHERE 1| near \"WHERE\": syntax error",
                "CREATE TABLE t(b, a AS (1) GENERATED ALWAYS)| near \"ALWAYS\": syntax error",
                "CREATE TABLE t(b, a AS (1) GENERATED)| error in generated column \"a\"",
                "VALUES (1) ORDER BY 1| near \"ORDER\": syntax error",
            })
    void shouldReportSqliteMessages(String sql, String message) {
        assertEquals(message, error(sql).getMessage());
    }

    @Test
    void shouldClassifyErrors() {
        assertEquals(ParseException.Kind.SYNTAX, error("SELECT FROM").kind());
        assertEquals(ParseException.Kind.INCOMPLETE, error("SELECT").kind());
        assertEquals(ParseException.Kind.UNRECOGNIZED_TOKEN, error("SELECT !").kind());
        assertEquals(ParseException.Kind.GRAMMAR, error("CREATE TABLE x(a) foo").kind());
    }

    @Test
    void shouldReportPositionOfOffendingToken() {
        ParseException e = error("SELECT 1,\n  2 3");
        assertEquals("near \"3\": syntax error", e.getMessage());
        assertEquals(14, e.offset());
        assertEquals(2, e.line());
        assertEquals(5, e.column());
        ParseException end = error("SELECT 1 +");
        assertEquals(10, end.offset());
    }

    @Test
    void shouldPreferAnEarlierSyntaxErrorToALaterUnrecognizedToken() {
        assertEquals("near \"FROM\": syntax error", error("SELECT FROM 'abc").getMessage());
    }

    @Test
    void shouldParseStatementsBeforeAnUnrecognizedToken() {
        Parser parser = new Parser("SELECT 1; 'abc");
        assertInstanceOf(Select.class, parser.next());
        ParseException e = assertThrows(ParseException.class, parser::next);
        assertEquals("unrecognized token: \"'abc\"", e.getMessage());
    }

    @Test
    void shouldStopDeepNestingWithAClearError() {
        String deep = "SELECT " + "(".repeat(100_000) + "1" + ")".repeat(100_000);
        ParseException e = error(deep);
        assertEquals(ParseException.Kind.TOO_DEEP, e.kind());
        assertEquals("parser stack overflow", e.getMessage());
        assertEquals(
                ParseException.Kind.TOO_DEEP,
                error("SELECT " + "NOT ".repeat(100_000) + "1").kind());
        assertEquals(
                ParseException.Kind.TOO_DEEP,
                error("SELECT " + "- ".repeat(100_000) + "1").kind());
        assertEquals(
                ParseException.Kind.TOO_DEEP,
                error("SELECT " + "(SELECT ".repeat(50_000) + "1").kind());
        assertEquals(
                ParseException.Kind.TOO_DEEP,
                error("SELECT * FROM " + "(".repeat(50_000) + "t").kind());
    }

    @Test
    void shouldLimitExpressionHeightAsSqliteDoes() {
        ParserLimits limits = new ParserLimits(1000, 100);
        Parser atLimit = new Parser("SELECT 1" + " OR 1".repeat(99), limits);
        assertInstanceOf(Select.class, atLimit.next());
        Parser overLimit = new Parser("SELECT 1" + " OR 1".repeat(100), limits);
        ParseException e = assertThrows(ParseException.class, overLimit::next);
        assertEquals("Expression tree is too large (maximum depth 100)", e.getMessage());
        assertEquals(
                "Expression tree is too large (maximum depth 1000)",
                error("SELECT 1" + " + 1".repeat(1000)).getMessage());
        assertInstanceOf(Select.class, Parser.parse("SELECT 1" + " + 1".repeat(999)));
    }

    @Test
    void shouldNotOverflowTheStackOfASmallThread() throws Exception {
        String[] inputs = {
            "SELECT " + "(".repeat(5000) + "1" + ")".repeat(5000),
            "SELECT " + "1 OR 1 AND 1 = 1 < 1 & 1 + 1 * 1 || (".repeat(5000) + "1" + ")".repeat(5000),
            "SELECT " + "f(".repeat(5000) + ")".repeat(5000),
            "SELECT " + "CASE WHEN ".repeat(5000),
            "SELECT x IN (".repeat(5000),
        };
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(
                null,
                () -> {
                    for (String sql : inputs) {
                        try {
                            Parser.parseAll(sql);
                        } catch (ParseException expected) {
                            // the point: a ParseException, not a StackOverflowError
                        } catch (Throwable t) {
                            failure[0] = t;
                            return;
                        }
                    }
                },
                "small-stack",
                512 * 1024);
        thread.start();
        thread.join();
        if (failure[0] != null) {
            throw new AssertionError("parsing on a 512 KB stack failed", failure[0]);
        }
    }
}
