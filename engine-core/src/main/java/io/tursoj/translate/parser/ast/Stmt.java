package io.tursoj.translate.parser.ast;

import java.util.List;

/**
 * A statement: every statement SQLite has, plus {@code BEGIN CONCURRENT} (Turso's). Fields documented "or null" are
 * optional; lists are never null and are empty when absent, unless documented otherwise.
 */
public sealed interface Stmt extends Node
        permits Select,
                Stmt.Insert,
                Stmt.Update,
                Stmt.Delete,
                Stmt.CreateTable,
                Stmt.CreateIndex,
                Stmt.CreateView,
                Stmt.CreateTrigger,
                Stmt.CreateVirtualTable,
                Stmt.Drop,
                Stmt.AlterTable,
                Stmt.Begin,
                Stmt.Commit,
                Stmt.Rollback,
                Stmt.Savepoint,
                Stmt.Release,
                Stmt.Pragma,
                Stmt.Attach,
                Stmt.Detach,
                Stmt.Analyze,
                Stmt.Reindex,
                Stmt.Vacuum,
                Stmt.Explain {

    /**
     * {@code [WITH ..] INSERT [OR conflict] INTO table [AS alias] [(columns)] select|DEFAULT VALUES [upserts]
     * [RETURNING ..]}. {@code REPLACE INTO} reads as {@code INSERT OR REPLACE INTO}.
     *
     * @param with the WITH clause, or null
     * @param orConflict the OR clause, or null
     * @param alias the alias, or null
     * @param select the rows to insert (VALUES is a select too), or null for DEFAULT VALUES
     */
    record Insert(
            Span span,
            With with,
            ConflictResolution orConflict,
            QualifiedName table,
            Name alias,
            List<Name> columns,
            Select select,
            List<Upsert> upserts,
            List<ResultColumn> returning)
            implements Stmt {}

    /**
     * {@code [WITH ..] UPDATE [OR conflict] table [AS alias] [INDEXED BY ..] SET .. [FROM ..] [WHERE ..]
     * [RETURNING ..] [ORDER BY ..] [LIMIT ..]}. Nullable: with, orConflict, alias, indexedBy, from, where, limit.
     */
    record Update(
            Span span,
            With with,
            ConflictResolution orConflict,
            QualifiedName table,
            Name alias,
            IndexedBy indexedBy,
            List<SetClause> set,
            FromClause from,
            Expr where,
            List<ResultColumn> returning,
            List<OrderingTerm> orderBy,
            Limit limit)
            implements Stmt {}

    /**
     * {@code [WITH ..] DELETE FROM table [AS alias] [INDEXED BY ..] [WHERE ..] [RETURNING ..] [ORDER BY ..]
     * [LIMIT ..]}. Nullable: with, alias, indexedBy, where, limit.
     */
    record Delete(
            Span span,
            With with,
            QualifiedName table,
            Name alias,
            IndexedBy indexedBy,
            Expr where,
            List<ResultColumn> returning,
            List<OrderingTerm> orderBy,
            Limit limit)
            implements Stmt {}

    /**
     * {@code CREATE [TEMP] TABLE [IF NOT EXISTS] name (columns, constraints) [options]} or {@code ... AS select}.
     *
     * @param asSelect the select of CREATE TABLE ... AS, or null; when set, columns and constraints are empty
     */
    record CreateTable(
            Span span,
            boolean temporary,
            boolean ifNotExists,
            QualifiedName name,
            List<ColumnDef> columns,
            List<TableConstraint> constraints,
            boolean withoutRowid,
            boolean strict,
            Select asSelect)
            implements Stmt {}

    /**
     * {@code CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (columns) [WHERE ..]}.
     *
     * @param where the partial-index condition, or null
     */
    record CreateIndex(
            Span span,
            boolean unique,
            boolean ifNotExists,
            QualifiedName name,
            Name table,
            List<OrderingTerm> columns,
            Expr where)
            implements Stmt {}

    record CreateView(
            Span span, boolean temporary, boolean ifNotExists, QualifiedName name, List<Name> columns, Select select)
            implements Stmt {}

    /**
     * {@code CREATE [TEMP] TRIGGER [IF NOT EXISTS] name [BEFORE|AFTER|INSTEAD OF] DELETE|INSERT|UPDATE [OF cols] ON
     * table [FOR EACH ROW] [WHEN ..] BEGIN body END}. The body holds Insert, Update, Delete and Select statements.
     *
     * @param when the WHEN condition, or null
     */
    record CreateTrigger(
            Span span,
            boolean temporary,
            boolean ifNotExists,
            QualifiedName name,
            TriggerTime time,
            TriggerEvent event,
            List<Name> updateOf,
            QualifiedName table,
            boolean forEachRow,
            Expr when,
            List<Stmt> body)
            implements Stmt {}

    /**
     * {@code CREATE VIRTUAL TABLE [IF NOT EXISTS] name USING module [(args)]}.
     *
     * @param arguments the module arguments as written (SQLite passes their text to the module), or null when
     *     there were no parentheses
     */
    record CreateVirtualTable(Span span, boolean ifNotExists, QualifiedName name, Name module, List<String> arguments)
            implements Stmt {}

    /** {@code DROP TABLE|INDEX|VIEW|TRIGGER [IF EXISTS] name}. */
    record Drop(Span span, ObjectType type, boolean ifExists, QualifiedName name) implements Stmt {}

    record AlterTable(Span span, QualifiedName table, AlterAction action) implements Stmt {}

    /** {@code BEGIN [DEFERRED|IMMEDIATE|EXCLUSIVE|CONCURRENT] [TRANSACTION [name]]}. */
    record Begin(Span span, TransactionType type) implements Stmt {}

    /** {@code COMMIT} or {@code END} [TRANSACTION [name]]. */
    record Commit(Span span) implements Stmt {}

    /** {@code ROLLBACK [TRANSACTION [name]] [TO [SAVEPOINT] savepoint]}; savepoint is null without TO. */
    record Rollback(Span span, Name savepoint) implements Stmt {}

    record Savepoint(Span span, Name name) implements Stmt {}

    /** {@code RELEASE [SAVEPOINT] name}. */
    record Release(Span span, Name name) implements Stmt {}

    /**
     * {@code PRAGMA [schema.]name [= value | (value)]}. The value is a {@link Expr.NumericLiteral} (possibly under a
     * unary minus), a {@link Expr.StringLiteral}, or a {@link Expr.ColumnRef} holding a bare word such as {@code ON}.
     *
     * @param value the value, or null
     */
    record Pragma(Span span, QualifiedName name, Expr value) implements Stmt {}

    /**
     * {@code ATTACH [DATABASE] file AS schema [KEY key]}.
     *
     * @param key the key, or null
     */
    record Attach(Span span, Expr file, Expr schema, Expr key) implements Stmt {}

    record Detach(Span span, Expr schema) implements Stmt {}

    /** {@code ANALYZE [[schema.]name]}; target is null when absent. */
    record Analyze(Span span, QualifiedName target) implements Stmt {}

    /** {@code REINDEX [[schema.]name]}; target is null when absent. */
    record Reindex(Span span, QualifiedName target) implements Stmt {}

    /** {@code VACUUM [schema] [INTO file]}; both parts are null when absent. */
    record Vacuum(Span span, Name schema, Expr into) implements Stmt {}

    /** {@code EXPLAIN [QUERY PLAN] statement}. */
    record Explain(Span span, boolean queryPlan, Stmt statement) implements Stmt {}

    enum ObjectType {
        TABLE,
        INDEX,
        VIEW,
        TRIGGER
    }

    enum TriggerTime {
        UNSPECIFIED,
        BEFORE,
        AFTER,
        INSTEAD_OF
    }

    enum TriggerEvent {
        DELETE,
        INSERT,
        UPDATE
    }

    enum TransactionType {
        UNSPECIFIED,
        DEFERRED,
        IMMEDIATE,
        EXCLUSIVE,
        /** Turso's MVCC transaction; SQLite 3.40 does not have it. */
        CONCURRENT
    }
}
