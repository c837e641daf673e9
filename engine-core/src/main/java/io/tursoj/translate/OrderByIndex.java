package io.tursoj.translate;

import io.tursoj.schema.Index;
import io.tursoj.translate.parser.ast.Expr;
import java.util.List;
import java.util.Locale;

/**
 * Decides whether the outermost loop already delivers rows in ORDER BY order, so no sorter is needed. Nested loops
 * keep the outer loop's order, so only level 0 matters: ORDER BY the rowid over a rowid path, or ORDER BY index
 * columns (after the ones pinned by equalities, each with the index column's collation, all in the index's direction
 * or all against it, optionally ending in the rowid) over that index. NULLs sort first in both, as ORDER BY ASC puts
 * them. A full table scan may become a full scan of such an index.
 */
final class OrderByIndex {
    /** One ORDER BY term, resolved: the expression, its collation (null: BINARY) and direction. */
    record Term(Expr expr, String collation, boolean desc) {}

    /** The satisfying path for level 0 and whether it must be walked backwards; null when a sort is needed. */
    record Result(AccessPath path, boolean reverse) {}

    private final Scope scope;

    OrderByIndex(Scope scope) {
        this.scope = scope;
    }

    Result satisfy(Source source, AccessPath path, List<Term> terms, java.util.BitSet used, boolean keepPath) {
        if (terms.isEmpty()) {
            return null;
        }
        Scope.Resolved first = column(terms.get(0).expr(), source);
        if (first != null && first.rowid() && !(path instanceof AccessPath.IndexSeek) && allOf(terms, 1, source)) {
            return new Result(path, terms.get(0).desc());
        }
        if (path instanceof AccessPath.IndexSeek seek) {
            Boolean reverse = match(seek.index(), seek.equal().size(), terms, source);
            return reverse == null ? null : new Result(path, reverse);
        }
        if (!(path instanceof AccessPath.FullScan) || keepPath) {
            return null;
        }
        for (Index idx : source.table().indexes()) {
            if (idx.sql() != null && idx.sql().toUpperCase(Locale.ROOT).contains("WHERE")) {
                continue;
            }
            Boolean reverse = match(idx, 0, terms, source);
            if (reverse != null) {
                List<String> names = new java.util.ArrayList<>();
                for (int c : idx.columns()) {
                    names.add(source.table().columns().get(c).name());
                }
                boolean covering = used != null;
                if (used != null) {
                    for (int c = used.nextSetBit(0); c >= 0; c = used.nextSetBit(c + 1)) {
                        covering &= idx.columns().contains(c);
                    }
                }
                return new Result(new AccessPath.IndexSeek(idx, List.of(), null, null, covering, names), reverse);
            }
        }
        return null;
    }

    /** Whether {@code terms} follow {@code idx} from column {@code pinned} on: null if not, else "walk backwards". */
    private Boolean match(Index idx, int pinned, List<Term> terms, Source source) {
        int k = pinned;
        Boolean reverse = null;
        for (Term t : terms) {
            Scope.Resolved r = column(t.expr(), source);
            if (r == null) {
                return null;
            }
            if (r.rowid()) {
                // the index's last field: entries with equal keys are in rowid order
                boolean rev = t.desc();
                if (k < idx.columns().size()
                        || reverse != null && reverse != rev
                        || !allOf(terms, terms.indexOf(t) + 1, source)) {
                    return null;
                }
                return rev;
            }
            int pos = idx.columns().indexOf(r.column());
            if (pos >= 0 && pos < pinned) {
                continue;
            }
            if (k >= idx.columns().size() || idx.columns().get(k) != r.column()) {
                return null;
            }
            String want = idx.collations().get(k) == null
                    ? "BINARY"
                    : idx.collations().get(k);
            String have = t.collation() == null ? "BINARY" : t.collation();
            if (!want.equalsIgnoreCase(have)) {
                return null;
            }
            boolean rev = t.desc() != idx.descending().get(k);
            if (reverse != null && reverse != rev) {
                return null;
            }
            reverse = rev;
            k++;
        }
        return reverse == null ? Boolean.FALSE : reverse;
    }

    /** Whether terms from {@code from} on are all columns of {@code source} (so fixed once its row is). */
    private boolean allOf(List<Term> terms, int from, Source source) {
        for (int i = from; i < terms.size(); i++) {
            if (column(terms.get(i).expr(), source) == null) {
                return false;
            }
        }
        return true;
    }

    private Scope.Resolved column(Expr e, Source source) {
        if (!(e instanceof Expr.ColumnRef ref)) {
            return null;
        }
        try {
            Scope.Resolved r = scope.resolve(ref);
            return r.source() == source ? r : null;
        } catch (RuntimeException notAColumn) {
            return null;
        }
    }
}
