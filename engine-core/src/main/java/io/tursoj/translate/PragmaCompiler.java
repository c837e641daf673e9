package io.tursoj.translate;

import io.tursoj.function.FunctionDef;
import io.tursoj.schema.Column;
import io.tursoj.schema.Index;
import io.tursoj.schema.Table;
import io.tursoj.storage.btree.IndexCrossCheck;
import io.tursoj.translate.parser.ParseException;
import io.tursoj.translate.parser.Parser;
import io.tursoj.translate.parser.ast.ColumnConstraint;
import io.tursoj.translate.parser.ast.ColumnDef;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.ForeignKeyClause;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.translate.parser.ast.TableConstraint;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.PragmaOps;
import io.tursoj.vdbe.ProgramBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/**
 * Compiles {@code PRAGMA name}, {@code PRAGMA name = value} and {@code PRAGMA name(value)}. Pragmas that report the
 * schema (table_info, index_list, foreign_key_list, ...) are answered while compiling, as SQLite's code generator does:
 * the program emits their rows as constants. Pragmas on the database file or the connection (page_count,
 * user_version, integrity_check, wal_checkpoint, ...) compile to a {@link Opcode#Pragma} loop whose rows
 * {@link PragmaOps} produces while the statement runs. Output columns and texts are sqlite3 3.40's; an unknown pragma
 * is no error and returns nothing, as in SQLite.
 */
final class PragmaCompiler {
    private final Compiler compiler;
    private final ProgramBuilder b;

    PragmaCompiler(Compiler compiler) {
        this.compiler = compiler;
        this.b = compiler.builder();
    }

    private boolean writes;
    private boolean transaction = true;

    /** The whole program: Init, the pragma's rows, Halt, and the transaction it reads or writes in. */
    io.tursoj.vdbe.Program program(Stmt.Pragma p, String sql) {
        int start = b.newLabel();
        b.emit(Opcode.Init, 0, start);
        int first = b.currentAddress();
        compile(p);
        b.emit(Opcode.Halt);
        b.resolve(start);
        if (transaction) {
            b.emit(Opcode.Transaction, 0, writes ? 1 : 0);
        }
        b.emit(Opcode.Goto, 0, first);
        return b.build(false, sql);
    }

    private void compile(Stmt.Pragma p) {
        String name = p.name().name().text().toLowerCase(Locale.ROOT);
        Object value = value(p.value());
        switch (name) {
            case "table_info" -> tableInfo(value, false);
            case "table_xinfo" -> tableInfo(value, true);
            case "index_list" -> indexList(value);
            case "index_info" -> indexInfo(value, false);
            case "index_xinfo" -> indexInfo(value, true);
            case "foreign_key_list" -> foreignKeyList(value);
            case "table_list" -> tableList(value);
            case "database_list" -> {
                columns("seq", "name", "file");
                row(0L, "main", "");
            }
            case "function_list" -> functionList();
            default -> runtime(name, value);
        }
    }

    /** The pragmas {@link PragmaOps} answers at run time; other names are unknown and return nothing. */
    private void runtime(String name, Object value) {
        PragmaOps.Request request = PragmaOps.request(name, value);
        if (request == null) {
            return;
        }
        if (name.equals("integrity_check")) {
            request = request.withIndexChecks(indexChecks());
        }
        writes = request.writes();
        transaction = request.transaction();
        int done = b.newLabel();
        if (request.columns().isEmpty()) {
            b.emit(Opcode.Pragma, 0, done, 0, request, 0);
            b.resolve(done);
            return;
        }
        columns(request.columns().toArray(String[]::new));
        int base = b.newRegisters(request.columns().size());
        int loop = b.currentAddress();
        b.emit(Opcode.Pragma, base, done, request.columns().size(), request, 0);
        b.emit(Opcode.ResultRow, base, request.columns().size());
        b.emit(Opcode.Goto, 0, loop);
        b.resolve(done);
    }

    /** Every table with indexes, for integrity_check's table-versus-index comparison (quick_check skips it). */
    private List<PragmaOps.TableIndexes> indexChecks() {
        List<PragmaOps.TableIndexes> checks = new ArrayList<>();
        for (Table t : compiler.schema().tables()) {
            if (t.indexes().isEmpty()) {
                continue;
            }
            List<PragmaOps.IndexKey> keys = new ArrayList<>();
            for (Index idx : t.indexes()) {
                int[] columns = new int[idx.columns().size()];
                for (int i = 0; i < columns.length; i++) {
                    int c = idx.columns().get(i);
                    columns[i] = c == t.rowidAlias() ? IndexCrossCheck.ROWID : c;
                }
                keys.add(new PragmaOps.IndexKey(idx.name(), idx.rootPage(), columns, WriteCompiler.keys(idx)));
            }
            checks.add(new PragmaOps.TableIndexes(t.rootPage(), keys));
        }
        return checks;
    }

