package io.tursoj.translate.parser.ast;

import java.util.Locale;

/**
 * An identifier as written: its text without quotes (doubled quote characters undone) and how it was quoted. The
 * quoting matters to later stages: a double-quoted name that resolves to nothing becomes a string (SQLite's DQS rule),
 * and a quoted {@code "true"} is a name, never the boolean.
 */
public record Name(Span span, String text, Quote quote) implements Node {

    /** How the name was written. */
    public enum Quote {
        NONE,
        /** {@code "name"}. */
        DOUBLE,
        /** {@code 'name'}: SQLite accepts a string where a name is expected. */
        SINGLE,
        /** {@code [name]}. */
        BRACKET,
        /** {@code `name`}. */
        BACKTICK
    }

    public Name {
        if (text == null || quote == null) {
            throw new IllegalArgumentException("name needs text and quote, text=" + text + ", quote=" + quote);
        }
    }

    /** An unquoted name with no source position. */
    public static Name of(String text) {
        return new Name(Span.NONE, text, Quote.NONE);
    }

    /** True if both names are the same identifier to SQLite (ASCII case-insensitive, quoting ignored). */
    public boolean sameAs(Name other) {
        return text.toLowerCase(Locale.ROOT).equals(other.text.toLowerCase(Locale.ROOT));
    }
}
