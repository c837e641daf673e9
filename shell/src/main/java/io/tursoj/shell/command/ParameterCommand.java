package io.tursoj.shell.command;

import io.tursoj.shell.CommandException;
import io.tursoj.shell.Shell;
import io.tursoj.shell.output.Values;
import java.util.List;
import java.util.Map;

/**
 * {@code .parameter set NAME VALUE | list | clear ?NAME?}: values bound by name into every later statement that
 * has the parameter. A VALUE is evaluated as an SQL expression, as sqlite3 does ({@code 'text'}, {@code 12},
 * {@code x'00'}); a bare word that is not an expression is taken as text.
 */
final class ParameterCommand {
    private ParameterCommand() {}

    static void run(Shell shell, List<String> args) throws CommandException {
        if (args.isEmpty()) {
            throw new CommandException("Usage: .parameter set NAME VALUE | list | clear ?NAME?");
        }
        Map<String, Object> params = shell.settings().parameters;
        switch (args.getFirst()) {
            case "set" -> {
                Arguments.expect(args, 3, 3, ".parameter set NAME VALUE");
                params.put(args.get(1), evaluate(shell, args.get(2)));
            }
            case "list" -> {
                for (var e : params.entrySet()) {
                    shell.out().println(e.getKey() + " " + Values.literal(e.getValue()));
                }
            }
            case "clear", "unset" -> {
                if (args.size() > 1) {
                    args.subList(1, args.size()).forEach(params::remove);
                } else {
                    params.clear();
                }
            }
            case "init" -> {}
            default -> throw new CommandException("Usage: .parameter set NAME VALUE | list | clear ?NAME?");
        }
    }

    private static Object evaluate(Shell shell, String text) {
        try {
            List<Object[]> rows = shell.query("SELECT " + text);
            if (rows.size() == 1 && rows.getFirst().length == 1) {
                return rows.getFirst()[0];
            }
        } catch (io.tursoj.api.TursoException e) {
            // not an expression: the text itself
        }
        return text;
    }
}
