package io.tursoj.shell;

import io.tursoj.shell.output.OutputModes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Parses {@code tursodb [OPTIONS] [DATABASE [SQL]]}; options may come before or after the positional arguments. */
final class OptionParser {
    private OptionParser() {}

    static Options parse(String[] args) throws UsageException {
        List<String> positional = new ArrayList<>();
        String mode = "pretty";
        boolean quiet = false;
        boolean echo = false;
        boolean readonly = false;
        boolean help = false;
        boolean version = false;
        boolean mcp = false;
        boolean mvcc = false;
        boolean views = false;
        String output = null;
        String io = null;
        String tracing = null;
        boolean onlyPositional = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (onlyPositional || !a.startsWith("-") || a.equals("-")) {
                positional.add(a);
                continue;
            }
            String name = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            switch (name) {
                case "--" -> onlyPositional = true;
                case "-m", "--output-mode" -> {
                    mode = (inline != null ? inline : value(args, ++i, name)).toLowerCase(Locale.ROOT);
                    if (!OutputModes.isKnown(mode)) {
                        throw new UsageException("invalid value '" + mode + "' for '--output-mode': expected one of "
                                + String.join(", ", OutputModes.names()));
                    }
                }
                case "-q", "--quiet" -> quiet = true;
                case "-e", "--echo" -> echo = true;
                case "--readonly" -> readonly = true;
                case "-h", "--help" -> help = true;
                case "-V", "--version" -> version = true;
                case "--mcp" -> mcp = true;
                case "--experimental-mvcc" -> mvcc = true;
                case "--experimental-views" -> views = true;
                case "-o", "--output" -> {
                    output = inline != null ? inline : value(args, ++i, name);
                }
                case "--io", "-v", "--vfs" -> {
                    io = (inline != null ? inline : value(args, ++i, name)).toLowerCase(Locale.ROOT);
                    if (io.equals("io_uring") || io.equals("io-uring")) {
                        io = "uring";
                    }
                }
                case "-t", "--tracing-output" -> {
                    tracing = inline != null ? inline : value(args, ++i, name);
                }
                default -> throw new UsageException("unknown option: " + a + " (try --help)");
            }
        }
        if (positional.size() > 2) {
            throw new UsageException("unexpected argument: " + positional.get(2) + " (try --help)");
        }
        String database = positional.isEmpty() ? ":memory:" : positional.get(0);
        String sql = positional.size() > 1 ? positional.get(1) : null;
        return new Options(
                database,
                !positional.isEmpty(),
                sql,
                mode,
                quiet,
                echo,
                readonly,
                help,
                version,
                mcp,
                mvcc,
                views,
                output,
                io,
                tracing);
    }

    private static String value(String[] args, int i, String name) throws UsageException {
        if (i >= args.length) {
            throw new UsageException("missing value for option " + name);
        }
        return args[i];
    }

    static String help() {
        return """
                The Turso SQL shell (TursoJ).

                Usage: tursodb [OPTIONS] [DATABASE] [SQL]

                Arguments:
                  [DATABASE]  Database file to open [default: :memory:]
                  [SQL]       SQL to run, then exit

                Options:
                  -m, --output-mode <MODE>    Output mode: pretty (default), list, line, csv, json, column,
                                              box, markdown, insert, quote, tabs
                  -q, --quiet                 Don't display program information at startup
                  -e, --echo                  Print commands before execution
                      --readonly              Open the database read-only
                  -o, --output <PATH>         Write results to PATH instead of standard output
                      --io <BACKEND>          I/O backend: uring, nio or sim [default: the best available]
                  -t, --tracing-output <PATH> Write diagnostics (I/O backend choice, statement timings) to PATH
                      --mcp                   Start an MCP server on standard input/output instead of the shell
                      --experimental-mvcc     Accepted; MVCC is not available in TursoJ yet
                      --experimental-views    Accepted; views are enabled whenever the engine supports them
                  -h, --help                  Print help
                  -V, --version               Print version
                """;
    }
}
