package io.tursoj.shell.command;

import io.tursoj.api.Statement;
import io.tursoj.api.TursoException;
import io.tursoj.shell.CommandException;
import io.tursoj.shell.Shell;
import io.tursoj.shell.output.Values;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .import [--csv] [--skip N] [-v] FILE TABLE}: loads CSV rows into TABLE, creating it from the header row
 * when it does not exist. All rows go in one transaction: a malformed file (an unterminated quote) is reported with
 * its line and leaves the database untouched. Short rows are filled with NULL and long rows cut, with sqlite3's
 * warnings.
 */
final class ImportCommand {
    private static final String USAGE = ".import [--csv] [--skip N] [-v] FILE TABLE";

    private ImportCommand() {}

    static void run(Shell shell, List<String> args) throws CommandException {
        int skip = 0;
        boolean verbose = false;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--csv", "-csv" -> {}
                case "-v" -> verbose = true;
                case "--skip", "-skip" -> {
                    if (++i >= args.size()) {
                        throw new CommandException("Usage: " + USAGE);
                    }
                    try {
                        skip = Integer.parseInt(args.get(i));
                    } catch (NumberFormatException e) {
                        throw new CommandException("Usage: " + USAGE);
                    }
                }
                default -> {
                    if (a.startsWith("-")) {
                        throw new CommandException("unknown option: " + a);
                    }
                    names.add(a);
                }
            }
        }
        Arguments.expect(names, 2, 2, USAGE);
        String file = names.get(0);
        String table = names.get(1);
        List<CsvReader.Record> records = read(shell, file);
        importRecords(shell, file, table, records.subList(Math.min(skip, records.size()), records.size()), verbose);
    }

    private static List<CsvReader.Record> read(Shell shell, String file) throws CommandException {
        String text;
        try {
            text = Files.readString(Path.of(shell.resolve(file)));
        } catch (CharacterCodingException e) {
            throw new CommandException("\"" + file + "\" is not valid UTF-8");
        } catch (IOException | RuntimeException e) {
            throw new CommandException("cannot open \"" + file + "\"");
        }
        CsvReader reader = new CsvReader(text);
        List<CsvReader.Record> records = new ArrayList<>();
        try {
            for (CsvReader.Record r = reader.next(); r != null; r = reader.next()) {
                records.add(r);
            }
        } catch (CsvReader.MalformedCsvException e) {
            throw new CommandException(file + ":" + e.line + ": " + e.getMessage());
        }
        return records;
    }

    private static void importRecords(
            Shell shell, String file, String table, List<CsvReader.Record> records, boolean verbose)
            throws CommandException {
        boolean exists = tableExists(shell, table);
        if (!exists && records.isEmpty()) {
            throw new CommandException(file + ": empty file");
        }
        int first = 0;
        if (!exists) {
            try {
                createTable(shell, table, records.getFirst().fields());
            } catch (TursoException e) {
                throw new CommandException(e.getMessage());
            }
            first = 1;
        }
        boolean ownTransaction = shell.connection().isAutocommit();
        try {
            if (ownTransaction) {
                shell.connection().exec("BEGIN");
            }
            int inserted = insert(shell, file, table, records.subList(first, records.size()));
            if (ownTransaction) {
                shell.connection().exec("COMMIT");
            }
            if (verbose) {
                shell.out()
                        .println("Added " + inserted + " rows with 0 errors using " + records.size()
                                + " lines of input");
            }
        } catch (TursoException e) {
            if (ownTransaction && !shell.connection().isAutocommit()) {
                shell.connection().exec("ROLLBACK");
            }
            throw new CommandException(e.getMessage());
        }
    }

    /** Whether a statement on the table prepares (preparing reads no page, unlike a query of sqlite_schema). */
    private static boolean tableExists(Shell shell, String table) {
        try (Statement s = shell.connection().prepare("SELECT * FROM " + Values.quoteName(table))) {
            return s.columnCount() >= 0;
        } catch (TursoException e) {
            return false;
        }
    }

    private static void createTable(Shell shell, String table, List<String> header) {
        List<String> columns = new ArrayList<>();
        for (String h : header) {
            columns.add(Values.quoteName(h) + " TEXT");
        }
        shell.connection().exec("CREATE TABLE " + Values.quoteName(table) + "(" + String.join(",", columns) + ")");
    }

    private static int insert(Shell shell, String file, String table, List<CsvReader.Record> records) {
        int count = 0;
        int columns;
        try (Statement probe = shell.connection().prepare("SELECT * FROM " + Values.quoteName(table))) {
            columns = probe.columnCount();
        }
        String marks = String.join(",", java.util.Collections.nCopies(columns, "?"));
        try (Statement insert =
                shell.connection().prepare("INSERT INTO " + Values.quoteName(table) + " VALUES(" + marks + ")")) {
            for (CsvReader.Record r : records) {
                List<String> f = r.fields();
                if (f.size() < columns) {
                    shell.err()
                            .println(file + ":" + r.line() + ": expected " + columns + " columns but found " + f.size()
                                    + " - filling the rest with NULL");
                } else if (f.size() > columns) {
                    shell.err()
                            .println(file + ":" + r.line() + ": expected " + columns + " columns but found " + f.size()
                                    + " - extras ignored");
                }
                Object[] values = new Object[columns];
                for (int i = 0; i < columns && i < f.size(); i++) {
                    values[i] = f.get(i);
                }
                insert.run(values);
                count++;
            }
        }
        return count;
    }
}
