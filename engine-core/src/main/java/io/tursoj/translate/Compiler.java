package io.tursoj.translate;

import io.tursoj.function.FunctionRegistry;
import io.tursoj.schema.Schema;
import io.tursoj.schema.SchemaException;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.Stmt;
import io.tursoj.vdbe.Explain;
import io.tursoj.vdbe.Insn;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.Program;
import io.tursoj.vdbe.ProgramBuilder;
import io.tursoj.vdbe.Savepoints;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles one parsed statement into a VDBE {@link Program}, laid out as SQLite lays programs out: {@code Init}
 * jumps to the end, where {@code Transaction} starts the read or write transaction and jumps back to the body.
 * Not thread-safe; one compiler per statement.
 */
public final class Compiler {
    private final Schema schema;
    private final FunctionRegistry functions;
    private final ProgramBuilder b = new ProgramBuilder();
    private boolean writes;
    /** The EXPLAIN QUERY PLAN lines noted while compiling, in order. */
    private final List<String> planLines = new ArrayList<>();
    /** The CTEs of a {@code WITH ... INSERT/UPDATE/DELETE}, seen by every select of the statement. */
    private CteScope statementCtes;

    public Compiler(Schema schema, FunctionRegistry functions) {
        this.schema = schema;
        this.functions = functions;
    }

    ProgramBuilder builder() {
        return b;
    }

    Schema schema() {
        return schema;
    }

    FunctionRegistry functions() {
        return functions;
    }

    void notePlan(String line) {
        planLines.add(line);
    }

    CteScope statementCtes() {
        return statementCtes;
    }

    void markWrite() {
        writes = true;
    }

    /** The program for {@code stmt}; {@code sql} is its text (stored by CREATE, used for column names). */
    public Program compile(Stmt stmt, String sql) {
        try {
            return switch (stmt) {
                case Stmt.Explain e
                when !e.queryPlan() -> explain(new Compiler(schema, functions).compile(e.statement(), sql), sql);
                case Stmt.Explain e -> queryPlan(e.statement(), sql);
                case Stmt.Begin begin ->
                    transactionControl(
                            0,
                            0,
                            begin.type() == Stmt.TransactionType.IMMEDIATE
                                            || begin.type() == Stmt.TransactionType.EXCLUSIVE
                                    ? 1
                                    : 0,
                            sql);
                case Stmt.Commit c -> transactionControl(1, 0, 0, sql);
                case Stmt.Rollback r when r.savepoint() == null -> transactionControl(1, 1, 0, sql);
                case Stmt.Pragma p -> new PragmaCompiler(this).program(p, sql);
                case Stmt.Rollback r ->
                    savepoint(Savepoints.ROLLBACK, r.savepoint().text(), sql);
                case Stmt.Savepoint sp -> savepoint(Savepoints.BEGIN, sp.name().text(), sql);
                case Stmt.Release r -> savepoint(Savepoints.RELEASE, r.name().text(), sql);
                default -> body(stmt, sql);
            };
        } catch (SchemaException e) {
            throw Errors.error(e.getMessage());
        }
    }

    private Program body(Stmt stmt, String sql) {
        ParameterOrder.register(b, stmt, sql);
        ViewDdl.refuseWrite(schema, stmt);
        io.tursoj.translate.parser.ast.With with = StatementWith.of(stmt);
        if (with != null) {
            statementCtes = CteScope.of(null, with);
            stmt = StatementWith.without(stmt);
        }
        int start = b.newLabel();
        b.emit(Opcode.Init, 0, start);
        int first = b.currentAddress();
        switch (stmt) {
            case Select select -> {
                SelectCompiler sc = new SelectCompiler(this, sql);
                sc.compile(select, (s, n) -> b.emit(Opcode.ResultRow, s, n));
                for (int i = 0; i < sc.columnNames().size(); i++) {
                    b.addColumn(sc.columnNames().get(i), sc.declaredTypes().get(i));
                }
            }
            case Stmt.Insert ins -> new WriteCompiler(this, sql).insert(ins);
            case Stmt.Update upd -> new WriteCompiler(this, sql).update(upd);
            case Stmt.Delete del -> new WriteCompiler(this, sql).delete(del);
            case Stmt.CreateTable ct -> new DdlCompiler(this, sql).createTable(ct);
            case Stmt.CreateIndex ci -> new DdlCompiler(this, sql).createIndex(ci);
            case Stmt.Drop d -> new DdlCompiler(this, sql).drop(d);
            case Stmt.CreateView cv -> new DdlCompiler(this, sql).createView(cv);
            default -> throw Errors.unsupported(stmt.getClass().getSimpleName() + " statement");
        }
        b.emit(Opcode.Halt);
        b.resolve(start);
        b.emit(Opcode.Transaction, 0, writes ? 1 : 0);
        b.emit(Opcode.Goto, 0, first);
        return b.build(false, sql);
    }

    private Program transactionControl(int autocommit, int rollback, int immediate, String sql) {
        b.emit(Opcode.Init, 0, 1);
        b.emit(Opcode.AutoCommit, autocommit, rollback, immediate);
        b.emit(Opcode.Halt);
        return b.build(false, sql);
    }

    /** A program whose rows are SQLite's (id, parent, notused, detail) plan rows for {@code inner}. */
    private Program queryPlan(Stmt inner, String sql) {
        Compiler c = new Compiler(schema, functions);
        c.compile(inner, sql);
        for (String col : List.of("id", "parent", "notused", "detail")) {
            b.addColumn(col, null);
        }
        b.emit(Opcode.Init, 0, 1);
        int row = b.newRegisters(4);
        for (int i = 0; i < c.planLines.size(); i++) {
            b.emit(Opcode.Integer, i + 1, row);
            b.emit(Opcode.Integer, 0, row + 1);
            b.emit(Opcode.Integer, 0, row + 2);
            b.emit(Opcode.String8, 0, row + 3, 0, c.planLines.get(i), 0);
            b.emit(Opcode.ResultRow, row, 4);
        }
        b.emit(Opcode.Halt);
        return b.build(true, sql);
    }

    private Program savepoint(int op, String name, String sql) {
        b.emit(Opcode.Init, 0, 1);
        b.emit(Opcode.Savepoint, op, 0, 0, name, 0);
        b.emit(Opcode.Halt);
        return b.build(false, sql);
    }

    /** A program whose rows are the listing of {@code inner}, as {@code EXPLAIN} shows it. */
    private Program explain(Program inner, String sql) {
        for (String c : List.of("addr", "opcode", "p1", "p2", "p3", "p4", "p5", "comment")) {
            b.addColumn(c, null);
        }
        b.emit(Opcode.Init, 0, 1);
        int row = b.newRegisters(8);
        for (int addr = 0; addr < inner.insns().size(); addr++) {
            Insn i = inner.insns().get(addr);
            b.emit(Opcode.Integer, addr, row);
            b.emit(Opcode.String8, 0, row + 1, 0, i.opcode().name(), 0);
            b.emit(Opcode.Integer, i.p1(), row + 2);
            b.emit(Opcode.Integer, i.p2(), row + 3);
            b.emit(Opcode.Integer, i.p3(), row + 4);
            b.emit(Opcode.String8, 0, row + 5, 0, Explain.p4Text(i), 0);
            b.emit(Opcode.Integer, i.p5(), row + 6);
            b.emit(Opcode.String8, 0, row + 7, 0, i.comment(), 0);
            b.emit(Opcode.ResultRow, row, 8);
        }
        b.emit(Opcode.Halt);
        return b.build(true, sql);
    }
}