    /** The pragma's argument: a number, a string, a bare word (as its text), or null. */
    private static Object value(Expr e) {
        return switch (e) {
            case null -> null;
            case Expr.NumericLiteral n -> number(n.text());
            case Expr.Unary u
            when u.op() == Expr.UnaryOp.NEGATE && u.operand() instanceof Expr.NumericLiteral n ->
                number("-" + n.text());
            case Expr.StringLiteral s -> s.value();
            case Expr.ColumnRef c -> c.column().text();
            default -> null;
        };
    }

    private static Object number(String text) {
        try {
            return Long.decode(text);
        } catch (NumberFormatException e) {
            try {
                return Double.parseDouble(text);
            } catch (NumberFormatException e2) {
                return text;
            }
        }
    }

    // ---------------------------------------------------------------- schema pragmas

    private Table table(Object name) {
        return name == null ? null : compiler.schema().table(name.toString());
    }

    private void tableInfo(Object tableName, boolean hidden) {
        if (hidden) {
            columns("cid", "name", "type", "notnull", "dflt_value", "pk", "hidden");
        } else {
            columns("cid", "name", "type", "notnull", "dflt_value", "pk");
        }
        Table t = table(tableName);
        if (t == null) {
            return;
        }
        Stmt.CreateTable ct = parseTable(t);
        List<String> pk = primaryKeyColumns(t, ct);
        for (int i = 0; i < t.columns().size(); i++) {
            Column c = t.columns().get(i);
            String dflt = c.defaultValue() == null || t.sql() == null
                    ? null
                    : c.defaultValue().span().text(t.sql());
            long pkPos = 0;
            for (int k = 0; k < pk.size(); k++) {
                if (pk.get(k).equalsIgnoreCase(c.name())) {
                    pkPos = k + 1;
                }
            }
            if (hidden) {
                row((long) i, c.name(), c.declaredType(), c.notNull() ? 1L : 0L, dflt, pkPos, 0L);
            } else {
                row((long) i, c.name(), c.declaredType(), c.notNull() ? 1L : 0L, dflt, pkPos);
            }
        }
    }

    private static Stmt.CreateTable parseTable(Table t) {
        if (t.sql() == null) {
            return null;
        }
        try {
            return new Parser(t.sql()).next() instanceof Stmt.CreateTable ct ? ct : null;
        } catch (ParseException e) {
            return null;
        }
    }

    /** The PRIMARY KEY columns in key order: a column constraint, or the table constraint's list. */
    private static List<String> primaryKeyColumns(Table t, Stmt.CreateTable ct) {
        List<String> pk = new ArrayList<>();
        if (ct != null) {
            for (TableConstraint tc : ct.constraints()) {
                if (tc instanceof TableConstraint.PrimaryKey p) {
                    for (OrderingTerm term : p.columns()) {
                        pk.add(termName(term.expr()));
                    }
                }
            }
        }
        if (pk.isEmpty()) {
            for (Column c : t.columns()) {
                if (c.primaryKey()) {
                    pk.add(c.name());
                }
            }
        }
        return pk;
    }

    private static String termName(Expr e) {
        return switch (e) {
            case Expr.ColumnRef c -> c.column().text();
            case Expr.Collate c -> termName(c.expr());
            default -> "";
        };
    }

    private List<Index> indexesOf(Table t) {
        List<Index> list = new ArrayList<>(t.indexes());
        // SQLite lists the most recently created index first.
        java.util.Collections.reverse(list);
        return list;
    }

    private void indexList(Object tableName) {
        columns("seq", "name", "unique", "origin", "partial");
        Table t = table(tableName);
        if (t == null) {
            return;
        }
        long seq = 0;
        for (Index i : indexesOf(t)) {
            String origin = !i.isAutoIndex() ? "c" : isPrimaryKeyIndex(t, i) ? "pk" : "u";
            long partial = i.sql() != null && i.sql().toUpperCase(Locale.ROOT).contains(" WHERE ") ? 1 : 0;
            row(seq++, i.name(), i.unique() ? 1L : 0L, origin, partial);
        }
    }

    private static boolean isPrimaryKeyIndex(Table t, Index i) {
        List<String> pk = primaryKeyColumns(t, parseTable(t));
        if (pk.size() != i.columns().size()) {
            return false;
        }
        for (int k = 0; k < pk.size(); k++) {
            if (!pk.get(k).equalsIgnoreCase(t.columns().get(i.columns().get(k)).name())) {
                return false;
            }
        }
        return true;
    }

    private void indexInfo(Object indexName, boolean extended) {
        if (extended) {
            columns("seqno", "cid", "name", "desc", "coll", "key");
        } else {
            columns("seqno", "cid", "name");
        }
        Index i = indexName == null ? null : compiler.schema().index(indexName.toString());
        if (i == null) {
            return;
        }
        Table t = compiler.schema().table(i.tableName());
        for (int k = 0; k < i.columns().size(); k++) {
            int cid = i.columns().get(k);
            String name = cid >= 0 && t != null ? t.columns().get(cid).name() : null;
            if (extended) {
                String coll = i.collations().get(k) == null
                        ? "BINARY"
                        : i.collations().get(k);
                row((long) k, (long) cid, name, i.descending().get(k) ? 1L : 0L, coll, 1L);
            } else {
                row((long) k, (long) cid, name);
            }
        }
        if (extended) {
            row((long) i.columns().size(), -1L, null, 0L, "BINARY", 0L);
        }
    }

