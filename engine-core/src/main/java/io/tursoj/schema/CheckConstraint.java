package io.tursoj.schema;

import io.tursoj.translate.parser.ast.Expr;

/**
 * A CHECK constraint of a table: the name its failure reports (the constraint's name, else its expression's source
 * text, as SQLite reports it) and the expression, true or NULL for every row the table may hold.
 */
public record CheckConstraint(String name, Expr expr) {}
