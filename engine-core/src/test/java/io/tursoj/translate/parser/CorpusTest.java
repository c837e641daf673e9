package io.tursoj.translate.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tursoj.translate.parser.ast.Stmt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

        Map<Integer, List<SqliteOracle.Probe>> probesByScript = new LinkedHashMap<>();
        Map<Integer, List<Rejected>> rejectedByScript = new LinkedHashMap<>();
        for (ConformanceCorpus.Statement statement : statements) {
            try {
                for (Stmt stmt : Parser.parseAll(statement.sql())) {
                    if (isSchemaChange(stmt)) {
                        probesByScript
                                .computeIfAbsent(statement.script(), k -> new ArrayList<>())
                                .add(new SqliteOracle.Probe(statement.sql(), true));
                    }
                }
            } catch (ParseException e) {
                probesByScript
                        .computeIfAbsent(statement.script(), k -> new ArrayList<>())
                        .add(new SqliteOracle.Probe(statement.sql(), false));
                rejectedByScript
                        .computeIfAbsent(statement.script(), k -> new ArrayList<>())
                        .add(new Rejected(statement, e));
            }
        }

        List<String> wrong = new ArrayList<>();
        List<String> otherMessage = new ArrayList<>();
        int rejectedCount = 0;
        for (Map.Entry<Integer, List<Rejected>> entry : rejectedByScript.entrySet()) {
            List<SqliteOracle.Probe> probes = probesByScript.get(entry.getKey());
            List<SqliteOracle.Verdict> verdicts = SqliteOracle.judge(List.of(), probes);
            int next = 0;
            for (Rejected rejected : entry.getValue()) {
                rejectedCount++;
                while (probes.get(next).run()) {
                    next++;
                }
                SqliteOracle.Verdict verdict = verdicts.get(next++);
                String where = rejected.statement().origin() + ": "
                        + rejected.statement().sql();
                if (verdict.kind() == SqliteOracle.Kind.ACCEPTED) {
                    wrong.add(where + "\n  ours: " + rejected.error().getMessage() + "\n  sqlite3: "
                            + (verdict.message() == null ? "accepted" : verdict.message()));
                } else if (!rejected.error().getMessage().equals(verdict.message())) {
                    otherMessage.add(
                            where + "\n  ours: " + rejected.error().getMessage() + "\n  sqlite3: " + verdict.message());
                }
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
