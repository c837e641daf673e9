package io.tursoj.translate.parser.ast;

import java.util.List;

/**
 * {@code REFERENCES table [(columns)] [ON DELETE|UPDATE|INSERT action | MATCH name]... [deferral]}.
 *
 * @param columns the referenced columns, empty when not given
 * @param deferral the [NOT] DEFERRABLE clause, or null
 */
public record ForeignKeyClause(Span span, Name table, List<Name> columns, List<Arg> args, Deferral deferral)
        implements Node {

    /** One ON ... or MATCH ... argument, kept in order (a later one overrides an earlier one). */
    public sealed interface Arg extends Node {}

    public record OnAction(Span span, Event event, Action action) implements Arg {}

    public record Match(Span span, Name name) implements Arg {}

    public enum Event {
        DELETE,
        UPDATE,
        INSERT
    }

    public enum Action {
        SET_NULL("SET NULL"),
        SET_DEFAULT("SET DEFAULT"),
        CASCADE("CASCADE"),
        RESTRICT("RESTRICT"),
        NO_ACTION("NO ACTION");

        private final String sql;

        Action(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }
    }

    /** {@code [NOT] DEFERRABLE [INITIALLY DEFERRED|IMMEDIATE]}. */
    public record Deferral(Span span, boolean not, Initially initially) implements Node {}

    public enum Initially {
        UNSPECIFIED,
        DEFERRED,
        IMMEDIATE
    }
}
