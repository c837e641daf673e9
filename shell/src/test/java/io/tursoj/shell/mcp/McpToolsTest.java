package io.tursoj.shell.mcp;

import static io.tursoj.shell.mcp.McpHarness.byId;
import static io.tursoj.shell.mcp.McpHarness.call;
import static io.tursoj.shell.mcp.McpHarness.errorCode;
import static io.tursoj.shell.mcp.McpHarness.isError;
import static io.tursoj.shell.mcp.McpHarness.query;
import static io.tursoj.shell.mcp.McpHarness.run;
import static io.tursoj.shell.mcp.McpHarness.session;
import static io.tursoj.shell.mcp.McpHarness.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.api.Database;
import io.tursoj.api.Statement;
import io.tursoj.shell.mcp.json.Json;
import io.tursoj.shell.mcp.json.JsonWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class McpToolsTest {
    private static final String CREATE_ORDERS =
            "CREATE TABLE orders (order_id INTEGER PRIMARY KEY, status TEXT NOT NULL, priority INTEGER)";
    private static final String SEED_ORDERS = "INSERT INTO orders VALUES (1, 'READY', 1), (2, 'HOLD', 2)";
    private static final String DUMP_ORDERS = "SELECT order_id, status, priority FROM orders ORDER BY order_id";
    private static final String ORDERS_UNCHANGED =
            "order_id | status | priority\n----------------------------\n1 | READY | 1\n2 | HOLD | 2\n";

    /** A session that creates and fills the orders table (ids 1, 2), runs {@code lines}, then dumps it (id 99). */
    private static McpHarness.Run withOrders(String... lines) {
        String[] all = new String[lines.length + 3];
        all[0] = query(101, "schema_change", CREATE_ORDERS);
        all[1] = query(102, "insert_data", SEED_ORDERS);
        System.arraycopy(lines, 0, all, 2, lines.length);
        all[all.length - 1] = query(99, "execute_query", DUMP_ORDERS);
        McpHarness.Run run = run(null, session(all));
        assertEquals("Schema change successful.", text(byId(run, 101)));
        assertEquals("INSERT successful.", text(byId(run, 102)));
        return run;
    }

    @Test
    void shouldRunEachWriteToolOnItsOwnKindOfStatement() {
        var run = withOrders(
                query(1, "update_data", "UPDATE orders SET status = 'DONE' WHERE order_id = 1"),
                query(2, "delete_data", "DELETE FROM orders WHERE order_id = 2"),
                query(3, "insert_data", "INSERT INTO orders VALUES (3, 'NEW', NULL)"));
        assertEquals("UPDATE successful.", text(byId(run, 1)));
        assertEquals("DELETE successful.", text(byId(run, 2)));
        assertEquals("INSERT successful.", text(byId(run, 3)));
        assertFalse(isError(byId(run, 3)));
        assertEquals(
                "order_id | status | priority\n----------------------------\n1 | DONE | 1\n3 | NEW | NULL\n",
                text(byId(run, 99)));
    }

    @Test
    void shouldRefuseStatementsOfAnotherKindAndRunNothing() {
        var run = withOrders(
                query(1, "execute_query", "DELETE FROM orders"),
                query(2, "insert_data", "DROP TABLE orders"),
                query(3, "update_data", "INSERT INTO orders VALUES (9, 'X', 9)"),
                query(4, "delete_data", "UPDATE orders SET status = 'X'"),
                query(5, "schema_change", "DELETE FROM orders"),
                query(6, "execute_query", "EXPLAIN SELECT 1"),
                query(7, "execute_query", "PRAGMA user_version = 3"));
        String[] expected = {
            "Only SELECT queries are allowed",
            "Only INSERT statements are allowed",
            "Only UPDATE statements are allowed",
            "Only DELETE statements are allowed",
            "Only CREATE, ALTER, and DROP statements are allowed",
            "Only SELECT queries are allowed",
            "Only SELECT queries are allowed"
        };
        for (int id = 1; id <= expected.length; id++) {
            assertEquals(expected[id - 1], text(byId(run, id)));
            assertTrue(isError(byId(run, id)));
        }
        assertEquals(ORDERS_UNCHANGED, text(byId(run, 99)));
    }

    @Test
    void shouldRefuseASecondStatementButNotASemicolonInAString() {
        var run = withOrders(
                query(1, "update_data", "UPDATE orders SET status='DONE' WHERE order_id=1; DELETE FROM orders"),
                query(2, "insert_data", "INSERT INTO orders VALUES (3, 'NEW', 3); DELETE FROM orders"),
                query(3, "delete_data", "DELETE FROM orders WHERE order_id=1; DROP TABLE orders"),
                query(4, "schema_change", "CREATE TABLE extra (id INTEGER); DELETE FROM orders"),
                query(5, "execute_query", "SELECT 1; DELETE FROM orders"));
        assertEquals("Only a single UPDATE statement is allowed", text(byId(run, 1)));
        assertEquals("Only a single INSERT statement is allowed", text(byId(run, 2)));
        assertEquals("Only a single DELETE statement is allowed", text(byId(run, 3)));
        assertEquals("Only a single schema modification statement is allowed", text(byId(run, 4)));
        assertEquals("Only a single SELECT query is allowed", text(byId(run, 5)));
        assertEquals(ORDERS_UNCHANGED, text(byId(run, 99)));

        var quoted = withOrders(query(1, "update_data", "UPDATE orders SET status='DONE; DELETE' WHERE order_id=1"));
        assertEquals("UPDATE successful.", text(byId(quoted, 1)));
        assertTrue(text(byId(quoted, 99)).contains("1 | DONE; DELETE | 1\n2 | HOLD | 2\n"));
    }

    @Test
    void shouldReportParseErrorsAndEmptyQueries() {
        var run = withOrders(query(1, "execute_query", "SELEC 1"), query(2, "insert_data", " ;; "));
        assertTrue(text(byId(run, 1)).startsWith("Failed to parse SQL: "), text(byId(run, 1)));
        assertTrue(isError(byId(run, 1)));
        assertEquals("No SQL statement provided", text(byId(run, 2)));
    }

    @Test
    void shouldReportSqlErrorsAsToolErrors() {
        var run = withOrders(
                query(1, "execute_query", "SELECT * FROM missing"),
                query(2, "insert_data", "INSERT INTO orders VALUES (1, 'DUP', 1)"),
                query(3, "insert_data", "INSERT INTO orders (order_id) VALUES (5)"));
        assertTrue(text(byId(run, 1)).startsWith("Error executing query: no such table: missing"));
        assertTrue(text(byId(run, 2)).startsWith("Error executing INSERT: UNIQUE constraint failed"));
        assertTrue(text(byId(run, 3)).startsWith("Error executing INSERT: NOT NULL constraint failed"));
        for (int id = 1; id <= 3; id++) {
            assertTrue(isError(byId(run, id)));
        }
        assertEquals(ORDERS_UNCHANGED, text(byId(run, 99)));
    }

    @Test
    void shouldFormatQueryResultsAsTursoDoes() {
        var run = run(
                null,
                session(
                        query(
                                1,
                                "execute_query",
                                "SELECT 1 AS a, 2.5 AS b, 'x' AS c, NULL AS d, 1e100 AS e, x'00fF' AS f"),
                        query(2, "execute_query", "SELECT 1 AS a WHERE 0")));
        assertEquals(
                "a | b | c | d | e | f\n---------------------\n1 | 2.5 | x | NULL | 1.0e+100 | X'00FF'\n",
                text(byId(run, 1)));
        assertEquals("a\n-\n", text(byId(run, 2)));
    }

    @Test
    void shouldListAndDescribeTables() {
        var run = run(
                null,
                session(
                        call(1, "list_tables", "{}"),
                        query(2, "schema_change", CREATE_ORDERS),
                        query(
                                3,
                                "schema_change",
                                "CREATE TABLE \"Line Items\" (order_id INT NOT NULL DEFAULT (0), sku VARCHAR(12) "
                                        + "DEFAULT 'none', qty, PRIMARY KEY (order_id, sku))"),
                        query(4, "schema_change", "CREATE INDEX orders_status ON orders(status)"),
                        call(5, "list_tables", "{}"),
                        call(6, "describe_table", "{\"table_name\":\"orders\"}"),
                        call(7, "describe_table", "{\"table_name\":\"Line Items\"}"),
                        call(8, "describe_table", "{\"table_name\":\"nope\"}"),
                        call(9, "describe_table", "{\"table_name\":\"orders_status\"}"),
                        call(10, "describe_table", "{}")));
        assertEquals("No tables found in the database", text(byId(run, 1)));
        assertFalse(isError(byId(run, 1)));
        assertEquals("Line Items, orders", text(byId(run, 5)));
        assertEquals(
                "Table 'orders' columns:\norder_id INTEGER NULL PRIMARY KEY\nstatus TEXT NOT NULL\npriority INTEGER NULL",
                text(byId(run, 6)));
        assertEquals(
                "Table 'Line Items' columns:\norder_id INT NOT NULL DEFAULT 0 PRIMARY KEY\n"
                        + "sku VARCHAR(12) NULL DEFAULT 'none' PRIMARY KEY\nqty NULL",
                text(byId(run, 7)));
        assertEquals("Table 'nope' not found", text(byId(run, 8)));
        assertTrue(isError(byId(run, 8)));
        assertEquals("Table 'orders_status' not found", text(byId(run, 9)));
        assertEquals("Missing or invalid table_name parameter", text(byId(run, 10)));
    }

    @Test
    void shouldOpenAnotherDatabaseAndSayWhichIsCurrent(@TempDir Path dir) {
        Path nested = dir.resolve("a").resolve("b").resolve("new.db");
        String pathJson = JsonWriter.write(Json.of(nested.toString()));
        var run = run(
                null,
                session(
                        call(1, "current_database", "{}"),
                        query(2, "schema_change", CREATE_ORDERS),
                        call(3, "open_database", "{\"path\":" + pathJson + "}"),
                        call(4, "current_database", "{}"),
                        call(5, "list_tables", "{}"),
                        query(6, "schema_change", "CREATE TABLE kept (x)"),
                        call(7, "open_database", "{\"path\":\":memory:\"}"),
                        call(8, "current_database", "{}"),
                        call(9, "open_database", "{\"path\":" + pathJson + "}"),
                        call(10, "list_tables", "{}")));
        assertEquals("Current database: :memory: (default)", text(byId(run, 1)));
        assertEquals("Successfully opened database: " + nested, text(byId(run, 3)));
        assertEquals("Current database: " + nested, text(byId(run, 4)));
        assertEquals("No tables found in the database", text(byId(run, 5)));
        assertEquals("Current database: :memory:", text(byId(run, 8)));
        assertEquals("kept", text(byId(run, 10)));
        assertTrue(Files.isRegularFile(nested));
    }

    @Test
    void shouldKeepTheCurrentDatabaseWhenOpeningAnotherFails(@TempDir Path dir) throws Exception {
        Path notADatabase = dir.resolve("text.db");
        Files.writeString(notADatabase, "this is not a database file, it is just text. ".repeat(100));
        byte[] before = Files.readAllBytes(notADatabase);
        var run = run(
                null,
                session(
                        query(1, "schema_change", CREATE_ORDERS),
                        call(2, "open_database", "{\"path\":" + JsonWriter.write(Json.of(dir.toString())) + "}"),
                        call(
                                3,
                                "open_database",
                                "{\"path\":" + JsonWriter.write(Json.of(notADatabase.toString())) + "}"),
                        call(4, "open_database", "{\"path\":7}"),
                        call(5, "list_tables", "{}"),
                        call(6, "current_database", "{}")));
        assertTrue(text(byId(run, 2)).startsWith("Failed to open database '" + dir + "': "), text(byId(run, 2)));
        assertTrue(isError(byId(run, 2)));
        assertTrue(text(byId(run, 3)).startsWith("Failed to open database '" + notADatabase + "': "));
        assertEquals("Missing or invalid path parameter", text(byId(run, 4)));
        assertEquals("orders", text(byId(run, 5)));
        assertEquals("Current database: :memory: (default)", text(byId(run, 6)));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(notADatabase)));
    }

    @Test
    void shouldWriteToTheDatabaseFileGivenOnTheCommandLine(@TempDir Path dir) {
        String path = dir.resolve("cli.db").toString();
        var run = run(
                path,
                session(
                        query(1, "schema_change", CREATE_ORDERS),
                        query(2, "insert_data", SEED_ORDERS),
                        call(3, "current_database", "{}")));
        assertEquals(0, run.status());
        assertEquals("Current database: " + path, text(byId(run, 3)));
        try (Database db = Database.open(path);
                Statement s = db.prepare("SELECT count(*) FROM orders")) {
            assertTrue(s.stepBlocking());
            assertEquals(2, s.getLong(0));
        }
    }

    @Test
    void shouldAnswerAnUnknownToolWithInvalidParams() {
        var run = run(null, session(call(1, "drop_everything", "{}")));
        Json.JsonObject response = byId(run, 1);
        assertEquals(RpcError.INVALID_PARAMS, errorCode(response));
        assertEquals(
                Json.of("Unknown tool: drop_everything"), ((Json.JsonObject) response.get("error")).get("message"));
    }

    @Test
    void shouldTreatWrongArgumentTypesAsToolErrors() {
        var run = run(
                null,
                session(
                        call(1, "execute_query", "{\"query\":5}"),
                        call(2, "insert_data", "{}"),
                        call(3, "update_data", "{\"query\":null}"),
                        call(4, "delete_data", "{\"query\":[\"DELETE FROM t\"]}"),
                        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"tools/call\",\"params\":{\"name\":\"list_tables\"}}",
                        call(6, "execute_query", "\"SELECT 1\""),
                        "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":5}}",
                        "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\"}"));
        for (int id = 1; id <= 4; id++) {
            assertEquals("Missing or invalid query parameter", text(byId(run, id)));
            assertTrue(isError(byId(run, id)));
        }
        assertEquals("No tables found in the database", text(byId(run, 5)));
        assertEquals(RpcError.INVALID_PARAMS, errorCode(byId(run, 6)));
        assertEquals(RpcError.INVALID_PARAMS, errorCode(byId(run, 7)));
        assertEquals(RpcError.INVALID_PARAMS, errorCode(byId(run, 8)));
    }
}