    private void foreignKeyList(Object tableName) {
        columns("id", "seq", "table", "from", "to", "on_update", "on_delete", "match");
        Table t = table(tableName);
        Stmt.CreateTable ct = t == null ? null : parseTable(t);
        if (ct == null) {
            return;
        }
        List<List<Object[]>> keys = new ArrayList<>();
        for (ColumnDef cd : ct.columns()) {
            for (ColumnConstraint cc : cd.constraints()) {
                if (cc instanceof ColumnConstraint.References r) {
                    keys.add(foreignKey(List.of(cd.name()), r.clause()));
                }
            }
        }
        for (TableConstraint tc : ct.constraints()) {
            if (tc instanceof TableConstraint.ForeignKey fk) {
                keys.add(foreignKey(fk.columns(), fk.clause()));
            }
        }
        // SQLite numbers the constraints from the last one declared.
        long id = 0;
        for (int k = keys.size() - 1; k >= 0; k--) {
            long seq = 0;
            for (Object[] r : keys.get(k)) {
                row(id, seq++, r[0], r[1], r[2], r[3], r[4], "NONE");
            }
            id++;
        }
    }

    private static List<Object[]> foreignKey(List<Name> from, ForeignKeyClause clause) {
        String onUpdate = "NO ACTION";
        String onDelete = "NO ACTION";
        for (ForeignKeyClause.Arg a : clause.args()) {
            if (a instanceof ForeignKeyClause.OnAction on) {
                if (on.event() == ForeignKeyClause.Event.UPDATE) {
                    onUpdate = on.action().sql();
                } else if (on.event() == ForeignKeyClause.Event.DELETE) {
                    onDelete = on.action().sql();
                }
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (int k = 0; k < from.size(); k++) {
            String to = k < clause.columns().size() ? clause.columns().get(k).text() : null;
            rows.add(new Object[] {clause.table().text(), from.get(k).text(), to, onUpdate, onDelete});
        }
        return rows;
    }

    private void tableList(Object tableName) {
        columns("schema", "name", "type", "ncol", "wr", "strict");
        List<Object[]> rows = new ArrayList<>();
        List<Table> tables = new ArrayList<>(compiler.schema().tables());
        // SQLite walks its table hash: the most recently created table comes first.
        java.util.Collections.reverse(tables);
        for (Table t : tables) {
            if (tableName == null || t.name().equalsIgnoreCase(tableName.toString())) {
                Stmt.CreateTable ct = parseTable(t);
                boolean withoutRowid = ct != null && ct.withoutRowid();
                boolean strict = ct != null && ct.strict();
                rows.add(new Object[] {
                    "main", t.name(), "table", (long) t.columns().size(), withoutRowid ? 1L : 0L, strict ? 1L : 0L
                });
            }
        }
        if (tableName == null || "sqlite_schema".equalsIgnoreCase(tableName.toString())) {
            rows.add(new Object[] {"main", "sqlite_schema", "table", 5L, 0L, 0L});
        }
        if (tableName == null || "sqlite_temp_schema".equalsIgnoreCase(tableName.toString())) {
            rows.add(new Object[] {"temp", "sqlite_temp_schema", "table", 5L, 0L, 0L});
        }
        for (Object[] r : rows) {
            row(r);
        }
    }

    private void functionList() {
        columns("name", "builtin", "type", "enc", "narg", "flags");
        TreeMap<String, FunctionDef> sorted = new TreeMap<>();
        for (FunctionDef f : compiler.functions().all()) {
            sorted.put(f.name() + "/" + f.argCount(), f);
        }
        for (FunctionDef f : sorted.values()) {
            row(f.name(), 1L, f.aggregate() != null ? "w" : "s", "utf8", (long) f.argCount(), (long) f.flags());
        }
    }

    // ---------------------------------------------------------------- emitting

    private void columns(String... names) {
        for (String n : names) {
            b.addColumn(n, null);
        }
    }

    /** One constant row: null, Long or String values. */
    private void row(Object... values) {
        int base = b.newRegisters(values.length);
        for (int k = 0; k < values.length; k++) {
            switch (values[k]) {
                case null -> b.emit(Opcode.Null, 0, base + k);
                case Long l when l == (int) (long) l -> b.emit(Opcode.Integer, (int) (long) l, base + k);
                case Long l -> b.emit(Opcode.Int64, 0, base + k, 0, l, 0);
                default -> b.emit(Opcode.String8, 0, base + k, 0, values[k].toString(), 0);
            }
        }
        b.emit(Opcode.ResultRow, base, values.length);
    }
}
