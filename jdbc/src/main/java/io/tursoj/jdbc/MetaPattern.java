package io.tursoj.jdbc;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A DatabaseMetaData name pattern: {@code %} any run, {@code _} one character, {@code \} escapes; null matches
 * everything. Matching ignores ASCII case, as SQLite's names do.
 */
final class MetaPattern {
    private final Pattern pattern;

    private MetaPattern(Pattern pattern) {
        this.pattern = pattern;
    }

    static MetaPattern of(String jdbcPattern) {
        if (jdbcPattern == null) {
            return new MetaPattern(null);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < jdbcPattern.length(); i++) {
            char c = jdbcPattern.charAt(i);
            if (c == '\\' && i + 1 < jdbcPattern.length()) {
                regex.append(Pattern.quote(String.valueOf(jdbcPattern.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return new MetaPattern(Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL));
    }

    boolean matches(String name) {
        return pattern == null || pattern.matcher(name).matches();
    }

    static boolean sameName(String a, String b) {
        return a == null || a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT));
    }
}
