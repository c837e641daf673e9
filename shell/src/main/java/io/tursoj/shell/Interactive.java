package io.tursoj.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/** The interactive shell on a terminal: banner, prompts, line editing. */
final class Interactive {
    static final String PROMPT = "turso> ";
    static final String CONTINUATION = "   ...> ";

    private Interactive() {}

    static int run(Shell shell) {
        if (!shell.options().quiet()) {
            shell.out().print(banner(shell));
            shell.out().flush();
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try {
            new InputLoop(shell).run(continuation -> {
                shell.out().print(continuation ? CONTINUATION : PROMPT);
                shell.out().flush();
                return in.readLine();
            });
        } catch (IOException e) {
            shell.err().println("Error: " + e.getMessage());
        }
        Integer exit = shell.exitRequested();
        return exit != null ? exit : 0;
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
