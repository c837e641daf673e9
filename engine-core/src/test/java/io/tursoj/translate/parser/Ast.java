package io.tursoj.translate.parser;

import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.ResultColumn;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.SelectCore;
import io.tursoj.translate.parser.ast.Span;
import io.tursoj.translate.parser.ast.Stmt;
import java.util.List;

/** Short constructors for expected trees in tests; spans are {@link Span#NONE} (spans never affect equality). */
final class Ast {
    private Ast() {}

    static Expr col(String name) {
        return new Expr.ColumnRef(Span.NONE, null, null, Name.of(name));
    }

    static Expr col(String table, String name) {
        return new Expr.ColumnRef(Span.NONE, null, Name.of(table), Name.of(name));
    }

    static Expr num(String text) {
        return new Expr.NumericLiteral(Span.NONE, text);
    }

    static Expr str(String value) {
        return new Expr.StringLiteral(Span.NONE, value);
    }

    static Expr nul() {
        return new Expr.NullLiteral(Span.NONE);
    }

    static Expr bin(Expr.BinaryOp op, Expr left, Expr right) {
        return new Expr.Binary(Span.NONE, op, left, right);
    }

    static Expr un(Expr.UnaryOp op, Expr operand) {
        return new Expr.Unary(Span.NONE, op, operand);
    }

    static Expr like(Expr.LikeOp op, boolean not, Expr left, Expr pattern, Expr escape) {
        return new Expr.Like(Span.NONE, op, not, left, pattern, escape);
    }

    static Expr between(boolean not, Expr expr, Expr low, Expr high) {
        return new Expr.Between(Span.NONE, not, expr, low, high);
    }

    static Expr collate(Expr expr, String collation) {
        return new Expr.Collate(Span.NONE, expr, Name.of(collation));
    }

    static Expr nullTest(boolean not, Expr expr) {
        return new Expr.NullTest(Span.NONE, not, expr);
    }

    static Expr call(String name, Expr... args) {
        return new Expr.FunctionCall(Span.NONE, Name.of(name), false, List.of(args), false, List.of(), null, null);
    }

    /** The first column's expression of {@code SELECT <sql>}. */
    static Expr expr(String sql) {
        Stmt stmt = Parser.parse("SELECT " + sql);
        Select select = (Select) stmt;
        SelectCore.Query query = (SelectCore.Query) select.first();
        return ((ResultColumn.Column) query.columns().getFirst()).expr();
    }
}
