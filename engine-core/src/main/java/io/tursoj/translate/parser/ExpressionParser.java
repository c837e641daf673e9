package io.tursoj.translate.parser;

import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.Expr.BinaryOp;
import io.tursoj.translate.parser.ast.Expr.Precedence;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.Over;
import io.tursoj.translate.parser.ast.QualifiedName;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.Span;
import io.tursoj.translate.parser.ast.TypeName;
import io.tursoj.translate.parser.ast.Window;
import java.util.ArrayList;
import java.util.List;

/**
 * Expressions, by precedence climbing over SQLite's operator table ({@link Precedence}).
 *
 * <p>SQLite's grammar decides a few things that a plain precedence table does not: {@code NOT} after an operand
 * always starts {@code NOT NULL / NOT LIKE / NOT IN / NOT BETWEEN}; the low bound of BETWEEN may hold equality
 * operators but no AND; LIKE's pattern and ESCAPE operands bind tighter than equality; a unary {@code -} binds
 * tighter than COLLATE while a prefix {@code NOT} takes everything down to AND.
 */
abstract class ExpressionParser extends ParserBase {

    /** Height of the select the last {@link #parseSelect()} returned (SQLite's heightOfSelect). */
    int selectHeight;

    ExpressionParser(String sql, ParserLimits limits) {
        super(sql, limits);
    }

    /** A whole SELECT (with WITH, compounds, ORDER BY and LIMIT); sets {@link #selectHeight}. */
    abstract Select parseSelect();

    /** A full expression. */
    final Expr parseExpr() {
        enter();
        Expr expr = parseBinary(Precedence.OR);
        leave();
        if (height > scopeHeight) {
            scopeHeight = height;
        }
        return expr;
    }

    /** {@code expr, expr, ...}; {@link #height} becomes the tallest. */
    final List<Expr> parseExprList() {
        List<Expr> list = new ArrayList<>();
        int tallest = 0;
        do {
            list.add(parseExpr());
            tallest = Math.max(tallest, height);
        } while (accept(TokenType.COMMA));
        height = tallest;
        return List.copyOf(list);
    }

    final boolean atSelectStart() {
        TokenType t = peek();
        return t == TokenType.SELECT || t == TokenType.VALUES || t == TokenType.WITH;
    }

    private Expr parseBinary(int minPrecedence) {
        Expr left = parseUnary();
        int leftHeight = height;
        while (true) {
            int precedence = infixPrecedence(peek());
            if (precedence < minPrecedence) {
                break;
            }
            left = parseInfix(left, leftHeight, precedence);
            leftHeight = height;
        }
        height = leftHeight;
        return left;
    }

    private static int infixPrecedence(TokenType type) {
        return switch (type) {
            case OR -> Precedence.OR;
            case AND -> Precedence.AND;
            case EQ, NE, IS, ISNULL, NOTNULL, NOT, IN, BETWEEN, LIKE, GLOB, REGEXP, MATCH -> Precedence.EQUALITY;
            case LT, LE, GT, GE -> Precedence.COMPARISON;
            case BITAND, BITOR, LSHIFT, RSHIFT -> Precedence.BITWISE;
            case PLUS, MINUS -> Precedence.ADDITIVE;
            case STAR, SLASH, REM -> Precedence.MULTIPLICATIVE;
            case CONCAT, PTR -> Precedence.CONCAT;
            case COLLATE -> Precedence.COLLATE;
            default -> -1;
        };
    }

    private Expr parseInfix(Expr left, int leftHeight, int precedence) {
        int begin = left.span().start();
        TokenType type = peek();
        switch (type) {
            case IS -> {
                advance();
                boolean not = accept(TokenType.NOT);
                if (accept(TokenType.DISTINCT)) {
                    expect(TokenType.FROM);
                    not = !not;
                }
                Expr right = parseBinary(Precedence.EQUALITY + 1);
                BinaryOp op = not ? BinaryOp.IS_NOT : BinaryOp.IS;
                return binary(begin, op, left, leftHeight, right);
            }
            case ISNULL, NOTNULL -> {
                advance();
                return withHeight(
                        new Expr.NullTest(span(begin), type == TokenType.NOTNULL, left), leftHeight + 1, begin);
            }
            case NOT -> {
                advance();
                return parseNegatedInfix(left, leftHeight, begin);
            }
            case LIKE, GLOB, REGEXP, MATCH -> {
                return parseLike(left, leftHeight, begin, false);
            }
            case IN -> {
                return parseIn(left, leftHeight, begin, false);
            }
            case BETWEEN -> {
                return parseBetween(left, leftHeight, begin, false);
            }
            case COLLATE -> {
                advance();
                Name collation = parseIdOrString();
                return withHeight(new Expr.Collate(span(begin), left, collation), leftHeight + 1, begin);
            }
            default -> {
                BinaryOp op = binaryOp(type);
                advance();
                Expr right = parseBinary(precedence + 1);
                return binary(begin, op, left, leftHeight, right);
            }
        }
    }

