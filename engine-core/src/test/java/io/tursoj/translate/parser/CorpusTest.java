package io.tursoj.translate.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tursoj.translate.parser.ast.Stmt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Every statement of the conformance corpora parses, except those sqlite3 rejects as syntax errors, and for those
 * we give sqlite3's message. sqlite3's verdicts are asked for at test time through its CLI, for the statements we
 * reject, each in the schema its script built up to that point (so a CREATE TRIGGER finds its table).
 */
class CorpusTest {

    /** A statement we rejected, with the script it belongs to. */
    private record Rejected(ConformanceCorpus.Statement statement, ParseException error) {}

    static boolean isSchemaChange(Stmt stmt) {
        return switch (stmt) {
            case Stmt.CreateTable s -> true;
            case Stmt.CreateIndex s -> true;
            case Stmt.CreateView s -> true;
            case Stmt.CreateTrigger s -> true;
            case Stmt.CreateVirtualTable s -> true;
            case Stmt.Drop s -> true;
            case Stmt.AlterTable s -> true;
            default -> false;
        };
    }

    @Test
    void shouldParseEveryStatementSqliteParses() {
        Path root = ConformanceCorpus.locate();
        Assumptions.assumeTrue(root != null, "shared/conformance not found");
        Assumptions.assumeTrue(SqliteOracle.available(), "sqlite3 CLI not installed");
        List<ConformanceCorpus.Statement> statements = new ArrayList<>(ConformanceCorpus.sqltestStatements(root));
        statements.addAll(ConformanceCorpus.sltStatements(root));
        assertTrue(statements.size() > 600_000, "corpus looks incomplete: " + statements.size());

        // Parse on every core; each Parser is private to its statement.
        Object[] results = new Object[statements.size()];
        IntStream.range(0, results.length).parallel().forEach(i -> {
            try {
                results[i] = Parser.parseAll(statements.get(i).sql());
            } catch (ParseException e) {
                results[i] = e;
            }
        });
        // Scripts with a rejected statement go to sqlite3: their schema changes run, their rejects are judged.
        Map<Integer, List<Integer>> scripts = new LinkedHashMap<>();
        for (int i = 0; i < results.length; i++) {
            scripts.computeIfAbsent(statements.get(i).script(), k -> new ArrayList<>())
                    .add(i);
        }
        OracleSession<Rejected> session = new OracleSession<>();
        for (List<Integer> script : scripts.values()) {
            if (script.stream().noneMatch(i -> results[i] instanceof ParseException)) {
                continue;
            }
            session.newScript();
            for (int i : script) {
                ConformanceCorpus.Statement statement = statements.get(i);
                if (results[i] instanceof ParseException e) {
                    session.judge(statement.sql(), new Rejected(statement, e));
                } else if (((List<?>) results[i]).stream().anyMatch(stmt -> isSchemaChange((Stmt) stmt))) {
                    session.run(statement.sql());
                }
            }
        }

        List<String> wrong = new ArrayList<>();
        List<String> otherMessage = new ArrayList<>();
        int rejectedCount = 0;
        for (OracleSession.Judged<Rejected> judged : session.results()) {
            rejectedCount++;
            Rejected rejected = judged.payload();
            SqliteOracle.Verdict verdict = judged.verdict();
            String where =
                    rejected.statement().origin() + ": " + rejected.statement().sql();
            if (verdict.kind() == SqliteOracle.Kind.ACCEPTED) {
                wrong.add(where + "\n  ours: " + rejected.error().getMessage() + "\n  sqlite3: "
                        + (verdict.message() == null ? "accepted" : verdict.message()));
            } else if (!rejected.error().getMessage().equals(verdict.message())) {
                otherMessage.add(
                        where + "\n  ours: " + rejected.error().getMessage() + "\n  sqlite3: " + verdict.message());
            }
        }
        System.out.printf(
                "corpus: %d statements, %d rejected (all syntax errors to sqlite3: %s), same message for %d%n",
                statements.size(), rejectedCount, wrong.isEmpty(), rejectedCount - otherMessage.size());
        otherMessage.forEach(m -> System.out.println("message differs: " + m));
        if (!wrong.isEmpty()) {
            fail(wrong.size() + " corpus statements rejected that sqlite3 accepts, e.g.\n"
                    + String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));
        }
    }
}
