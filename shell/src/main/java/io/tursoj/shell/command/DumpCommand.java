package io.tursoj.shell.command;

import io.tursoj.shell.CommandException;
import io.tursoj.shell.Shell;
import io.tursoj.shell.output.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code .dump ?TABLE?}: the database as SQL that rebuilds it, in sqlite3's layout: tables with their rows in
 * creation order (sqlite_sequence as a DELETE and INSERTs), then indexes, triggers and views, inside one
 * transaction. Reals are written with 20 significant digits so that they read back to the same double.
 */
final class DumpCommand {
    private DumpCommand() {}

    static void dump(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 0, 1, ".dump ?TABLE?");
        String pattern = args.isEmpty() ? null : args.getFirst();
        shell.out().println("PRAGMA foreign_keys=OFF;");
        shell.out().println("BEGIN TRANSACTION;");
        statements(shell, pattern, shell.out()::println);
        shell.out().println("COMMIT;");
    }

    /** Sends each statement of the dump (without the surrounding transaction) to {@code sink}. */
    static void statements(Shell shell, String pattern, Consumer<String> sink) {
        List<SchemaEntry> entries = SchemaEntry.read(shell);
        List<SchemaEntry> later = new ArrayList<>();
        for (SchemaEntry e : entries) {
            if (pattern != null && !SchemaEntry.like(pattern, e.tableName())) {
                continue;
            }
            if (!e.type().equals("table")) {
                if (e.sql() != null) {
                    later.add(e);
                }
                continue;
            }
            if (e.name().equals("sqlite_sequence")) {
                sink.accept("DELETE FROM sqlite_sequence;");
            } else if (e.isInternal() || e.sql() == null) {
                continue;
            } else if (e.sql().matches("(?s)CREATE TABLE ['\"].*")) {
                // sqlite3 writes a quoted table name's CREATE with IF NOT EXISTS.
                sink.accept("CREATE TABLE IF NOT EXISTS " + e.sql().substring(13) + ";");
            } else {
                sink.accept(e.sql() + ";");
            }
            rows(shell, e.name(), sink);
        }
        for (SchemaEntry e : later) {
            sink.accept(e.sql() + ";");
        }
    }

    private static void rows(Shell shell, String table, Consumer<String> sink) {
        String quoted = Values.quoteName(table);
        for (Object[] row : shell.query("SELECT * FROM " + quoted)) {
            StringBuilder b = new StringBuilder("INSERT INTO ").append(quoted).append(" VALUES(");
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append(Values.literal(row[i]));
            }
            sink.accept(b.append(");").toString());
        }
    }
}
