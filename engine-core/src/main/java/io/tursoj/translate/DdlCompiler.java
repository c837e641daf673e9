package io.tursoj.translate;

import io.tursoj.api.ErrorCode;
import io.tursoj.schema.Index;
import io.tursoj.schema.SchemaLoader;
import io.tursoj.schema.Table;
import io.tursoj.schema.TableDefinition;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.ProgramBuilder;
import io.tursoj.vdbe.Specs;
import io.tursoj.vdbe.Vdbe;
import java.util.Locale;

/**
 * Compiles CREATE TABLE, CREATE INDEX, DROP TABLE and DROP INDEX. Each writes sqlite_schema rows as SQLite writes
 * them (type, name, tbl_name, rootpage, sql with the statement text from the object's name on, after a normalized
 * {@code CREATE TABLE} / {@code CREATE [UNIQUE] INDEX}), bumps the schema cookie and asks the connection to reload
 * the schema.
 */
final class DdlCompiler {
    private final Compiler compiler;
    private final ProgramBuilder b;
    private final String sql;

    DdlCompiler(Compiler compiler, String sql) {
        this.compiler = compiler;
        this.b = compiler.builder();
        this.sql = sql;
        compiler.markWrite();
    }

    private void checkName(String name, String kind) {
        if (name.toLowerCase(Locale.ROOT).startsWith("sqlite_")) {
            throw Errors.error("object name reserved for internal use: " + name);
        }
        if (compiler.schema().table(name) != null) {
            throw Errors.error(
                    kind.equals("index")
                            ? "there is already a table named " + name
                            : "table " + name + " already exists");
        }
        if (compiler.schema().view(name) != null) {
            throw Errors.error("view " + name + " already exists");
        }
        if (compiler.schema().index(name) != null) {
            throw Errors.error(
                    kind.equals("index")
                            ? "index " + name + " already exists"
                            : "there is already an index named " + name);
        }
    }

    private String storedSql(String keyword, int nameStart, Stmt stmt) {
        return keyword + " " + sql.substring(nameStart, stmt.span().end()).strip();
    }

    void createTable(Stmt.CreateTable ct) {
        String name = ct.name().name().text();
        if (ct.ifNotExists() && (compiler.schema().table(name) != null)) {
            return;
        }
        if (ct.temporary() || ct.asSelect() != null || ct.withoutRowid()) {
            throw Errors.unsupported("TEMP, AS SELECT and WITHOUT ROWID tables");
        }
        checkName(name, "table");
        TableDefinition def = TableDefinition.of(ct);
        int root = b.newRegister();
        b.emit(Opcode.CreateBtree, 0, root, 1);
        int schemaCursor = b.newCursor();
        b.emit(Opcode.OpenWrite, schemaCursor, 1, 0, 5, 0);
        schemaRow(
                schemaCursor,
                "table",
                name,
                name,
                root,
                storedSql("CREATE TABLE", ct.name().name().span().start(), ct));
        for (int i = 0; i < def.autoIndexes().size(); i++) {
            int idxRoot = b.newRegister();
            b.emit(Opcode.CreateBtree, 0, idxRoot, 2);
            schemaRow(schemaCursor, "index", TableDefinition.autoIndexName(name, i + 1), name, idxRoot, null);
        }
        finish(name);
    }

    /** CREATE VIEW: one sqlite_schema row (type 'view', root page 0); the select is checked when used. */
    void createView(Stmt.CreateView cv) {
        String name = cv.name().name().text();
        if (cv.ifNotExists() && compiler.schema().view(name) != null) {
            return;
        }
        checkName(name, "view");
        int root = b.newRegister();
        b.emit(Opcode.Integer, 0, root);
        int schemaCursor = b.newCursor();
        b.emit(Opcode.OpenWrite, schemaCursor, 1, 0, 5, 0);
        schemaRow(
                schemaCursor,
                "view",
                name,
                name,
                root,
                storedSql(
                        cv.temporary() ? "CREATE TEMP VIEW" : "CREATE VIEW",
                        cv.name().name().span().start(),
                        cv));
        finish(name);
    }

    private void schemaRow(int cursor, String type, String name, String table, int rootReg, String text) {
        int rowid = b.newRegister();
        int rec = b.newRegisters(5);
        b.emit(Opcode.NewRowid, cursor, rowid);
        b.emit(Opcode.String8, 0, rec, 0, type, 0);
        b.emit(Opcode.String8, 0, rec + 1, 0, name, 0);
        b.emit(Opcode.String8, 0, rec + 2, 0, table, 0);
        b.emit(Opcode.SCopy, rootReg, rec + 3);
        if (text == null) {
            b.emit(Opcode.Null, 0, rec + 4);
        } else {
            b.emit(Opcode.String8, 0, rec + 4, 0, text, 0);
        }
        int record = b.newRegister();
        b.emit(Opcode.MakeRecord, rec, 5, record);
        b.emit(Opcode.Insert, cursor, record, rowid, "sqlite_schema", 0);
    }

    private void finish(String name) {
        b.emit(Opcode.SetCookie, 0, 1);
        b.emit(Opcode.ParseSchema, 0, 0, 0, new Specs.SchemaChange(name), 0);
    }

