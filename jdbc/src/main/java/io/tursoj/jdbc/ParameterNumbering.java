package io.tursoj.jdbc;

import io.tursoj.translate.parser.Lexer;
import io.tursoj.translate.parser.Token;
import io.tursoj.translate.parser.TokenType;
import java.util.List;

/**
 * Gives each anonymous {@code ?} of a statement its number ({@code ?1}, {@code ?2}, ...), which is what SQLite
 * assigns them anyway. The engine numbers an anonymous parameter when it compiles the expression, so one that is
 * compiled twice (as {@code id = ?} is, for a rowid seek and again as a filter) would get two numbers and the second
 * would stay NULL; numbered parameters keep their number. Text that already mixes in numbered or named parameters
 * is left as it is.
 */
final class ParameterNumbering {
    private ParameterNumbering() {}

    static String apply(String sql) {
        List<Token> tokens;
        try {
            tokens = Lexer.tokens(sql);
        } catch (RuntimeException e) {
            return sql; // The parser reports the error, with its own words.
        }
        int anonymous = 0;
        for (Token t : tokens) {
            if (t.type() == TokenType.VARIABLE) {
                if (!t.text().equals("?")) {
                    return sql;
                }
                anonymous++;
            }
        }
        if (anonymous == 0) {
            return sql;
        }
        StringBuilder out = new StringBuilder(sql.length() + anonymous * 2);
        int copied = 0;
        int number = 0;
        for (Token t : tokens) {
            if (t.type() == TokenType.VARIABLE) {
                out.append(sql, copied, t.start()).append('?').append(++number);
                copied = t.end();
            }
        }
        return out.append(sql.substring(copied)).toString();
    }
}
