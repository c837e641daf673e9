package io.tursoj.translate;

import io.tursoj.schema.Table;
import io.tursoj.translate.parser.ast.With;
import java.util.Locale;

/**
 * The common table expressions visible to a query, innermost first: each link names one CTE and the scope its own
 * body sees (the CTEs defined before it, and itself when the WITH is RECURSIVE). A view's body sees none of the
 * CTEs of the query that uses it: expanding a view starts a barrier link, which also records the view's name so that
 * a view that reaches itself is reported as circularly defined.
 */
final class CteScope {
    private final CteScope parent;
    private final With.CommonTableExpr cte;
    private final boolean recursive;
    private final String view;
    private final Bound bound;
    /** Marks the scope of a CTE body being expanded: naming that CTE again in it is a circular reference. */
    private final With.CommonTableExpr expanding;
    /** The innermost link of this CTE's WITH: every body sees all the CTEs of its WITH (in any order). */
    private CteScope withTop;

    private CteScope(CteScope parent, With.CommonTableExpr cte, boolean recursive, String view, Bound bound) {
        this(parent, cte, recursive, view, bound, null);
    }

    private CteScope(
            CteScope parent,
            With.CommonTableExpr cte,
            boolean recursive,
            String view,
            Bound bound,
            With.CommonTableExpr expanding) {
        this.parent = parent;
        this.cte = cte;
        this.recursive = recursive;
        this.view = view;
        this.bound = bound;
        this.expanding = expanding;
    }

    /** {@code outer} inside the expansion of {@code cte}'s body. */
    static CteScope expanding(CteScope outer, With.CommonTableExpr cte) {
        return new CteScope(outer, null, false, null, null, cte);
    }

    /** A recursive CTE's name inside its recursive select: the one-row table of the row being expanded. */
    record Bound(String name, Table table, int cursor) {}

    /**
     * A CTE found by name: its definition, whether its WITH is RECURSIVE, the scope its body sees, or (inside its
     * recursive select) the table it is bound to.
     */
    record Definition(With.CommonTableExpr cte, boolean recursive, CteScope bodyScope, Bound bound) {
        /** The scope of a body that does not recur: naming the CTE again in it is a circular reference. */
        CteScope outerScope() {
            return expanding(bodyScope, cte);
        }
    }

    /** {@code outer} where {@code name} stands for the table on {@code cursor}. */
    static CteScope bind(CteScope outer, String name, Table table, int cursor) {
        return new CteScope(outer, null, false, null, new Bound(name, table, cursor));
    }

    /** {@code outer} extended with the CTEs of {@code with}. */
    static CteScope of(CteScope outer, With with) {
        CteScope s = outer;
        for (With.CommonTableExpr c : with.tables()) {
            for (CteScope t = s; t != outer && t != null; t = t.parent) {
                if (t.cte != null
                        && t.cte.name().text().equalsIgnoreCase(c.name().text())) {
                    throw Errors.error("duplicate WITH table name: " + c.name().text());
                }
            }
            s = new CteScope(s, c, with.recursive(), null, null);
        }
        for (CteScope t = s; t != outer; t = t.parent) {
            t.withTop = s;
        }
        return s;
    }

    /** The scope a view's body is compiled in: no CTEs, but a record of the views being expanded. */
    static CteScope forView(CteScope outer, String viewName) {
        for (CteScope s = outer; s != null; s = s.parent) {
            if (s.view != null && s.view.equalsIgnoreCase(viewName)) {
                throw Errors.error("view " + viewName + " is circularly defined");
            }
        }
        return new CteScope(outer, null, false, viewName.toLowerCase(Locale.ROOT), null);
    }

    /** The CTE called {@code name} visible from {@code scope}, or null. */
    static Definition find(CteScope scope, String name) {
        for (CteScope s = scope; s != null; s = s.parent) {
            if (s.view != null) {
                return null;
            }
            if (s.expanding != null) {
                if (s.expanding.name().text().equalsIgnoreCase(name)) {
                    throw Errors.error("circular reference: " + name);
                }
            } else if (s.bound != null) {
                if (s.bound.name().equalsIgnoreCase(name)) {
                    return new Definition(null, false, null, s.bound);
                }
            } else if (s.cte.name().text().equalsIgnoreCase(name)) {
                return new Definition(s.cte, s.recursive, s.withTop, null);
            }
        }
        return null;
    }
}
