package io.tursoj.shell;

import io.tursoj.api.Connection;
import io.tursoj.api.Database;
import io.tursoj.api.DatabaseOptions;
import io.tursoj.api.ErrorCode;
import io.tursoj.api.Statement;
import io.tursoj.api.TursoException;
import io.tursoj.shell.output.OutputModes;
import io.tursoj.shell.output.RowPrinter;
import io.tursoj.translate.parser.StatementSplitter;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One shell session: the open database and connection, the settings, where output goes, and whether anything
 * failed. Runs SQL text (many statements) and reports errors the way sqlite3 does: {@code Parse error} when a
 * statement does not prepare, {@code Runtime error} when it fails while running, with {@code near line N} when the
 * input is a script rather than a terminal.
 */
public final class Shell implements AutoCloseable {
    private final Options options;
    private final Settings settings;
    private final PrintStream stdout;
    private final PrintStream err;
    private final boolean interactive;
    private PrintStream out;
    private String outputPath;
    private Database db;
    private Connection conn;
    private String dbPath;
    private boolean anyError;
    private Integer exitCode;
    private final Timer timer = new Timer();
    private Path workingDirectory = Path.of("").toAbsolutePath();

    Shell(Options options, PrintStream stdout, PrintStream err, boolean interactive) {
        this.options = options;
        this.settings = new Settings(options.outputMode());
        this.settings.echo = options.echo();
        this.stdout = stdout;
        this.out = stdout;
        this.err = err;
        this.interactive = interactive;
    }

    public Settings settings() {
        return settings;
    }

    public Options options() {
        return options;
    }

    public PrintStream out() {
        return out;
    }

    public PrintStream err() {
        return err;
    }

    public boolean interactive() {
        return interactive;
    }

    public Database database() {
        return db;
    }

    public Connection connection() {
        return conn;
    }

    /** The path of the open database ({@code :memory:} for a transient one). */
    public String databasePath() {
        return dbPath;
    }

    public String outputPath() {
        return outputPath;
    }

    public boolean anyError() {
        return anyError;
    }

    public void markFailed() {
        anyError = true;
    }

    /** Asks the input loop to stop after the current command, leaving with {@code code}. */
    public void requestExit(int code) {
        exitCode = code;
    }

    public Integer exitRequested() {
        return exitCode;
    }

    /** {@code path} against the shell's working directory ({@code .cd} changes it; the process's cannot). */
    public String resolve(String path) {
        if (path.equals(":memory:")) {
            return path;
        }
        return workingDirectory.resolve(path).toString();
    }

