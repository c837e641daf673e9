package io.tursoj.shell.command;

import io.tursoj.shell.CommandException;
import io.tursoj.shell.Shell;
import java.util.List;

/**
 * One dot command: its name, the shortest prefix that still selects it (sqlite3 accepts {@code .q} for
 * {@code .quit}), the line {@code .help} shows, and what it does with its arguments.
 */
record Command(String name, int minPrefix, String help, Action action) {
    @FunctionalInterface
    interface Action {
        void run(Shell shell, List<String> args) throws CommandException;
    }

    boolean matches(String word) {
        return word.length() >= minPrefix && name.startsWith(word);
    }
}
