package io.tursoj.translate.parser.ast;

import java.util.List;

/**
 * A column of CREATE TABLE or ALTER TABLE ADD COLUMN.
 *
 * @param type the declared type, or null
 */
public record ColumnDef(Span span, Name name, TypeName type, List<ColumnConstraint> constraints) implements Node {}
