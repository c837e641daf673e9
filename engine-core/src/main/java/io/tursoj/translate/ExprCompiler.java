package io.tursoj.translate;

import io.tursoj.function.FunctionDef;
import io.tursoj.function.FunctionRegistry;
import io.tursoj.schema.Column;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.ProgramBuilder;
import io.tursoj.vdbe.Specs;
import io.tursoj.vdbe.Vdbe;
import io.tursoj.vdbe.value.Affinity;
import io.tursoj.vdbe.value.Collation;
import io.tursoj.vdbe.value.Collations;
import io.tursoj.vdbe.value.NumberText;
import io.tursoj.vdbe.value.Utf8;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Compiles expressions into register code. {@link #expr} leaves a value in a target register; {@link #jumpIfNot}
 * compiles a condition into a jump taken when it is false or NULL, as WHERE and ON need.
 */
final class ExprCompiler {
    final ProgramBuilder b;
    final Scope scope;
    final FunctionRegistry functions;

    /** Compiles subqueries in expressions; null where the statement offers none (then they are unsupported). */
    SubqueryCompiler subqueries;

    ExprCompiler(ProgramBuilder b, Scope scope, FunctionRegistry functions) {
        this.b = b;
        this.scope = scope;
        this.functions = functions;
    }

    int fresh(Expr e) {
        return expr(e, b.newRegister());
    }

    int expr(Expr e, int target) {
        Integer replacement = scope.replaced.get(e);
        if (replacement != null) {
            b.emit(Opcode.SCopy, replacement, target);
            return target;
        }
        switch (e) {
            case Expr.NumericLiteral n -> numeric(n.text(), false, target);
            case Expr.StringLiteral s -> b.emit(Opcode.String8, 0, target, 0, s.value(), 0);
            case Expr.BlobLiteral bl ->
                b.emit(Opcode.Blob, 0, target, 0, HexFormat.of().parseHex(bl.hex()), 0);
            case Expr.NullLiteral n -> b.emit(Opcode.Null, 0, target);
            case Expr.Variable v ->
                b.emit(Opcode.Variable, b.parameterAt(v.span().start(), v.name()), target);
            case Expr.ColumnRef ref -> column(ref, target);
            case Expr.Unary u -> unary(u, target);
            case Expr.Binary bin -> binary(bin, target);
            case Expr.Collate c -> expr(c.expr(), target);
            case Expr.Cast c -> {
                expr(c.expr(), target);
                b.emit(
                        Opcode.Cast,
                        target,
                        0,
                        0,
                        c.type() == null ? "" : c.type().name(),
                        0);
            }
            case Expr.Like l -> like(l, target);
            case Expr.Between bt -> between(bt, target);
            case Expr.InList in -> inList(in, target);
            case Expr.NullTest nt -> {
                int r = fresh(nt.expr());
                b.emit(Opcode.Integer, 1, target);
                int done = b.newLabel();
                b.emit(nt.not() ? Opcode.NotNull : Opcode.IsNull, r, done);
                b.emit(Opcode.Integer, 0, target);
                b.resolve(done);
            }
            case Expr.Case c -> caseExpr(c, target);
            case Expr.FunctionCall f -> function(f, target);
            case Expr.RowValue rv
            when rv.values().size() == 1 -> expr(rv.values().get(0), target);
            case Expr.Subquery sq -> subqueries().scalar(sq.select(), target);
            case Expr.Exists x -> subqueries().exists(x.select(), target);
            case Expr.InSelect in -> subqueries().in(in, target);
            case Expr.CurrentTime ct -> throw Errors.unsupported(ct.kind().name());
            default -> throw Errors.unsupported(e.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " expression");
        }
        return target;
    }

    private SubqueryCompiler subqueries() {
        if (subqueries == null) {
            throw Errors.unsupported("subquery here");
        }
        return subqueries;
    }

    private void numeric(String text, boolean negate, int target) {
        String t = text.replace("_", "");
        if (t.startsWith("0x") || t.startsWith("0X")) {
            long v;
            try {
                v = Long.parseUnsignedLong(t.substring(2), 16);
            } catch (NumberFormatException e) {
                throw Errors.error("hex literal too big: " + text);
            }
            emitLong(negate ? -v : v, target);
            return;
        }
        boolean real = t.indexOf('.') >= 0 || t.indexOf('e') >= 0 || t.indexOf('E') >= 0;
        if (!real) {
            try {
                long v = Long.parseLong(negate ? "-" + t : t);
                emitLong(v, target);
                return;
            } catch (NumberFormatException e) {
                // Too big for a 64-bit integer: SQLite reads it as a real.
            }
        }
        byte[] z = Utf8.encode(t);
        double d = NumberText.parseReal(z, 0, z.length);
        b.emit(Opcode.Real, 0, target, 0, negate ? -d : d, 0);
    }

    private void emitLong(long v, int target) {
        if (v == (int) v) {
            b.emit(Opcode.Integer, (int) v, target);
        } else {
            b.emit(Opcode.Int64, 0, target, 0, v, 0);
        }
    }

    private void column(Expr.ColumnRef ref, int target) {
        Scope.Resolved r = scope.resolve(ref);
        Scope owner = scope.owner(r.source());
        if (owner.useCaptured) {
            Integer reg = owner.capturedColumns.get(Scope.key(r.source().cursor(), r.rowid() ? -1 : r.column()));
            if (reg != null) {
                b.emit(Opcode.SCopy, reg, target);
                return;
            }
        }
        loadColumn(r, target);
    }

    void loadColumn(Scope.Resolved r, int target) {
        Scope.IndexColumns covering = scope.covering.get(r.source().cursor());
        if (covering != null) {
            CoveringColumns.load(b, covering, r, target);
            return;
        }
        if (r.rowid()) {
            b.emit(Opcode.Rowid, r.source().cursor(), target);
            return;
        }
        Column c = r.definition();
        Object dflt = null;
        b.emit(Opcode.Column, r.source().cursor(), r.column(), target, dflt, 0);
        if (c.affinity() == Affinity.REAL) {
            b.emit(Opcode.RealAffinity, target, 0);
        }
    }

    private void unary(Expr.Unary u, int target) {
        switch (u.op()) {
            case NEGATE -> {
                if (u.operand() instanceof Expr.NumericLiteral n) {
                    numeric(n.text(), true, target);
                    return;
                }
                int r = fresh(u.operand());
                int zero = b.newRegister();
                b.emit(Opcode.Integer, 0, zero);
                b.emit(Opcode.Subtract, r, zero, target);
            }
            case PLUS -> expr(u.operand(), target);
            case BIT_NOT -> b.emit(Opcode.BitNot, fresh(u.operand()), target);
            case NOT -> b.emit(Opcode.Not, fresh(u.operand()), target);
        }
    }

    private void binary(Expr.Binary bin, int target) {
        if (RowValueCompiler.applies(bin)) {
            RowValueCompiler.compare(this, bin, target);
            return;
        }
        Opcode cmp = comparison(bin.op());
        if (cmp != null) {
            int l = fresh(bin.left());
            int r = fresh(bin.right());
            int flags = Vdbe.STORE_RESULT;
            if (bin.op() == Expr.BinaryOp.IS || bin.op() == Expr.BinaryOp.IS_NOT) {
                flags |= Vdbe.NULL_EQ;
            }
            b.emit(cmp, r, target, l, comparisonSpec(bin.left(), bin.right()), flags);
            return;
        }
        int l = fresh(bin.left());
        int r = fresh(bin.right());
        switch (bin.op()) {
            case AND -> b.emit(Opcode.And, l, r, target);
            case OR -> b.emit(Opcode.Or, l, r, target);
            case ADD -> b.emit(Opcode.Add, l, r, target);
            case MULTIPLY -> b.emit(Opcode.Multiply, l, r, target);
            case SUBTRACT -> b.emit(Opcode.Subtract, r, l, target);
            case DIVIDE -> b.emit(Opcode.Divide, r, l, target);
            case MODULO -> b.emit(Opcode.Remainder, r, l, target);
            case CONCAT -> b.emit(Opcode.Concat, r, l, target);
            case BIT_AND -> b.emit(Opcode.BitAnd, l, r, target);
            case BIT_OR -> b.emit(Opcode.BitOr, l, r, target);
            case SHIFT_LEFT -> b.emit(Opcode.ShiftLeft, r, l, target);
            case SHIFT_RIGHT -> b.emit(Opcode.ShiftRight, r, l, target);
            default -> throw Errors.unsupported("operator " + bin.op().symbol());
        }
    }

    static Opcode comparison(Expr.BinaryOp op) {
        return switch (op) {
            case EQ, IS -> Opcode.Eq;
            case NE, IS_NOT -> Opcode.Ne;
            case LT -> Opcode.Lt;
            case LE -> Opcode.Le;
            case GT -> Opcode.Gt;
            case GE -> Opcode.Ge;
            default -> null;
        };
    }

    Specs.Comparison comparisonSpec(Expr left, Expr right) {
        Affinity aff = Affinity.forComparison(affinity(left), affinity(right));
        return spec(aff, ComparisonCollation.of(scope, left, right));
    }

    static Specs.Comparison spec(Affinity aff, String coll) {
        String name = coll == null ? "BINARY" : coll.toUpperCase(Locale.ROOT);
        Collation c = Collations.builtIn(name);
        if (c == null) {
            throw Errors.error("no such collation sequence: " + coll);
        }
        return new Specs.Comparison(aff, c, name);
    }

    /** The affinity an expression carries into comparisons (a column's, a CAST's), or NONE. */
    Affinity affinity(Expr e) {
        return switch (e) {
            case Expr.ColumnRef ref -> {
                Scope.Resolved r = scope.resolve(ref);
                yield r.column() < 0 ? Affinity.INTEGER : r.definition().affinity();
            }
            case Expr.Cast c ->
                Affinity.ofDeclaredType(c.type() == null ? "" : c.type().name());
            case Expr.Collate c -> affinity(c.expr());
            case Expr.RowValue rv
            when rv.values().size() == 1 -> affinity(rv.values().get(0));
            default -> Affinity.NONE;
        };
    }

    /** The explicit or column collation of an expression, or null. */
    String collationName(Expr e) {
        return switch (e) {
            case Expr.Collate c -> c.collation().text();
            case Expr.ColumnRef ref -> {
                Scope.Resolved r = scope.resolve(ref);
                yield r.column() < 0 ? null : r.definition().collation();
            }
            case Expr.RowValue rv
            when rv.values().size() == 1 -> collationName(rv.values().get(0));
            default -> null;
        };
    }

    private void like(Expr.Like l, int target) {
        String fn = switch (l.op()) {
            case LIKE -> "like";
            case GLOB -> "glob";
            default -> throw Errors.unsupported(l.op().name());
        };
        int n = l.escape() == null ? 2 : 3;
        int args = b.newRegisters(n);
        expr(l.pattern(), args);
        expr(l.left(), args + 1);
        if (n == 3) {
            expr(l.escape(), args + 2);
        }
        FunctionDef def = functions.find(fn, n);
        b.emit(Opcode.Function, 0, args, target, def, n);
        if (l.not()) {
            b.emit(Opcode.Not, target, target);
        }
    }

    private void between(Expr.Between bt, int target) {
        int x = fresh(bt.expr());
        int lo = fresh(bt.low());
        int hi = fresh(bt.high());
        int t1 = b.newRegister();
        int t2 = b.newRegister();
        b.emit(Opcode.Ge, lo, t1, x, comparisonSpec(bt.expr(), bt.low()), Vdbe.STORE_RESULT);
        b.emit(Opcode.Le, hi, t2, x, comparisonSpec(bt.expr(), bt.high()), Vdbe.STORE_RESULT);
        b.emit(Opcode.And, t1, t2, target);
        if (bt.not()) {
            b.emit(Opcode.Not, target, target);
        }
    }

    private void inList(Expr.InList in, int target) {
        int x = fresh(in.expr());
        int sawNull = b.newRegister();
        int isTrue = b.newLabel();
        int isNull = b.newLabel();
        int done = b.newLabel();
        b.emit(Opcode.IsNull, x, isNull);
        b.emit(Opcode.Integer, 0, sawNull);
        int v = b.newRegister();
        for (Expr e : in.values()) {
            expr(e, v);
            Affinity aff = affinity(in.expr());
            b.emit(
                    Opcode.Eq,
                    v,
                    isTrue,
                    x,
                    spec(aff == Affinity.NONE ? affinity(e) : aff, collationName(in.expr())),
                    0);
            int notNull = b.newLabel();
            b.emit(Opcode.NotNull, v, notNull);
            b.emit(Opcode.Integer, 1, sawNull);
            b.resolve(notNull);
        }
        b.emit(Opcode.If, sawNull, isNull);
        b.emit(Opcode.Integer, in.not() ? 1 : 0, target);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(isTrue);
        b.emit(Opcode.Integer, in.not() ? 0 : 1, target);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(isNull);
        b.emit(Opcode.Null, 0, target);
        b.resolve(done);
    }

    private void caseExpr(Expr.Case c, int target) {
        int done = b.newLabel();
        int operand = c.operand() == null ? 0 : fresh(c.operand());
        int tmp = b.newRegister();
        for (Expr.WhenClause w : c.whens()) {
            int next = b.newLabel();
            if (operand != 0) {
                expr(w.when(), tmp);
                b.emit(Opcode.Ne, tmp, next, operand, comparisonSpec(c.operand(), w.when()), Vdbe.JUMP_IF_NULL);
            } else {
                jumpIfNot(w.when(), next);
            }
            expr(w.then(), target);
            b.emit(Opcode.Goto, 0, done);
            b.resolve(next);
        }
        if (c.otherwise() != null) {
            expr(c.otherwise(), target);
        } else {
            b.emit(Opcode.Null, 0, target);
        }
        b.resolve(done);
    }

    private void function(Expr.FunctionCall f, int target) {
        String name = f.name().text().toLowerCase(Locale.ROOT);
        int n = f.star() ? 0 : f.args().size();
        FunctionDef def = functions.find(name, n);
        if (def == null) {
            if (functions.exists(name)) {
                throw Errors.error(
                        "wrong number of arguments to function " + f.name().text() + "()");
            }
            throw Errors.error("no such function: " + f.name().text());
        }
        if (def.isAggregate()) {
            throw Errors.error("misuse of aggregate function " + f.name().text() + "()");
        }
        int args = b.newRegisters(Math.max(n, 1));
        for (int i = 0; i < n; i++) {
            expr(f.args().get(i), args + i);
        }
        b.emit(Opcode.Function, 0, args, target, def, n);
    }

    /** Jumps to {@code falseLabel} when {@code e} is false or NULL. */
    void jumpIfNot(Expr e, int falseLabel) {
        if (e instanceof Expr.Binary bin && bin.op() == Expr.BinaryOp.AND) {
            jumpIfNot(bin.left(), falseLabel);
            jumpIfNot(bin.right(), falseLabel);
            return;
        }
        int r = fresh(e);
        b.emit(Opcode.IfNot, r, falseLabel, 1);
    }

    /** Whether {@code e} contains an aggregate function call. */
    boolean isAggregate(Expr e) {
        return AstWalk.any(e, x -> x instanceof Expr.FunctionCall f && f.over() == null && isAggregateCall(f));
    }

    boolean isAggregateCall(Expr.FunctionCall f) {
        FunctionDef def = functions.find(
                f.name().text().toLowerCase(Locale.ROOT),
                f.star() ? 0 : f.args().size());
        return def != null && def.isAggregate();
    }

    static List<Expr> children(Expr e) {
        return AstWalk.children(e);
    }
}