    void createIndex(Stmt.CreateIndex ci) {
        String name = ci.name().name().text();
        if (ci.ifNotExists() && compiler.schema().index(name) != null) {
            return;
        }
        Table t = compiler.schema().table(ci.table().text());
        if (t == null && compiler.schema().view(ci.table().text()) != null) {
            throw Errors.error("views may not be indexed");
        }
        if (t == null) {
            throw Errors.error("no such table: main." + ci.table().text());
        }
        if (t.rootPage() == 1) {
            throw Errors.error("table " + t.name() + " may not be indexed");
        }
        if (ci.where() != null) {
            throw Errors.unsupported("partial index");
        }
        checkName(name, "index");
        Index idx = SchemaLoader.definedIndex(t, ci, 0, sql);
        int root = b.newRegister();
        b.emit(Opcode.CreateBtree, 0, root, 2);
        int schemaCursor = b.newCursor();
        b.emit(Opcode.OpenWrite, schemaCursor, 1, 0, 5, 0);
        String keyword = ci.unique() ? "CREATE UNIQUE INDEX" : "CREATE INDEX";
        schemaRow(
                schemaCursor,
                "index",
                name,
                t.name(),
                root,
                storedSql(keyword, ci.name().name().span().start(), ci));
        int table = b.newCursor();
        int index = b.newCursor();
        b.emit(Opcode.OpenRead, table, t.rootPage(), 0, t.columns().size(), 0);
        b.emit(Opcode.OpenWrite, index, root, 0, WriteCompiler.keys(idx), Vdbe.ROOT_IN_REGISTER);
        int k = idx.columns().size();
        int block = b.newRegisters(k + 1);
        int done = b.newLabel();
        b.emit(Opcode.Rewind, table, done);
        int top = b.currentAddress();
        for (int j = 0; j < k; j++) {
            int col = idx.columns().get(j);
            if (col == t.rowidAlias()) {
                b.emit(Opcode.Rowid, table, block + j);
            } else {
                b.emit(Opcode.Column, table, col, block + j);
            }
        }
        b.emit(Opcode.Rowid, table, block + k);
        if (idx.unique()) {
            int ok = b.newLabel();
            b.emit(Opcode.NoConflict, index, ok, block, k, 0);
            StringBuilder cols = new StringBuilder();
            for (int c : idx.columns()) {
                cols.append(cols.isEmpty() ? "" : ", ")
                        .append(t.name())
                        .append('.')
                        .append(t.columns().get(c).name());
            }
            b.emit(
                    Opcode.Halt,
                    ErrorCode.CONSTRAINT_UNIQUE.code(),
                    2,
                    0,
                    new Specs.HaltError(ErrorCode.CONSTRAINT_UNIQUE.code(), "UNIQUE constraint failed: " + cols),
                    0);
            b.resolve(ok);
        }
        int rec = b.newRegister();
        b.emit(Opcode.MakeRecord, block, k + 1, rec);
        b.emit(Opcode.IdxInsert, index, rec, 0);
        b.emit(Opcode.Next, table, top);
        b.resolve(done);
        finish(name);
    }

    void drop(Stmt.Drop d) {
        String name = d.name().name().text();
        switch (d.type()) {
            case TABLE -> {
                Table t = compiler.schema().table(name);
                if (t == null && compiler.schema().view(name) != null) {
                    throw Errors.error("use DROP VIEW to delete view " + name);
                }
                if (t == null) {
                    if (d.ifExists()) {
                        return;
                    }
                    throw Errors.noSuchTable(name);
                }
                if (t.rootPage() == 1) {
                    throw Errors.error("table " + t.name() + " may not be dropped");
                }
                deleteSchemaRows(2, t.name());
                for (Index i : t.indexes()) {
                    b.emit(Opcode.Destroy, i.rootPage(), 0, 0, WriteCompiler.keys(i), 0);
                }
                b.emit(Opcode.Destroy, t.rootPage(), 1);
            }
            case INDEX -> {
                Index i = compiler.schema().index(name);
                if (i == null) {
                    if (d.ifExists()) {
                        return;
                    }
                    throw Errors.error("no such index: " + name);
                }
                if (i.isAutoIndex()) {
                    throw Errors.error("index associated with UNIQUE or PRIMARY KEY constraint cannot be dropped");
                }
                deleteSchemaRows(1, i.name());
                b.emit(Opcode.Destroy, i.rootPage(), 0, 0, WriteCompiler.keys(i), 0);
            }
            case VIEW -> {
                if (!ViewDdl.drop(compiler.schema(), d, this::deleteSchemaRows)) {
                    return;
                }
            }
            default -> throw Errors.unsupported("DROP " + d.type());
        }
        b.emit(Opcode.SetCookie, 0, 1);
        b.emit(Opcode.DropSchema, 0, 0, 0, new Specs.SchemaChange(name), 0);
    }

    /** Deletes the sqlite_schema rows whose column {@code column} (1 name, 2 tbl_name) equals {@code name}. */
    private void deleteSchemaRows(int column, String name) {
        int cursor = b.newCursor();
        b.emit(Opcode.OpenWrite, cursor, 1, 0, 5, 0);
        int wanted = b.newRegister();
        int value = b.newRegister();
        b.emit(Opcode.String8, 0, wanted, 0, name, 0);
        int done = b.newLabel();
        int next = b.newLabel();
        b.emit(Opcode.Rewind, cursor, done);
        int top = b.currentAddress();
        b.emit(Opcode.Column, cursor, column, value);
        b.emit(Opcode.Ne, wanted, next, value, ExprCompiler.spec(io.tursoj.vdbe.value.Affinity.BLOB, "NOCASE"), 0);
        b.emit(Opcode.Delete, cursor, 0, 0, "sqlite_schema", 0);
        b.resolve(next);
        b.emit(Opcode.Next, cursor, top);
        b.resolve(done);
    }
}
