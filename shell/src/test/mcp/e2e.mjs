// End-to-end test of the tursodb MCP server with the official MCP TypeScript SDK client.
//
//   node e2e.mjs [SERVER COMMAND...]      (default: ./tursodb --mcp)
//
// Spawns the server through the SDK's StdioClientTransport, lists its tools, calls each one and checks the results.
// Exits 0 when every check passed, 1 otherwise (each failed check is printed). A second database is created in a
// fresh temporary directory; the server's own DATABASE argument, if any, is part of the command.
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StdioClientTransport } from "@modelcontextprotocol/sdk/client/stdio.js";
import { LATEST_PROTOCOL_VERSION } from "@modelcontextprotocol/sdk/types.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const argv = process.argv.slice(2);
const [command, ...args] = argv.length > 0 ? argv : ["./tursodb", "--mcp"];

let failures = 0;
let checks = 0;
function check(condition, what, detail) {
  checks++;
  if (!condition) {
    failures++;
    console.log(`FAIL ${what}${detail === undefined ? "" : ": " + JSON.stringify(detail)}`);
  } else {
    console.log(`ok   ${what}`);
  }
}

function text(result) {
  return result.content.map((c) => c.text).join("");
}

async function call(client, name, args = {}) {
  return client.callTool({ name, arguments: args });
}

