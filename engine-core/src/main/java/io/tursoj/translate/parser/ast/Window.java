package io.tursoj.translate.parser.ast;

import java.util.List;

/**
 * A window specification, as written in {@code OVER (...)} or {@code WINDOW name AS (...)}.
 *
 * @param base the name of the window this one extends, or null
 * @param frame the frame, or null for the default frame
 */
public record Window(Span span, Name base, List<Expr> partitionBy, List<OrderingTerm> orderBy, Frame frame)
        implements Over {

    /** {@code name AS (window)} in a WINDOW clause. */
    public record Definition(Span span, Name name, Window window) implements Node {}

    /**
     * {@code RANGE|ROWS|GROUPS start} or {@code ... BETWEEN start AND end}, with an optional EXCLUDE.
     *
     * @param end the end bound, or null when the frame has only a start (it then ends at CURRENT ROW)
     */
    public record Frame(Span span, FrameUnit unit, Bound start, Bound end, Exclude exclude) implements Node {}

    /**
     * A frame bound.
     *
     * @param offset the offset expression for PRECEDING and FOLLOWING, else null
     */
    public record Bound(Span span, BoundKind kind, Expr offset) implements Node {}

    public enum FrameUnit {
        RANGE,
        ROWS,
        GROUPS
    }

    public enum BoundKind {
        UNBOUNDED_PRECEDING,
        PRECEDING,
        CURRENT_ROW,
        FOLLOWING,
        UNBOUNDED_FOLLOWING
    }

    public enum Exclude {
        NONE,
        NO_OTHERS,
        CURRENT_ROW,
        GROUP,
        TIES
    }
}
