package io.tursoj.translate.parser.ast;

/** Any node of the syntax tree: it knows where in the source it was written. */
public interface Node {
    Span span();
}
