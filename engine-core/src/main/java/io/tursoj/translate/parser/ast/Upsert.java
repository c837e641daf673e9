package io.tursoj.translate.parser.ast;

import java.util.List;

/**
 * One {@code ON CONFLICT [(target) [WHERE ..]] DO NOTHING | DO UPDATE SET .. [WHERE ..]} clause of INSERT.
 *
 * @param target the conflict target, empty when not given (only the last clause may omit it)
 * @param targetWhere the WHERE of the target, or null
 */
public record Upsert(Span span, List<OrderingTerm> target, Expr targetWhere, Action action) implements Node {

    public sealed interface Action extends Node {}

    public record DoNothing(Span span) implements Action {}

    /** {@code DO UPDATE SET .. [WHERE ..]}; where is null when absent. */
    public record DoUpdate(Span span, List<SetClause> set, Expr where) implements Action {}
}
