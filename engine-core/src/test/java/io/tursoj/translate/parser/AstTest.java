package io.tursoj.translate.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.SelectCore;
import io.tursoj.translate.parser.ast.Span;
import io.tursoj.translate.parser.ast.Stmt;
import org.junit.jupiter.api.Test;

class AstTest {

    @Test
    void shouldCompareTreesByStructureNotPosition() {
        Stmt compact = Parser.parse("SELECT a+1 FROM t");
        Stmt spaced = Parser.parse("  SELECT   a   +   1   FROM   t  ");
        assertEquals(compact, spaced);
        assertEquals(compact.hashCode(), spaced.hashCode());
        assertNotEquals(compact.span().start(), spaced.span().start());
        assertNotEquals(Parser.parse("SELECT a+2 FROM t"), compact);
    }

    @Test
    void shouldMatchGroupByTermsAgainstSelectListTerms() {
        Select select = (Select) Parser.parse("SELECT lower(a) || b, count(*) FROM t GROUP BY lower(a) || b");
        SelectCore.Query query = (SelectCore.Query) select.first();
        var column = ((io.tursoj.translate.parser.ast.ResultColumn.Column)
                        query.columns().getFirst())
                .expr();
        assertEquals(column, query.groupBy().getFirst());
    }

    @Test
    void shouldKeepQuotingInNames() {
        assertNotEquals(Name.of("a"), new Name(Span.NONE, "a", Name.Quote.DOUBLE));
        assertTrue(Name.of("Abc").sameAs(new Name(Span.NONE, "aBC", Name.Quote.BRACKET)));
        assertFalse(Name.of("a").sameAs(Name.of("b")));
    }

    @Test
    void shouldRejectBadSpansAndLimits() {
        assertThrows(IllegalArgumentException.class, () -> new Span(5, 4));
        assertThrows(IllegalArgumentException.class, () -> new ParserLimits(0, 10));
        assertEquals("bc", new Span(1, 3).text("abcd"));
    }

    @Test
    void shouldInsistOnExactlyOneStatementInParse() {
        assertThrows(IllegalArgumentException.class, () -> Parser.parse(" ; -- nothing"));
        assertThrows(IllegalArgumentException.class, () -> Parser.parse("SELECT 1; SELECT 2"));
        assertEquals(Parser.parse("SELECT 1"), Parser.parse("SELECT 1;"));
    }
}
