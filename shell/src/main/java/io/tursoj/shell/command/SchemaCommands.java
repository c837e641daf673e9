package io.tursoj.shell.command;

import io.tursoj.shell.CommandException;
import io.tursoj.shell.Shell;
import java.util.ArrayList;
import java.util.List;

/** {@code .schema}, {@code .tables}, {@code .indexes}, {@code .databases}: what the schema holds. */
final class SchemaCommands {
    private SchemaCommands() {}

    /** Prints the CREATE statements (of the tables matching the pattern, with their indexes and triggers). */
    static void schema(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 0, 1, ".schema ?PATTERN?");
        String pattern = args.isEmpty() ? null : args.getFirst();
        for (SchemaEntry e : SchemaEntry.read(shell)) {
            if (e.sql() == null) {
                continue;
            }
            boolean selected = pattern == null
                    ? !e.name().startsWith("sqlite_autoindex")
                    : SchemaEntry.like(pattern, e.tableName()) || SchemaEntry.like(pattern, e.name());
            if (selected) {
                shell.out().println(e.sql() + ";");
            }
        }
    }

    /** Prints the names of tables and views, sorted, on one line (Turso's layout). */
    static void tables(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 0, 1, ".tables ?PATTERN?");
        List<String> names = new ArrayList<>();
        for (SchemaEntry e : SchemaEntry.read(shell)) {
            boolean kind = e.type().equals("table") || e.type().equals("view");
            if (kind && !e.isInternal() && (args.isEmpty() || SchemaEntry.like(args.getFirst(), e.name()))) {
                names.add(e.name());
            }
        }
        names.sort(null);
        if (!names.isEmpty()) {
            shell.out().println(String.join(" ", names));
        }
    }

    static void indexes(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 0, 1, ".indexes ?TABLE?");
        List<String> names = new ArrayList<>();
        for (SchemaEntry e : SchemaEntry.read(shell)) {
            if (e.type().equals("index") && (args.isEmpty() || SchemaEntry.like(args.getFirst(), e.tableName()))) {
                names.add(e.name());
            }
        }
        names.sort(null);
        for (String n : names) {
            shell.out().println(n);
        }
    }

    static void databases(Shell shell, List<String> args) {
        String path = shell.databasePath();
        String file = path.equals(":memory:")
                ? ""
                : java.nio.file.Path.of(path).toAbsolutePath().toString();
        shell.out().println("main: " + file + (shell.options().readonly() ? " r/o" : " r/w"));
    }
}
