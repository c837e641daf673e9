package io.tursoj.translate.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tursoj.translate.parser.ast.Stmt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * parse(print(tree)) == tree, over the statements of both conformance corpora and over generated trees. By default
 * every 8th sqllogictest statement is checked (they are many and alike); {@code -Dtursoj.parser.fullCorpus=true}
 * checks them all.
 */
class RoundTripTest {
    private static final boolean FULL = Boolean.getBoolean("tursoj.parser.fullCorpus");
    private static final int GENERATED = Integer.getInteger("tursoj.parser.generated", 20_000);

    /** Prints {@code stmt}, parses the text, and returns a description of any difference (or null). */
    static String roundTripProblem(Stmt stmt) {
        String printed = SqlPrinter.print(stmt);
        List<Stmt> reparsed;
        try {
            reparsed = Parser.parseAll(printed);
        } catch (ParseException e) {
            return "printed SQL does not parse (" + e.getMessage() + "): " + printed;
        }
        if (reparsed.size() != 1 || !reparsed.getFirst().equals(stmt)) {
            String again = reparsed.isEmpty() ? "<nothing>" : SqlPrinter.print(reparsed.getFirst());
            return "reparsed tree differs:\n  printed: " + printed + "\n  again:   " + again;
        }
        return null;
    }

    @Test
    void shouldRoundTripEveryCorpusStatement() {
        Path root = ConformanceCorpus.locate();
        Assumptions.assumeTrue(root != null, "shared/conformance not found");
        List<ConformanceCorpus.Statement> statements = new ArrayList<>(ConformanceCorpus.sqltestStatements(root));
        List<ConformanceCorpus.Statement> slt = ConformanceCorpus.sltStatements(root);
        for (int i = 0; i < slt.size(); i += FULL ? 1 : 8) {
            statements.add(slt.get(i));
        }
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ConformanceCorpus.Statement statement : statements) {
            List<Stmt> parsed;
            try {
                parsed = Parser.parseAll(statement.sql());
            } catch (ParseException e) {
                continue; // the corpus test decides whether rejecting it is right
            }
            for (Stmt stmt : parsed) {
                checked++;
                String problem = roundTripProblem(stmt);
                if (problem != null && problems.size() < 20) {
                    problems.add(statement.origin() + ": " + statement.sql() + "\n" + problem);
                }
            }
        }
        assertTrue(checked > 20_000, "too few statements checked: " + checked);
        if (!problems.isEmpty()) {
            fail(problems.size() + " statements do not round-trip, e.g.\n" + String.join("\n\n", problems));
        }
    }

    @Test
    void shouldRoundTripGeneratedTrees() {
        List<String> problems = new ArrayList<>();
        for (int seed = 0; seed < GENERATED; seed++) {
            Stmt stmt = new AstGenerator(seed, seed % 2 == 0).statement();
            String problem = roundTripProblem(stmt);
            if (problem != null && problems.size() < 10) {
                problems.add("seed " + seed + ": " + problem);
            }
        }
        if (!problems.isEmpty()) {
            fail("generated trees do not round-trip, e.g.\n" + String.join("\n\n", problems));
        }
    }

    @Test
    void shouldPrintCanonicalSpellings() {
        assertEquals("INSERT OR REPLACE INTO t VALUES (1)", SqlPrinter.print(Parser.parse("REPLACE INTO t VALUES(1)")));
        assertEquals(
                "SELECT a != b, a IS NOT c", SqlPrinter.print(Parser.parse("SELECT a <> b, a IS DISTINCT FROM c")));
        assertEquals("SELECT (a + b) * c", SqlPrinter.print(Parser.parse("SELECT ((a + b)) * c")));
        assertEquals("SELECT - -1, a - -b", SqlPrinter.print(Parser.parse("SELECT - - 1, a - - b")));
        assertEquals(
                "SELECT * FROM a LEFT JOIN b", SqlPrinter.print(Parser.parse("SELECT * FROM a LEFT OUTER JOIN b")));
        assertEquals("SELECT 1 LIMIT 2 OFFSET 3", SqlPrinter.print(Parser.parse("SELECT 1 LIMIT 3, 2")));
        assertEquals(
                "CREATE TRIGGER t AFTER INSERT ON x WHEN (SELECT 1 WHERE 1) BEGIN SELECT 1; END",
                SqlPrinter.print(Parser.parse(
                        "CREATE TRIGGER t AFTER INSERT ON x WHEN (SELECT 1 WHERE 1) " + "BEGIN SELECT 1; END")));
        assertEquals("PRAGMA foreign_keys = ON", SqlPrinter.print(Parser.parse("PRAGMA foreign_keys(ON)")));
    }

    @Test
    void shouldQuoteBuiltNamesThatWouldNotReadBack() {
        var select = Parser.parse("SELECT a FROM t");
        String sql = SqlPrinter.print(
                io.tursoj.translate.parser.ast.Expr.class.cast(new io.tursoj.translate.parser.ast.Expr.ColumnRef(
                        io.tursoj.translate.parser.ast.Span.NONE,
                        null,
                        io.tursoj.translate.parser.ast.Name.of("my table"),
                        io.tursoj.translate.parser.ast.Name.of("select"))));
        assertEquals("\"my table\".\"select\"", sql);
        assertTrue(SqlPrinter.print(select).startsWith("SELECT a"));
    }
}
