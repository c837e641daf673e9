package io.tursoj.shell.mcp;

import io.tursoj.api.Connection;
import io.tursoj.api.Statement;
import io.tursoj.api.TursoException;
import io.tursoj.shell.mcp.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The tools of Turso's MCP server, with Turso's texts. A tool that cannot do its job (a missing argument, a statement
 * of the wrong kind, an SQL error) returns its message as a result with {@code isError} set, as the MCP tools spec
 * asks, so the model can read it and try again.
 */
final class DatabaseTools {
    private final DatabaseSession session;

    DatabaseTools(DatabaseSession session) {
        this.session = session;
    }

    /** Runs tool {@code name}, which {@link ToolCatalog#exists} knows. */
    ToolResult call(String name, Json.JsonObject args) {
        return switch (name) {
            case "open_database" -> openDatabase(args);
            case "current_database" -> currentDatabase();
            case "list_tables" -> listTables();
            case "describe_table" -> describeTable(args);
            case "execute_query" -> executeQuery(args);
            case "insert_data" -> modify(args, StatementClass.INSERT, "INSERT successful.", "Error executing INSERT: ");
            case "update_data" -> modify(args, StatementClass.UPDATE, "UPDATE successful.", "Error executing UPDATE: ");
            case "delete_data" -> modify(args, StatementClass.DELETE, "DELETE successful.", "Error executing DELETE: ");
            case "schema_change" ->
                modify(args, StatementClass.SCHEMA, "Schema change successful.", "Error executing schema change: ");
            default -> throw new IllegalArgumentException("no tool " + name);
        };
    }

    private ToolResult openDatabase(Json.JsonObject args) {
        if (!(args.get("path") instanceof Json.JsonString p)) {
            return ToolResult.error("Missing or invalid path parameter");
        }
        String path = p.value();
        if (!path.equals(DatabaseSession.MEMORY)) {
            try {
                Path parent = Path.of(path).toAbsolutePath().getParent();
                if (parent != null && !Files.isDirectory(parent)) {
                    Files.createDirectories(parent);
                }
            } catch (IOException | InvalidPathException e) {
                return ToolResult.error("Failed to create parent directories: " + e.getMessage());
            }
        }
        try {
            session.switchTo(path);
        } catch (TursoException | IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            return ToolResult.error("Failed to open database '" + path + "': " + e.getMessage());
        }
        return ToolResult.ok("Successfully opened database: " + path);
    }

    private ToolResult currentDatabase() {
        String path = session.pathOrNull();
        return ToolResult.ok(path == null ? "Current database: :memory: (default)" : "Current database: " + path);
    }

    private ToolResult listTables() {
        List<String> tables = new ArrayList<>();
        try {
            for (SchemaTable t : schemaTables()) {
                if (!t.name().regionMatches(true, 0, "sqlite_", 0, 7)) {
                    tables.add(t.name());
                }
            }
        } catch (TursoException e) {
            return ToolResult.error("Error querying database: " + e.getMessage());
        }
        tables.sort(null);
        return ToolResult.ok(tables.isEmpty() ? "No tables found in the database" : String.join(", ", tables));
    }

    private ToolResult describeTable(Json.JsonObject args) {
        if (!(args.get("table_name") instanceof Json.JsonString t)) {
            return ToolResult.error("Missing or invalid table_name parameter");
        }
        String tableName = t.value();
        String createSql = null;
        try {
            for (SchemaTable table : schemaTables()) {
                if (table.name().equalsIgnoreCase(tableName) && table.sql() != null) {
                    createSql = table.sql();
                }
            }
        } catch (TursoException e) {
            return ToolResult.error("Error querying database: " + e.getMessage());
        }
        List<String> columns = createSql == null ? List.of() : TableColumns.describe(createSql);
        if (columns.isEmpty()) {
            return ToolResult.error("Table '" + tableName + "' not found");
        }
        return ToolResult.ok("Table '" + tableName + "' columns:\n" + String.join("\n", columns));
    }

    private record SchemaTable(String name, String sql) {}

    /** The tables of sqlite_schema (name and CREATE text), sorted by name. */
    private List<SchemaTable> schemaTables() {
        List<SchemaTable> tables = new ArrayList<>();
        try (Statement s = connection().prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'table'")) {
            while (s.stepBlocking()) {
                tables.add(new SchemaTable(s.getText(0), s.getText(1)));
            }
        }
        return tables;
    }

    private ToolResult executeQuery(Json.JsonObject args) {
        if (!(args.get("query") instanceof Json.JsonString q)) {
            return ToolResult.error("Missing or invalid query parameter");
        }
        String refusal = StatementClass.SELECT.refusal(q.value());
        if (refusal != null) {
            return ToolResult.error(refusal);
        }
        try (Statement s = connection().prepare(q.value())) {
            return ToolResult.ok(QueryText.format(s));
        } catch (TursoException e) {
            return ToolResult.error("Error executing query: " + e.getMessage());
        }
    }

    private ToolResult modify(Json.JsonObject args, StatementClass kind, String success, String failurePrefix) {
        if (!(args.get("query") instanceof Json.JsonString q)) {
            return ToolResult.error("Missing or invalid query parameter");
        }
        String refusal = kind.refusal(q.value());
        if (refusal != null) {
            return ToolResult.error(refusal);
        }
        try (Statement s = connection().prepare(q.value())) {
            s.run();
        } catch (TursoException e) {
            return ToolResult.error(failurePrefix + e.getMessage());
        }
        return ToolResult.ok(success);
    }

    private Connection connection() {
        return session.connection();
    }
}