    private BinaryOp binaryOp(TokenType type) {
        return switch (type) {
            case OR -> BinaryOp.OR;
            case AND -> BinaryOp.AND;
            case EQ -> BinaryOp.EQ;
            case NE -> BinaryOp.NE;
            case LT -> BinaryOp.LT;
            case LE -> BinaryOp.LE;
            case GT -> BinaryOp.GT;
            case GE -> BinaryOp.GE;
            case BITAND -> BinaryOp.BIT_AND;
            case BITOR -> BinaryOp.BIT_OR;
            case LSHIFT -> BinaryOp.SHIFT_LEFT;
            case RSHIFT -> BinaryOp.SHIFT_RIGHT;
            case PLUS -> BinaryOp.ADD;
            case MINUS -> BinaryOp.SUBTRACT;
            case STAR -> BinaryOp.MULTIPLY;
            case SLASH -> BinaryOp.DIVIDE;
            case REM -> BinaryOp.MODULO;
            case CONCAT -> BinaryOp.CONCAT;
            case PTR -> tokens.end(pos) - tokens.start(pos) == 3 ? BinaryOp.EXTRACT_SQL : BinaryOp.EXTRACT;
            default -> throw syntaxError();
        };
    }

    private Expr binary(int begin, BinaryOp op, Expr left, int leftHeight, Expr right) {
        int h = 1 + Math.max(leftHeight, height);
        return withHeight(new Expr.Binary(span(begin), op, left, right), h, begin);
    }

    /** After {@code expr NOT}: NULL, LIKE/GLOB/REGEXP/MATCH, IN or BETWEEN must follow. */
    private Expr parseNegatedInfix(Expr left, int leftHeight, int begin) {
        return switch (peek()) {
            case NULL -> {
                advance();
                yield withHeight(new Expr.NullTest(span(begin), true, left), leftHeight + 1, begin);
            }
            case LIKE, GLOB, REGEXP, MATCH -> parseLike(left, leftHeight, begin, true);
            case IN -> parseIn(left, leftHeight, begin, true);
            case BETWEEN -> parseBetween(left, leftHeight, begin, true);
            default -> throw syntaxError();
        };
    }

    private Expr parseLike(Expr left, int leftHeight, int begin, boolean not) {
        Expr.LikeOp op = switch (peek()) {
            case LIKE -> Expr.LikeOp.LIKE;
            case GLOB -> Expr.LikeOp.GLOB;
            case REGEXP -> Expr.LikeOp.REGEXP;
            default -> Expr.LikeOp.MATCH;
        };
        advance();
        Expr pattern = parseBinary(Precedence.EQUALITY + 1);
        int h = Math.max(leftHeight, height);
        Expr escape = null;
        if (accept(TokenType.ESCAPE)) {
            escape = parseBinary(Precedence.EQUALITY + 1);
            h = Math.max(h, height);
        }
        return withHeight(new Expr.Like(span(begin), op, not, left, pattern, escape), h + (not ? 2 : 1), begin);
    }

    private Expr parseBetween(Expr left, int leftHeight, int begin, boolean not) {
        advance();
        Expr low = parseBinary(Precedence.EQUALITY);
        int h = Math.max(leftHeight, height);
        expect(TokenType.AND);
        Expr high = parseBinary(Precedence.EQUALITY + 1);
        h = Math.max(h, height);
        return withHeight(new Expr.Between(span(begin), not, left, low, high), h + (not ? 2 : 1), begin);
    }

