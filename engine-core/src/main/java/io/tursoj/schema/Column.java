package io.tursoj.schema;

import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.vdbe.value.Affinity;

/**
 * One column of a table: its name, declared type (as written, {@code ""} when none), the affinity that type gives,
 * and its constraints. {@code defaultValue} is the DEFAULT expression or null.
 */
public record Column(
        String name,
        String declaredType,
        Affinity affinity,
        boolean notNull,
        Expr defaultValue,
        String collation,
        boolean primaryKey) {}
