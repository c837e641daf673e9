package io.tursoj.translate;

import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.translate.parser.ast.With;

/** The WITH clause in front of an INSERT, UPDATE or DELETE: taken off the statement and kept for its selects. */
final class StatementWith {
    private StatementWith() {}

    static With of(Stmt stmt) {
        return switch (stmt) {
            case Stmt.Insert i -> i.with();
            case Stmt.Update u -> u.with();
            case Stmt.Delete d -> d.with();
            default -> null;
        };
    }

    static Stmt without(Stmt stmt) {
        return switch (stmt) {
            case Stmt.Insert i ->
                new Stmt.Insert(
                        i.span(),
                        null,
                        i.orConflict(),
                        i.table(),
                        i.alias(),
                        i.columns(),
                        i.select(),
                        i.upserts(),
                        i.returning());
            case Stmt.Update u ->
                new Stmt.Update(
                        u.span(),
                        null,
                        u.orConflict(),
                        u.table(),
                        u.alias(),
                        u.indexedBy(),
                        u.set(),
                        u.from(),
                        u.where(),
                        u.returning(),
                        u.orderBy(),
                        u.limit());
            case Stmt.Delete d ->
                new Stmt.Delete(
                        d.span(),
                        null,
                        d.table(),
                        d.alias(),
                        d.indexedBy(),
                        d.where(),
                        d.returning(),
                        d.orderBy(),
                        d.limit());
            default -> stmt;
        };
    }
}