    private Expr parseIn(Expr left, int leftHeight, int begin, boolean not) {
        advance();
        int extra = not ? 2 : 1;
        if (accept(TokenType.LP)) {
            if (atSelectStart()) {
                Select select = parseSelect();
                expect(TokenType.RP);
                int h = Math.max(leftHeight, selectHeight) + extra;
                return withHeight(new Expr.InSelect(span(begin), not, left, select), h, begin);
            }
            List<Expr> values = List.of();
            int h = leftHeight;
            if (!at(TokenType.RP)) {
                values = parseExprList();
                h = Math.max(h, height);
            }
            expect(TokenType.RP);
            return withHeight(new Expr.InList(span(begin), not, left, values), h + extra, begin);
        }
        QualifiedName table = parseQualifiedName();
        List<Expr> args = null;
        int h = leftHeight;
        if (accept(TokenType.LP)) {
            args = List.of();
            if (!at(TokenType.RP)) {
                args = parseExprList();
                h = Math.max(h, height);
            }
            expect(TokenType.RP);
        }
        return withHeight(new Expr.InTable(span(begin), not, left, table, args), h + extra, begin);
    }

    private Expr parseUnary() {
        TokenType type = peek();
        Expr.UnaryOp op = switch (type) {
            case NOT -> Expr.UnaryOp.NOT;
            case MINUS -> Expr.UnaryOp.NEGATE;
            case PLUS -> Expr.UnaryOp.PLUS;
            case BITNOT -> Expr.UnaryOp.BIT_NOT;
            default -> null;
        };
        if (op == null) {
            return parsePrimary();
        }
        int begin = start();
        advance();
        enter();
        Expr operand = op == Expr.UnaryOp.NOT ? parseBinary(Precedence.NOT) : parseUnary();
        leave();
        return withHeight(new Expr.Unary(span(begin), op, operand), height + 1, begin);
    }

    private Expr parsePrimary() {
        int begin = start();
        TokenType type = peek();
        switch (type) {
            case LP -> {
                return parseParenthesized();
            }
            case NULL, INTEGER, FLOAT, QNUMBER, BLOB, CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP -> {
                return parseLiteral();
            }
            case STRING -> {
                if (peek(1) == TokenType.DOT) {
                    return parseColumnRef();
                }
                return parseLiteral();
            }
            case VARIABLE -> {
                String text = currentText();
                ParseException register = null;
                if (text.length() > 1 && text.charAt(0) == '#' && Lexer.isDigit(text.charAt(1))) {
                    // #N names a register in SQLite's nested parses only; elsewhere it is an error at "#N".
                    register = syntaxError();
                }
                advance();
                if (register != null) {
                    deferUntilValid(register);
                }
                return withHeight(new Expr.Variable(span(begin), text), 1, begin);
            }
            case CAST -> {
                return parseCast();
            }
            case CASE -> {
                return parseCase();
            }
            case RAISE -> {
                return parseRaise();
            }
            case EXISTS -> {
                advance();
                expect(TokenType.LP);
                Select select = parseSelect();
                expect(TokenType.RP);
                return withHeight(new Expr.Exists(span(begin), select), selectHeight + 1, begin);
            }
            default -> {
                if (!type.isIdOrJoinKeyword()) {
                    throw syntaxError();
                }
                TokenType next = peek(1);
                if (next == TokenType.LP) {
                    return parseFunctionCall();
                }
                return parseColumnRef();
            }
        }
    }

    /** SQLite's {@code term}: NULL, a string, number or blob literal, or CURRENT_TIME/DATE/TIMESTAMP. */
    final Expr parseLiteral() {
        int begin = start();
        TokenType type = peek();
        String text = currentText();
        if (type == TokenType.QNUMBER && !separatorsBetweenDigits(text)) {
            throw error(ParseException.Kind.UNRECOGNIZED_TOKEN, "unrecognized token: \"" + text + "\"", begin);
        }
        switch (type) {
            case NULL, STRING, INTEGER, FLOAT, QNUMBER, BLOB, CURRENT_TIME, CURRENT_DATE, CURRENT_TIMESTAMP ->
                advance();
            default -> throw syntaxError();
        }
        Span span = span(begin);
        Expr literal = switch (type) {
            case NULL -> new Expr.NullLiteral(span);
            case STRING -> new Expr.StringLiteral(span, unquote(begin, span.end(), '\''));
            case BLOB -> new Expr.BlobLiteral(span, text.substring(2, text.length() - 1));
            case INTEGER, FLOAT, QNUMBER -> new Expr.NumericLiteral(span, text);
            default -> new Expr.CurrentTime(span, Expr.CurrentTimeKind.valueOf(type.name()));
        };
        return withHeight(literal, 1, begin);
    }

