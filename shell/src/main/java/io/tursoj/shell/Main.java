package io.tursoj.shell;

import io.tursoj.api.TursoException;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code tursodb [OPTIONS] [DATABASE [SQL]]}: the Turso SQL shell. With SQL, runs it and exits; with standard input
 * that is not a terminal, runs it as a script; otherwise starts the interactive shell. Exits with 1 if any statement
 * failed, as sqlite3 does.
 */
public final class Main {
    /** The version printed by {@code -V} and {@code .version}. */
    public static final String VERSION = "0.1.0";

    private Main() {}

    public static void main(String[] args) {
        PrintStream stdout = new PrintStream(
                new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false,
                StandardCharsets.UTF_8);
        PrintStream stderr = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int code = run(args, stdout, stderr);
        stdout.flush();
        System.exit(code);
    }

    static int run(String[] args, PrintStream stdout, PrintStream stderr) {
        Options options;
        try {
            options = OptionParser.parse(args);
        } catch (UsageException e) {
            stderr.println("tursodb: Error: " + e.getMessage());
            return 1;
        }
        if (options.help()) {
            stdout.print(OptionParser.help());
            return 0;
        }
        if (options.version()) {
            stdout.println("tursodb " + VERSION + " (TursoJ)");
            return 0;
        }
        if (options.mcp()) {
            return McpLauncher.run(options, stdout, stderr);
        }
        boolean interactive = options.sql() == null && stdinIsTerminal();
        try (Shell shell = new Shell(options, stdout, stderr, interactive)) {
            if (!start(shell, options, stderr)) {
                return 1;
            }
            if (options.sql() != null) {
                return runArgument(shell, options.sql());
            }
            if (interactive) {
                return Interactive.run(shell);
            }
            return runScript(shell);
        }
    }

    /** Opens the database and the output file; false (after a one-line error) if either fails. */
    private static boolean start(Shell shell, Options options, PrintStream stderr) {
        try {
            shell.open(options.database());
        } catch (TursoException e) {
            stderr.println("Error: unable to open database \"" + options.database() + "\": " + e.getMessage());
            return false;
        }
        ExperimentalFeatures.announce(shell, options, stderr);
        if (options.output() != null) {
            try {
                shell.redirect(options.output());
            } catch (CommandException e) {
                stderr.println("Error: " + e.getMessage());
                return false;
            }
        }
        Tracing.start(shell, options.tracingOutput());
        return true;
    }

    private static int runArgument(Shell shell, String sql) {
        if (sql.stripLeading().startsWith(".")) {
            io.tursoj.shell.command.DotCommands.run(shell, sql.strip(), 0);
        } else {
            shell.runSql(sql, 1);
        }
        Integer exit = shell.exitRequested();
        return exit != null ? exit : shell.anyError() ? 1 : 0;
    }

    private static int runScript(Shell shell) {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
        try {
            new InputLoop(shell).run(continuation -> in.readLine());
        } catch (IOException e) {
            shell.err().println("Error: cannot read standard input: " + e.getMessage());
            return 1;
        }
        Integer exit = shell.exitRequested();
        return exit != null ? exit : shell.anyError() ? 1 : 0;
    }

    /** The launcher says whether standard input is a terminal ({@code [ -t 0 ]}); else ask the JDK. */
    private static boolean stdinIsTerminal() {
        String fromLauncher = System.getProperty("tursoj.stdin.tty");
        if (fromLauncher != null) {
            return fromLauncher.equals("true");
        }
        java.io.Console console = System.console();
        return console != null && console.isTerminal();
    }
}
