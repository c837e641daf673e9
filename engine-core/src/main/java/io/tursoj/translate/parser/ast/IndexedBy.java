package io.tursoj.translate.parser.ast;

/** {@code INDEXED BY index}, or {@code NOT INDEXED} when {@link #index()} is null. */
public record IndexedBy(Span span, Name index) implements Node {
    public boolean notIndexed() {
        return index == null;
    }
}
