package io.tursoj.translate;

import io.tursoj.schema.Table;
import io.tursoj.schema.View;
import io.tursoj.translate.parser.ast.TableRef;

/**
 * Turns one FROM item into a {@link Source}: a CTE in scope, else a table, else a view (expanded into a
 * materialized subquery, as SQLite expands it), or a parenthesized subquery.
 */
final class NamedSources {
    private NamedSources() {}

    static Source source(SelectCompiler sc, TableRef ref) {
        Scope enclosing = sc.scope().parent;
        switch (ref) {
            case TableRef.Table t -> {
                String name = t.name().name().text();
                String alias = t.alias() == null ? null : t.alias().text();
                if (t.name().schema() == null) {
                    CteScope.Definition cte = CteScope.find(sc.ctes(), name);
                    if (cte != null && cte.bound() != null) {
                        return new Source(
                                cte.bound().table(), alias, cte.bound().cursor());
                    }
                    if (cte != null) {
                        int cursor = sc.builder().newCursor();
                        Table table = sc.expanding(
                                cte.cte(),
                                name,
                                () -> RecursiveCte.isRecursive(cte)
                                        ? RecursiveCte.materialize(sc, enclosing, cte, cursor)
                                        : FromSubquery.materialize(
                                                sc,
                                                enclosing,
                                                cte.outerScope(),
                                                cte.cte().select(),
                                                cte.cte().name().text(),
                                                cte.cte().columns(),
                                                "table " + cte.cte().name().text(),
                                                cursor,
                                                sc.sql()));
                        return new Source(table, alias, cursor);
                    }
                }
                Table table = sc.compiler().schema().table(name);
                if (table != null) {
                    return new Source(table, alias, sc.builder().newCursor());
                }
                View view = sc.compiler().schema().view(name);
                if (view != null) {
                    int cursor = sc.builder().newCursor();
                    Table expanded = FromSubquery.materialize(
                            sc,
                            null,
                            CteScope.forView(sc.ctes(), view.name()),
                            view.select(),
                            view.name(),
                            view.columns(),
                            view.name(),
                            cursor,
                            view.sql());
                    return new Source(FromSubquery.asView(expanded), alias, cursor);
                }
                throw Errors.noSuchTable(name);
            }
            case TableRef.Subquery q -> {
                int cursor = sc.builder().newCursor();
                String alias = q.alias() == null ? null : q.alias().text();
                Table table = FromSubquery.materialize(
                        sc,
                        enclosing,
                        sc.ctes(),
                        q.select(),
                        "(subquery-" + cursor + ")",
                        null,
                        "subquery",
                        cursor,
                        sc.sql());
                return new Source(table, alias, cursor);
            }
            default ->
                throw Errors.unsupported(
                        ref.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT) + " in FROM");
        }
    }
}
