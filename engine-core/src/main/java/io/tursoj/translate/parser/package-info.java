/**
 * The SQL front end: SQLite's dialect, read by hand-written code.
 *
 * <ul>
 *   <li>{@link io.tursoj.translate.parser.Lexer} turns text into tokens by SQLite's tokenizer rules.
 *   <li>{@link io.tursoj.translate.parser.Parser} turns tokens into {@link io.tursoj.translate.parser.ast syntax
 *       trees} by recursive descent with precedence climbing, one statement at a time, and reports SQLite's error
 *       messages as {@link io.tursoj.translate.parser.ParseException}.
 *   <li>{@link io.tursoj.translate.parser.SqlPrinter} writes trees back as SQL that parses to the same tree.
 *   <li>{@link io.tursoj.translate.parser.StatementSplitter} finds statement ends as {@code sqlite3_complete()}
 *       does, for a shell deciding whether to run its buffer.
 * </ul>
 *
 * <p>Nesting and expression height are bounded ({@link io.tursoj.translate.parser.ParserLimits}), so hostile input
 * ends in a ParseException, not a StackOverflowError.
 */
package io.tursoj.translate.parser;
