package io.tursoj.translate;

import io.tursoj.schema.Index;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.vdbe.value.Affinity;
import java.util.List;

/**
 * How one join level finds its rows. Every path visits a superset of the rows its WHERE/ON terms accept, in the
 * table's rowid order or an index's order; the terms are still evaluated on every row, so a path only prunes.
 */
sealed interface AccessPath {
    /** A bound of a range: {@code value} is the other side of {@code term}; {@code inclusive} for {@code <=}/{@code >=}. */
    record Bound(Expr value, boolean inclusive, Expr term, Affinity affinity) {}

    /**
     * An equality key: the value and the affinity the comparison gives it before comparing (NONE: no conversion).
     */
    record Key(Expr value, Affinity affinity) {}

    /** Every row, in rowid order. */
    record FullScan() implements AccessPath {}

    /** The single row whose rowid equals {@code key}. */
    record RowidEq(Expr key) implements AccessPath {}

    /** Rows whose rowid lies between the bounds (either may be null). */
    record RowidRange(Bound lower, Bound upper) implements AccessPath {}

    /**
     * Rows of {@code index} whose leading columns equal {@code equal} (one value per column) and whose next column
     * lies within the bounds (either may be null); {@code covering} when the index holds every column the statement
     * reads from this table, so the table is never visited. {@code columnNames} name the index columns for EXPLAIN
     * QUERY PLAN.
     */
    record IndexSeek(Index index, List<Key> equal, Bound lower, Bound upper, boolean covering, List<String> columnNames)
            implements AccessPath {}
}
