package io.tursoj.translate.parser;

import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.Expr.Precedence;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.Over;
import io.tursoj.translate.parser.ast.QualifiedName;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.TypeName;
import io.tursoj.translate.parser.ast.Window;
import java.util.List;

/**
 * Writes expressions (and the names, types, windows and ordering terms inside them) as SQL that parses back to the
 * same tree: it adds parentheses exactly where SQLite's precedence would otherwise regroup the operands.
 */
abstract class ExpressionPrinter {
    /** Precedence of an operand that never needs parentheses: literals, names, calls, CASE... */
    private static final int PRIMARY = 100;

    final StringBuilder out = new StringBuilder();

    abstract void select(Select select);

    final void expr(Expr expr) {
        expr(expr, 0);
    }

    /** Writes {@code expr}, in parentheses if it binds more loosely than {@code minPrecedence}. */
    final void expr(Expr expr, int minPrecedence) {
        boolean parenthesize = precedence(expr) < minPrecedence;
        if (parenthesize) {
            out.append('(');
        }
        write(expr);
        if (parenthesize) {
            out.append(')');
        }
    }

    private static int precedence(Expr expr) {
        return switch (expr) {
            case Expr.Binary binary -> binary.op().precedence();
            case Expr.Like like -> Precedence.EQUALITY;
            case Expr.Between between -> Precedence.EQUALITY;
            case Expr.InList in -> Precedence.EQUALITY;
            case Expr.InSelect in -> Precedence.EQUALITY;
            case Expr.InTable in -> Precedence.EQUALITY;
            case Expr.NullTest test -> Precedence.EQUALITY;
            case Expr.Collate collate -> Precedence.COLLATE;
            case Expr.Unary unary -> unary.op() == Expr.UnaryOp.NOT ? Precedence.NOT : Precedence.UNARY;
            default -> PRIMARY;
        };
    }

    private void write(Expr expr) {
        switch (expr) {
            case Expr.NumericLiteral e -> out.append(e.text());
            case Expr.StringLiteral e -> string(e.value());
            case Expr.BlobLiteral e -> out.append("X'").append(e.hex()).append('\'');
            case Expr.NullLiteral e -> out.append("NULL");
            case Expr.CurrentTime e -> out.append(e.kind().name());
            case Expr.Variable e -> out.append(e.name());
            case Expr.ColumnRef e -> columnRef(e);
            case Expr.Unary e -> unary(e);
            case Expr.Binary e -> binary(e);
            case Expr.Like e -> like(e);
            case Expr.Between e -> between(e);
            case Expr.InList e -> inList(e);
            case Expr.InSelect e -> {
                expr(e.expr(), Precedence.EQUALITY);
                out.append(e.not() ? " NOT IN (" : " IN (");
                select(e.select());
                out.append(')');
            }
            case Expr.InTable e -> inTable(e);
            case Expr.NullTest e -> {
                expr(e.expr(), Precedence.EQUALITY);
                out.append(e.not() ? " NOTNULL" : " ISNULL");
            }
            case Expr.Exists e -> {
                out.append("EXISTS (");
                select(e.select());
                out.append(')');
            }
            case Expr.Subquery e -> {
                out.append('(');
                select(e.select());
                out.append(')');
            }
            case Expr.Cast e -> cast(e);
            case Expr.Case e -> caseExpr(e);
            case Expr.Collate e -> {
                expr(e.expr(), Precedence.COLLATE);
                out.append(" COLLATE ");
                name(e.collation());
            }
            case Expr.FunctionCall e -> functionCall(e);
            case Expr.Raise e -> raise(e);
            case Expr.RowValue e -> {
                out.append('(');
                exprList(e.values());
                out.append(')');
            }
        }
    }

    private void columnRef(Expr.ColumnRef ref) {
        if (ref.schema() != null) {
            name(ref.schema());
            out.append('.');
        }
        if (ref.table() != null) {
            name(ref.table());
            out.append('.');
        }
        name(ref.column());
    }

