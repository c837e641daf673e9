/**
 * The syntax tree: records under sealed interfaces ({@link io.tursoj.translate.parser.ast.Stmt}, {@link
 * io.tursoj.translate.parser.ast.Expr}, {@link io.tursoj.translate.parser.ast.SelectCore}, {@link
 * io.tursoj.translate.parser.ast.TableRef}...), so stages after the parser switch over them exhaustively.
 *
 * <p>Every node carries the {@link io.tursoj.translate.parser.ast.Span} of the text it came from, but spans never
 * take part in equality: two trees are equal when their structure is. Lists are immutable and never null (empty
 * when the clause is absent); a field documented "or null" is optional.
 */
package io.tursoj.translate.parser.ast;
