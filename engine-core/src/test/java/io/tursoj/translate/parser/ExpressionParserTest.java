package io.tursoj.translate.parser;

import static io.tursoj.translate.parser.Ast.*;
import static io.tursoj.translate.parser.ast.Expr.BinaryOp.*;
import static io.tursoj.translate.parser.ast.Expr.UnaryOp.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.Over;
import io.tursoj.translate.parser.ast.ResultColumn;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.SelectCore;
import io.tursoj.translate.parser.ast.Span;
import io.tursoj.translate.parser.ast.Window;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExpressionParserTest {

    @Test
    void shouldBindMultiplicationTighterThanAddition() {
        assertEquals(bin(ADD, col("a"), bin(MULTIPLY, col("b"), col("c"))), expr("a + b * c"));
        assertEquals(bin(SUBTRACT, bin(SUBTRACT, col("a"), col("b")), col("c")), expr("a - b - c"));
    }

    @Test
    void shouldFollowSqlitePrecedenceLadder() {
        // OR < AND < NOT < = < < < & < + < * < || < COLLATE < unary
        assertEquals(bin(OR, col("a"), bin(AND, col("b"), col("c"))), expr("a OR b AND c"));
        assertEquals(bin(AND, un(NOT, bin(EQ, col("a"), col("b"))), col("c")), expr("NOT a = b AND c"));
        assertEquals(bin(EQ, col("a"), bin(LT, col("b"), col("c"))), expr("a = b < c"));
        assertEquals(bin(LT, col("a"), bin(BIT_AND, col("b"), col("c"))), expr("a < b & c"));
        assertEquals(bin(BIT_OR, col("a"), bin(ADD, col("b"), col("c"))), expr("a | b + c"));
        assertEquals(bin(MULTIPLY, col("a"), bin(CONCAT, col("b"), col("c"))), expr("a * b || c"));
        assertEquals(bin(CONCAT, col("a"), collate(col("b"), "nocase")), expr("a || b COLLATE nocase"));
        assertEquals(collate(un(NEGATE, col("a")), "x"), expr("-a COLLATE x"));
    }

    @Test
    void shouldReadEqualityOperatorsLeftAssociative() {
        assertEquals(bin(NE, bin(EQ, col("a"), col("b")), col("c")), expr("a == b <> c"));
        assertEquals(bin(NE, col("a"), col("b")), expr("a != b"));
    }

    @Test
    void shouldReadIsAndDistinctFrom() {
        assertEquals(bin(IS, col("a"), nul()), expr("a IS NULL"));
        assertEquals(bin(IS_NOT, col("a"), col("b")), expr("a IS NOT b"));
        assertEquals(bin(IS_NOT, col("a"), col("b")), expr("a IS DISTINCT FROM b"));
        assertEquals(bin(IS, col("a"), col("b")), expr("a IS NOT DISTINCT FROM b"));
    }

    @Test
    void shouldReadPostfixNullTests() {
        assertEquals(nullTest(false, col("a")), expr("a ISNULL"));
        assertEquals(nullTest(true, col("a")), expr("a NOTNULL"));
        assertEquals(nullTest(true, col("a")), expr("a NOT NULL"));
        assertEquals(nullTest(false, bin(EQ, col("a"), col("b"))), expr("a = b ISNULL"));
    }

    @Test
    void shouldReadLikeFamilyWithEscape() {
        assertEquals(like(Expr.LikeOp.LIKE, false, col("a"), str("x%"), null), expr("a LIKE 'x%'"));
        assertEquals(like(Expr.LikeOp.GLOB, true, col("a"), str("x*"), null), expr("a NOT GLOB 'x*'"));
        assertEquals(
                like(Expr.LikeOp.LIKE, false, col("a"), bin(CONCAT, col("b"), col("c")), str("!")),
                expr("a LIKE b || c ESCAPE '!'"));
        assertEquals(like(Expr.LikeOp.REGEXP, false, col("a"), col("b"), null), expr("a REGEXP b"));
        assertEquals(like(Expr.LikeOp.MATCH, true, col("a"), col("b"), null), expr("a NOT MATCH b"));
        assertEquals(bin(EQ, like(Expr.LikeOp.LIKE, false, col("a"), col("b"), null), col("c")), expr("a LIKE b = c"));
    }

    @Test
    void shouldReadBetweenWithItsOwnAnd() {
        assertEquals(between(false, col("a"), num("1"), num("2")), expr("a BETWEEN 1 AND 2"));
        assertEquals(
                bin(AND, between(true, col("a"), num("1"), num("2")), col("c")), expr("a NOT BETWEEN 1 AND 2 AND c"));
        assertEquals(between(false, col("a"), bin(EQ, col("b"), col("c")), col("d")), expr("a BETWEEN b = c AND d"));
        assertEquals(between(false, col("a"), num("1"), bin(ADD, num("2"), num("3"))), expr("a BETWEEN 1 AND 2 + 3"));
    }

    @Test
    void shouldReadInForms() {
        Expr.InList list = assertInstanceOf(Expr.InList.class, expr("a IN (1, 2)"));
        assertEquals(List.of(num("1"), num("2")), list.values());
        assertTrue(assertInstanceOf(Expr.InList.class, expr("a NOT IN ()"))
                .values()
                .isEmpty());
        assertInstanceOf(Expr.InSelect.class, expr("a IN (SELECT b FROM t)"));
        assertInstanceOf(Expr.InSelect.class, expr("a IN (VALUES (1))"));
        Expr.InTable table = assertInstanceOf(Expr.InTable.class, expr("a IN main.t"));
        assertEquals("main", table.table().schema().text());
        assertNull(table.args());
        Expr.InTable function = assertInstanceOf(Expr.InTable.class, expr("a NOT IN f(1, 2)"));
        assertTrue(function.not());
        assertEquals(2, function.args().size());
    }

    @Test
    void shouldReadUnaryOperators() {
        assertEquals(un(NEGATE, un(NEGATE, num("1"))), expr("- -1"));
        assertEquals(un(BIT_NOT, un(PLUS, col("a"))), expr("~+a"));
        assertEquals(un(NOT, un(NOT, col("a"))), expr("NOT NOT a"));
        assertEquals(bin(ADD, col("a"), un(NOT, bin(EQ, col("b"), col("c")))), expr("a + NOT b = c"));
    }

    @Test
    void shouldReadJsonArrows() {
        assertEquals(bin(EXTRACT, col("a"), str("$.x")), expr("a -> '$.x'"));
        assertEquals(bin(EXTRACT_SQL, bin(EXTRACT, col("a"), str("b")), str("c")), expr("a -> 'b' ->> 'c'"));
    }

    @Test
    void shouldReadLiterals() {
        assertEquals(num("0x1F"), expr("0x1F"));
        assertEquals(num("1.5e-3"), expr("1.5e-3"));
        assertEquals(num("1_000"), expr("1_000"));
        assertTrue(((Expr.NumericLiteral) expr("1e5")).isReal());
        assertFalse(((Expr.NumericLiteral) expr("0xE5")).isReal());
        assertEquals(str("it's"), expr("'it''s'"));
        assertEquals(new Expr.BlobLiteral(Span.NONE, "0aFF"), expr("x'0aFF'"));
        assertEquals(nul(), expr("NULL"));
        assertEquals(new Expr.CurrentTime(Span.NONE, Expr.CurrentTimeKind.CURRENT_DATE), expr("current_date"));
        assertEquals(new Expr.Variable(Span.NONE, "?7"), expr("?7"));
        assertEquals(new Expr.Variable(Span.NONE, ":name"), expr(":name"));
        assertEquals(new Expr.Variable(Span.NONE, "$a::b"), expr("$a::b"));
    }

    @Test
    void shouldReadNamesAndKeywordsUsedAsNames() {
        assertEquals(col("t", "a"), expr("t.a"));
        assertEquals(new Expr.ColumnRef(Span.NONE, Name.of("s"), Name.of("t"), Name.of("a")), expr("s.t.a"));
        assertEquals(col("key"), expr("key"));
        assertEquals(col("left"), expr("left"));
        assertEquals(col("indexed"), expr("indexed"));
        assertEquals(call("replace", col("a"), str("b"), str("c")), expr("replace(a, 'b', 'c')"));
        assertEquals(call("like", col("a"), col("b")), expr("like(a, b)"));
        Expr.ColumnRef quoted = assertInstanceOf(Expr.ColumnRef.class, expr("\"a\"\"b\""));
        assertEquals("a\"b", quoted.column().text());
        assertEquals(Name.Quote.DOUBLE, quoted.column().quote());
        Expr.ColumnRef stringTable = assertInstanceOf(Expr.ColumnRef.class, expr("'t'.c"));
        assertEquals(Name.Quote.SINGLE, stringTable.table().quote());
    }

    @Test
    void shouldReadFunctionCallsInAllForms() {
        Expr.FunctionCall count = assertInstanceOf(Expr.FunctionCall.class, expr("count(*)"));
        assertTrue(count.star());
        Expr.FunctionCall distinct = assertInstanceOf(Expr.FunctionCall.class, expr("count(DISTINCT a)"));
        assertTrue(distinct.distinct());
        assertEquals(List.of(col("a")), distinct.args());
        Expr.FunctionCall ordered =
                assertInstanceOf(Expr.FunctionCall.class, expr("group_concat(a, ',' ORDER BY b DESC)"));
        assertEquals(1, ordered.orderBy().size());
        Expr.FunctionCall filtered =
                assertInstanceOf(Expr.FunctionCall.class, expr("sum(a) FILTER (WHERE a > 0) OVER w"));
        assertEquals(bin(GT, col("a"), num("0")), filtered.filter());
        assertEquals(Name.of("w"), ((Over.Named) filtered.over()).name());
        assertTrue(assertInstanceOf(Expr.FunctionCall.class, expr("f()")).args().isEmpty());
    }

    @Test
    void shouldReadWindowSpecifications() {
        Expr.FunctionCall call = assertInstanceOf(
                Expr.FunctionCall.class,
                expr("sum(a) OVER (base PARTITION BY b ORDER BY c NULLS LAST "
                        + "ROWS BETWEEN 2 PRECEDING AND UNBOUNDED FOLLOWING EXCLUDE CURRENT ROW)"));
        Window window = assertInstanceOf(Window.class, call.over());
        assertEquals(Name.of("base"), window.base());
        assertEquals(List.of(col("b")), window.partitionBy());
        Window.Frame frame = window.frame();
        assertEquals(Window.FrameUnit.ROWS, frame.unit());
        assertEquals(Window.BoundKind.PRECEDING, frame.start().kind());
        assertEquals(num("2"), frame.start().offset());
        assertEquals(Window.BoundKind.UNBOUNDED_FOLLOWING, frame.end().kind());
        assertEquals(Window.Exclude.CURRENT_ROW, frame.exclude());
        Window empty = assertInstanceOf(Window.class, ((Expr.FunctionCall) expr("rank() OVER ()")).over());
        assertNull(empty.base());
        assertNull(empty.frame());
    }

    @Test
    void shouldReadCaseCastRaiseExistsAndSubqueries() {
        Expr.Case simple = assertInstanceOf(Expr.Case.class, expr("CASE a WHEN 1 THEN 'x' ELSE 'y' END"));
        assertEquals(col("a"), simple.operand());
        assertEquals(str("y"), simple.otherwise());
        Expr.Case searched = assertInstanceOf(Expr.Case.class, expr("CASE WHEN a THEN b WHEN c THEN d END"));
        assertNull(searched.operand());
        assertEquals(2, searched.whens().size());
        Expr.Cast cast = assertInstanceOf(Expr.Cast.class, expr("CAST(a AS VARCHAR(10))"));
        assertEquals("VARCHAR", cast.type().name());
        assertEquals(List.of("10"), cast.type().arguments());
        assertNull(assertInstanceOf(Expr.Cast.class, expr("CAST(a AS)")).type());
        assertEquals(
                "UNSIGNED BIG INT",
                assertInstanceOf(Expr.Cast.class, expr("CAST(a AS unsigned  big\nint)"))
                        .type()
                        .name()
                        .toUpperCase());
        Expr.Raise raise = assertInstanceOf(Expr.Raise.class, expr("RAISE(ABORT, 'no')"));
        assertEquals(Expr.RaiseAction.ABORT, raise.action());
        assertNull(assertInstanceOf(Expr.Raise.class, expr("RAISE(IGNORE)")).message());
        assertInstanceOf(Expr.Exists.class, expr("EXISTS (SELECT 1)"));
        assertEquals(
                un(NOT, new Expr.Exists(Span.NONE, ((Expr.Exists) expr("EXISTS (SELECT 1)")).select())),
                expr("NOT EXISTS (SELECT 1)"));
        assertInstanceOf(Expr.Subquery.class, expr("(SELECT 1)"));
        assertInstanceOf(Expr.Subquery.class, expr("(WITH x AS (SELECT 1) SELECT * FROM x)"));
    }

    @Test
    void shouldReadRowValues() {
        Expr.Binary comparison = assertInstanceOf(Expr.Binary.class, expr("(a, b) = (1, 2)"));
        assertEquals(new Expr.RowValue(Span.NONE, List.of(col("a"), col("b"))), comparison.left());
        assertEquals(col("a"), expr("(a)"));
    }

    @Test
    void shouldCoverParenthesesInSpans() {
        String sql = "SELECT ( a + b ) * c";
        Select select = (Select) Parser.parse(sql);
        Expr product = ((ResultColumn.Column)
                        ((SelectCore.Query) select.first()).columns().getFirst())
                .expr();
        Expr.Binary binary = assertInstanceOf(Expr.Binary.class, product);
        assertEquals("( a + b )", binary.left().span().text(sql));
        assertEquals("( a + b ) * c", binary.span().text(sql));
    }

    @Test
    void shouldRejectRegisterVariablesAndBadSeparators() {
        ParseException register = assertThrows(ParseException.class, () -> expr("#1"));
        assertEquals("near \"#1\": syntax error", register.getMessage());
        assertEquals(new Expr.Variable(Span.NONE, "#a"), expr("#a"));
        ParseException separator = assertThrows(ParseException.class, () -> expr("1__0"));
        assertEquals("unrecognized token: \"1__0\"", separator.getMessage());
    }
}
