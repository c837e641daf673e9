package io.tursoj.shell.command;

import io.tursoj.shell.CommandException;
import io.tursoj.shell.Main;
import io.tursoj.shell.Settings;
import io.tursoj.shell.Shell;
import io.tursoj.shell.output.OutputModes;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/** The dot commands that change or show settings. */
final class SettingCommands {
    private SettingCommands() {}

    static void mode(Shell shell, List<String> args) throws CommandException {
        if (args.isEmpty()) {
            shell.out().println("current output mode: " + shell.settings().mode);
            return;
        }
        String mode = args.getFirst().toLowerCase(Locale.ROOT);
        if (!OutputModes.isKnown(mode)) {
            throw new CommandException("mode should be one of: " + String.join(" ", OutputModes.names()));
        }
        shell.settings().setMode(mode);
        if (mode.equals("insert") && args.size() > 1) {
            shell.settings().insertTable = args.get(1);
        }
    }

    static void headers(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 1, 1, ".headers on|off");
        shell.settings().headers = Arguments.bool(args.getFirst());
        shell.settings().headersSet = true;
    }

    static void nullValue(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 1, 1, ".nullvalue STRING");
        shell.settings().nullValue = args.getFirst();
    }

    static void separator(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 1, 2, ".separator COL ?ROW?");
        shell.settings().columnSeparator = args.getFirst();
        if (args.size() > 1) {
            shell.settings().rowSeparator = args.get(1);
        }
    }

    static void echo(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 1, 1, ".echo on|off");
        shell.settings().echo = Arguments.bool(args.getFirst());
    }

    static void bail(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 1, 1, ".bail on|off");
        shell.settings().bail = Arguments.bool(args.getFirst());
    }

    static void timer(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 1, 1, ".timer on|off");
        shell.settings().timer = Arguments.bool(args.getFirst());
    }

    static void stats(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 0, 1, ".stats on|off");
        if (args.isEmpty()) {
            printStats(shell);
        } else {
            shell.settings().stats = Arguments.bool(args.getFirst());
        }
    }

    /** What {@code .stats} shows: the connection's change counters and the I/O backend. */
    static void printStats(Shell shell) {
        PrintStream out = shell.out();
        out.println("Rows changed by the last statement:  " + shell.connection().changes());
        out.println("Total rows changed:                  " + shell.connection().totalChanges());
        out.println("Last insert rowid:                   " + shell.connection().lastInsertRowid());
        out.println("I/O backend:                         " + shell.database().ioBackend());
    }

    static void eqp(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 1, 1, ".eqp on|off|full");
        String v = args.getFirst().toLowerCase(Locale.ROOT);
        if (v.equals("full")) {
            shell.settings().eqp = "full";
        } else {
            shell.settings().eqp = Arguments.bool(v) ? "on" : "off";
        }
    }

    static void timeout(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 0, 1, ".timeout MS");
        int ms = 0;
        if (!args.isEmpty()) {
            try {
                ms = Integer.parseInt(args.getFirst());
            } catch (NumberFormatException e) {
                throw new CommandException("Usage: .timeout MS");
            }
        }
        shell.settings().timeoutMs = ms;
        try {
            shell.query("PRAGMA busy_timeout = " + ms);
        } catch (io.tursoj.api.TursoException e) {
            // The engine has no busy_timeout pragma yet: the value is kept and shown by .show.
        }
    }

    static void print(Shell shell, List<String> args) {
        shell.out().println(String.join(" ", args));
    }

    static void version(Shell shell, List<String> args) {
        shell.out()
                .println("TursoJ " + Main.VERSION + " (SQLite 3.50.4 dialect), Java "
                        + Runtime.version().feature());
    }

    /** {@code .io}: the backend in use and the reason it was chosen. */
    static void io(Shell shell, List<String> args) {
        String name = shell.database().ioBackend();
        String reason = shell.database().ioReason();
        if (reason.startsWith(name + ": ")) {
            reason = reason.substring(name.length() + 2);
        }
        shell.out().println(name + " (" + reason + ")");
    }

    static void show(Shell shell, List<String> args) {
        Settings s = shell.settings();
        PrintStream out = shell.out();
        out.println("        echo: " + onOff(s.echo));
        out.println("         eqp: " + s.eqp);
        out.println("     headers: " + onOff(s.headers));
        out.println("        mode: " + s.mode);
        out.println("   nullvalue: \"" + s.nullValue + "\"");
        out.println("      output: " + (shell.outputPath() == null ? "stdout" : shell.outputPath()));
        out.println("colseparator: \"" + escape(s.columnSeparator) + "\"");
        out.println("rowseparator: \"" + escape(s.rowSeparator) + "\"");
        out.println("       stats: " + onOff(s.stats));
        out.println("       timer: " + onOff(s.timer));
        out.println("     timeout: " + s.timeoutMs);
        out.println("        bail: " + onOff(s.bail));
        out.println("    database: " + shell.databasePath());
        out.println("          io: " + shell.database().ioBackend());
        out.println("         cwd: " + shell.workingDirectory());
    }

    private static String onOff(boolean b) {
        return b ? "on" : "off";
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r");
    }
}
