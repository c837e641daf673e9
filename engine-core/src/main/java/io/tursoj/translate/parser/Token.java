package io.tursoj.translate.parser;

/**
 * One token of the input: its kind and the half-open range {@code [start, end)} of char offsets it covers.
 *
 * @param text the token as written (quotes and all)
 */
public record Token(TokenType type, int start, int end, String text) {}