const transport = new StdioClientTransport({ command, args, stderr: "inherit" });
// The client tells an HTTP transport the negotiated version through this hook; on stdio it only lets us see it.
let negotiatedVersion;
transport.setProtocolVersion = (version) => {
  negotiatedVersion = version;
};
const client = new Client({ name: "tursoj-e2e", version: "0.0.0" });
await client.connect(transport);
try {
  check(client.getServerVersion()?.name !== undefined, "initialize returns serverInfo", client.getServerVersion());
  check(client.getServerCapabilities()?.tools !== undefined, "server declares the tools capability");
  // The SDK sends its latest version; a server that speaks it must answer with it (lifecycle: version negotiation).
  check(negotiatedVersion === LATEST_PROTOCOL_VERSION, `protocol version ${LATEST_PROTOCOL_VERSION} agreed`,
    negotiatedVersion);
  await client.ping();
  check(true, "ping answered");

  const { tools } = await client.listTools();
  const byName = Object.fromEntries(tools.map((t) => [t.name, t]));
  const expected = {
    open_database: ["path"],
    current_database: [],
    list_tables: [],
    describe_table: ["table_name"],
    execute_query: ["query"],
    insert_data: ["query"],
    update_data: ["query"],
    delete_data: ["query"],
    schema_change: ["query"],
  };
  check(tools.length === Object.keys(expected).length, "nine tools listed", tools.map((t) => t.name));
  for (const [name, required] of Object.entries(expected)) {
    const tool = byName[name];
    check(tool !== undefined, `tool ${name} listed`);
    if (tool) {
      check(JSON.stringify(tool.inputSchema.required ?? []) === JSON.stringify(required), `${name} requires ${required}`,
        tool.inputSchema);
      check(typeof tool.description === "string" && tool.description.length > 0, `${name} has a description`);
    }
  }

  let r = await call(client, "current_database");
  check(!r.isError && text(r).startsWith("Current database: "), "current_database", text(r));
  const firstDatabase = text(r).substring("Current database: ".length);

  r = await call(client, "schema_change", {
    query: "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL, age INTEGER DEFAULT 0)",
  });
  check(!r.isError && text(r) === "Schema change successful.", "schema_change creates a table", text(r));

  r = await call(client, "list_tables");
  check(!r.isError && text(r) === "users", "list_tables shows it", text(r));

  r = await call(client, "describe_table", { table_name: "users" });
  check(!r.isError && text(r) ===
    "Table 'users' columns:\nid INTEGER NULL PRIMARY KEY\nname TEXT NOT NULL\nage INTEGER NULL DEFAULT 0",
    "describe_table", text(r));

  r = await call(client, "insert_data", { query: "INSERT INTO users (name, age) VALUES ('Alice', 30), ('Bob', 25)" });
  check(!r.isError && text(r) === "INSERT successful.", "insert_data", text(r));
  r = await call(client, "update_data", { query: "UPDATE users SET age = 31 WHERE name = 'Alice'" });
  check(!r.isError && text(r) === "UPDATE successful.", "update_data", text(r));
  r = await call(client, "insert_data", { query: "INSERT INTO users (name) VALUES ('Carol; DROP TABLE users')" });
  check(!r.isError, "a ';' inside a string is not a second statement", text(r));
  r = await call(client, "delete_data", { query: "DELETE FROM users WHERE name = 'Bob'" });
  check(!r.isError && text(r) === "DELETE successful.", "delete_data", text(r));

  r = await call(client, "execute_query", { query: "SELECT id, name, age FROM users ORDER BY id" });
  check(!r.isError && text(r) ===
    "id | name | age\n---------------\n1 | Alice | 31\n3 | Carol; DROP TABLE users | 0\n",
    "execute_query returns the rows", text(r));

  r = await call(client, "execute_query", { query: "DELETE FROM users" });
  check(r.isError === true && text(r) === "Only SELECT queries are allowed", "execute_query refuses a DELETE", text(r));
  r = await call(client, "insert_data", { query: "INSERT INTO users (name) VALUES ('x'); DELETE FROM users" });
  check(r.isError === true && text(r) === "Only a single INSERT statement is allowed",
    "insert_data refuses a second statement", text(r));
  r = await call(client, "execute_query", { query: "SELECT * FROM no_such_table" });
  check(r.isError === true && text(r).startsWith("Error executing query: "), "an SQL error is a tool error", text(r));
  r = await call(client, "execute_query", { query: 42 });
  check(r.isError === true && text(r) === "Missing or invalid query parameter", "a wrong argument type", text(r));

  r = await call(client, "execute_query", { query: "SELECT count(*) AS n FROM users" });
  check(text(r) === "n\n-\n2\n", "refused statements changed nothing", text(r));

  let unknownToolError;
  try {
    await call(client, "no_such_tool");
  } catch (e) {
    unknownToolError = e;
  }
  check(unknownToolError?.code === -32602, "an unknown tool is a -32602 protocol error", String(unknownToolError));

  let unknownMethodError;
  try {
    await client.request({ method: "resources/list", params: {} }, (await import("@modelcontextprotocol/sdk/types.js")).ListResourcesResultSchema);
  } catch (e) {
    unknownMethodError = e;
  }
  check(unknownMethodError?.code === -32601, "an unknown method is -32601", String(unknownMethodError));

  const other = join(mkdtempSync(join(tmpdir(), "tursoj-mcp-e2e-")), "nested", "other.db");
  r = await call(client, "open_database", { path: other });
  check(!r.isError && text(r) === `Successfully opened database: ${other}`, "open_database creates a new file", text(r));
  r = await call(client, "current_database");
  check(text(r) === `Current database: ${other}`, "current_database follows it", text(r));
  r = await call(client, "list_tables");
  check(text(r) === "No tables found in the database", "the new database is empty", text(r));

  if (firstDatabase !== ":memory: (default)") {
    r = await call(client, "open_database", { path: firstDatabase });
    check(!r.isError, "open_database goes back to the first database", text(r));
    r = await call(client, "execute_query", { query: "SELECT name FROM users ORDER BY id" });
    check(text(r) === "name\n----\nAlice\nCarol; DROP TABLE users\n", "its rows were kept", text(r));
  }
} finally {
  await client.close();
}
console.log(`${checks - failures}/${checks} checks passed (SDK protocol ${LATEST_PROTOCOL_VERSION})`);
process.exit(failures === 0 ? 0 : 1);
