package io.tursoj.translate.parser;

import io.tursoj.translate.parser.ast.AlterAction;
import io.tursoj.translate.parser.ast.ColumnConstraint;
import io.tursoj.translate.parser.ast.ColumnDef;
import io.tursoj.translate.parser.ast.ConflictResolution;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.ForeignKeyClause;
import io.tursoj.translate.parser.ast.FromClause;
import io.tursoj.translate.parser.ast.IndexedBy;
import io.tursoj.translate.parser.ast.Limit;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.ResultColumn;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.SelectCore;
import io.tursoj.translate.parser.ast.SetClause;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.translate.parser.ast.TableConstraint;
import io.tursoj.translate.parser.ast.TableRef;
import io.tursoj.translate.parser.ast.Upsert;
import io.tursoj.translate.parser.ast.Window;
import io.tursoj.translate.parser.ast.With;
import java.util.List;

/**
 * Writes syntax trees back as SQL, on one line, in a canonical spelling ({@code INSERT OR REPLACE} for {@code
 * REPLACE}, {@code !=} for {@code <>}...). For any tree the {@link Parser} produced, parsing the output gives an
 * equal tree.
 */
public final class SqlPrinter extends ExpressionPrinter {

    private SqlPrinter() {}

    public static String print(Stmt stmt) {
        SqlPrinter printer = new SqlPrinter();
        printer.stmt(stmt);
        return printer.out.toString();
    }

    public static String print(Expr expr) {
        SqlPrinter printer = new SqlPrinter();
        printer.expr(expr);
        return printer.out.toString();
    }

    /** Statements joined by {@code ";\n"}, with a final {@code ';'}. */
    public static String printAll(List<Stmt> statements) {
        StringBuilder sql = new StringBuilder();
        for (Stmt stmt : statements) {
            sql.append(print(stmt)).append(";\n");
        }
        return sql.toString();
    }

    private void stmt(Stmt stmt) {
        switch (stmt) {
            case Select s -> select(s);
            case Stmt.Insert s -> insert(s);
            case Stmt.Update s -> update(s);
            case Stmt.Delete s -> delete(s);
            case Stmt.CreateTable s -> createTable(s);
            case Stmt.CreateIndex s -> createIndex(s);
            case Stmt.CreateView s -> createView(s);
            case Stmt.CreateTrigger s -> createTrigger(s);
            case Stmt.CreateVirtualTable s -> createVirtualTable(s);
            case Stmt.Drop s -> {
                out.append("DROP ").append(s.type().name()).append(s.ifExists() ? " IF EXISTS " : " ");
                qualifiedName(s.name());
            }
            case Stmt.AlterTable s -> alterTable(s);
            case Stmt.Begin s -> {
                out.append("BEGIN");
                if (s.type() != Stmt.TransactionType.UNSPECIFIED) {
                    out.append(' ').append(s.type().name());
                }
            }
            case Stmt.Commit s -> out.append("COMMIT");
            case Stmt.Rollback s -> {
                out.append("ROLLBACK");
                if (s.savepoint() != null) {
                    out.append(" TO SAVEPOINT ");
                    name(s.savepoint());
                }
            }
            case Stmt.Savepoint s -> {
                out.append("SAVEPOINT ");
                name(s.name());
            }
            case Stmt.Release s -> {
                out.append("RELEASE SAVEPOINT ");
                name(s.name());
            }
            default -> utility(stmt);
        }
    }

    private void utility(Stmt stmt) {
        switch (stmt) {
            case Stmt.Pragma s -> {
                out.append("PRAGMA ");
                qualifiedName(s.name());
                if (s.value() != null) {
                    out.append(" = ");
                    pragmaValue(s.value());
                }
            }
            case Stmt.Attach s -> {
                out.append("ATTACH DATABASE ");
                expr(s.file());
                out.append(" AS ");
                expr(s.schema());
                if (s.key() != null) {
                    out.append(" KEY ");
                    expr(s.key());
                }
            }
            case Stmt.Detach s -> {
                out.append("DETACH DATABASE ");
                expr(s.schema());
            }
            case Stmt.Analyze s -> {
                out.append("ANALYZE");
                if (s.target() != null) {
                    out.append(' ');
                    qualifiedName(s.target());
                }
            }
            case Stmt.Reindex s -> {
                out.append("REINDEX");
                if (s.target() != null) {
                    out.append(' ');
                    qualifiedName(s.target());
                }
            }
            case Stmt.Vacuum s -> vacuum(s);
            case Stmt.Explain s -> {
                out.append(s.queryPlan() ? "EXPLAIN QUERY PLAN " : "EXPLAIN ");
                stmt(s.statement());
            }
            default ->
                throw new IllegalStateException(
                        "unhandled statement " + stmt.getClass().getSimpleName());
        }
    }

