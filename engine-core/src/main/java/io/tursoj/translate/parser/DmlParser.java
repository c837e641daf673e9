package io.tursoj.translate.parser;

import io.tursoj.translate.parser.ast.ConflictResolution;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.FromClause;
import io.tursoj.translate.parser.ast.IndexedBy;
import io.tursoj.translate.parser.ast.Limit;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.QualifiedName;
import io.tursoj.translate.parser.ast.ResultColumn;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.SetClause;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.translate.parser.ast.Upsert;
import io.tursoj.translate.parser.ast.With;
import java.util.ArrayList;
import java.util.List;

/**
 * INSERT, UPDATE and DELETE, in their full form and in the restricted form of a trigger body (no WITH before the
 * verb, no DEFAULT VALUES, no RETURNING, ORDER BY or LIMIT, no INDEXED BY), as SQLite's grammar has them.
 */
abstract class DmlParser extends SelectParser {

    /** True while parsing the statements between BEGIN and END of CREATE TRIGGER. */
    boolean inTriggerBody;

    DmlParser(String sql, ParserLimits limits) {
        super(sql, limits);
    }

    /** INSERT or REPLACE, the current token being INSERT or REPLACE. */
    final Stmt.Insert parseInsert(int begin, With with) {
        ConflictResolution orConflict = null;
        if (accept(TokenType.REPLACE)) {
            orConflict = ConflictResolution.REPLACE;
        } else {
            expect(TokenType.INSERT);
            if (accept(TokenType.OR)) {
                orConflict = parseResolveType();
            }
        }
        expect(TokenType.INTO);
        QualifiedName table = parseQualifiedName();
        Name alias = accept(TokenType.AS) ? parseName() : null;
        List<Name> columns = List.of();
        if (accept(TokenType.LP)) {
            columns = parseNameList();
            expect(TokenType.RP);
        }
        if (!inTriggerBody && accept(TokenType.DEFAULT)) {
            expect(TokenType.VALUES);
            List<ResultColumn> returning = parseReturningOpt();
            return new Stmt.Insert(span(begin), with, orConflict, table, alias, columns, null, List.of(), returning);
        }
        Select select = parseSelect();
        List<Upsert> upserts = new ArrayList<>();
        while (at(TokenType.ON)) {
            Upsert upsert = parseUpsert();
            upserts.add(upsert);
            if (upsert.target().isEmpty()) {
                break;
            }
        }
        List<ResultColumn> returning = parseReturningOpt();
        return new Stmt.Insert(
                span(begin), with, orConflict, table, alias, columns, select, List.copyOf(upserts), returning);
    }

    private Upsert parseUpsert() {
        int begin = start();
        expect(TokenType.ON);
        expect(TokenType.CONFLICT);
        List<OrderingTerm> target = List.of();
        Expr targetWhere = null;
        if (accept(TokenType.LP)) {
            target = parseOrderingTerms();
            expect(TokenType.RP);
            if (accept(TokenType.WHERE)) {
                targetWhere = parseExpr();
            }
        }
        int actionStart = start();
        expect(TokenType.DO);
        Upsert.Action action;
        if (accept(TokenType.NOTHING)) {
            action = new Upsert.DoNothing(span(actionStart));
        } else {
            expect(TokenType.UPDATE);
            expect(TokenType.SET);
            List<SetClause> set = parseSetList();
            Expr where = accept(TokenType.WHERE) ? parseExpr() : null;
            action = new Upsert.DoUpdate(span(actionStart), set, where);
        }
        return new Upsert(span(begin), target, targetWhere, action);
    }

    /** UPDATE, the current token being UPDATE. */
    final Stmt.Update parseUpdate(int begin, With with) {
        expect(TokenType.UPDATE);
        ConflictResolution orConflict = accept(TokenType.OR) ? parseResolveType() : null;
        QualifiedName table = parseQualifiedName();
        Name alias = accept(TokenType.AS) ? parseName() : null;
        IndexedBy indexedBy = parseTriggerCheckedIndexedBy();
        expect(TokenType.SET);
        List<SetClause> set = parseSetList();
        FromClause from = accept(TokenType.FROM) ? parseFromClause() : null;
        Expr where = accept(TokenType.WHERE) ? parseExpr() : null;
        List<ResultColumn> returning = List.of();
        List<OrderingTerm> orderBy = List.of();
        Limit limit = null;
        if (!inTriggerBody) {
            returning = parseReturningOpt();
            orderBy = parseOrderByOpt();
            limit = parseLimitOpt();
        }
        return new Stmt.Update(
                span(begin), with, orConflict, table, alias, indexedBy, set, from, where, returning, orderBy, limit);
    }

    /** DELETE, the current token being DELETE. */
    final Stmt.Delete parseDelete(int begin, With with) {
        expect(TokenType.DELETE);
        expect(TokenType.FROM);
        QualifiedName table = parseQualifiedName();
        Name alias = accept(TokenType.AS) ? parseName() : null;
        IndexedBy indexedBy = parseTriggerCheckedIndexedBy();
        Expr where = accept(TokenType.WHERE) ? parseExpr() : null;
        List<ResultColumn> returning = List.of();
        List<OrderingTerm> orderBy = List.of();
        Limit limit = null;
        if (!inTriggerBody) {
            returning = parseReturningOpt();
            orderBy = parseOrderByOpt();
            limit = parseLimitOpt();
        }
        return new Stmt.Delete(span(begin), with, table, alias, indexedBy, where, returning, orderBy, limit);
    }

    private IndexedBy parseTriggerCheckedIndexedBy() {
        IndexedBy indexedBy = parseIndexedByOpt();
        if (indexedBy != null && inTriggerBody) {
            String clause = indexedBy.notIndexed() ? "NOT INDEXED" : "INDEXED BY";
            throw grammarError(
                    "the " + clause + " clause is not allowed on UPDATE or DELETE statements within triggers",
                    indexedBy.span().start());
        }
        return indexedBy;
    }

    private List<ResultColumn> parseReturningOpt() {
        int begin = start();
        if (!accept(TokenType.RETURNING)) {
            return List.of();
        }
        List<ResultColumn> columns = parseResultColumns();
        if (inTriggerBody) {
            throw grammarError("cannot use RETURNING in a trigger", begin);
        }
        return columns;
    }

    /** {@code col = expr, (a, b) = expr, ...}. */
    final List<SetClause> parseSetList() {
        List<SetClause> clauses = new ArrayList<>();
        do {
            int begin = start();
            List<Name> columns;
            boolean parenthesized = accept(TokenType.LP);
            if (parenthesized) {
                columns = parseNameList();
                expect(TokenType.RP);
            } else {
                columns = List.of(parseName());
            }
            expect(TokenType.EQ);
            Expr value = parseExpr();
            clauses.add(new SetClause(span(begin), columns, parenthesized, value));
        } while (accept(TokenType.COMMA));
        return List.copyOf(clauses);
    }

    /** ROLLBACK, ABORT, FAIL, IGNORE or REPLACE. */
    final ConflictResolution parseResolveType() {
        ConflictResolution resolution = switch (peek()) {
            case ROLLBACK -> ConflictResolution.ROLLBACK;
            case ABORT -> ConflictResolution.ABORT;
            case FAIL -> ConflictResolution.FAIL;
            case IGNORE -> ConflictResolution.IGNORE;
            case REPLACE -> ConflictResolution.REPLACE;
            default -> throw syntaxError();
        };
        advance();
        return resolution;
    }
}