    private void unary(Expr.Unary unary) {
        if (unary.op() == Expr.UnaryOp.NOT) {
            out.append("NOT ");
            expr(unary.operand(), Precedence.NOT);
            return;
        }
        out.append(unary.op().symbol());
        if (unary.op() == Expr.UnaryOp.NEGATE
                && unary.operand() instanceof Expr.Unary inner
                && inner.op() == Expr.UnaryOp.NEGATE) {
            out.append(' '); // "- -x", not the comment "--x"
        }
        expr(unary.operand(), Precedence.UNARY);
    }

    private void binary(Expr.Binary binary) {
        int precedence = binary.op().precedence();
        expr(binary.left(), precedence);
        out.append(' ').append(binary.op().symbol()).append(' ');
        expr(binary.right(), precedence + 1);
    }

    private void like(Expr.Like like) {
        expr(like.left(), Precedence.EQUALITY);
        out.append(like.not() ? " NOT " : " ").append(like.op().name()).append(' ');
        expr(like.pattern(), Precedence.EQUALITY + 1);
        if (like.escape() != null) {
            out.append(" ESCAPE ");
            expr(like.escape(), Precedence.EQUALITY + 1);
        }
    }

    private void between(Expr.Between between) {
        expr(between.expr(), Precedence.EQUALITY);
        out.append(between.not() ? " NOT BETWEEN " : " BETWEEN ");
        expr(between.low(), Precedence.EQUALITY);
        out.append(" AND ");
        expr(between.high(), Precedence.EQUALITY + 1);
    }

    private void inList(Expr.InList in) {
        expr(in.expr(), Precedence.EQUALITY);
        out.append(in.not() ? " NOT IN (" : " IN (");
        exprList(in.values());
        out.append(')');
    }

    private void inTable(Expr.InTable in) {
        expr(in.expr(), Precedence.EQUALITY);
        out.append(in.not() ? " NOT IN " : " IN ");
        qualifiedName(in.table());
        if (in.args() != null) {
            out.append('(');
            exprList(in.args());
            out.append(')');
        }
    }

    private void cast(Expr.Cast cast) {
        out.append("CAST(");
        expr(cast.expr());
        out.append(" AS");
        if (cast.type() != null) {
            out.append(' ');
            typeName(cast.type());
        }
        out.append(')');
    }

    private void caseExpr(Expr.Case caseExpr) {
        out.append("CASE");
        if (caseExpr.operand() != null) {
            out.append(' ');
            expr(caseExpr.operand());
        }
        for (Expr.WhenClause when : caseExpr.whens()) {
            out.append(" WHEN ");
            expr(when.when());
            out.append(" THEN ");
            expr(when.then());
        }
        if (caseExpr.otherwise() != null) {
            out.append(" ELSE ");
            expr(caseExpr.otherwise());
        }
        out.append(" END");
    }

    private void functionCall(Expr.FunctionCall call) {
        name(call.name());
        out.append('(');
        if (call.star()) {
            out.append('*');
        } else {
            boolean written = false;
            if (call.distinct()) {
                out.append("DISTINCT");
                written = true;
            }
            if (!call.args().isEmpty()) {
                out.append(written ? " " : "");
                exprList(call.args());
                written = true;
            }
            if (!call.orderBy().isEmpty()) {
                out.append(written ? " ORDER BY " : "ORDER BY ");
                orderingTerms(call.orderBy());
            }
        }
        out.append(')');
        if (call.filter() != null) {
            out.append(" FILTER (WHERE ");
            expr(call.filter());
            out.append(')');
        }
        if (call.over() != null) {
            out.append(" OVER ");
            over(call.over());
        }
    }

    private void raise(Expr.Raise raise) {
        out.append("RAISE(").append(raise.action().name());
        if (raise.message() != null) {
            out.append(", ");
            expr(raise.message());
        }
        out.append(')');
    }