    /** SQLite 3.46+ digit separators: every '_' sits between two digits (hex digits in a hex literal). */
    private static boolean separatorsBetweenDigits(String text) {
        boolean hex = text.length() > 1 && (text.charAt(1) == 'x' || text.charAt(1) == 'X');
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '_') {
                if (i == 0 || i == text.length() - 1) {
                    return false;
                }
                char before = text.charAt(i - 1);
                char after = text.charAt(i + 1);
                boolean ok = hex
                        ? Lexer.isHexDigit(before) && Lexer.isHexDigit(after)
                        : Lexer.isDigit(before) && Lexer.isDigit(after);
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    /** {@code name}, {@code table.name} or {@code schema.table.name}. */
    private Expr parseColumnRef() {
        int begin = start();
        Name first = parseName();
        if (!accept(TokenType.DOT)) {
            return withHeight(new Expr.ColumnRef(span(begin), null, null, first), 1, begin);
        }
        Name second = parseName();
        if (!accept(TokenType.DOT)) {
            return withHeight(new Expr.ColumnRef(span(begin), null, first, second), 1, begin);
        }
        Name third = parseName();
        return withHeight(new Expr.ColumnRef(span(begin), first, second, third), 1, begin);
    }

    /** {@code (expr)}, a row value {@code (a, b)} or a scalar subquery {@code (SELECT ...)}. */
    private Expr parseParenthesized() {
        int begin = start();
        advance();
        if (atSelectStart()) {
            Select select = parseSelect();
            expect(TokenType.RP);
            return withHeight(new Expr.Subquery(span(begin), select), selectHeight + 1, begin);
        }
        Expr first = parseExpr();
        if (!at(TokenType.COMMA)) {
            int h = height;
            expect(TokenType.RP);
            return withHeight(Spans.withSpan(first, span(begin)), h, begin);
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        int tallest = height;
        while (accept(TokenType.COMMA)) {
            values.add(parseExpr());
            tallest = Math.max(tallest, height);
        }
        expect(TokenType.RP);
        return withHeight(new Expr.RowValue(span(begin), List.copyOf(values)), tallest + 1, begin);
    }

    private Expr parseFunctionCall() {
        int begin = start();
        Name name = nameAt(pos);
        advance();
        expect(TokenType.LP);
        boolean distinct = false;
        boolean star = false;
        List<Expr> args = List.of();
        List<OrderingTerm> orderBy = List.of();
        int h = 0;
        if (accept(TokenType.STAR)) {
            star = true;
        } else {
            if (accept(TokenType.DISTINCT)) {
                distinct = true;
            } else {
                accept(TokenType.ALL);
            }
            if (!at(TokenType.RP) && !at(TokenType.ORDER)) {
                args = parseExprList();
                h = height;
            }
            if (accept(TokenType.ORDER)) {
                expect(TokenType.BY);
                orderBy = parseOrderingTerms();
            }
        }
        expect(TokenType.RP);
        Expr filter = null;
        if (accept(TokenType.FILTER)) {
            expect(TokenType.LP);
            expect(TokenType.WHERE);
            filter = parseExpr();
            expect(TokenType.RP);
        }
        Over over = null;
        if (at(TokenType.OVER)) {
            over = parseOver();
        }
        Expr call = new Expr.FunctionCall(span(begin), name, distinct, args, star, orderBy, filter, over);
        return withHeight(call, h + 1, begin);
    }

    private Over parseOver() {
        int begin = start();
        advance();
        if (at(TokenType.LP)) {
            return parseWindowInParentheses();
        }
        Name name = parseName();
        return new Over.Named(span(begin), name);
    }

    /** {@code ( window )}; the window's span covers the parentheses. */
    final Window parseWindowInParentheses() {
        int begin = start();
        expect(TokenType.LP);
        WindowParts parts = parseWindowParts();
        if (at(TokenType.RP) && parts.frame != null) {
            checkFrame(parts.frame);
        }
        expect(TokenType.RP);
        return new Window(span(begin), parts.base, parts.partitionBy, parts.orderBy, parts.frame);
    }

    private record WindowParts(Name base, List<Expr> partitionBy, List<OrderingTerm> orderBy, Window.Frame frame) {}

    private WindowParts parseWindowParts() {
        Name base = null;
        TokenType type = peek();
        if (type != TokenType.PARTITION
                && type != TokenType.ORDER
                && type != TokenType.RANGE
                && type != TokenType.ROWS
                && type != TokenType.GROUPS
                && type.isName()) {
            base = parseName();
        }
        List<Expr> partitionBy = List.of();
        if (accept(TokenType.PARTITION)) {
            expect(TokenType.BY);
            partitionBy = parseExprList();
        }
        List<OrderingTerm> orderBy = List.of();
        if (accept(TokenType.ORDER)) {
            expect(TokenType.BY);
            orderBy = parseOrderingTerms();
        }
        Window.Frame frame = null;
        if (at(TokenType.RANGE) || at(TokenType.ROWS) || at(TokenType.GROUPS)) {
            frame = parseFrame();
        }
        return new WindowParts(base, partitionBy, orderBy, frame);
    }

    private Window.Frame parseFrame() {
        int begin = start();
        var unit = Window.FrameUnit.valueOf(peek().name());
        advance();
        Window.Bound startBound;
        Window.Bound endBound = null;
        if (accept(TokenType.BETWEEN)) {
            startBound = parseBound(true);
            expect(TokenType.AND);
            endBound = parseBound(false);
        } else {
            startBound = parseBound(true);
        }
        var exclude = Window.Exclude.NONE;
        if (accept(TokenType.EXCLUDE)) {
            exclude = parseExclude();
        }
        return new Window.Frame(span(begin), unit, startBound, endBound, exclude);
    }

    private Window.Exclude parseExclude() {
        switch (peek()) {
            case NO -> {
                advance();
                expect(TokenType.OTHERS);
                return Window.Exclude.NO_OTHERS;
            }
            case CURRENT -> {
                advance();
                expect(TokenType.ROW);
                return Window.Exclude.CURRENT_ROW;
            }
            case GROUP -> {
                advance();
                return Window.Exclude.GROUP;
            }
            case TIES -> {
                advance();
                return Window.Exclude.TIES;
            }
            default -> throw syntaxError();
        }
    }

    private Window.Bound parseBound(boolean isStart) {
        int begin = start();
        if (accept(TokenType.UNBOUNDED)) {
            expect(isStart ? TokenType.PRECEDING : TokenType.FOLLOWING);
            var kind = isStart ? Window.BoundKind.UNBOUNDED_PRECEDING : Window.BoundKind.UNBOUNDED_FOLLOWING;
            return new Window.Bound(span(begin), kind, null);
        }
        if (accept(TokenType.CURRENT)) {
            expect(TokenType.ROW);
            return new Window.Bound(span(begin), Window.BoundKind.CURRENT_ROW, null);
        }
        Expr offset = parseExpr();
        Window.BoundKind kind;
        if (accept(TokenType.PRECEDING)) {
            kind = Window.BoundKind.PRECEDING;
        } else if (accept(TokenType.FOLLOWING)) {
            kind = Window.BoundKind.FOLLOWING;
        } else {
            throw syntaxError();
        }
        return new Window.Bound(span(begin), kind, offset);
    }

    /** SQLite's sqlite3WindowAlloc rule: a frame may not end before it starts. */
    private void checkFrame(Window.Frame frame) {
        var start = frame.start().kind();
        var end =
                frame.end() == null ? Window.BoundKind.CURRENT_ROW : frame.end().kind();
        boolean bad = (start == Window.BoundKind.CURRENT_ROW && end == Window.BoundKind.PRECEDING)
                || (start == Window.BoundKind.FOLLOWING
                        && (end == Window.BoundKind.PRECEDING || end == Window.BoundKind.CURRENT_ROW));
        if (bad) {
            throw grammarError("unsupported frame specification", frame.span().start());
        }
    }

    private Expr parseCast() {
        int begin = start();
        advance();
        expect(TokenType.LP);
        Expr expr = parseExpr();
        int h = height;
        expect(TokenType.AS);
        TypeName type = parseTypeName(false);
        expect(TokenType.RP);
        return withHeight(new Expr.Cast(span(begin), expr, type), h + 1, begin);
    }

    private Expr parseCase() {
        int begin = start();
        advance();
        Expr operand = null;
        int h = 0;
        if (!at(TokenType.WHEN)) {
            operand = parseExpr();
            h = height;
        }
        List<Expr.WhenClause> whens = new ArrayList<>();
        do {
            int whenBegin = start();
            expect(TokenType.WHEN);
            Expr when = parseExpr();
            h = Math.max(h, height);
            expect(TokenType.THEN);
            Expr then = parseExpr();
            h = Math.max(h, height);
            whens.add(new Expr.WhenClause(span(whenBegin), when, then));
        } while (at(TokenType.WHEN));
        Expr otherwise = null;
        if (accept(TokenType.ELSE)) {
            otherwise = parseExpr();
            h = Math.max(h, height);
        }
        expect(TokenType.END);
        return withHeight(new Expr.Case(span(begin), operand, List.copyOf(whens), otherwise), h + 1, begin);
    }

    private Expr parseRaise() {
        int begin = start();
        advance();
        expect(TokenType.LP);
        if (accept(TokenType.IGNORE)) {
            expect(TokenType.RP);
            return withHeight(new Expr.Raise(span(begin), Expr.RaiseAction.IGNORE, null), 1, begin);
        }
        Expr.RaiseAction action = switch (peek()) {
            case ROLLBACK -> Expr.RaiseAction.ROLLBACK;
            case ABORT -> Expr.RaiseAction.ABORT;
            case FAIL -> Expr.RaiseAction.FAIL;
            default -> throw syntaxError();
        };
        advance();
        expect(TokenType.COMMA);
        Expr message = parseExpr();
        int h = height;
        expect(TokenType.RP);
        return withHeight(new Expr.Raise(span(begin), action, message), h + 1, begin);
    }

    /**
     * A type name: one or more words (identifiers, fallback keywords, strings) and optional {@code (n)} or {@code
     * (n, m)}; null when no word follows.
     */
    final TypeName parseTypeName(boolean inColumnDefinition) {
        if (!isTypeWord(inColumnDefinition)) {
            return null;
        }
        int begin = start();
        StringBuilder name = new StringBuilder();
        do {
            if (!name.isEmpty()) {
                name.append(' ');
            }
            name.append(currentText());
            advance();
        } while (isTypeWord(inColumnDefinition));
        List<String> arguments = List.of();
        if (accept(TokenType.LP)) {
            String first = parseSignedNumber();
            if (accept(TokenType.COMMA)) {
                arguments = List.of(first, parseSignedNumber());
            } else {
                arguments = List.of(first);
            }
            expect(TokenType.RP);
        }
        return new TypeName(span(begin), name.toString(), arguments);
    }

    /**
     * GENERATED and ALWAYS are fallback keywords, so SQLite reads them as type words too ({@code a INT generated} has
     * the type "INT generated") and strips a trailing "GENERATED ALWAYS" from the type of a generated column. Here a
     * column's type words stop before {@code GENERATED ALWAYS AS}, which then reads as the constraint: the same tree.
     */
    private boolean isTypeWord(boolean inColumnDefinition) {
        TokenType type = peek();
        if (!type.isIdOrString()) {
            return false;
        }
        return !(inColumnDefinition
                && type == TokenType.GENERATED
                && peek(1) == TokenType.ALWAYS
                && peek(2) == TokenType.AS);
    }

    /** {@code [+|-] number} as written, e.g. {@code "-5"}. */
    final String parseSignedNumber() {
        String sign = "";
        if (at(TokenType.PLUS) || at(TokenType.MINUS)) {
            sign = currentText();
            advance();
        }
        if (!at(TokenType.INTEGER) && !at(TokenType.FLOAT)) {
            throw syntaxError();
        }
        String number = currentText();
        advance();
        return sign + number;
    }

    /** {@code expr [ASC|DESC] [NULLS FIRST|LAST], ...}. */
    final List<OrderingTerm> parseOrderingTerms() {
        List<OrderingTerm> terms = new ArrayList<>();
        do {
            terms.add(parseOrderingTerm());
        } while (accept(TokenType.COMMA));
        return List.copyOf(terms);
    }

    final OrderingTerm parseOrderingTerm() {
        int begin = start();
        Expr expr = parseExpr();
        OrderingTerm.SortOrder order = OrderingTerm.SortOrder.UNSPECIFIED;
        if (accept(TokenType.ASC)) {
            order = OrderingTerm.SortOrder.ASC;
        } else if (accept(TokenType.DESC)) {
            order = OrderingTerm.SortOrder.DESC;
        }
        OrderingTerm.NullsOrder nulls = OrderingTerm.NullsOrder.UNSPECIFIED;
        if (accept(TokenType.NULLS)) {
            if (accept(TokenType.FIRST)) {
                nulls = OrderingTerm.NullsOrder.FIRST;
            } else if (accept(TokenType.LAST)) {
                nulls = OrderingTerm.NullsOrder.LAST;
            } else {
                throw syntaxError();
            }
        }
        return new OrderingTerm(span(begin), expr, order, nulls);
    }
}
