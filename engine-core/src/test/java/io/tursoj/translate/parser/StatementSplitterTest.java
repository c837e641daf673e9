package io.tursoj.translate.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Answers of {@code isComplete} checked against sqlite3_complete() (Python's sqlite3.complete_statement). */
class StatementSplitterTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "SELECT 1;",
                "SELECT 1; ",
                "SELECT 'a;b';",
                "SELECT \"x;\" FROM t;",
                "SELECT [a;b];",
                "SELECT `a;b`;",
                "SELECT 1 /* ; */;",
                "SELECT 1 -- ;\n;",
                ";",
                "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;",
                "create temp trigger t after insert on x begin select 1; select 2; end ;",
                "EXPLAIN CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;",
                "CREATE TABLE trigger(a);",
                "SELECT 1; SELECT 2;",
                "SELECT 1; -- a comment to the end",
            })
    void shouldSeeCompleteStatements(String sql) {
        assertTrue(StatementSplitter.isComplete(sql), sql);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "SELECT 1",
                "SELECT 'a;",
                "SELECT 1 /* ;",
                "SELECT [a;",
                "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1;",
                "CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END",
                "SELECT 1; SELECT 2",
                "/* only a comment */",
            })
    void shouldSeeIncompleteStatements(String sql) {
        assertFalse(StatementSplitter.isComplete(sql), sql);
    }

    private static List<String> pieces(String sql) {
        return StatementSplitter.split(sql).stream().map(p -> p.text(sql)).toList();
    }

    @Test
    void shouldSplitAtStatementEnds() {
        assertEquals(List.of("SELECT 1;", " SELECT 'a;b';", " SELECT 3"), pieces("SELECT 1; SELECT 'a;b'; SELECT 3"));
        assertEquals(
                List.of("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; UPDATE y SET a = ';'; END;", " SELECT 2;"),
                pieces("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; UPDATE y SET a = ';'; END; SELECT 2;"));
    }

    @Test
    void shouldMarkOnlyTheLastPieceIncomplete() {
        List<StatementSplitter.Piece> pieces = StatementSplitter.split("SELECT 1;\nSELECT 'open");
        assertEquals(2, pieces.size());
        assertTrue(pieces.get(0).complete());
        assertFalse(pieces.get(1).complete());
    }

    @Test
    void shouldLeaveOutEmptyStatements() {
        assertEquals(List.of(" SELECT 1;"), pieces(";; SELECT 1;;  "));
        assertTrue(pieces("  -- only\n").isEmpty());
    }

    @Test
    void shouldAgreeWithTheParserOnEachPiece() {
        String script = "CREATE TABLE t(a); INSERT INTO t VALUES (';'); "
                + "CREATE TRIGGER r AFTER INSERT ON t BEGIN DELETE FROM t; END; SELECT * FROM t";
        List<String> pieces = pieces(script);
        assertEquals(4, pieces.size());
        int total = 0;
        for (String piece : pieces) {
            total += Parser.parseAll(piece).size();
        }
        assertEquals(Parser.parseAll(script).size(), total);
    }
}
