package io.tursoj.shell.command;

import io.tursoj.api.TursoException;
import io.tursoj.shell.CommandException;
import io.tursoj.shell.ErrorKind;
import io.tursoj.shell.Shell;
import java.util.List;

/** The dot commands: finds the command a line names and runs it, reporting failures as sqlite3 does. */
public final class DotCommands {
    static final List<Command> ALL = List.of(
            new Command("bail", 2, ".bail on|off             Stop after hitting an error", SettingCommands::bail),
            new Command("cd", 2, ".cd DIRECTORY            Change the working directory", FileCommands::cd),
            new Command(
                    "clone",
                    2,
                    ".clone NEWDB             Copy the database into the new file NEWDB",
                    FileCommands::cloneDatabase),
            new Command(
                    "databases",
                    2,
                    ".databases               List names and files of attached databases",
                    SchemaCommands::databases),
            new Command("dump", 2, ".dump ?TABLE?            Render the database content as SQL", DumpCommand::dump),
            new Command("echo", 2, ".echo on|off             Turn command echo on or off", SettingCommands::echo),
            new Command(
                    "eqp",
                    2,
                    ".eqp on|off|full         Show EXPLAIN QUERY PLAN before each statement",
                    SettingCommands::eqp),
            new Command(
                    "exit", 2, ".exit ?CODE?             Exit this program with return-code CODE", DotCommands::exit),
            new Command(
                    "headers",
                    2,
                    ".headers on|off          Turn display of headers on or off",
                    SettingCommands::headers),
            new Command("help", 1, ".help                    Show this message", DotCommands::help),
            new Command(
                    "import",
                    2,
                    ".import FILE TABLE       Import CSV data from FILE into TABLE (--skip N)",
                    ImportCommand::run),
            new Command("indexes", 3, ".indexes ?TABLE?         Show names of indexes", SchemaCommands::indexes),
            new Command(
                    "io",
                    2,
                    ".io                      Show the active I/O backend and why it was chosen",
                    SettingCommands::io),
            new Command(
                    "mode", 1, ".mode MODE               Set the output mode (" + modes() + ")", SettingCommands::mode),
            new Command(
                    "nullvalue",
                    1,
                    ".nullvalue STRING        Use STRING in place of NULL values",
                    SettingCommands::nullValue),
            new Command("open", 1, ".open FILE                Close this database and open FILE", FileCommands::open),
            new Command(
                    "output",
                    2,
                    ".output ?FILE?           Send output to FILE, or stdout if FILE is omitted",
                    FileCommands::output),
            new Command(
                    "parameter", 4, ".parameter set|list|clear  Manage SQL parameter bindings", ParameterCommand::run),
            new Command("print", 2, ".print STRING...         Print literal STRING", SettingCommands::print),
            new Command("quit", 1, ".quit                    Exit this program", DotCommands::quit),
            new Command("read", 1, ".read FILE               Read input from FILE", FileCommands::read),
            new Command(
                    "schema",
                    2,
                    ".schema ?PATTERN?        Show the CREATE statements matching PATTERN",
                    SchemaCommands::schema),
            new Command(
                    "separator",
                    2,
                    ".separator COL ?ROW?     Change the column and row separators",
                    SettingCommands::separator),
            new Command(
                    "show",
                    2,
                    ".show                    Show the current values for various settings",
                    SettingCommands::show),
            new Command(
                    "stats",
                    2,
                    ".stats on|off            Show statistics after each statement",
                    SettingCommands::stats),
            new Command(
                    "tables",
                    2,
                    ".tables ?PATTERN?        List names of tables matching PATTERN",
                    SchemaCommands::tables),
            new Command(
                    "timeout",
                    4,
                    ".timeout MS              Try opening locked tables for MS milliseconds",
                    SettingCommands::timeout),
            new Command("timer", 4, ".timer on|off            Turn the SQL timer on or off", SettingCommands::timer),
            new Command("version", 2, ".version                 Show the TursoJ version", SettingCommands::version));

    private DotCommands() {}

    private static String modes() {
        return String.join(" ", io.tursoj.shell.output.OutputModes.names());
    }

    /** Runs the dot command on {@code line} (which starts with '.'); false if it failed. */
    public static boolean run(Shell shell, String line, int lineNumber) {
        List<String> words = Arguments.split(line.substring(1));
        if (words.isEmpty()) {
            return unknown(shell, "");
        }
        String name = words.getFirst();
        if (name.equals("param")) {
            name = "parameter";
        }
        for (Command c : ALL) {
            if (c.matches(name)) {
                try {
                    c.action().run(shell, words.subList(1, words.size()));
                    shell.out().flush();
                    return true;
                } catch (CommandException e) {
                    shell.out().flush();
                    shell.reportText(ErrorKind.OTHER, e.getMessage(), 0);
                    return false;
                } catch (TursoException e) {
                    shell.out().flush();
                    shell.reportText(ErrorKind.OTHER, e.getMessage(), 0);
                    return false;
                }
            }
        }
        return unknown(shell, name);
    }

    private static boolean unknown(Shell shell, String name) {
        shell.reportText(
                ErrorKind.OTHER,
                "unknown command or invalid arguments:  \"" + name + "\". Enter \".help\" for help",
                0);
        return false;
    }

    private static void help(Shell shell, List<String> args) {
        for (Command c : ALL) {
            if (args.isEmpty() || c.name().startsWith(args.getFirst())) {
                shell.out().println(c.help());
            }
        }
    }

    private static void quit(Shell shell, List<String> args) {
        shell.requestExit(shell.anyError() && !shell.interactive() ? 1 : 0);
    }

    private static void exit(Shell shell, List<String> args) throws CommandException {
        int code = 0;
        if (!args.isEmpty()) {
            try {
                code = Integer.parseInt(args.getFirst());
            } catch (NumberFormatException e) {
                throw new CommandException("Usage: .exit ?CODE?");
            }
        }
        shell.requestExit(code);
    }
}