    /** A bare word is written as is: ON, DELETE and DEFAULT are keywords only a PRAGMA value may be. */
    private void pragmaValue(Expr value) {
        if (value instanceof Expr.ColumnRef ref
                && ref.table() == null
                && ref.column().quote() == Name.Quote.NONE) {
            out.append(ref.column().text());
        } else {
            expr(value);
        }
    }

    private void vacuum(Stmt.Vacuum vacuum) {
        out.append("VACUUM");
        if (vacuum.schema() != null) {
            out.append(' ');
            name(vacuum.schema());
        }
        if (vacuum.into() != null) {
            out.append(" INTO ");
            expr(vacuum.into());
        }
    }

    // ---- SELECT

    @Override
    void select(Select select) {
        with(select.with());
        core(select.first());
        for (Select.Compound compound : select.compounds()) {
            out.append(' ').append(compound.operator().sql()).append(' ');
            core(compound.core());
        }
        orderByAndLimit(select.orderBy(), select.limit());
    }

    private void with(With with) {
        if (with == null) {
            return;
        }
        out.append(with.recursive() ? "WITH RECURSIVE " : "WITH ");
        for (int i = 0; i < with.tables().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            With.CommonTableExpr cte = with.tables().get(i);
            name(cte.name());
            if (!cte.columns().isEmpty()) {
                out.append('(');
                names(cte.columns());
                out.append(')');
            }
            out.append(" AS ");
            switch (cte.materialization()) {
                case MATERIALIZED -> out.append("MATERIALIZED ");
                case NOT_MATERIALIZED -> out.append("NOT MATERIALIZED ");
                case UNSPECIFIED -> {}
            }
            out.append('(');
            select(cte.select());
            out.append(')');
        }
        out.append(' ');
    }

    private void orderByAndLimit(List<OrderingTerm> orderBy, Limit limit) {
        if (!orderBy.isEmpty()) {
            out.append(" ORDER BY ");
            orderingTerms(orderBy);
        }
        if (limit != null) {
            out.append(" LIMIT ");
            expr(limit.limit());
            if (limit.offset() != null) {
                out.append(" OFFSET ");
                expr(limit.offset());
            }
        }
    }

    private void core(SelectCore core) {
        switch (core) {
            case SelectCore.Values values -> {
                out.append("VALUES ");
                for (int i = 0; i < values.rows().size(); i++) {
                    out.append(i > 0 ? ", (" : "(");
                    exprList(values.rows().get(i));
                    out.append(')');
                }
            }
            case SelectCore.Query query -> query(query);
        }
    }

    private void query(SelectCore.Query query) {
        out.append("SELECT ");
        switch (query.distinctness()) {
            case DISTINCT -> out.append("DISTINCT ");
            case ALL -> out.append("ALL ");
            case UNSPECIFIED -> {}
        }
        resultColumns(query.columns());
        if (query.from() != null) {
            out.append(" FROM ");
            from(query.from());
        }
        if (query.where() != null) {
            out.append(" WHERE ");
            expr(query.where());
        }
        if (!query.groupBy().isEmpty()) {
            out.append(" GROUP BY ");
            exprList(query.groupBy());
        }
        if (query.having() != null) {
            out.append(" HAVING ");
            expr(query.having());
        }
        if (!query.windows().isEmpty()) {
            out.append(" WINDOW ");
            for (int i = 0; i < query.windows().size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                Window.Definition definition = query.windows().get(i);
                name(definition.name());
                out.append(" AS ");
                window(definition.window());
            }
        }
    }

    private void resultColumns(List<ResultColumn> columns) {
        for (int i = 0; i < columns.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            switch (columns.get(i)) {
                case ResultColumn.Star star -> out.append('*');
                case ResultColumn.TableStar star -> {
                    name(star.table());
                    out.append(".*");
                }
                case ResultColumn.Column column -> {
                    expr(column.expr());
                    alias(column.alias());
                }
            }
        }
    }

    private void alias(Name alias) {
        if (alias != null) {
            out.append(" AS ");
            name(alias);
        }
    }

