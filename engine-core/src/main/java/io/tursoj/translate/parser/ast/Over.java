package io.tursoj.translate.parser.ast;

/** The OVER clause of a window function: an inline {@link Window} or a reference to a named one. */
public sealed interface Over extends Node permits Window, Over.Named {

    /** {@code OVER name}. */
    record Named(Span span, Name name) implements Over {}
}
