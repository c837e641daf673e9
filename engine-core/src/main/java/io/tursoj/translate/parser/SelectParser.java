package io.tursoj.translate.parser;

import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.FromClause;
import io.tursoj.translate.parser.ast.FromClause.JoinConstraint;
import io.tursoj.translate.parser.ast.FromClause.JoinKind;
import io.tursoj.translate.parser.ast.FromClause.JoinOperator;
import io.tursoj.translate.parser.ast.IndexedBy;
import io.tursoj.translate.parser.ast.Limit;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.QualifiedName;
import io.tursoj.translate.parser.ast.ResultColumn;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.SelectCore;
import io.tursoj.translate.parser.ast.TableRef;
import io.tursoj.translate.parser.ast.Window;
import io.tursoj.translate.parser.ast.With;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SELECT: WITH clauses, compound selects, VALUES, result columns, FROM with joins, GROUP BY, HAVING, WINDOW, ORDER
 * BY and LIMIT.
 *
 * <p>Errors that SQLite's grammar actions raise when a rule is reduced are raised at the same point here: a
 * misplaced ORDER BY or LIMIT in a compound when the whole select is complete, an ON or USING on the first table of
 * a FROM clause when the token after it shows the clause is complete, an unknown join type right after JOIN.
 */
abstract class SelectParser extends ExpressionParser {

    SelectParser(String sql, ParserLimits limits) {
        super(sql, limits);
    }

    @Override
    final Select parseSelect() {
        int begin = start();
        enter();
        int outerScope = scopeHeight;
        scopeHeight = 0;
        With with = at(TokenType.WITH) ? parseWith() : null;
        Select select = parseSelectAfterWith(begin, with);
        selectHeight = scopeHeight;
        scopeHeight = outerScope;
        leave();
        return select;
    }

    /** The select after its WITH clause (parsed by the caller, possibly null). */
    final Select parseSelectAfterWith(int begin, With with) {
        SelectCore first = parseSelectCore();
        List<Select.Compound> compounds = new ArrayList<>();
        // ORDER BY and LIMIT belong to a SELECT core in SQLite's grammar: VALUES cannot take them.
        boolean query = first instanceof SelectCore.Query;
        List<OrderingTerm> orderBy = query ? parseOrderByOpt() : List.of();
        Limit limit = query ? parseLimitOpt() : null;
        ParseException misplaced = null;
        while (true) {
            int operatorStart = start();
            Select.CompoundOperator operator = parseCompoundOperatorOpt();
            if (operator == null) {
                break;
            }
            if (!orderBy.isEmpty() || limit != null) {
                String clause = orderBy.isEmpty() ? "LIMIT" : "ORDER BY";
                misplaced = grammarError(
                        clause + " clause should come after " + operator.sql() + " not before", operatorStart);
            }
            SelectCore core = parseSelectCore();
            compounds.add(new Select.Compound(span(operatorStart), operator, core));
            query = core instanceof SelectCore.Query;
            orderBy = query ? parseOrderByOpt() : List.of();
            limit = query ? parseLimitOpt() : null;
        }
        if (misplaced != null) {
            throw misplaced;
        }
        return new Select(span(begin), with, first, List.copyOf(compounds), orderBy, limit);
    }

    private Select.CompoundOperator parseCompoundOperatorOpt() {
        switch (peek()) {
            case UNION -> {
                advance();
                return accept(TokenType.ALL) ? Select.CompoundOperator.UNION_ALL : Select.CompoundOperator.UNION;
            }
            case INTERSECT -> {
                advance();
                return Select.CompoundOperator.INTERSECT;
            }
            case EXCEPT -> {
                advance();
                return Select.CompoundOperator.EXCEPT;
            }
            default -> {
                return null;
            }
        }
    }

    final List<OrderingTerm> parseOrderByOpt() {
        if (!accept(TokenType.ORDER)) {
            return List.of();
        }
        expect(TokenType.BY);
        return parseOrderingTerms();
    }

    /** {@code LIMIT n [OFFSET m | , n]}, or null. */
    final Limit parseLimitOpt() {
        int begin = start();
        if (!accept(TokenType.LIMIT)) {
            return null;
        }
        Expr first = parseExpr();
        if (accept(TokenType.OFFSET)) {
            Expr offset = parseExpr();
            return new Limit(span(begin), first, offset);
        }
        if (accept(TokenType.COMMA)) {
            Expr count = parseExpr();
            return new Limit(span(begin), count, first);
        }
        return new Limit(span(begin), first, null);
    }

    private SelectCore parseSelectCore() {
        int begin = start();
        if (accept(TokenType.VALUES)) {
            return parseValues(begin);
        }
        expect(TokenType.SELECT);
        SelectCore.Distinctness distinctness = SelectCore.Distinctness.UNSPECIFIED;
        if (accept(TokenType.DISTINCT)) {
            distinctness = SelectCore.Distinctness.DISTINCT;
        } else if (accept(TokenType.ALL)) {
            distinctness = SelectCore.Distinctness.ALL;
        }
        List<ResultColumn> columns = parseResultColumns();
        FromClause from = accept(TokenType.FROM) ? parseFromClause() : null;
        Expr where = accept(TokenType.WHERE) ? parseExpr() : null;
        List<Expr> groupBy = List.of();
        if (accept(TokenType.GROUP)) {
            expect(TokenType.BY);
            groupBy = parseExprList();
        }
        Expr having = accept(TokenType.HAVING) ? parseExpr() : null;
        List<Window.Definition> windows = List.of();
        if (accept(TokenType.WINDOW)) {
            windows = parseWindowDefinitions();
        }
        return new SelectCore.Query(span(begin), distinctness, columns, from, where, groupBy, having, windows);
    }