    private void from(FromClause from) {
        tableRef(from.first());
        for (FromClause.Join join : from.joins()) {
            FromClause.JoinOperator operator = join.operator();
            if (operator.kind() == FromClause.JoinKind.COMMA && !operator.natural()) {
                out.append(", ");
            } else {
                out.append(operator.natural() ? " NATURAL " : " ");
                switch (operator.kind()) {
                    case CROSS -> out.append("CROSS ");
                    case LEFT -> out.append("LEFT ");
                    case RIGHT -> out.append("RIGHT ");
                    case FULL -> out.append("FULL ");
                    case INNER, COMMA -> {}
                }
                out.append("JOIN ");
            }
            tableRef(join.table());
            switch (join.constraint()) {
                case FromClause.JoinConstraint.On on -> {
                    out.append(" ON ");
                    expr(on.expr());
                }
                case FromClause.JoinConstraint.Using using -> {
                    out.append(" USING (");
                    names(using.columns());
                    out.append(')');
                }
                case null -> {}
            }
        }
    }

    private void tableRef(TableRef ref) {
        switch (ref) {
            case TableRef.Table table -> {
                qualifiedName(table.name());
                alias(table.alias());
                if (table.indexedBy() != null) {
                    if (table.indexedBy().notIndexed()) {
                        out.append(" NOT INDEXED");
                    } else {
                        out.append(" INDEXED BY ");
                        name(table.indexedBy().index());
                    }
                }
            }
            case TableRef.Function function -> {
                qualifiedName(function.name());
                out.append('(');
                exprList(function.args());
                out.append(')');
                alias(function.alias());
            }
            case TableRef.Subquery subquery -> {
                out.append('(');
                select(subquery.select());
                out.append(')');
                alias(subquery.alias());
            }
            case TableRef.Nested nested -> {
                out.append('(');
                from(nested.from());
                out.append(')');
                alias(nested.alias());
            }
        }
    }

    // ---- INSERT, UPDATE, DELETE

    private void insert(Stmt.Insert insert) {
        with(insert.with());
        out.append("INSERT ");
        orConflict(insert.orConflict());
        out.append("INTO ");
        qualifiedName(insert.table());
        alias(insert.alias());
        if (!insert.columns().isEmpty()) {
            out.append(" (");
            names(insert.columns());
            out.append(')');
        }
        if (insert.select() == null) {
            out.append(" DEFAULT VALUES");
        } else {
            out.append(' ');
            select(insert.select());
        }
        for (Upsert upsert : insert.upserts()) {
            upsert(upsert);
        }
        returning(insert.returning());
    }

    private void orConflict(ConflictResolution resolution) {
        if (resolution != null) {
            out.append("OR ").append(resolution.name()).append(' ');
        }
    }

    private void upsert(Upsert upsert) {
        out.append(" ON CONFLICT");
        if (!upsert.target().isEmpty()) {
            out.append(" (");
            orderingTerms(upsert.target());
            out.append(')');
            if (upsert.targetWhere() != null) {
                out.append(" WHERE ");
                expr(upsert.targetWhere());
            }
        }
        switch (upsert.action()) {
            case Upsert.DoNothing nothing -> out.append(" DO NOTHING");
            case Upsert.DoUpdate update -> {
                out.append(" DO UPDATE SET ");
                setClauses(update.set());
                where(update.where());
            }
        }
    }

    private void where(Expr where) {
        if (where != null) {
            out.append(" WHERE ");
            expr(where);
        }
    }

    private void returning(List<ResultColumn> returning) {
        if (!returning.isEmpty()) {
            out.append(" RETURNING ");
            resultColumns(returning);
        }
    }

    private void setClauses(List<SetClause> clauses) {
        for (int i = 0; i < clauses.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            SetClause clause = clauses.get(i);
            if (clause.parenthesized()) {
                out.append('(');
                names(clause.columns());
                out.append(')');
            } else {
                names(clause.columns());
            }
            out.append(" = ");
            expr(clause.value());
        }
    }

    private void update(Stmt.Update update) {
        with(update.with());
        out.append("UPDATE ");
        orConflict(update.orConflict());
        qualifiedName(update.table());
        alias(update.alias());
        indexedBy(update.indexedBy());
        out.append(" SET ");
        setClauses(update.set());
        if (update.from() != null) {
            out.append(" FROM ");
            from(update.from());
        }
        where(update.where());
        returning(update.returning());
        orderByAndLimit(update.orderBy(), update.limit());
    }

    private void indexedBy(IndexedBy indexedBy) {
        if (indexedBy == null) {
            return;
        }
        if (indexedBy.notIndexed()) {
            out.append(" NOT INDEXED");
        } else {
            out.append(" INDEXED BY ");
            name(indexedBy.index());
        }
    }

