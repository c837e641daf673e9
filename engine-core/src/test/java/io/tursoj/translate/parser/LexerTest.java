package io.tursoj.translate.parser;

import static io.tursoj.translate.parser.TokenType.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LexerTest {

    private static List<TokenType> types(String sql) {
        return Lexer.tokens(sql).stream().map(Token::type).toList();
    }

    private static List<String> texts(String sql) {
        return Lexer.tokens(sql).stream()
                .filter(t -> t.type() != EOF)
                .map(Token::text)
                .toList();
    }

    @Test
    void shouldEndWithEofAtInputEnd() {
        List<Token> tokens = Lexer.tokens("SELECT 1");
        Token eof = tokens.getLast();
        assertEquals(EOF, eof.type());
        assertEquals(8, eof.start());
        assertEquals(8, eof.end());
    }

    @Test
    void shouldRecognizeKeywordsInAnyCase() {
        assertEquals(List.of(SELECT, DISTINCT, FROM, WHERE, EOF), types("select DiStInCt FROM where"));
        assertEquals(
                List.of(TEMP, TEMP, AUTOINCREMENT, COLUMN, CURRENT_TIMESTAMP, EOF),
                types("temp TEMPORARY autoincrement column current_timestamp"));
    }

    @Test
    void shouldTreatWordsNextToDigitsOrDollarAsIdentifiers() {
        assertEquals(List.of(ID, ID, ID, ID, EOF), types("select1 sel$ct _select x"));
    }

    @Test
    void shouldReadQuotedIdentifiersAndStrings() {
        assertEquals(List.of(ID, ID, ID, STRING, EOF), types("\"a\"\"b\" [x y] `c``d` 'it''s'"));
        assertEquals(List.of("\"a\"\"b\"", "[x y]", "`c``d`", "'it''s'"), texts("\"a\"\"b\" [x y] `c``d` 'it''s'"));
    }

    @Test
    void shouldMakeUnterminatedQuotesIllegalToEndOfInput() {
        assertEquals(List.of(SELECT, ILLEGAL, EOF), types("SELECT 'abc"));
        assertEquals(List.of("SELECT", "'abc; SELECT 2"), texts("SELECT 'abc; SELECT 2"));
        assertEquals(List.of(ILLEGAL, EOF), types("[abc"));
        assertEquals(List.of(ILLEGAL, EOF), types("\"abc"));
    }

    @ParameterizedTest
    @CsvSource({
        "123, INTEGER",
        "0x1F, INTEGER",
        "0XaB, INTEGER",
        "1.5, FLOAT",
        ".5, FLOAT",
        "1., FLOAT",
        "1e10, FLOAT",
        "1.5E-3, FLOAT",
        "2e+7, FLOAT",
        "1_000, QNUMBER",
        "0x_1, ILLEGAL",
        "1abc, ILLEGAL",
        "1e, ILLEGAL",
        "0x, ILLEGAL",
        "12e3x, ILLEGAL",
    })
    void shouldReadNumbers(String text, TokenType expected) {
        assertEquals(List.of(expected, EOF), types(text));
        assertEquals(List.of(text), texts(text));
    }

    @Test
    void shouldReadBlobsAndRejectOddOrNonHexOnes() {
        assertEquals(List.of(BLOB, BLOB, EOF), types("x'0aFF' X''"));
        assertEquals(List.of(ILLEGAL, EOF), types("x'abc'"));
        assertEquals(List.of(ILLEGAL, EOF), types("x'zz'"));
        assertEquals(List.of("x'zz'"), texts("x'zz'"));
        assertEquals(List.of(ILLEGAL, EOF), types("x'ab"));
    }

    @Test
    void shouldReadParameters() {
        assertEquals(
                List.of("?", "?12", ":a", "@b1", "$c::d", "$e(x", "y", "#f"), texts("? ?12 :a @b1 $c::d $e(x y #f"));
        assertEquals(
                List.of(VARIABLE, VARIABLE, VARIABLE, VARIABLE, VARIABLE, ILLEGAL, ID, VARIABLE, EOF),
                types("? ?12 :a @b1 $c::d $e(x y #f"));
        assertEquals(List.of(VARIABLE, EOF), types("$a(bc)"));
        assertEquals(List.of("$a(bc)"), texts("$a(bc)"));
        assertEquals(List.of(ILLEGAL, ILLEGAL, ILLEGAL, EOF), types(": $ @"));
    }

    @Test
    void shouldReadOperators() {
        assertEquals(
                List.of(
                        CONCAT, PTR, PTR, EQ, EQ, NE, NE, LSHIFT, RSHIFT, LE, GE, LT, GT, BITOR, BITAND, BITNOT, PLUS,
                        MINUS, STAR, SLASH, REM, LP, RP, COMMA, DOT, SEMI, EOF),
                types("|| -> ->> == = <> != << >> <= >= < > | & ~ + - * / % ( ) , . ;"));
        assertEquals(List.of("->>", "->"), texts("->>->"));
        assertEquals(List.of(ILLEGAL, INTEGER, EOF), types("!1"));
    }

    @Test
    void shouldSkipCommentsAndWhitespace() {
        assertEquals(List.of(SELECT, INTEGER, EOF), types("SELECT -- comment ; here\n 1 /* block ; */"));
        assertEquals(List.of(SELECT, EOF), types("SELECT /* unterminated"));
        assertEquals(List.of(SELECT, INTEGER, EOF), types("\uFEFFSELECT\f\r\n\t1"));
        assertEquals(List.of(SLASH, STAR, EOF), types("/*"));
        assertEquals(List.of(ILLEGAL, EOF), types("\u000B"));
    }

    @Test
    void shouldStopAtNulCharacter() {
        assertEquals(List.of(SELECT, INTEGER, EOF), types("SELECT 1\0 garbage 'unterminated"));
        assertEquals(8, Lexer.inputEnd("SELECT 1\0x"));
    }

    @Test
    void shouldTreatNonAsciiAsIdentifierCharacters() {
        assertEquals(List.of(ID, ID, EOF), types("café ñandú"));
        assertEquals(List.of("café"), texts("café"));
    }

    @Test
    void shouldMakeWindowKeywordsContextual() {
        assertEquals(List.of(ID, COMMA, WINDOW, ID, AS, EOF), types("window, window w AS"));
        assertEquals(List.of(RP, OVER, LP, RP, OVER, ID, ID, ID, EOF), types(") over ( ) over w x over"));
        assertEquals(List.of(RP, FILTER, LP, ID, ID, LP, EOF), types(") filter ( x filter ("));
    }

    @Test
    void shouldClassifyKeywordFallbacks() {
        assertTrue(ABORT.isFallbackId());
        assertTrue(LIKE.isFallbackId());
        assertTrue(CURRENT_DATE.isFallbackId());
        assertFalse(SELECT.isFallbackId());
        assertFalse(LEFT.isFallbackId());
        assertTrue(LEFT.isIdOrJoinKeyword());
        assertFalse(LEFT.isIdOrString());
        assertTrue(INDEXED.isId());
        assertFalse(INDEXED.isIdOrString());
        assertTrue(STRING.isName());
        assertFalse(ID.isKeyword());
        assertTrue(WITHOUT.isKeyword());
    }

    @Test
    void shouldReportOffsetsOfEveryToken() {
        List<Token> tokens = Lexer.tokens("  a  'b'");
        assertEquals(2, tokens.get(0).start());
        assertEquals(3, tokens.get(0).end());
        assertEquals(5, tokens.get(1).start());
        assertEquals(8, tokens.get(1).end());
    }
}
