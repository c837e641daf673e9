package io.tursoj.shell.mcp;

import io.tursoj.translate.parser.ParseException;
import io.tursoj.translate.parser.Parser;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.Stmt;
import java.util.List;

/**
 * The kinds of statement the SQL tools accept, as Turso's server classifies them: each tool runs exactly one statement
 * of its own kind, so {@code execute_query} can only read and {@code insert_data} cannot drop a table. The check is
 * made on the parsed statements, so a ';' inside a string literal is not a statement boundary.
 */
enum StatementClass {
    SELECT("Only a single SELECT query is allowed", "Only SELECT queries are allowed"),
    INSERT("Only a single INSERT statement is allowed", "Only INSERT statements are allowed"),
    UPDATE("Only a single UPDATE statement is allowed", "Only UPDATE statements are allowed"),
    DELETE("Only a single DELETE statement is allowed", "Only DELETE statements are allowed"),
    SCHEMA(
            "Only a single schema modification statement is allowed",
            "Only CREATE, ALTER, and DROP statements are allowed");

    private final String notSingleMessage;
    private final String wrongClassMessage;

    StatementClass(String notSingleMessage, String wrongClassMessage) {
        this.notSingleMessage = notSingleMessage;
        this.wrongClassMessage = wrongClassMessage;
    }

    /** The class of {@code stmt}, or null for statements no tool runs (transactions, PRAGMA, EXPLAIN, ...). */
    static StatementClass of(Stmt stmt) {
        return switch (stmt) {
            case Select ignored -> SELECT;
            case Stmt.Insert ignored -> INSERT;
            case Stmt.Update ignored -> UPDATE;
            case Stmt.Delete ignored -> DELETE;
            case Stmt.CreateTable ignored -> SCHEMA;
            case Stmt.CreateIndex ignored -> SCHEMA;
            case Stmt.CreateView ignored -> SCHEMA;
            case Stmt.CreateTrigger ignored -> SCHEMA;
            case Stmt.CreateVirtualTable ignored -> SCHEMA;
            case Stmt.Drop ignored -> SCHEMA;
            case Stmt.AlterTable ignored -> SCHEMA;
            case Stmt.Begin ignored -> null;
            case Stmt.Commit ignored -> null;
            case Stmt.Rollback ignored -> null;
            case Stmt.Savepoint ignored -> null;
            case Stmt.Release ignored -> null;
            case Stmt.Pragma ignored -> null;
            case Stmt.Attach ignored -> null;
            case Stmt.Detach ignored -> null;
            case Stmt.Analyze ignored -> null;
            case Stmt.Reindex ignored -> null;
            case Stmt.Vacuum ignored -> null;
            case Stmt.Explain ignored -> null;
        };
    }

    /** Null when {@code sql} is exactly one statement of this class; otherwise why the tool refuses it. */
    String refusal(String sql) {
        List<Stmt> statements;
        try {
            statements = Parser.parseAll(sql);
        } catch (ParseException e) {
            return "Failed to parse SQL: " + e.getMessage();
        }
        if (statements.isEmpty()) {
            return "No SQL statement provided";
        }
        if (statements.size() > 1) {
            return notSingleMessage;
        }
        return of(statements.getFirst()) == this ? null : wrongClassMessage;
    }
}