    final void exprList(List<Expr> list) {
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            expr(list.get(i));
        }
    }

    final void string(String value) {
        out.append('\'').append(value.replace("'", "''")).append('\'');
    }

    /** Writes a name as it was quoted; an unquoted name that would not read back as a name gets double quotes. */
    final void name(Name name) {
        String text = name.text();
        switch (name.quote()) {
            case NONE -> {
                if (needsQuotes(text)) {
                    out.append('"').append(text.replace("\"", "\"\"")).append('"');
                } else {
                    out.append(text);
                }
            }
            case DOUBLE -> out.append('"').append(text.replace("\"", "\"\"")).append('"');
            case SINGLE -> string(text);
            case BACKTICK -> out.append('`').append(text.replace("`", "``")).append('`');
            case BRACKET -> {
                if (text.indexOf(']') >= 0) {
                    out.append('`').append(text.replace("`", "``")).append('`');
                } else {
                    out.append('[').append(text).append(']');
                }
            }
        }
    }

    /** True unless {@code text} lexes as one identifier token (a keyword that SQLite lets stand for a name is one). */
    private static boolean needsQuotes(String text) {
        if (text.isEmpty() || Lexer.isDigit(text.charAt(0))) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            if (!Lexer.isIdChar(text.charAt(i))) {
                return true;
            }
        }
        TokenType type = Keywords.lookup(text, 0, text.length());
        // WINDOW, OVER and FILTER are keywords only next to the tokens the lexer looks for; as names they lex as ID.
        boolean contextual = type == TokenType.WINDOW || type == TokenType.OVER || type == TokenType.FILTER;
        return type != TokenType.ID && !type.isName() && !contextual;
    }

    final void qualifiedName(QualifiedName name) {
        if (name.schema() != null) {
            name(name.schema());
            out.append('.');
        }
        name(name.name());
    }

    final void names(List<Name> names) {
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            name(names.get(i));
        }
    }

    final void typeName(TypeName type) {
        out.append(type.name());
        if (!type.arguments().isEmpty()) {
            out.append('(').append(String.join(", ", type.arguments())).append(')');
        }
    }

    final void orderingTerms(List<OrderingTerm> terms) {
        for (int i = 0; i < terms.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            OrderingTerm term = terms.get(i);
            expr(term.expr());
            switch (term.order()) {
                case ASC -> out.append(" ASC");
                case DESC -> out.append(" DESC");
                case UNSPECIFIED -> {}
            }
            switch (term.nulls()) {
                case FIRST -> out.append(" NULLS FIRST");
                case LAST -> out.append(" NULLS LAST");
                case UNSPECIFIED -> {}
            }
        }
    }

    final void over(Over over) {
        switch (over) {
            case Over.Named named -> name(named.name());
            case Window window -> window(window);
        }
    }

    /** {@code (base PARTITION BY .. ORDER BY .. frame)}. */
    final void window(Window window) {
        out.append('(');
        int mark = out.length();
        if (window.base() != null) {
            name(window.base());
        }
        if (!window.partitionBy().isEmpty()) {
            separate(mark);
            out.append("PARTITION BY ");
            exprList(window.partitionBy());
        }
        if (!window.orderBy().isEmpty()) {
            separate(mark);
            out.append("ORDER BY ");
            orderingTerms(window.orderBy());
        }
        if (window.frame() != null) {
            separate(mark);
            frame(window.frame());
        }
        out.append(')');
    }

    private void separate(int mark) {
        if (out.length() > mark) {
            out.append(' ');
        }
    }

    private void frame(Window.Frame frame) {
        out.append(frame.unit().name()).append(' ');
        if (frame.end() != null) {
            out.append("BETWEEN ");
            bound(frame.start());
            out.append(" AND ");
            bound(frame.end());
        } else {
            bound(frame.start());
        }
        switch (frame.exclude()) {
            case NO_OTHERS -> out.append(" EXCLUDE NO OTHERS");
            case CURRENT_ROW -> out.append(" EXCLUDE CURRENT ROW");
            case GROUP -> out.append(" EXCLUDE GROUP");
            case TIES -> out.append(" EXCLUDE TIES");
            case NONE -> {}
        }
    }

    private void bound(Window.Bound bound) {
        switch (bound.kind()) {
            case UNBOUNDED_PRECEDING -> out.append("UNBOUNDED PRECEDING");
            case UNBOUNDED_FOLLOWING -> out.append("UNBOUNDED FOLLOWING");
            case CURRENT_ROW -> out.append("CURRENT ROW");
            case PRECEDING -> {
                expr(bound.offset());
                out.append(" PRECEDING");
            }
            case FOLLOWING -> {
                expr(bound.offset());
                out.append(" FOLLOWING");
            }
        }
    }
}