    public void changeDirectory(Path dir) {
        workingDirectory = dir.toAbsolutePath();
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    /** Runs {@code text} as a script ({@code .read}): SQL and dot commands, line numbers from 1. */
    public void runScript(String text) {
        java.io.BufferedReader in = new java.io.BufferedReader(new java.io.StringReader(text));
        try {
            new InputLoop(this).run(continuation -> in.readLine());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Opens {@code path} (closing the current database); throws TursoException in SQLite's words. */
    public void open(String path) {
        Path p = Path.of(path);
        if (!path.equals(":memory:") && Files.isDirectory(p)) {
            throw new TursoException(ErrorCode.CANTOPEN, "unable to open database file");
        }
        DatabaseOptions dbOptions = DatabaseOptions.DEFAULTS;
        if (options.ioBackend() != null && !path.equals(":memory:")) {
            dbOptions = dbOptions.withIoBackend(options.ioBackend());
        }
        Database next;
        try {
            next = Database.open(path, dbOptions);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new TursoException(ErrorCode.CANTOPEN, e.getMessage());
        }
        closeDatabase();
        db = next;
        conn = db.connect();
        dbPath = path;
    }

    /** Sends results to {@code path} (null: back to standard output). */
    public void redirect(String path) throws CommandException {
        PrintStream next = stdout;
        if (path != null) {
            try {
                next = new PrintStream(Files.newOutputStream(Path.of(path)), false, "UTF-8");
            } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
                throw new CommandException("cannot open \"" + path + "\"");
            }
        }
        if (out != stdout) {
            out.close();
        }
        out = next;
        outputPath = path;
    }

    /** Runs every statement of {@code sql}, which began on input line {@code firstLine}; false if one failed. */
    public boolean runSql(String sql, int firstLine) {
        boolean ok = true;
        for (StatementSplitter.Piece piece : StatementSplitter.split(sql)) {
            String text = piece.text(sql);
            int line = firstLine + lineOffset(sql, piece.start());
            if (!runStatement(text, line)) {
                ok = false;
                if (settings.bail) {
                    break;
                }
            }
        }
        out.flush();
        return ok;
    }

    /** The number of newlines before the first non-blank character at or after {@code start}. */
    private static int lineOffset(String sql, int start) {
        int lines = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (i >= start && !Character.isWhitespace(c)) {
                break;
            }
            if (c == '\n') {
                lines++;
            }
        }
        return lines;
    }

    private boolean runStatement(String text, int line) {
        if (settings.echo) {
            out.println(text.strip());
        }
        Statement stmt;
        try {
            stmt = conn.prepare(text);
        } catch (TursoException e) {
            if (e.code() == ErrorCode.MISUSE && String.valueOf(e.getMessage()).startsWith("not an error")) {
                return true; // only comments
            }
            report(ErrorKind.PARSE, e, line);
            return false;
        }
        timer.start();
        try (stmt) {
            if (options.readonly() && !ReadOnlyCheck.allows(stmt)) {
                throw new TursoException(ErrorCode.READONLY, "attempt to write a readonly database");
            }
            bindParameters(stmt);
            printRows(stmt);
            return true;
        } catch (TursoException e) {
            report(ErrorKind.RUNTIME, e, line);
            return false;
        } finally {
            timer.stop(settings.timer ? out : null);
        }
    }

    private void bindParameters(Statement stmt) {
        if (settings.parameters.isEmpty() || stmt.parameterCount() == 0) {
            return;
        }
        for (var e : settings.parameters.entrySet()) {
            int i = stmt.parameterIndex(e.getKey());
            if (i > 0) {
                stmt.bind(i, e.getValue());
            }
        }
    }

    private void printRows(Statement stmt) {
        RowPrinter printer = null;
        try {
            int n = stmt.columnCount();
            while (stmt.stepBlocking()) {
                if (printer == null) {
                    printer = OutputModes.create(settings.mode, settings.output(), out);
                    printer.begin(stmt.columnNames());
                }
                Object[] values = new Object[n];
                for (int i = 0; i < n; i++) {
                    values[i] = stmt.getValue(i);
                }
                printer.row(values);
            }
        } finally {
            if (printer != null) {
                printer.end();
            }
        }
    }

    /** Prints an SQL error in sqlite3's words and remembers that something failed. */
    public void report(ErrorKind kind, TursoException e, int line) {
        anyError = true;
        String message = e.getMessage();
        ErrorCode primary = e.code().primary();
        if (kind == ErrorKind.RUNTIME && primary != ErrorCode.ERROR) {
            message = message + " (" + primary.code() + ")";
        }
        reportText(kind, message, line);
    }

    /** Prints {@code PREFIX[ near line N]: message} on standard error. */
    public void reportText(ErrorKind kind, String message, int line) {
        anyError = true;
        out.flush();
        if (interactive || line <= 0) {
            err.println(kind.prefix() + ": " + message);
        } else {
            err.println(kind.prefix() + " near line " + line + ": " + message);
        }
        err.flush();
    }

    /** Lists the statements of a query's rows: a helper for dot commands that read the schema. */
    public List<Object[]> query(String sql, Object... args) {
        try (Statement s = conn.prepare(sql)) {
            s.bindAll(args);
            List<Object[]> rows = new java.util.ArrayList<>();
            while (s.stepBlocking()) {
                Object[] r = new Object[s.columnCount()];
                for (int i = 0; i < r.length; i++) {
                    r[i] = s.getValue(i);
                }
                rows.add(r);
            }
            return rows;
        }
    }

    private void closeDatabase() {
        try {
            if (conn != null) {
                conn.close();
            }
            if (db != null) {
                db.close();
            }
        } catch (TursoException e) {
            err.println("Error: " + e.getMessage());
        }
        conn = null;
        db = null;
    }

    @Override
    public void close() {
        out.flush();
        if (out != stdout) {
            out.close();
        }
        stdout.flush();
        closeDatabase();
    }
}
