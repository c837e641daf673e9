package io.tursoj.shell.command;

import io.tursoj.api.Connection;
import io.tursoj.api.Database;
import io.tursoj.api.TursoException;
import io.tursoj.shell.CommandException;
import io.tursoj.shell.Shell;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The dot commands that touch files: {@code .open .output .read .cd .clone}. */
final class FileCommands {
    private FileCommands() {}

    static void open(Shell shell, List<String> args) throws CommandException {
        List<String> files = args.stream().filter(a -> !a.startsWith("--")).toList();
        Arguments.expect(files, 0, 2, ".open ?FILE?");
        String path = files.isEmpty() ? ":memory:" : shell.resolve(files.getFirst());
        try {
            shell.open(path);
        } catch (TursoException e) {
            throw new CommandException("unable to open database \"" + files.getFirst() + "\": " + e.getMessage());
        }
    }

    static void output(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 0, 1, ".output ?FILE?");
        shell.redirect(args.isEmpty() || args.getFirst().equals("stdout") ? null : shell.resolve(args.getFirst()));
    }

    static void read(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 1, 1, ".read FILE");
        Path file = Path.of(shell.resolve(args.getFirst()));
        String text;
        try {
            text = Files.readString(file);
        } catch (CharacterCodingException e) {
            throw new CommandException("\"" + args.getFirst() + "\" is not valid UTF-8");
        } catch (IOException e) {
            throw new CommandException("cannot open \"" + args.getFirst() + "\"");
        }
        shell.runScript(text);
    }

    static void cd(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 1, 1, ".cd DIRECTORY");
        Path dir = Path.of(shell.resolve(args.getFirst())).normalize();
        if (!Files.isDirectory(dir)) {
            throw new CommandException("cannot change to directory \"" + args.getFirst() + "\"");
        }
        shell.changeDirectory(dir);
    }

    /** Copies the schema and rows into a new database file; refuses to overwrite an existing one. */
    static void cloneDatabase(Shell shell, List<String> args) throws CommandException {
        Arguments.expect(args, 1, 1, ".clone NEWDB");
        Path target = Path.of(shell.resolve(args.getFirst()));
        if (Files.exists(target)) {
            throw new CommandException("File \"" + args.getFirst() + "\" already exists.");
        }
        try (Database copy = Database.open(target.toString());
                Connection c = copy.connect()) {
            c.exec("BEGIN");
            DumpCommand.statements(shell, null, sql -> {
                if (!sql.startsWith("DELETE FROM sqlite_sequence")) {
                    c.exec(sql);
                }
            });
            c.exec("COMMIT");
        } catch (TursoException e) {
            throw new CommandException("cannot clone into \"" + args.getFirst() + "\": " + e.getMessage());
        }
        shell.out().println("done");
    }
}
