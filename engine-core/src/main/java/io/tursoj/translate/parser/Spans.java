package io.tursoj.translate.parser;

import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.Span;

/** Copies of expression nodes with another span: a parenthesized expression's span takes in its parentheses. */
final class Spans {
    private Spans() {}

    static Expr withSpan(Expr expr, Span span) {
        return switch (expr) {
            case Expr.NumericLiteral e -> new Expr.NumericLiteral(span, e.text());
            case Expr.StringLiteral e -> new Expr.StringLiteral(span, e.value());
            case Expr.BlobLiteral e -> new Expr.BlobLiteral(span, e.hex());
            case Expr.NullLiteral e -> new Expr.NullLiteral(span);
            case Expr.CurrentTime e -> new Expr.CurrentTime(span, e.kind());
            case Expr.Variable e -> new Expr.Variable(span, e.name());
            case Expr.ColumnRef e -> new Expr.ColumnRef(span, e.schema(), e.table(), e.column());
            case Expr.Unary e -> new Expr.Unary(span, e.op(), e.operand());
            case Expr.Binary e -> new Expr.Binary(span, e.op(), e.left(), e.right());
            case Expr.Like e -> new Expr.Like(span, e.op(), e.not(), e.left(), e.pattern(), e.escape());
            case Expr.Between e -> new Expr.Between(span, e.not(), e.expr(), e.low(), e.high());
            case Expr.InList e -> new Expr.InList(span, e.not(), e.expr(), e.values());
            case Expr.InSelect e -> new Expr.InSelect(span, e.not(), e.expr(), e.select());
            case Expr.InTable e -> new Expr.InTable(span, e.not(), e.expr(), e.table(), e.args());
            case Expr.NullTest e -> new Expr.NullTest(span, e.not(), e.expr());
            case Expr.Exists e -> new Expr.Exists(span, e.select());
            case Expr.Subquery e -> new Expr.Subquery(span, e.select());
            case Expr.Cast e -> new Expr.Cast(span, e.expr(), e.type());
            case Expr.Case e -> new Expr.Case(span, e.operand(), e.whens(), e.otherwise());
            case Expr.Collate e -> new Expr.Collate(span, e.expr(), e.collation());
            case Expr.FunctionCall e ->
                new Expr.FunctionCall(
                        span, e.name(), e.distinct(), e.args(), e.star(), e.orderBy(), e.filter(), e.over());
            case Expr.Raise e -> new Expr.Raise(span, e.action(), e.message());
            case Expr.RowValue e -> new Expr.RowValue(span, e.values());
        };
    }
}