    private SelectCore parseValues(int begin) {
        List<List<Expr>> rows = new ArrayList<>();
        do {
            expect(TokenType.LP);
            rows.add(parseExprList());
            expect(TokenType.RP);
        } while (accept(TokenType.COMMA));
        return new SelectCore.Values(span(begin), List.copyOf(rows));
    }

    private List<Window.Definition> parseWindowDefinitions() {
        List<Window.Definition> definitions = new ArrayList<>();
        do {
            int begin = start();
            Name name = parseName();
            expect(TokenType.AS);
            Window window = parseWindowInParentheses();
            definitions.add(new Window.Definition(span(begin), name, window));
        } while (accept(TokenType.COMMA));
        return List.copyOf(definitions);
    }

    /** A select list or RETURNING list. */
    final List<ResultColumn> parseResultColumns() {
        List<ResultColumn> columns = new ArrayList<>();
        do {
            columns.add(parseResultColumn());
        } while (accept(TokenType.COMMA));
        return List.copyOf(columns);
    }

    private ResultColumn parseResultColumn() {
        int begin = start();
        if (accept(TokenType.STAR)) {
            return new ResultColumn.Star(span(begin));
        }
        if (peek().isName() && peek(1) == TokenType.DOT && peek(2) == TokenType.STAR) {
            Name table = parseName();
            advance();
            advance();
            return new ResultColumn.TableStar(span(begin), table);
        }
        Expr expr = parseExpr();
        Name alias = parseAliasOpt();
        return new ResultColumn.Column(span(begin), expr, alias);
    }

    /** {@code AS nm}, or a bare identifier or string (SQLite's {@code as} rule); null when absent. */
    final Name parseAliasOpt() {
        if (accept(TokenType.AS)) {
            return parseName();
        }
        if (peek().isIdOrString()) {
            return parseIdOrString();
        }
        return null;
    }

    // ---- FROM

    final FromClause parseFromClause() {
        int begin = start();
        TableRef first = parseTableRef();
        int constraintStart = start();
        JoinConstraint misplaced = parseJoinConstraintOpt();
        List<FromClause.Join> joins = new ArrayList<>();
        while (true) {
            TokenType type = peek();
            boolean joinFollows = type == TokenType.COMMA || type == TokenType.JOIN || type.isJoinKeyword();
            if (misplaced != null) {
                if (joinFollows || followsFromClause(type)) {
                    String keyword = misplaced instanceof JoinConstraint.On ? "ON" : "USING";
                    throw grammarError("a JOIN clause is required before " + keyword, constraintStart);
                }
                throw syntaxError();
            }
            if (!joinFollows) {
                break;
            }
            int joinBegin = start();
            JoinOperator operator = parseJoinOperator();
            TableRef table = parseTableRef();
            JoinConstraint constraint = parseJoinConstraintOpt();
            joins.add(new FromClause.Join(span(joinBegin), operator, table, constraint));
        }
        return new FromClause(span(begin), first, List.copyOf(joins));
    }

    /** Tokens after which SQLite reduces a complete FROM clause. */
    private boolean followsFromClause(TokenType type) {
        return switch (type) {
            case WHERE, GROUP, HAVING, WINDOW, ORDER, LIMIT, UNION, INTERSECT, EXCEPT, SEMI, EOF, ON, RETURNING -> true;
            case RP -> openParentheses > 0;
            default -> false;
        };
    }

    private JoinOperator parseJoinOperator() {
        if (accept(TokenType.COMMA)) {
            return JoinOperator.COMMA;
        }
        if (accept(TokenType.JOIN)) {
            return JoinOperator.INNER;
        }
        int begin = start();
        List<String> words = new ArrayList<>(3);
        words.add(currentText());
        advance();
        while (!at(TokenType.JOIN) && words.size() < 3) {
            if (!peek().isName()) {
                throw syntaxError();
            }
            words.add(currentText());
            advance();
        }
        expect(TokenType.JOIN);
        // SQLite judges the words when it reduces the join operator, once the next token can start a table.
        if (!peek().isName() && !at(TokenType.LP)) {
            throw syntaxError();
        }
        return joinOperator(words, begin);
    }

