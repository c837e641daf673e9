package io.tursoj.translate.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's tokenizer: splits SQL text into {@link TokenType tokens} by the rules of SQLite's tokenize.c.
 *
 * <p>Rules worth knowing:
 *
 * <ul>
 *   <li>Input ends at its length or at the first NUL character, as a C string would.
 *   <li>Whitespace and comments ({@code --} to the end of the line, C-style block comments, an unterminated block
 *       comment to the end of input) separate tokens and are dropped.
 *   <li>Malformed text becomes an {@link TokenType#ILLEGAL} token rather than an error: the parser reports
 *       {@code unrecognized token} only when it reaches it, so an earlier syntax error wins, as in SQLite.
 *   <li>{@code WINDOW}, {@code OVER} and {@code FILTER} are keywords only in context (tokenize.c's
 *       analyzeWindowKeyword and friends); otherwise they are identifiers.
 * </ul>
 */
public final class Lexer {
    private final String sql;
    private final int limit;
    private int position;
    private TokenType type;
    private int tokenStart;

    private Lexer(String sql) {
        this.sql = sql;
        int nul = sql.indexOf('\0');
        this.limit = nul < 0 ? sql.length() : nul;
    }

    /** All tokens of {@code sql}, the last being {@link TokenType#EOF}. */
    public static List<Token> tokens(String sql) {
        TokenBuffer buffer = tokenize(sql);
        List<Token> tokens = new ArrayList<>(buffer.count());
        for (int i = 0; i < buffer.count(); i++) {
            tokens.add(buffer.token(i));
        }
        return tokens;
    }

    /** The offset where the input ends for the tokenizer: the length, or the first NUL character. */
    public static int inputEnd(String sql) {
        int nul = sql.indexOf('\0');
        return nul < 0 ? sql.length() : nul;
    }

    static TokenBuffer tokenize(String sql) {
        Lexer lexer = new Lexer(sql);
        TokenBuffer buffer = new TokenBuffer(sql, sql.length() / 3 + 8);
        boolean contextual = false;
        while (lexer.next()) {
            TokenType type = lexer.type;
            contextual |= type == TokenType.WINDOW || type == TokenType.OVER || type == TokenType.FILTER;
            buffer.add(type, lexer.tokenStart, lexer.position);
        }
        buffer.add(TokenType.EOF, lexer.limit, lexer.limit);
        if (contextual) {
            resolveContextualKeywords(buffer);
        }
        return buffer;
    }

    /** Scans the next token; returns false at end of input. */
    private boolean next() {
        while (position < limit) {
            tokenStart = position;
            char c = sql.charAt(position);
            if (c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\uFEFF') {
                position++;
                while (position < limit && isSpace(sql.charAt(position))) {
                    position++;
                }
            } else if (c == '-' && peek(1) == '-') {
                position = sql.indexOf('\n', position);
                if (position < 0 || position > limit) {
                    position = limit;
                }
            } else if (c == '/' && peek(1) == '*' && position + 2 < limit) {
                int close = sql.indexOf("*/", position + 2);
                position = close < 0 || close + 2 > limit ? limit : close + 2;
            } else {
                scanToken(c);
                return true;
            }
        }
        return false;
    }

    private char peek(int ahead) {
        int at = position + ahead;
        return at < limit ? sql.charAt(at) : '\0';
    }

    private void scanToken(char c) {
        switch (c) {
            case '-' -> {
                if (peek(1) == '>') {
                    single(TokenType.PTR, peek(2) == '>' ? 3 : 2);
                } else {
                    single(TokenType.MINUS, 1);
                }
            }
            case '(' -> single(TokenType.LP, 1);
            case ')' -> single(TokenType.RP, 1);
            case ';' -> single(TokenType.SEMI, 1);
            case '+' -> single(TokenType.PLUS, 1);
            case '*' -> single(TokenType.STAR, 1);
            case '/' -> single(TokenType.SLASH, 1);
            case '%' -> single(TokenType.REM, 1);
            case ',' -> single(TokenType.COMMA, 1);
            case '&' -> single(TokenType.BITAND, 1);
            case '~' -> single(TokenType.BITNOT, 1);
            case '=' -> single(TokenType.EQ, peek(1) == '=' ? 2 : 1);
            case '<' -> scanLess();
            case '>' -> scanGreater();
            case '!' -> single(peek(1) == '=' ? TokenType.NE : TokenType.ILLEGAL, peek(1) == '=' ? 2 : 1);
            case '|' -> single(peek(1) == '|' ? TokenType.CONCAT : TokenType.BITOR, peek(1) == '|' ? 2 : 1);
            case '\'', '"', '`' -> scanQuoted(c);
            case '[' -> scanBracketed();
            case '.' -> {
                if (isDigit(peek(1))) {
                    scanNumber();
                } else {
                    single(TokenType.DOT, 1);
                }
            }
            case '?' -> {
                position++;
                while (position < limit && isDigit(sql.charAt(position))) {
                    position++;
                }
                type = TokenType.VARIABLE;
            }
            case '$', '@', ':', '#' -> scanNamedVariable();
            default -> scanWordOrNumber(c);
        }
    }

    private void scanWordOrNumber(char c) {
        if (isDigit(c)) {
            scanNumber();
        } else if ((c == 'x' || c == 'X') && peek(1) == '\'') {
            scanBlob();
        } else if (isIdChar(c)) {
            scanWord();
        } else {
            single(TokenType.ILLEGAL, 1);
        }
    }

    private void single(TokenType tokenType, int length) {
        type = tokenType;
        position += length;
    }

    private void scanLess() {
        char n = peek(1);
        switch (n) {
            case '=' -> single(TokenType.LE, 2);
            case '>' -> single(TokenType.NE, 2);
            case '<' -> single(TokenType.LSHIFT, 2);
            default -> single(TokenType.LT, 1);
        }
    }

    private void scanGreater() {
        char n = peek(1);
        switch (n) {
            case '=' -> single(TokenType.GE, 2);
            case '>' -> single(TokenType.RSHIFT, 2);
            default -> single(TokenType.GT, 1);
        }
    }

    /** {@code '...'} strings and {@code "..."} / {@code `...`} identifiers; a doubled delimiter stands for one. */
    private void scanQuoted(char delimiter) {
        int i = position + 1;
        while (i < limit) {
            if (sql.charAt(i) == delimiter) {
                if (i + 1 < limit && sql.charAt(i + 1) == delimiter) {
                    i += 2;
                    continue;
                }
                position = i + 1;
                type = delimiter == '\'' ? TokenType.STRING : TokenType.ID;
                return;
            }
            i++;
        }
        position = limit;
        type = TokenType.ILLEGAL;
    }

    private void scanBracketed() {
        int close = sql.indexOf(']', position + 1);
        if (close < 0 || close >= limit) {
            position = limit;
            type = TokenType.ILLEGAL;
        } else {
            position = close + 1;
            type = TokenType.ID;
        }
    }

    private void scanBlob() {
        int i = position + 2;
        while (i < limit && isHexDigit(sql.charAt(i))) {
            i++;
        }
        type = TokenType.BLOB;
        if (i >= limit || sql.charAt(i) != '\'' || ((i - position) & 1) != 0) {
            type = TokenType.ILLEGAL;
            while (i < limit && sql.charAt(i) != '\'') {
                i++;
            }
        }
        position = i < limit ? i + 1 : limit;
    }

    /** Numbers, including hex ({@code 0x1F}), reals with exponents and {@code _} digit separators. */
    private void scanNumber() {
        type = TokenType.INTEGER;
        int i = position;
        if (sql.charAt(i) == '0' && (peek(1) == 'x' || peek(1) == 'X') && isHexDigit(peek(2))) {
            i = scanDigits(i + 2, true);
        } else {
            i = scanDigits(i, false);
            if (i < limit && sql.charAt(i) == '.') {
                if (type == TokenType.INTEGER) {
                    type = TokenType.FLOAT;
                }
                i = scanDigits(i + 1, false);
            }
            if (i < limit && (sql.charAt(i) == 'e' || sql.charAt(i) == 'E') && exponentFollows(i + 1)) {
                if (type == TokenType.INTEGER) {
                    type = TokenType.FLOAT;
                }
                i = scanDigits(i + 2, false);
            }
        }
        while (i < limit && isIdChar(sql.charAt(i))) {
            type = TokenType.ILLEGAL;
            i++;
        }
        position = i;
    }

    private boolean exponentFollows(int at) {
        char c = at < limit ? sql.charAt(at) : '\0';
        if (isDigit(c)) {
            return true;
        }
        return (c == '+' || c == '-') && at + 1 < limit && isDigit(sql.charAt(at + 1));
    }

    private int scanDigits(int from, boolean hex) {
        int i = from;
        while (i < limit) {
            char c = sql.charAt(i);
            if (hex ? isHexDigit(c) : isDigit(c)) {
                i++;
            } else if (c == '_') {
                type = TokenType.QNUMBER;
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** {@code $name}, {@code @name}, {@code :name}, {@code #name}, with Tcl's {@code ::} and {@code (...)} forms. */
    private void scanNamedVariable() {
        type = TokenType.VARIABLE;
        int nameLength = 0;
        int i = position + 1;
        while (i < limit) {
            char c = sql.charAt(i);
            if (isIdChar(c)) {
                nameLength++;
            } else if (c == '(' && nameLength > 0) {
                i++;
                while (i < limit && sql.charAt(i) != ')' && !isSpace(sql.charAt(i))) {
                    i++;
                }
                if (i < limit && sql.charAt(i) == ')') {
                    i++;
                } else {
                    type = TokenType.ILLEGAL;
                }
                break;
            } else if (c == ':' && i + 1 < limit && sql.charAt(i + 1) == ':') {
                i++;
            } else {
                break;
            }
            i++;
        }
        if (nameLength == 0) {
            type = TokenType.ILLEGAL;
        }
        position = i;
    }

    private void scanWord() {
        int i = position + 1;
        boolean keywordShaped = isKeywordChar(sql.charAt(position));
        while (i < limit && isKeywordChar(sql.charAt(i))) {
            i++;
        }
        if (i < limit && isIdChar(sql.charAt(i))) {
            keywordShaped = false;
            while (i < limit && isIdChar(sql.charAt(i))) {
                i++;
            }
        }
        type = keywordShaped ? Keywords.lookup(sql, position, i) : TokenType.ID;
        position = i;
    }

    /**
     * Turns {@code WINDOW}, {@code OVER} and {@code FILTER} into identifiers unless their neighbours make them
     * keywords: WINDOW needs a name and then AS after it; OVER needs a ')' before it and '(' or a name after it;
     * FILTER needs a ')' before it and '(' after it.
     */
    private static void resolveContextualKeywords(TokenBuffer tokens) {
        int count = tokens.count();
        for (int i = 0; i < count; i++) {
            TokenType t = tokens.type(i);
            boolean afterRp = i > 0 && tokens.type(i - 1) == TokenType.RP;
            if (t == TokenType.WINDOW) {
                boolean keep = i + 2 < count && actsAsId(tokens.type(i + 1)) && tokens.type(i + 2) == TokenType.AS;
                if (!keep) {
                    tokens.setType(i, TokenType.ID);
                }
            } else if (t == TokenType.OVER) {
                TokenType next = i + 1 < count ? tokens.type(i + 1) : TokenType.EOF;
                if (!(afterRp && (next == TokenType.LP || actsAsId(next)))) {
                    tokens.setType(i, TokenType.ID);
                }
            } else if (t == TokenType.FILTER) {
                if (!(afterRp && i + 1 < count && tokens.type(i + 1) == TokenType.LP)) {
                    tokens.setType(i, TokenType.ID);
                }
            }
        }
    }

    /** The token classes tokenize.c's getToken() folds into TK_ID when looking ahead. */
    private static boolean actsAsId(TokenType t) {
        return t == TokenType.ID
                || t == TokenType.STRING
                || t.isJoinKeyword()
                || t == TokenType.WINDOW
                || t == TokenType.OVER
                || t.isFallbackId();
    }

    static boolean isIdChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '_'
                || c == '$'
                || c >= 0x80;
    }

    private static boolean isKeywordChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
