package io.tursoj.translate.parser;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tursoj.translate.parser.ast.AlterAction;
import io.tursoj.translate.parser.ast.ColumnConstraint;
import io.tursoj.translate.parser.ast.ColumnDef;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.Stmt;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Differential check against sqlite3 3.40: over corpus statements, mutated corpus statements and generated
 * statements, the parser accepts exactly what sqlite3's parser accepts. Each corpus statement and its mutants are
 * judged in the schema its script built so far.
 *
 * <p>Disagreements must fall in a documented category ({@link #documentedDifference}); anything else fails the
 * test. By default a sample runs (a few seconds of sqlite3); {@code -Dtursoj.parser.differential=full} runs every
 * corpus statement with two mutants each and 50,000 generated statements. The summary goes to standard output and
 * to {@code target/parser-differential.txt}.
 */
class DifferentialTest {
    private static final boolean FULL = "full".equals(System.getProperty("tursoj.parser.differential"));
    private static final long SEED = Long.getLong("tursoj.parser.seed", 20240601L);
    private static final int SAMPLE_SQLTEST_SCRIPTS = 400;
    private static final int SAMPLE_SLT_PER_FILE = 25;
    private static final int GENERATED = FULL ? 50_000 : 3_000;
    private static final int MUTANTS_PER_STATEMENT = 2;

    /** One judged statement: where it came from, our verdict and sqlite3's. */
    private record Outcome(String source, String sql, ParseException ours, SqliteOracle.Verdict sqlite) {
        boolean weAccept() {
            return ours == null;
        }

        boolean sqliteAccepts() {
            return sqlite.kind() == SqliteOracle.Kind.ACCEPTED;
        }
    }

    private final List<Outcome> outcomes = new ArrayList<>();
    private final OracleSession<Outcome> session = new OracleSession<>();

    @Test
    void shouldAcceptExactlyWhatSqliteAccepts() throws IOException {
        Assumptions.assumeTrue(SqliteOracle.available(), "sqlite3 CLI not installed");
        Path root = ConformanceCorpus.locate();
        Assumptions.assumeTrue(root != null, "shared/conformance not found");
        SplittableRandom random = new SplittableRandom(SEED);
        Mutator mutator = new Mutator(SEED);

        judgeCorpus(root, random, mutator);
        judgeGenerated();
        for (OracleSession.Judged<Outcome> judged : session.results()) {
            Outcome outcome = judged.payload();
            outcomes.add(new Outcome(outcome.source(), outcome.sql(), outcome.ours(), judged.verdict()));
        }

        Map<String, Integer> documented = new TreeMap<>();
        List<String> undocumented = new ArrayList<>();
        int agree = 0;
        int bothReject = 0;
        int sameMessage = 0;
        List<String> otherMessages = new ArrayList<>();
        List<String> documentedExamples = new ArrayList<>();
        for (Outcome outcome : outcomes) {
            boolean sqliteRejects = !outcome.sqliteAccepts();
            if (outcome.weAccept() != sqliteRejects) {
                agree++;
                if (!outcome.weAccept()) {
                    bothReject++;
                    if (outcome.ours().getMessage().equals(outcome.sqlite().message())) {
                        sameMessage++;
                    } else if (otherMessages.size() < 5_000) {
                        otherMessages.add(describe(outcome));
                    }
                }
                continue;
            }
            String category = documentedDifference(outcome);
            if (category != null) {
                if (documented.merge(category, 1, Integer::sum) <= 20) {
                    documentedExamples.add(category + "\n  " + describe(outcome));
                }
            } else {
                undocumented.add(describe(outcome));
            }
        }
        String summary = summary(agree, bothReject, sameMessage, documented, undocumented);
        System.out.println(summary);
        Files.writeString(Path.of("target", "parser-differential.txt"), summary);
        Files.write(Path.of("target", "parser-differential-undocumented.txt"), undocumented);
        Files.write(Path.of("target", "parser-differential-messages.txt"), otherMessages);
        Files.write(Path.of("target", "parser-differential-documented.txt"), documentedExamples);
        assertTrue(outcomes.size() > 5_000, "too few statements judged: " + outcomes.size());
        if (!undocumented.isEmpty()) {
            fail(undocumented.size() + " undocumented disagreements with sqlite3, e.g.\n"
                    + String.join("\n", undocumented.subList(0, Math.min(25, undocumented.size()))));
        }
    }

    private String summary(
            int agree, int bothReject, int sameMessage, Map<String, Integer> documented, List<String> undocumented) {
        Map<String, Integer> bySource = new TreeMap<>();
        outcomes.forEach(o -> bySource.merge(o.source(), 1, Integer::sum));
        StringBuilder text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "parser vs sqlite3 %s: %d statements %s (seed %d)%n",
                FULL ? "(full)" : "(sample)",
                outcomes.size(),
                bySource,
                SEED));
        text.append(String.format(
                Locale.ROOT, "  agree on accept/reject: %d (%.3f%%)%n", agree, 100.0 * agree / outcomes.size()));
        text.append(String.format(
                Locale.ROOT,
                "  both reject: %d, with sqlite3's exact message: %d (%.2f%%)%n",
                bothReject,
                sameMessage,
                bothReject == 0 ? 100.0 : 100.0 * sameMessage / bothReject));
        int documentedTotal =
                documented.values().stream().mapToInt(Integer::intValue).sum();
        text.append(String.format(
                Locale.ROOT,
                "  documented differences: %d (%.3f%%)%n",
                documentedTotal,
                100.0 * documentedTotal / outcomes.size()));
        documented.forEach((category, count) ->
                text.append("    ").append(count).append("  ").append(category).append('\n'));
        text.append("  undocumented disagreements: ")
                .append(undocumented.size())
                .append('\n');
        return text.toString();
    }

    private static String describe(Outcome outcome) {
        return outcome.source() + ": " + outcome.sql() + "\n    ours: "
                + (outcome.weAccept() ? "accepted" : outcome.ours().getMessage()) + "\n    sqlite3: "
                + (outcome.sqlite().message() == null
                        ? "accepted"
                        : outcome.sqlite().message());
    }

    // ---- the cases

    private void judgeCorpus(Path root, SplittableRandom random, Mutator mutator) {
        Map<Integer, List<ConformanceCorpus.Statement>> scripts = new LinkedHashMap<>();
        for (ConformanceCorpus.Statement statement : ConformanceCorpus.sqltestStatements(root)) {
            scripts.computeIfAbsent(statement.script(), k -> new ArrayList<>()).add(statement);
        }
        List<List<ConformanceCorpus.Statement>> sqltestScripts = new ArrayList<>(scripts.values());
        double keepScript = FULL ? 1.0 : (double) SAMPLE_SQLTEST_SCRIPTS / sqltestScripts.size();
        for (List<ConformanceCorpus.Statement> script : sqltestScripts) {
            if (random.nextDouble() < keepScript) {
                judgeScript(script, 1.0, random, mutator);
            }
        }
        Map<Integer, List<ConformanceCorpus.Statement>> sltFiles = new LinkedHashMap<>();
        for (ConformanceCorpus.Statement statement : ConformanceCorpus.sltStatements(root)) {
            sltFiles.computeIfAbsent(statement.script(), k -> new ArrayList<>()).add(statement);
        }
        for (List<ConformanceCorpus.Statement> file : sltFiles.values()) {
            double keep = FULL ? 1.0 : Math.min(1.0, (double) SAMPLE_SLT_PER_FILE / file.size());
            judgeScript(file, keep, random, mutator);
        }
    }

    /**
     * Judges the kept statements of one script and their mutants, in order, running the script's schema changes as
     * it goes so each statement sees the tables created before it.
     */
    private void judgeScript(
            List<ConformanceCorpus.Statement> script, double keep, SplittableRandom random, Mutator mutator) {
        session.newScript();
        for (ConformanceCorpus.Statement statement : script) {
            List<Stmt> parsed = null;
            try {
                parsed = Parser.parseAll(statement.sql());
            } catch (ParseException e) {
                // judged below if kept
            }
            if (random.nextDouble() < keep) {
                judge("corpus", statement.sql());
                for (int m = 0; m < MUTANTS_PER_STATEMENT; m++) {
                    String mutant = mutator.mutate(statement.sql());
                    // One statement only, and not one that starts with ';' (EXPLAIN ; would not parse).
                    if (StatementSplitter.split(mutant).size() == 1 && !mutant.startsWith(";")) {
                        judge("mutated", mutant);
                    }
                }
            }
            if (parsed != null && parsed.stream().anyMatch(CorpusTest::isSchemaChange)) {
                session.run(statement.sql());
            }
        }
    }

    private void judge(String source, String sql) {
        ParseException ours = null;
        try {
            Parser.parseAll(sql);
        } catch (ParseException e) {
            ours = e;
        }
        session.judge(sql, new Outcome(source, sql, ours, null));
    }

    private void judgeGenerated() {
        session.newScript();
        for (int seed = 0; seed < GENERATED; seed++) {
            Stmt stmt = new AstGenerator(SEED + seed, true).statement();
            judge("generated", SqlPrinter.print(stmt));
        }
    }

    // ---- documented differences

    /**
     * The known reasons the parser and sqlite3 3.40 disagree, or null for an unexplained disagreement. The parser
     * follows the 3.50 dialect where it grew, and Turso where it adds syntax.
     */
    static String documentedDifference(Outcome outcome) {
        String message = outcome.sqlite().message();
        if (outcome.weAccept()) {
            if (outcome.sqlite().kind() == SqliteOracle.Kind.LIMIT) {
                return "sqlite3 3.40's parser stack holds about 100 nested terms; ours nests 1000 (3.50 allows more)";
            }
            List<Stmt> tree = Parser.parseAll(outcome.sql());
            String feature = newerSyntax(tree);
            if (feature != null) {
                return feature;
            }
            if (message != null && message.startsWith("near \"(\"") && joinKeywordCall(tree)) {
                return "a join keyword as a function name (newer SQLite; 3.40 takes only plain names)";
            }
            if ("error in generated column".regionMatches(0, message == null ? "" : message, 0, 25)
                    && generatedWithDefaultOrTwice(tree)) {
                return "a column with GENERATED and DEFAULT, or two GENERATED clauses: sqlite3 rejects it while "
                        + "parsing, TursoJ in the schema stage";
            }
            return null;
        }
        boolean createTable = outcome.sql().regionMatches(true, 0, "CREATE", 0, 6)
                && outcome.sql().contains("TABLE");
        if (outcome.sqlite().kind() == SqliteOracle.Kind.ACCEPTED
                && message != null
                && (raisedWhileParsing(message) || (createTable && raisedWhileParsingCreateTable(message)))) {
            return "sqlite3 stopped at a semantic error raised while parsing, before the syntax error we report";
        }
        return null;
    }

    /** Syntax of SQLite 3.44+ or Turso in the tree, described; null if none. */
    private static String newerSyntax(List<Stmt> statements) {
        String[] found = new String[1];
        AstWalker walker = new AstWalker() {
            @Override
            void visitExpr(Expr expr) {
                if (expr instanceof Expr.Raise raise
                        && raise.message() != null
                        && !(raise.message() instanceof Expr.StringLiteral)
                        && !(raise.message() instanceof Expr.ColumnRef ref && ref.table() == null)) {
                    found[0] = "an expression as RAISE's message (newer SQLite; 3.40 takes a name or string)";
                } else if (expr instanceof Expr.FunctionCall call
                        && !call.orderBy().isEmpty()) {
                    found[0] = "ORDER BY inside an aggregate call (SQLite 3.44+)";
                } else if (expr instanceof Expr.NumericLiteral number
                        && number.text().indexOf('_') >= 0) {
                    found[0] = "digit separators in numbers (SQLite 3.46+)";
                }
            }

            @Override
            void visitStmt(Stmt stmt) {
                if (stmt instanceof Stmt.Begin begin && begin.type() == Stmt.TransactionType.CONCURRENT) {
                    found[0] = "BEGIN CONCURRENT (Turso)";
                } else if (stmt instanceof Stmt.CreateTrigger trigger && hasAliasOrSchema(trigger)) {
                    found[0] = "alias or schema on a trigger statement's table (SQLite 3.45+ grammar; the schema "
                            + "check is semantic there)";
                }
            }
        };
        statements.forEach(walker::stmt);
        return found[0];
    }

    private static boolean generatedWithDefaultOrTwice(List<Stmt> statements) {
        boolean[] found = new boolean[1];
        AstWalker walker = new AstWalker() {
            @Override
            void visitStmt(Stmt stmt) {
                List<ColumnDef> columns = switch (stmt) {
                    case Stmt.CreateTable create -> create.columns();
                    case Stmt.AlterTable alter
                    when alter.action() instanceof AlterAction.AddColumn add -> List.of(add.column());
                    default -> List.of();
                };
                for (ColumnDef column : columns) {
                    long generated = column.constraints().stream()
                            .filter(c -> c instanceof ColumnConstraint.Generated)
                            .count();
                    boolean withDefault =
                            column.constraints().stream().anyMatch(c -> c instanceof ColumnConstraint.Default);
                    if (generated > 1 || (generated == 1 && withDefault)) {
                        found[0] = true;
                    }
                }
            }
        };
        statements.forEach(walker::stmt);
        return found[0];
    }

    private static boolean hasAliasOrSchema(Stmt.CreateTrigger trigger) {
        for (Stmt step : trigger.body()) {
            boolean qualified = switch (step) {
                case Stmt.Insert s -> s.alias() != null || s.table().schema() != null;
                case Stmt.Update s -> s.alias() != null || s.table().schema() != null;
                case Stmt.Delete s -> s.alias() != null || s.table().schema() != null;
                default -> false;
            };
            if (qualified) {
                return true;
            }
        }
        return false;
    }

    /** Errors SQLite raises while parsing CREATE TABLE, from its table and column constraints. */
    private static boolean raisedWhileParsingCreateTable(String message) {
        return message.startsWith("no such column: ")
                || message.equals("expressions prohibited in PRIMARY KEY and UNIQUE constraints");
    }

    private static boolean joinKeywordCall(List<Stmt> statements) {
        boolean[] found = new boolean[1];
        AstWalker walker = new AstWalker() {
            @Override
            void visitExpr(Expr expr) {
                if (expr instanceof Expr.FunctionCall call
                        && call.name().quote() == io.tursoj.translate.parser.ast.Name.Quote.NONE
                        && Lexer.tokens(call.name().text()).getFirst().type().isJoinKeyword()) {
                    found[0] = true;
                }
            }
        };
        statements.forEach(walker::stmt);
        return found[0];
    }

    /** Errors SQLite raises from grammar actions in the middle of a statement, ending the parse there. */
    private static boolean raisedWhileParsing(String message) {
        return message.startsWith("no such table: ")
                || message.endsWith(" already exists")
                || message.startsWith("duplicate column name: ")
                || message.contains(" has more than one primary key")
                || message.startsWith("no such collation sequence: ")
                || message.startsWith("default value of column ")
                || message.startsWith("unknown database ")
                || message.startsWith("object name reserved for internal use: ")
                || message.startsWith("temporary trigger may not have qualified name")
                || message.startsWith("duplicate WITH table name: ")
                || message.startsWith("cannot create ")
                || message.startsWith("foreign key on ")
                || message.equals("AUTOINCREMENT is only allowed on an INTEGER PRIMARY KEY")
                || message.equals("temporary table name must be unqualified")
                || message.contains(" cannot reference objects in database ")
                || (message.startsWith("unknown column \"") && message.endsWith("\" in foreign key definition"));
    }
}
