package io.tursoj.shell.command;

import io.tursoj.shell.CommandException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits a dot-command line into words as sqlite3 does: whitespace separates, quotes group, {@code \} escapes. */
final class Arguments {
    private Arguments() {}

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        int i = 0;
        int n = line.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            if (i >= n) {
                break;
            }
            char q = line.charAt(i);
            StringBuilder w = new StringBuilder();
            if (q == '"' || q == '\'') {
                i++;
                while (i < n && line.charAt(i) != q) {
                    char c = line.charAt(i);
                    if (c == '\\' && q == '"' && i + 1 < n) {
                        i++;
                        c = unescape(line.charAt(i));
                    }
                    w.append(c);
                    i++;
                }
                i++;
            } else {
                while (i < n && !Character.isWhitespace(line.charAt(i))) {
                    w.append(line.charAt(i++));
                }
            }
            words.add(w.toString());
        }
        return words;
    }

    private static char unescape(char c) {
        return switch (c) {
            case 'n' -> '\n';
            case 't' -> '\t';
            case 'r' -> '\r';
            default -> c;
        };
    }

    /** {@code on/off/yes/no/true/false/1/0}, as sqlite3's booleanValue. */
    static boolean bool(String word) throws CommandException {
        return switch (word.toLowerCase(Locale.ROOT)) {
            case "on", "yes", "true", "1" -> true;
            case "off", "no", "false", "0" -> false;
            default -> throw new CommandException("not a boolean value: " + word + ". Assuming \"no\".");
        };
    }

    static void expect(List<String> args, int min, int max, String usage) throws CommandException {
        if (args.size() < min || args.size() > max) {
            throw new CommandException("Usage: " + usage);
        }
    }
}
