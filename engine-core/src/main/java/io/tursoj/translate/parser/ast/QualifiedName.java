package io.tursoj.translate.parser.ast;

/** {@code [schema.]name}: a table, index, view or trigger, with an optional schema (null when absent). */
public record QualifiedName(Span span, Name schema, Name name) implements Node {
    public QualifiedName {
        if (name == null) {
            throw new IllegalArgumentException("qualified name needs a name");
        }
    }

    public static QualifiedName of(String name) {
        return new QualifiedName(Span.NONE, null, Name.of(name));
    }
}