    private void delete(Stmt.Delete delete) {
        with(delete.with());
        out.append("DELETE FROM ");
        qualifiedName(delete.table());
        alias(delete.alias());
        indexedBy(delete.indexedBy());
        where(delete.where());
        returning(delete.returning());
        orderByAndLimit(delete.orderBy(), delete.limit());
    }

    // ---- CREATE, ALTER

    private void createTable(Stmt.CreateTable create) {
        out.append(create.temporary() ? "CREATE TEMP TABLE " : "CREATE TABLE ");
        ifNotExists(create.ifNotExists());
        qualifiedName(create.name());
        if (create.asSelect() != null) {
            out.append(" AS ");
            select(create.asSelect());
            return;
        }
        out.append('(');
        for (int i = 0; i < create.columns().size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            columnDef(create.columns().get(i));
        }
        for (TableConstraint constraint : create.constraints()) {
            out.append(", ");
            tableConstraint(constraint);
        }
        out.append(')');
        if (create.withoutRowid()) {
            out.append(" WITHOUT ROWID");
        }
        if (create.strict()) {
            out.append(create.withoutRowid() ? ", STRICT" : " STRICT");
        }
    }

    private void ifNotExists(boolean ifNotExists) {
        if (ifNotExists) {
            out.append("IF NOT EXISTS ");
        }
    }

    private void columnDef(ColumnDef column) {
        name(column.name());
        if (column.type() != null) {
            out.append(' ');
            typeName(column.type());
        }
        for (ColumnConstraint constraint : column.constraints()) {
            out.append(' ');
            constraintName(constraint.name());
            columnConstraint(constraint);
        }
    }

    private void constraintName(Name name) {
        if (name != null) {
            out.append("CONSTRAINT ");
            name(name);
            out.append(' ');
        }
    }

    private void columnConstraint(ColumnConstraint constraint) {
        switch (constraint) {
            case ColumnConstraint.PrimaryKey c -> {
                out.append("PRIMARY KEY");
                switch (c.order()) {
                    case ASC -> out.append(" ASC");
                    case DESC -> out.append(" DESC");
                    case UNSPECIFIED -> {}
                }
                onConflict(c.onConflict());
                if (c.autoincrement()) {
                    out.append(" AUTOINCREMENT");
                }
            }
            case ColumnConstraint.NotNull c -> {
                out.append("NOT NULL");
                onConflict(c.onConflict());
            }
            case ColumnConstraint.Nullable c -> {
                out.append("NULL");
                onConflict(c.onConflict());
            }
            case ColumnConstraint.Unique c -> {
                out.append("UNIQUE");
                onConflict(c.onConflict());
            }
            case ColumnConstraint.Check c -> {
                out.append("CHECK (");
                expr(c.expr());
                out.append(')');
            }
            case ColumnConstraint.Default c -> defaultValue(c);
            case ColumnConstraint.Collate c -> {
                out.append("COLLATE ");
                name(c.collation());
            }
            case ColumnConstraint.References c -> foreignKeyClause(c.clause());
            case ColumnConstraint.Generated c -> {
                out.append("GENERATED ALWAYS AS (");
                expr(c.expr());
                out.append(')');
                switch (c.storage()) {
                    case STORED -> out.append(" STORED");
                    case VIRTUAL -> out.append(" VIRTUAL");
                    case UNSPECIFIED -> {}
                }
            }
            case ColumnConstraint.Deferrable c -> deferral(c.deferral());
        }
    }

    private void defaultValue(ColumnConstraint.Default constraint) {
        out.append("DEFAULT ");
        if (constraint.parenthesized()) {
            out.append('(');
            expr(constraint.value());
            out.append(')');
        } else {
            expr(constraint.value());
        }
    }

    private void onConflict(ConflictResolution resolution) {
        if (resolution != null) {
            out.append(" ON CONFLICT ").append(resolution.name());
        }
    }

    private void tableConstraint(TableConstraint constraint) {
        constraintName(constraint.name());
        switch (constraint) {
            case TableConstraint.PrimaryKey c -> {
                out.append("PRIMARY KEY (");
                orderingTerms(c.columns());
                out.append(c.autoincrement() ? " AUTOINCREMENT)" : ")");
                onConflict(c.onConflict());
            }
            case TableConstraint.Unique c -> {
                out.append("UNIQUE (");
                orderingTerms(c.columns());
                out.append(')');
                onConflict(c.onConflict());
            }
            case TableConstraint.Check c -> {
                out.append("CHECK (");
                expr(c.expr());
                out.append(')');
                onConflict(c.onConflict());
            }
            case TableConstraint.ForeignKey c -> {
                out.append("FOREIGN KEY (");
                names(c.columns());
                out.append(") ");
                foreignKeyClause(c.clause());
            }
        }
    }

