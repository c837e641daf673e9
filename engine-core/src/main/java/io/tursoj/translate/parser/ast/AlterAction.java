package io.tursoj.translate.parser.ast;

/** What an ALTER TABLE does. */
public sealed interface AlterAction extends Node {
    record RenameTable(Span span, Name newName) implements AlterAction {}

    record RenameColumn(Span span, Name column, Name newName) implements AlterAction {}

    record AddColumn(Span span, ColumnDef column) implements AlterAction {}

    record DropColumn(Span span, Name column) implements AlterAction {}
}
