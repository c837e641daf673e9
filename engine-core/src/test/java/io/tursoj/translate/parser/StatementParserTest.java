package io.tursoj.translate.parser;

import static io.tursoj.translate.parser.Ast.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.translate.parser.ast.AlterAction;
import io.tursoj.translate.parser.ast.ColumnConstraint;
import io.tursoj.translate.parser.ast.ColumnDef;
import io.tursoj.translate.parser.ast.ConflictResolution;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.ForeignKeyClause;
import io.tursoj.translate.parser.ast.FromClause;
import io.tursoj.translate.parser.ast.FromClause.JoinKind;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.ResultColumn;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.SelectCore;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.translate.parser.ast.TableConstraint;
import io.tursoj.translate.parser.ast.TableRef;
import io.tursoj.translate.parser.ast.Upsert;
import io.tursoj.translate.parser.ast.With;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatementParserTest {

    private static <T> T parse(Class<T> type, String sql) {
        return assertInstanceOf(type, Parser.parse(sql));
    }

    private static SelectCore.Query query(String sql) {
        return assertInstanceOf(SelectCore.Query.class, parse(Select.class, sql).first());
    }

    @Test
    void shouldReadSelectClausesInOrder() {
        SelectCore.Query query = query("SELECT DISTINCT a AS x, b y, t.*, * FROM t WHERE a > 1 "
                + "GROUP BY a, b HAVING count(*) > 1 WINDOW w AS (ORDER BY a)");
        assertEquals(SelectCore.Distinctness.DISTINCT, query.distinctness());
        assertEquals(4, query.columns().size());
        assertEquals(Name.of("x"), ((ResultColumn.Column) query.columns().get(0)).alias());
        assertEquals(Name.of("y"), ((ResultColumn.Column) query.columns().get(1)).alias());
        assertEquals(Name.of("t"), ((ResultColumn.TableStar) query.columns().get(2)).table());
        assertInstanceOf(ResultColumn.Star.class, query.columns().get(3));
        assertNotNull(query.where());
        assertEquals(List.of(col("a"), col("b")), query.groupBy());
        assertNotNull(query.having());
        assertEquals(Name.of("w"), query.windows().getFirst().name());
    }

    @Test
    void shouldTakeKeywordsAsAliasesWhereSqliteDoes() {
        SelectCore.Query query = query("SELECT a abort, b 'str', c first FROM t offset");
        assertEquals(Name.of("abort"), ((ResultColumn.Column) query.columns().get(0)).alias());
        assertEquals(
                Name.Quote.SINGLE,
                ((ResultColumn.Column) query.columns().get(1)).alias().quote());
        assertEquals(Name.of("first"), ((ResultColumn.Column) query.columns().get(2)).alias());
        assertEquals(Name.of("offset"), query.from().first().alias());
    }

    @Test
    void shouldReadCompoundsWithOrderByAndLimitForTheWhole() {
        Select select =
                parse(Select.class, "SELECT 1 UNION ALL VALUES (3), (4) INTERSECT SELECT 2 ORDER BY 1 LIMIT 5, 10");
        assertEquals(2, select.compounds().size());
        assertEquals(
                Select.CompoundOperator.UNION_ALL, select.compounds().get(0).operator());
        assertEquals(
                Select.CompoundOperator.INTERSECT, select.compounds().get(1).operator());
        SelectCore.Values values = assertInstanceOf(
                SelectCore.Values.class, select.compounds().get(0).core());
        assertEquals(2, values.rows().size());
        assertEquals(1, select.orderBy().size());
        assertEquals(num("10"), select.limit().limit());
        assertEquals(num("5"), select.limit().offset());
        Select offset = parse(Select.class, "SELECT 1 LIMIT 10 OFFSET 5");
        assertEquals(num("10"), offset.limit().limit());
        assertEquals(num("5"), offset.limit().offset());
    }

    @Test
    void shouldRefuseOrderByAndLimitAfterValues() {
        // SQLite's grammar gives ORDER BY and LIMIT to SELECT cores only.
        assertThrows(ParseException.class, () -> Parser.parse("VALUES (1) ORDER BY 1"));
        assertThrows(ParseException.class, () -> Parser.parse("SELECT 1 UNION VALUES (2) LIMIT 1"));
        assertEquals(
                1,
                parse(Select.class, "VALUES (2) UNION SELECT 1 ORDER BY 1")
                        .orderBy()
                        .size());
    }

    @Test
    void shouldReadWithClauses() {
        Select select = parse(
                Select.class,
                "WITH RECURSIVE c(x, y) AS NOT MATERIALIZED (SELECT 1, 2), d AS MATERIALIZED (SELECT 3) "
                        + "SELECT * FROM c, d");
        With with = select.with();
        assertTrue(with.recursive());
        assertEquals(List.of(Name.of("x"), Name.of("y")), with.tables().get(0).columns());
        assertEquals(With.Materialization.NOT_MATERIALIZED, with.tables().get(0).materialization());
        assertEquals(With.Materialization.MATERIALIZED, with.tables().get(1).materialization());
    }

    @ParameterizedTest
    @CsvSource({
        "'a, b', COMMA, false",
        "a JOIN b, INNER, false",
        "a INNER JOIN b, INNER, false",
        "a CROSS JOIN b, CROSS, false",
        "a NATURAL JOIN b, INNER, true",
        "a LEFT JOIN b, LEFT, false",
        "a LEFT OUTER JOIN b, LEFT, false",
        "a OUTER LEFT JOIN b, LEFT, false",
        "a NATURAL RIGHT OUTER JOIN b, RIGHT, true",
        "a FULL JOIN b, FULL, false",
        "a LEFT RIGHT JOIN b, FULL, false",
        "a INNER CROSS JOIN b, CROSS, false",
    })
    void shouldReadJoinKinds(String from, JoinKind kind, boolean natural) {
        FromClause clause = query("SELECT * FROM " + from).from();
        FromClause.JoinOperator operator = clause.joins().getFirst().operator();
        assertEquals(kind, operator.kind());
        assertEquals(natural, operator.natural());
    }

    @Test
    void shouldReadEveryKindOfTableReference() {
        FromClause from = query("SELECT * FROM main.t AS x INDEXED BY i "
                        + "JOIN generate_series(1, 3) g ON x.a = g.value "
                        + "LEFT JOIN (SELECT 1 AS a) AS s USING (a) "
                        + "CROSS JOIN (u NATURAL JOIN v) w, z NOT INDEXED")
                .from();
        TableRef.Table first = assertInstanceOf(TableRef.Table.class, from.first());
        assertEquals(Name.of("main"), first.name().schema());
        assertEquals(Name.of("i"), first.indexedBy().index());
        assertInstanceOf(TableRef.Function.class, from.joins().get(0).table());
        assertInstanceOf(FromClause.JoinConstraint.On.class, from.joins().get(0).constraint());
        assertInstanceOf(TableRef.Subquery.class, from.joins().get(1).table());
        assertEquals(
                List.of(Name.of("a")),
                ((FromClause.JoinConstraint.Using) from.joins().get(1).constraint()).columns());
        TableRef.Nested nested =
                assertInstanceOf(TableRef.Nested.class, from.joins().get(2).table());
        assertEquals(Name.of("w"), nested.alias());
    }

    @Test
    void shouldReadInsertInAllForms() {
        Stmt.Insert insert = parse(
                Stmt.Insert.class,
                "WITH x AS (SELECT 1) INSERT OR IGNORE INTO main.t AS z (a, b) SELECT * FROM x WHERE 1 "
                        + "ON CONFLICT (a) WHERE a > 0 DO UPDATE SET b = excluded.b WHERE b IS NULL "
                        + "ON CONFLICT DO NOTHING RETURNING a, b AS bee");
        assertNotNull(insert.with());
        assertEquals(ConflictResolution.IGNORE, insert.orConflict());
        assertEquals(Name.of("z"), insert.alias());
        assertEquals(List.of(Name.of("a"), Name.of("b")), insert.columns());
        assertEquals(2, insert.upserts().size());
        Upsert first = insert.upserts().get(0);
        assertEquals(1, first.target().size());
        assertNotNull(first.targetWhere());
        assertInstanceOf(Upsert.DoUpdate.class, first.action());
        assertTrue(insert.upserts().get(1).target().isEmpty());
        assertInstanceOf(Upsert.DoNothing.class, insert.upserts().get(1).action());
        assertEquals(2, insert.returning().size());
        Stmt.Insert replace = parse(Stmt.Insert.class, "REPLACE INTO t DEFAULT VALUES");
        assertEquals(ConflictResolution.REPLACE, replace.orConflict());
        assertNull(replace.select());
        Stmt.Insert values = parse(Stmt.Insert.class, "INSERT INTO t VALUES (1), (2) RETURNING *");
        assertInstanceOf(SelectCore.Values.class, values.select().first());
    }

    @Test
    void shouldReadUpdateWithFromReturningOrderAndLimit() {
        Stmt.Update update = parse(
                Stmt.Update.class,
                "UPDATE OR FAIL t AS x NOT INDEXED SET a = 1, (b, c) = (SELECT 2, 3) FROM u "
                        + "WHERE x.id = u.id RETURNING a ORDER BY a DESC LIMIT 1");
        assertEquals(ConflictResolution.FAIL, update.orConflict());
        assertTrue(update.indexedBy().notIndexed());
        assertEquals(2, update.set().size());
        assertTrue(update.set().get(1).parenthesized());
        assertNotNull(update.from());
        assertEquals(1, update.returning().size());
        assertEquals(OrderingTerm.SortOrder.DESC, update.orderBy().getFirst().order());
        assertEquals(num("1"), update.limit().limit());
    }

    @Test
    void shouldReadDelete() {
        Stmt.Delete delete =
                parse(Stmt.Delete.class, "DELETE FROM t INDEXED BY i WHERE a = 1 RETURNING * ORDER BY a LIMIT 2");
        assertEquals(Name.of("i"), delete.indexedBy().index());
        assertEquals(1, delete.returning().size());
        assertEquals(1, delete.orderBy().size());
        Stmt.Delete returningOnly = parse(Stmt.Delete.class, "DELETE FROM t RETURNING a");
        assertNull(returningOnly.where());
        assertEquals(1, returningOnly.returning().size());
    }

    @Test
    void shouldReadCreateTableWithEveryConstraint() {
        Stmt.CreateTable create = parse(
                Stmt.CreateTable.class,
                "CREATE TEMP TABLE IF NOT EXISTS t ("
                        + "id INTEGER PRIMARY KEY DESC ON CONFLICT REPLACE AUTOINCREMENT, "
                        + "name VARCHAR(10, 2) NOT NULL ON CONFLICT ABORT CONSTRAINT u UNIQUE COLLATE nocase, "
                        + "age INT DEFAULT -1 CHECK (age >= 0) NULL, "
                        + "parent REFERENCES t(id) ON DELETE CASCADE ON UPDATE SET NULL MATCH full "
                        + "DEFERRABLE INITIALLY DEFERRED, "
                        + "total AS (age * 2) STORED, "
                        + "flag DEFAULT true, "
                        + "CONSTRAINT pk PRIMARY KEY (id, name AUTOINCREMENT) ON CONFLICT IGNORE "
                        + "UNIQUE (name COLLATE binary DESC), CHECK (age < 200), "
                        + "FOREIGN KEY (parent) REFERENCES t(id) NOT DEFERRABLE) WITHOUT ROWID, STRICT");
        assertTrue(create.temporary());
        assertTrue(create.ifNotExists());
        assertTrue(create.withoutRowid());
        assertTrue(create.strict());
        assertEquals(6, create.columns().size());
        ColumnDef id = create.columns().get(0);
        ColumnConstraint.PrimaryKey pk = assertInstanceOf(
                ColumnConstraint.PrimaryKey.class, id.constraints().get(0));
        assertEquals(OrderingTerm.SortOrder.DESC, pk.order());
        assertEquals(ConflictResolution.REPLACE, pk.onConflict());
        assertTrue(pk.autoincrement());
        ColumnDef name = create.columns().get(1);
        assertEquals(List.of("10", "2"), name.type().arguments());
        assertEquals(Name.of("u"), name.constraints().get(1).name());
        ColumnConstraint.Default age = assertInstanceOf(
                ColumnConstraint.Default.class,
                create.columns().get(2).constraints().get(0));
        assertFalse(age.parenthesized());
        assertEquals(un(Expr.UnaryOp.NEGATE, num("1")), age.value());
        ColumnConstraint.References ref = assertInstanceOf(
                ColumnConstraint.References.class,
                create.columns().get(3).constraints().get(0));
        assertEquals(3, ref.clause().args().size());
        assertEquals(
                ForeignKeyClause.Initially.DEFERRED, ref.clause().deferral().initially());
        ColumnConstraint.Generated generated = assertInstanceOf(
                ColumnConstraint.Generated.class,
                create.columns().get(4).constraints().get(0));
        assertEquals(ColumnConstraint.Storage.STORED, generated.storage());
        assertEquals(
                col("true"),
                ((ColumnConstraint.Default)
                                create.columns().get(5).constraints().get(0))
                        .value());
        assertEquals(4, create.constraints().size());
        TableConstraint.PrimaryKey tablePk = assertInstanceOf(
                TableConstraint.PrimaryKey.class, create.constraints().get(0));
        assertEquals(Name.of("pk"), tablePk.name());
        assertTrue(tablePk.autoincrement());
        assertTrue(assertInstanceOf(
                        TableConstraint.ForeignKey.class, create.constraints().get(3))
                .clause()
                .deferral()
                .not());
    }

    @Test
    void shouldReadCreateTableAsSelectAndTypeNames() {
        Stmt.CreateTable create = parse(Stmt.CreateTable.class, "CREATE TABLE t AS SELECT 1");
        assertNotNull(create.asSelect());
        assertTrue(create.columns().isEmpty());
        Stmt.CreateTable types = parse(
                Stmt.CreateTable.class, "CREATE TABLE t(a unsigned big int, b 'text', c double precision(+5), d key)");
        assertEquals("unsigned big int", types.columns().get(0).type().name());
        assertEquals("'text'", types.columns().get(1).type().name());
        assertEquals(List.of("+5"), types.columns().get(2).type().arguments());
        assertEquals("key", types.columns().get(3).type().name());
    }

    @Test
    void shouldReadTableOptionsAfterALeadingComma() {
        // SQLite's option list may open with a comma; sqlite3 then only objects that a STRICT column lacks a type.
        assertTrue(parse(Stmt.CreateTable.class, "CREATE TABLE t(a), STRICT").strict());
        Stmt.CreateTable both =
                parse(Stmt.CreateTable.class, "CREATE TABLE t(a INT PRIMARY KEY) STRICT, WITHOUT ROWID");
        assertTrue(both.strict());
        assertTrue(both.withoutRowid());
    }

    @Test
    void shouldReadTypeWordsThatAreKeywords() {
        Stmt.CreateTable create =
                parse(Stmt.CreateTable.class, "CREATE TABLE t(a INT generated, b generated ALWAYS AS (1), c key)");
        assertEquals("INT generated", create.columns().get(0).type().name());
        assertNull(create.columns().get(1).type());
        assertInstanceOf(
                ColumnConstraint.Generated.class,
                create.columns().get(1).constraints().getFirst());
        assertEquals("key", create.columns().get(2).type().name());
    }

    @Test
    void shouldReadIndexViewAndVirtualTable() {
        Stmt.CreateIndex index = parse(
                Stmt.CreateIndex.class,
                "CREATE UNIQUE INDEX IF NOT EXISTS s.i ON t (a COLLATE nocase ASC, lower(b) DESC) WHERE a > 0");
        assertTrue(index.unique());
        assertEquals(2, index.columns().size());
        assertNotNull(index.where());
        Stmt.CreateView view = parse(Stmt.CreateView.class, "CREATE TEMP VIEW v(x, y) AS SELECT 1, 2");
        assertTrue(view.temporary());
        assertEquals(2, view.columns().size());
        Stmt.CreateVirtualTable vtab = parse(
                Stmt.CreateVirtualTable.class,
                "CREATE VIRTUAL TABLE v USING fts5(a, b UNINDEXED, tokenize = 'porter ascii', x(1, 2))");
        assertEquals(List.of("a", "b UNINDEXED", "tokenize = 'porter ascii'", "x(1, 2)"), vtab.arguments());
        assertNull(parse(Stmt.CreateVirtualTable.class, "CREATE VIRTUAL TABLE v USING m")
                .arguments());
        assertEquals(
                List.of(""),
                parse(Stmt.CreateVirtualTable.class, "CREATE VIRTUAL TABLE v USING m()")
                        .arguments());
    }

    @Test
    void shouldReadTriggersOfEveryForm() {
        Stmt.CreateTrigger trigger = parse(
                Stmt.CreateTrigger.class,
                "CREATE TEMP TRIGGER IF NOT EXISTS tr BEFORE UPDATE OF a, b ON t FOR EACH ROW WHEN new.a > 0 "
                        + "BEGIN UPDATE u SET x = new.a; INSERT INTO log VALUES (1); DELETE FROM u WHERE x = 1; "
                        + "SELECT RAISE(IGNORE); END");
        assertEquals(Stmt.TriggerTime.BEFORE, trigger.time());
        assertEquals(Stmt.TriggerEvent.UPDATE, trigger.event());
        assertEquals(2, trigger.updateOf().size());
        assertTrue(trigger.forEachRow());
        assertNotNull(trigger.when());
        assertEquals(4, trigger.body().size());
        Stmt.CreateTrigger instead =
                parse(Stmt.CreateTrigger.class, "CREATE TRIGGER tr INSTEAD OF DELETE ON v BEGIN SELECT 1; END");
        assertEquals(Stmt.TriggerTime.INSTEAD_OF, instead.time());
        Stmt.CreateTrigger bare =
                parse(Stmt.CreateTrigger.class, "CREATE TRIGGER before INSERT ON t BEGIN INSERT INTO u SELECT 1; END");
        assertEquals(Stmt.TriggerTime.UNSPECIFIED, bare.time());
        assertEquals(Name.of("before"), bare.name().name());
    }

    @Test
    void shouldReadDropAndAlter() {
        Stmt.Drop drop = parse(Stmt.Drop.class, "DROP VIEW IF EXISTS main.v");
        assertEquals(Stmt.ObjectType.VIEW, drop.type());
        assertTrue(drop.ifExists());
        assertInstanceOf(
                AlterAction.RenameTable.class,
                parse(Stmt.AlterTable.class, "ALTER TABLE t RENAME TO u").action());
        AlterAction.RenameColumn rename = assertInstanceOf(
                AlterAction.RenameColumn.class,
                parse(Stmt.AlterTable.class, "ALTER TABLE t RENAME a TO b").action());
        assertEquals(Name.of("b"), rename.newName());
        AlterAction.AddColumn add = assertInstanceOf(
                AlterAction.AddColumn.class,
                parse(Stmt.AlterTable.class, "ALTER TABLE t ADD COLUMN c TEXT NOT NULL DEFAULT ''")
                        .action());
        assertEquals(2, add.column().constraints().size());
        assertInstanceOf(
                AlterAction.DropColumn.class,
                parse(Stmt.AlterTable.class, "ALTER TABLE t DROP c").action());
    }

    @Test
    void shouldReadTransactionsAndSavepoints() {
        assertEquals(
                Stmt.TransactionType.IMMEDIATE,
                parse(Stmt.Begin.class, "BEGIN IMMEDIATE TRANSACTION").type());
        assertEquals(
                Stmt.TransactionType.CONCURRENT,
                parse(Stmt.Begin.class, "BEGIN CONCURRENT").type());
        assertEquals(
                Stmt.TransactionType.UNSPECIFIED,
                parse(Stmt.Begin.class, "BEGIN TRANSACTION t1").type());
        parse(Stmt.Commit.class, "END TRANSACTION");
        parse(Stmt.Commit.class, "COMMIT");
        assertNull(parse(Stmt.Rollback.class, "ROLLBACK").savepoint());
        assertEquals(
                Name.of("sp"),
                parse(Stmt.Rollback.class, "ROLLBACK TRANSACTION TO SAVEPOINT sp")
                        .savepoint());
        assertEquals(Name.of("sp"), parse(Stmt.Savepoint.class, "SAVEPOINT sp").name());
        assertEquals(Name.of("sp"), parse(Stmt.Release.class, "RELEASE sp").name());
    }

    @Test
    void shouldReadPragmaInAllForms() {
        assertNull(parse(Stmt.Pragma.class, "PRAGMA main.table_info").value());
        assertEquals(col("t"), parse(Stmt.Pragma.class, "PRAGMA table_info(t)").value());
        assertEquals(
                col("ON"), parse(Stmt.Pragma.class, "PRAGMA foreign_keys = ON").value());
        assertEquals(
                un(Expr.UnaryOp.NEGATE, num("2000")),
                parse(Stmt.Pragma.class, "PRAGMA cache_size=-2000").value());
        assertEquals(num("5"), parse(Stmt.Pragma.class, "PRAGMA x = +5").value());
        assertEquals(
                str("wal"),
                parse(Stmt.Pragma.class, "PRAGMA journal_mode = 'wal'").value());
        assertEquals(
                col("delete"),
                parse(Stmt.Pragma.class, "PRAGMA journal_mode = delete").value());
    }

    @Test
    void shouldReadUtilityStatements() {
        Stmt.Attach attach = parse(Stmt.Attach.class, "ATTACH DATABASE 'f.db' AS aux KEY 'k'");
        assertEquals(str("f.db"), attach.file());
        assertEquals(str("k"), attach.key());
        assertEquals(col("aux"), parse(Stmt.Detach.class, "DETACH aux").schema());
        assertNull(parse(Stmt.Analyze.class, "ANALYZE").target());
        assertEquals(
                Name.of("s"), parse(Stmt.Analyze.class, "ANALYZE s.t").target().schema());
        assertEquals(
                Name.of("i"), parse(Stmt.Reindex.class, "REINDEX i").target().name());
        Stmt.Vacuum vacuum = parse(Stmt.Vacuum.class, "VACUUM main INTO 'backup.db'");
        assertEquals(Name.of("main"), vacuum.schema());
        assertEquals(str("backup.db"), vacuum.into());
        Stmt.Explain explain = parse(Stmt.Explain.class, "EXPLAIN QUERY PLAN SELECT 1");
        assertTrue(explain.queryPlan());
        assertInstanceOf(Select.class, explain.statement());
        assertFalse(parse(Stmt.Explain.class, "EXPLAIN DELETE FROM t").queryPlan());
    }

    @Test
    void shouldReadScriptsStatementByStatement() {
        Parser parser = new Parser(";; SELECT 1; CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT ';'; END; SELECT 2");
        assertInstanceOf(Select.class, parser.next());
        int afterFirst = parser.position();
        assertEquals(";; SELECT 1;".length(), afterFirst);
        assertInstanceOf(Stmt.CreateTrigger.class, parser.next());
        assertInstanceOf(Select.class, parser.next());
        assertNull(parser.next());
        assertEquals(3, Parser.parseAll("SELECT 1;SELECT 2;;SELECT 3;").size());
        assertTrue(Parser.parseAll("  -- nothing\n ; ").isEmpty());
    }

    @Test
    void shouldGiveEachNodeItsSourceSpan() {
        String sql = "SELECT a + 1 AS x FROM t WHERE b";
        Select select = parse(Select.class, sql);
        SelectCore.Query query = (SelectCore.Query) select.first();
        ResultColumn.Column column = (ResultColumn.Column) query.columns().getFirst();
        assertEquals("a + 1 AS x", column.span().text(sql));
        assertEquals("a + 1", column.expr().span().text(sql));
        assertEquals("t", query.from().span().text(sql));
        assertEquals("b", query.where().span().text(sql));
        assertEquals(sql, select.span().text(sql));
    }
}
