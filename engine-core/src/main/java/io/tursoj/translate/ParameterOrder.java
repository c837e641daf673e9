package io.tursoj.translate;

import io.tursoj.translate.parser.Lexer;
import io.tursoj.translate.parser.Token;
import io.tursoj.translate.parser.TokenType;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.vdbe.ProgramBuilder;

/**
 * Numbers a statement's parameters in the order they appear in its text, as SQLite does, before code generation:
 * the planner compiles some expressions twice (a seek key and the filter it came from) or out of textual order, and
 * an anonymous {@code ?} must keep one number.
 */
final class ParameterOrder {
    private ParameterOrder() {}

    static void register(ProgramBuilder b, Stmt stmt, String sql) {
        int start = stmt.span().start();
        int end = stmt.span().end();
        if (sql == null || end <= start || end > sql.length()) {
            return;
        }
        String text = sql.substring(start, end);
        for (Token t : Lexer.tokens(text)) {
            if (t.type() == TokenType.VARIABLE) {
                b.registerParameter(start + t.start(), text.substring(t.start(), t.end()));
            }
        }
    }
}
