package io.tursoj.shell;

import java.io.IOException;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell on a terminal: the banner, the {@code turso> } prompt and its continuation, line editing and
 * history (JLine, loaded only here so that scripts never pay for it). Ctrl-C while a statement runs interrupts it;
 * at the prompt it drops the half-typed statement, and a second Ctrl-C on an empty prompt leaves; Ctrl-D leaves.
 */
final class Interactive {
    static final String PROMPT = "turso> ";
    static final String CONTINUATION = "   ...> ";
    private static final String HISTORY_FILE = ".tursodb_history";

    private Interactive() {}

    static int run(Shell shell) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
            if (!shell.options().quiet()) {
                shell.out().print(banner(shell));
                shell.out().flush();
            }
            LineReader reader = LineReaderBuilder.builder()
                    .terminal(terminal)
                    .appName("tursodb")
                    .variable(LineReader.HISTORY_FILE, Path.of(System.getProperty("user.home"), HISTORY_FILE))
                    .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                    .build();
            terminal.handle(Terminal.Signal.INT, signal -> shell.connection().interrupt());
            InputLoop loop = new InputLoop(shell);
            loop.run(new Prompter(shell, reader, loop));
            reader.getHistory().save();
        } catch (IOException e) {
            shell.err().println("Error: " + e.getMessage());
            return 1;
        }
        Integer exit = shell.exitRequested();
        return exit != null ? exit : 0;
    }

    /** Reads one line with the right prompt, turning Ctrl-C and Ctrl-D into the shell's meaning of them. */
    private static final class Prompter implements LineSource {
        private final Shell shell;
        private final LineReader reader;
        private final InputLoop loop;
        private boolean interruptedOnce;

        Prompter(Shell shell, LineReader reader, InputLoop loop) {
            this.shell = shell;
            this.reader = reader;
            this.loop = loop;
        }

        @Override
        public String readLine(boolean continuation) {
            shell.out().flush();
            while (true) {
                try {
                    String line = reader.readLine(continuation ? CONTINUATION : PROMPT);
                    interruptedOnce = false;
                    return line;
                } catch (UserInterruptException e) {
                    if (loop.hasPending()) {
                        loop.discardPending();
                        continuation = false;
                        interruptedOnce = false;
                    } else if (interruptedOnce) {
                        return null;
                    } else {
                        interruptedOnce = true;
                        reader.getTerminal().writer().println("Press Ctrl-C again (or Ctrl-D, or .quit) to exit.");
                    }
                } catch (EndOfFileException e) {
                    return null;
                }
            }
        }
    }

    static String banner(Shell shell) {
        StringBuilder b = new StringBuilder("Turso v").append(Main.VERSION).append(" (TursoJ)\n");
        b.append("Enter \".help\" for usage hints.\n");
        if (shell.databasePath().equals(":memory:")) {
            b.append("Connected to a transient in-memory database.\n");
            b.append("Use \".open FILENAME\" to reopen on a persistent database\n");
        } else {
            b.append("Connected to ").append(shell.databasePath()).append(".\n");
        }
        return b.toString();
    }
}