    /** SQLite's sqlite3JoinType: which words may combine, and what they mean. */
    private JoinOperator joinOperator(List<String> words, int offset) {
        boolean natural = false;
        boolean left = false;
        boolean right = false;
        boolean outer = false;
        boolean inner = false;
        boolean cross = false;
        boolean unknown = false;
        for (String word : words) {
            switch (word.toLowerCase(Locale.ROOT)) {
                case "natural" -> natural = true;
                case "left" -> left = outer = true;
                case "right" -> right = outer = true;
                case "full" -> left = right = outer = true;
                case "outer" -> outer = true;
                case "inner" -> inner = true;
                case "cross" -> inner = cross = true;
                default -> unknown = true;
            }
            if (unknown) {
                break;
            }
        }
        if (unknown || (inner && outer) || (outer && !left && !right)) {
            throw grammarError("unknown join type: " + String.join(" ", words), offset);
        }
        JoinKind kind;
        if (left && right) {
            kind = JoinKind.FULL;
        } else if (left) {
            kind = JoinKind.LEFT;
        } else if (right) {
            kind = JoinKind.RIGHT;
        } else if (cross) {
            kind = JoinKind.CROSS;
        } else {
            kind = JoinKind.INNER;
        }
        return new JoinOperator(natural, kind);
    }

    private JoinConstraint parseJoinConstraintOpt() {
        int begin = start();
        if (accept(TokenType.ON)) {
            Expr expr = parseExpr();
            return new JoinConstraint.On(span(begin), expr);
        }
        if (accept(TokenType.USING)) {
            expect(TokenType.LP);
            List<Name> columns = parseNameList();
            expect(TokenType.RP);
            return new JoinConstraint.Using(span(begin), columns);
        }
        return null;
    }

    private TableRef parseTableRef() {
        int begin = start();
        if (at(TokenType.LP)) {
            advance();
            enter();
            TableRef ref;
            if (atSelectStart()) {
                Select select = parseSelect();
                expect(TokenType.RP);
                Name alias = parseAliasOpt();
                ref = new TableRef.Subquery(span(begin), select, alias);
            } else {
                FromClause from = parseFromClause();
                expect(TokenType.RP);
                Name alias = parseAliasOpt();
                ref = new TableRef.Nested(span(begin), from, alias);
            }
            leave();
            return ref;
        }
        QualifiedName name = parseQualifiedName();
        if (accept(TokenType.LP)) {
            List<Expr> args = at(TokenType.RP) ? List.of() : parseExprList();
            expect(TokenType.RP);
            Name alias = parseAliasOpt();
            return new TableRef.Function(span(begin), name, args, alias);
        }
        Name alias = parseAliasOpt();
        IndexedBy indexedBy = parseIndexedByOpt();
        return new TableRef.Table(span(begin), name, alias, indexedBy);
    }

    /** {@code INDEXED BY name} or {@code NOT INDEXED}, or null. */
    final IndexedBy parseIndexedByOpt() {
        int begin = start();
        if (accept(TokenType.INDEXED)) {
            expect(TokenType.BY);
            return new IndexedBy(span(begin), parseName());
        }
        if (accept(TokenType.NOT)) {
            // After a table name NOT can only start NOT INDEXED.
            expect(TokenType.INDEXED);
            return new IndexedBy(span(begin), null);
        }
        return null;
    }

    // ---- WITH

    final With parseWith() {
        int begin = start();
        expect(TokenType.WITH);
        boolean recursive = accept(TokenType.RECURSIVE);
        List<With.CommonTableExpr> tables = new ArrayList<>();
        do {
            tables.add(parseCommonTableExpr());
        } while (accept(TokenType.COMMA));
        return new With(span(begin), recursive, List.copyOf(tables));
    }

    private With.CommonTableExpr parseCommonTableExpr() {
        int begin = start();
        Name name = parseName();
        List<Name> columns = at(TokenType.LP) ? parseColumnNameList() : List.of();
        expect(TokenType.AS);
        With.Materialization materialization = With.Materialization.UNSPECIFIED;
        if (accept(TokenType.NOT)) {
            expect(TokenType.MATERIALIZED);
            materialization = With.Materialization.NOT_MATERIALIZED;
        } else if (accept(TokenType.MATERIALIZED)) {
            materialization = With.Materialization.MATERIALIZED;
        }
        expect(TokenType.LP);
        Select select = parseSelect();
        expect(TokenType.RP);
        return new With.CommonTableExpr(span(begin), name, columns, materialization, select);
    }

    /**
     * SQLite's {@code eidlist}: {@code (name, ...)}. A COLLATE or ASC/DESC after a name parses, then fails with
     * {@code syntax error after column name "x"}, as SQLite does outside legacy schemas.
     */
    final List<Name> parseColumnNameList() {
        expect(TokenType.LP);
        List<Name> names = new ArrayList<>();
        do {
            int nameToken = pos;
            names.add(parseName());
            boolean decorated = false;
            if (accept(TokenType.COLLATE)) {
                parseIdOrString();
                decorated = true;
            }
            if (accept(TokenType.ASC) || accept(TokenType.DESC)) {
                decorated = true;
            }
            if (decorated && (at(TokenType.COMMA) || at(TokenType.RP))) {
                throw grammarError(
                        "syntax error after column name \"" + tokens.text(nameToken) + "\"", tokens.start(nameToken));
            }
        } while (accept(TokenType.COMMA));
        expect(TokenType.RP);
        return List.copyOf(names);
    }
}
