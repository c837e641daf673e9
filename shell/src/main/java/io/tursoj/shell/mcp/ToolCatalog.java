package io.tursoj.shell.mcp;

import io.tursoj.shell.mcp.json.Json;
import java.util.ArrayList;
import java.util.List;

/** The tools of Turso's MCP server, with Turso's names, descriptions and argument names, in Turso's order. */
final class ToolCatalog {
    private record Tool(String name, String description, String argument, String argumentDescription) {}

    private static final List<Tool> TOOLS = List.of(
            new Tool(
                    "open_database",
                    "Open or create a database file. Creates parent directories if needed.",
                    "path",
                    "Path to the database file (absolute or relative). Use ':memory:' for in-memory database."),
            new Tool("current_database", "Get the path of the currently open database", null, null),
            new Tool("list_tables", "List all tables in the database", null, null),
            new Tool(
                    "describe_table",
                    "Describe the structure of a specific table",
                    "table_name",
                    "Name of the table to describe"),
            new Tool("execute_query", "Execute a read-only SELECT query", "query", "The SELECT query to execute"),
            new Tool("insert_data", "Insert new data into a table", "query", "The INSERT statement to execute"),
            new Tool("update_data", "Update existing data in a table", "query", "The UPDATE statement to execute"),
            new Tool("delete_data", "Delete data from a table", "query", "The DELETE statement to execute"),
            new Tool(
                    "schema_change",
                    "Execute schema modification statements (CREATE TABLE, ALTER TABLE, DROP TABLE)",
                    "query",
                    "The schema modification statement to execute"));

    private ToolCatalog() {}

    static boolean exists(String name) {
        return TOOLS.stream().anyMatch(t -> t.name().equals(name));
    }

    static Json.JsonArray definitions() {
        List<Json> out = new ArrayList<>();
        for (Tool t : TOOLS) {
            Json.JsonObject properties = t.argument() == null
                    ? Json.object()
                    : Json.object(
                            t.argument(),
                            Json.object("type", Json.of("string"), "description", Json.of(t.argumentDescription())));
            Json.JsonArray required = t.argument() == null ? Json.array() : Json.array(Json.of(t.argument()));
            out.add(Json.object(
                    "name", Json.of(t.name()),
                    "description", Json.of(t.description()),
                    "inputSchema",
                            Json.object("type", Json.of("object"), "properties", properties, "required", required)));
        }
        return new Json.JsonArray(out);
    }
}
