package io.tursoj.translate;

import io.tursoj.schema.Column;
import io.tursoj.translate.parser.ast.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Name resolution for expressions: the FROM sources visible to them, and (after aggregation) registers that stand in
 * for column values and aggregate results.
 */
final class Scope {
    final List<Source> sources = new ArrayList<>();
    /** Column values captured into registers, keyed by cursor and column (-1 for the rowid). */
    final Map<Long, Integer> capturedColumns = new HashMap<>();
    /** Aggregate calls and group-by expressions replaced by registers once the groups are formed. */
    final Map<Expr, Integer> replaced = new HashMap<>();

    boolean useCaptured;

    /**
     * Columns (lower-case names) of a right-hand join table that USING or NATURAL merged into the same-named column
     * of an earlier table: an unqualified reference means the earlier one, and {@code *} shows it once.
     */
    final Map<Source, java.util.Set<String>> mergedByUsing = new HashMap<>();

    /** Tables read through a covering index instead: table cursor to the index cursor and its column positions. */
    final Map<Integer, IndexColumns> covering = new HashMap<>();

    /** An index cursor and the table column each of its key fields holds. */
    record IndexColumns(int cursor, List<Integer> columns) {}

    /** The scope of the enclosing query for a subquery (correlated references), or null. */
    Scope parent;

    /** How many references from inner queries this scope resolved: a change marks a subquery as correlated. */
    int innerRefs;

    /** A resolved column reference: the source, the column position (-1 for the rowid), whether it is the rowid. */
    record Resolved(Source source, int column, boolean rowid) {
        Column definition() {
            return column < 0 ? null : source.table().columns().get(column);
        }
    }

    static long key(int cursor, int column) {
        return ((long) cursor << 32) | (column & 0xffffffffL);
    }

    Resolved resolve(Expr.ColumnRef ref) {
        String col = ref.column().text();
        Resolved found = null;
        for (Source s : sources) {
            if (ref.table() != null
                    && !s.visibleName().equalsIgnoreCase(ref.table().text())) {
                continue;
            }
            int idx = s.table().columnIndex(col);
            Resolved r = null;
            if (idx >= 0) {
                r = new Resolved(s, idx, idx == s.table().rowidAlias());
            } else if (s.table().isRowidName(col) && s.table().rootPage() != FromSubquery.VIEW_ROOT) {
                r = new Resolved(s, -1, true);
            }
            if (r != null && ref.table() == null && found != null && merged(s, col)) {
                continue;
            }
            if (r != null) {
                if (found != null) {
                    throw Errors.error("ambiguous column name: " + name(ref));
                }
                found = r;
            }
        }
        if (found == null && parent != null) {
            found = parent.resolveOuter(ref);
            if (found != null) {
                parent.innerRefs++;
                return found;
            }
        }
        if (found == null) {
            throw Errors.noSuchColumn(name(ref));
        }
        return found;
    }

    private boolean merged(Source s, String column) {
        java.util.Set<String> m = mergedByUsing.get(s);
        return m != null && m.contains(column.toLowerCase(java.util.Locale.ROOT));
    }

    /** Resolves {@code ref} here or further out, or returns null when no scope knows it. */
    private Resolved resolveOuter(Expr.ColumnRef ref) {
        try {
            return resolve(ref);
        } catch (io.tursoj.api.TursoException notHere) {
            if (notHere.getMessage().startsWith("ambiguous")) {
                throw notHere;
            }
            return null;
        }
    }

    /** The references from inner queries resolved by this scope and every enclosing one. */
    int innerRefsUpward() {
        int n = 0;
        for (Scope s = this; s != null; s = s.parent) {
            n += s.innerRefs;
        }
        return n;
    }

    /** The scope (this or an enclosing one) whose FROM clause holds {@code source}. */
    Scope owner(Source source) {
        for (Scope s = this; s != null; s = s.parent) {
            if (s.sources.contains(source)) {
                return s;
            }
        }
        return this;
    }

    static String name(Expr.ColumnRef ref) {
        return ref.table() == null
                ? ref.column().text()
                : ref.table().text() + "." + ref.column().text();
    }
}
