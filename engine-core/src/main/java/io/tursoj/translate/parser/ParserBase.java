package io.tursoj.translate.parser;

import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.QualifiedName;
import io.tursoj.translate.parser.ast.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * The token cursor, error reporting and limits that every part of the parser shares.
 *
 * <p>The parser is recursive descent, split by area along a chain of subclasses: {@link ExpressionParser} ←
 * {@link SelectParser} ← {@link DmlParser} ← {@link DdlParser} ← {@link Parser}. Each decision looks at the current
 * token and, at a few places, one or two tokens ahead. A keyword that SQLite lets fall back to an identifier is taken
 * as a keyword wherever the grammar has a use for it at that point and as a name otherwise, which is what SQLite's
 * LALR parser does with its {@code %fallback} list.
 *
 * <p>Invariants: (1) {@code pos} never passes the EOF token; (2) the current token is never ILLEGAL: moving onto
 * one reports {@code unrecognized token}, as SQLite's tokenizer does when the parser asks for it; (3) {@code depth}
 * counts the nested constructs open on the Java stack and stays within {@link ParserLimits#maxNestingDepth()}.
 */
abstract class ParserBase {
    final TokenBuffer tokens;
    final String sql;
    final ParserLimits limits;
    int pos;
    private int depth;

    /** Parentheses opened and not yet closed by the tokens consumed so far. */
    int openParentheses;

    /**
     * An error SQLite raises when it reduces a rule, which it does only once the next token proves valid: thrown
     * when that token is consumed or the statement ends there, unless a syntax error at that token comes first.
     */
    private ParseException deferred;

    private int deferredUntil = -1;

    /** Height (SQLite's Expr.nHeight) of the expression the last expression method returned. */
    int height;

    /** The tallest expression parsed so far in the innermost SELECT, for the height of a subquery. */
    int scopeHeight;

    ParserBase(String sql, ParserLimits limits) {
        this.sql = sql;
        this.tokens = Lexer.tokenize(sql);
        this.limits = limits;
    }

    // ---- the cursor

    final TokenType peek() {
        return tokens.type(pos);
    }

    /** The type of the token {@code ahead} tokens after the current one (EOF past the end). */
    final TokenType peek(int ahead) {
        int index = Math.min(pos + ahead, tokens.count() - 1);
        return tokens.type(index);
    }

    final boolean at(TokenType type) {
        return tokens.type(pos) == type;
    }

    /** Moves to the next token; reports {@code unrecognized token} if that one is ILLEGAL. */
    final void advance() {
        if (deferred != null && pos == deferredUntil) {
            throw deferred;
        }
        TokenType consumed = tokens.type(pos);
        if (consumed == TokenType.LP) {
            openParentheses++;
        } else if (consumed == TokenType.RP) {
            openParentheses--;
        }
        if (pos < tokens.count() - 1) {
            pos++;
        }
        checkLegal();
    }

    final void checkLegal() {
        if (tokens.type(pos) == TokenType.ILLEGAL) {
            throw error(
                    ParseException.Kind.UNRECOGNIZED_TOKEN,
                    "unrecognized token: \"" + tokens.text(pos) + "\"",
                    tokens.start(pos));
        }
    }

    final boolean accept(TokenType type) {
        if (tokens.type(pos) == type) {
            advance();
            return true;
        }
        return false;
    }

    final void expect(TokenType type) {
        if (tokens.type(pos) != type) {
            throw syntaxError();
        }
        advance();
    }

    /** Start offset of the current token. */
    final int start() {
        return tokens.start(pos);
    }

    /** End offset of the token before the current one. */
    final int lastEnd() {
        return pos == 0 ? 0 : tokens.end(pos - 1);
    }

    final Span span(int start) {
        return new Span(start, Math.max(start, lastEnd()));
    }

    final String currentText() {
        return tokens.text(pos);
    }

    // ---- errors

    final ParseException syntaxError() {
        if (tokens.type(pos) == TokenType.EOF) {
            return error(ParseException.Kind.INCOMPLETE, "incomplete input", tokens.start(pos));
        }
        return error(ParseException.Kind.SYNTAX, "near \"" + tokens.text(pos) + "\": syntax error", tokens.start(pos));
    }

    final ParseException grammarError(String message, int offset) {
        return error(ParseException.Kind.GRAMMAR, message, offset);
    }

    final ParseException error(ParseException.Kind kind, String message, int offset) {
        return new ParseException(kind, message, sql, offset);
    }

    // ---- nesting and expression height

    /** Enters a nested construct; reports {@code parser stack overflow} past the nesting limit. */
    final void enter() {
        if (++depth > limits.maxNestingDepth()) {
            throw error(ParseException.Kind.TOO_DEEP, "parser stack overflow", start());
        }
    }

    final void leave() {
        depth--;
    }

    /** Raises {@code error} once the current token is known to be valid (see {@link #deferred}). */
    final void deferUntilValid(ParseException error) {
        if (deferred == null) {
            deferred = error;
            deferredUntil = pos;
        }
    }

    /** Throws a deferred error: the statement ended validly at its token. */
    final void throwDeferred() {
        if (deferred != null) {
            throw deferred;
        }
    }

    final void resetDepth() {
        deferred = null;
        deferredUntil = -1;
        depth = 0;
        openParentheses = 0;
        height = 0;
        scopeHeight = 0;
    }

    /** Records the height of the expression just built, checking SQLite's expression depth limit. */
    final <T> T withHeight(T expr, int exprHeight, int offset) {
        if (exprHeight > limits.maxExpressionDepth()) {
            throw error(
                    ParseException.Kind.TOO_DEEP,
                    "Expression tree is too large (maximum depth " + limits.maxExpressionDepth() + ")",
                    offset);
        }
        height = exprHeight;
        return expr;
    }

    // ---- names

    /** SQLite's {@code nm}: an identifier, a fallback keyword, a join keyword, INDEXED or a string. */
    final Name parseName() {
        if (!peek().isName()) {
            throw syntaxError();
        }
        Name name = nameAt(pos);
        advance();
        return name;
    }

    /** SQLite's {@code ids}: an identifier, a fallback keyword or a string (aliases, collations). */
    final Name parseIdOrString() {
        if (!peek().isIdOrString()) {
            throw syntaxError();
        }
        Name name = nameAt(pos);
        advance();
        return name;
    }

    /** {@code nm [. nm]}. */
    final QualifiedName parseQualifiedName() {
        int begin = start();
        Name first = parseName();
        if (accept(TokenType.DOT)) {
            Name second = parseName();
            return new QualifiedName(span(begin), first, second);
        }
        return new QualifiedName(span(begin), null, first);
    }

    /** {@code nm, nm, ...} inside parentheses that the caller handles. */
    final List<Name> parseNameList() {
        List<Name> names = new ArrayList<>();
        do {
            names.add(parseName());
        } while (accept(TokenType.COMMA));
        return List.copyOf(names);
    }

    final Name nameAt(int index) {
        int begin = tokens.start(index);
        int end = tokens.end(index);
        char first = sql.charAt(begin);
        Span span = new Span(begin, end);
        return switch (first) {
            case '"' -> new Name(span, unquote(begin, end, '"'), Name.Quote.DOUBLE);
            case '\'' -> new Name(span, unquote(begin, end, '\''), Name.Quote.SINGLE);
            case '`' -> new Name(span, unquote(begin, end, '`'), Name.Quote.BACKTICK);
            case '[' -> new Name(span, sql.substring(begin + 1, end - 1), Name.Quote.BRACKET);
            default -> new Name(span, sql.substring(begin, end), Name.Quote.NONE);
        };
    }

    /** The text between the quotes of {@code sql[begin, end)}, with doubled quote characters undone. */
    final String unquote(int begin, int end, char quote) {
        int inner = begin + 1;
        int close = end - 1;
        int firstQuote = sql.indexOf(quote, inner);
        if (firstQuote < 0 || firstQuote >= close) {
            return sql.substring(inner, close);
        }
        StringBuilder text = new StringBuilder(close - inner);
        for (int i = inner; i < close; i++) {
            char c = sql.charAt(i);
            text.append(c);
            if (c == quote) {
                i++;
            }
        }
        return text.toString();
    }
}