    private void foreignKeyClause(ForeignKeyClause clause) {
        out.append("REFERENCES ");
        name(clause.table());
        if (!clause.columns().isEmpty()) {
            out.append('(');
            names(clause.columns());
            out.append(')');
        }
        for (ForeignKeyClause.Arg arg : clause.args()) {
            switch (arg) {
                case ForeignKeyClause.OnAction on ->
                    out.append(" ON ")
                            .append(on.event().name())
                            .append(' ')
                            .append(on.action().sql());
                case ForeignKeyClause.Match match -> {
                    out.append(" MATCH ");
                    name(match.name());
                }
            }
        }
        if (clause.deferral() != null) {
            out.append(' ');
            deferral(clause.deferral());
        }
    }

    private void deferral(ForeignKeyClause.Deferral deferral) {
        out.append(deferral.not() ? "NOT DEFERRABLE" : "DEFERRABLE");
        switch (deferral.initially()) {
            case DEFERRED -> out.append(" INITIALLY DEFERRED");
            case IMMEDIATE -> out.append(" INITIALLY IMMEDIATE");
            case UNSPECIFIED -> {}
        }
    }

    private void createIndex(Stmt.CreateIndex create) {
        out.append(create.unique() ? "CREATE UNIQUE INDEX " : "CREATE INDEX ");
        ifNotExists(create.ifNotExists());
        qualifiedName(create.name());
        out.append(" ON ");
        name(create.table());
        out.append(" (");
        orderingTerms(create.columns());
        out.append(')');
        where(create.where());
    }

    private void createView(Stmt.CreateView create) {
        out.append(create.temporary() ? "CREATE TEMP VIEW " : "CREATE VIEW ");
        ifNotExists(create.ifNotExists());
        qualifiedName(create.name());
        if (!create.columns().isEmpty()) {
            out.append('(');
            names(create.columns());
            out.append(')');
        }
        out.append(" AS ");
        select(create.select());
    }

    private void createTrigger(Stmt.CreateTrigger create) {
        out.append(create.temporary() ? "CREATE TEMP TRIGGER " : "CREATE TRIGGER ");
        ifNotExists(create.ifNotExists());
        qualifiedName(create.name());
        switch (create.time()) {
            case BEFORE -> out.append(" BEFORE");
            case AFTER -> out.append(" AFTER");
            case INSTEAD_OF -> out.append(" INSTEAD OF");
            case UNSPECIFIED -> {}
        }
        out.append(' ').append(create.event().name());
        if (!create.updateOf().isEmpty()) {
            out.append(" OF ");
            names(create.updateOf());
        }
        out.append(" ON ");
        qualifiedName(create.table());
        if (create.forEachRow()) {
            out.append(" FOR EACH ROW");
        }
        if (create.when() != null) {
            out.append(" WHEN ");
            expr(create.when());
        }
        out.append(" BEGIN ");
        for (Stmt stmt : create.body()) {
            stmt(stmt);
            out.append("; ");
        }
        out.append("END");
    }

    private void createVirtualTable(Stmt.CreateVirtualTable create) {
        out.append("CREATE VIRTUAL TABLE ");
        ifNotExists(create.ifNotExists());
        qualifiedName(create.name());
        out.append(" USING ");
        name(create.module());
        if (create.arguments() != null) {
            out.append('(').append(String.join(", ", create.arguments())).append(')');
        }
    }

    private void alterTable(Stmt.AlterTable alter) {
        out.append("ALTER TABLE ");
        qualifiedName(alter.table());
        switch (alter.action()) {
            case AlterAction.RenameTable a -> {
                out.append(" RENAME TO ");
                name(a.newName());
            }
            case AlterAction.RenameColumn a -> {
                out.append(" RENAME COLUMN ");
                name(a.column());
                out.append(" TO ");
                name(a.newName());
            }
            case AlterAction.AddColumn a -> {
                out.append(" ADD COLUMN ");
                columnDef(a.column());
            }
            case AlterAction.DropColumn a -> {
                out.append(" DROP COLUMN ");
                name(a.column());
            }
        }
    }
}
