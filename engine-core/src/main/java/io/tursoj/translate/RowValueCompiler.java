package io.tursoj.translate;

import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.ProgramBuilder;
import io.tursoj.vdbe.Specs;
import io.tursoj.vdbe.Vdbe;
import io.tursoj.vdbe.value.Affinity;
import java.util.List;

/**
 * Comparisons whose operands are row values ({@code (a, b) < (1, 2)}) or subqueries ({@code (a, b) = (SELECT x, y
 * ...)}, {@code a = (SELECT x ...)}), with SQLite's rules: {@code =} is true when every pair is equal, false when
 * some pair is unequal, else NULL; {@code <}, {@code <=}, {@code >}, {@code >=} compare pair by pair and are NULL
 * once a pair that decides involves a NULL; {@code IS} compares pairs with IS. A subquery operand is its first row
 * (all NULL without one); its columns bring their affinity and collation into the comparison.
 */
final class RowValueCompiler {
    private RowValueCompiler() {}

    /** Whether {@code bin} is a comparison this class compiles rather than a plain scalar one. */
    static boolean applies(Expr.Binary bin) {
        return ExprCompiler.comparison(bin.op()) != null && (isRow(bin.left()) || isRow(bin.right()));
    }

    private static boolean isRow(Expr e) {
        return e instanceof Expr.RowValue rv && rv.values().size() != 1 || e instanceof Expr.Subquery;
    }

    private static int width(Expr e) {
        return e instanceof Expr.RowValue rv ? rv.values().size() : 1;
    }

    /** One operand evaluated into registers: where, and each component's affinity and collation. */
    private record Operand(int start, Affinity[] affinity, String[] collation) {}

    private static Operand operand(ExprCompiler ex, Expr e, int k) {
        if (e instanceof Expr.Subquery sq) {
            if (ex.subqueries == null) {
                throw Errors.unsupported("subquery here");
            }
            SubqueryCompiler.RowResult r = ex.subqueries.row(sq.select(), k);
            return new Operand(r.start(), r.affinity(), r.collation());
        }
        List<Expr> parts = e instanceof Expr.RowValue rv ? rv.values() : List.of(e);
        if (parts.size() != k) {
            throw Errors.error("row value misused");
        }
        int start = ex.b.newRegisters(k);
        Affinity[] affinity = new Affinity[k];
        String[] collation = new String[k];
        for (int i = 0; i < k; i++) {
            ex.expr(parts.get(i), start + i);
            affinity[i] = ex.affinity(parts.get(i));
            collation[i] = ex.collationName(parts.get(i));
        }
        return new Operand(start, affinity, collation);
    }

    static void compare(ExprCompiler ex, Expr.Binary bin, int target) {
        int k = bin.left() instanceof Expr.Subquery ? width(bin.right()) : width(bin.left());
        if (bin.right() instanceof Expr.Subquery && bin.left() instanceof Expr.Subquery) {
            k = 1;
        }
        Operand l = operand(ex, bin.left(), k);
        Operand r = operand(ex, bin.right(), k);
        Specs.Comparison[] spec = new Specs.Comparison[k];
        for (int i = 0; i < k; i++) {
            String coll = l.collation()[i] != null ? l.collation()[i] : r.collation()[i];
            spec[i] = ExprCompiler.spec(Affinity.forComparison(aff(l.affinity()[i]), aff(r.affinity()[i])), coll);
        }
        ProgramBuilder b = ex.b;
        Opcode cmp = ExprCompiler.comparison(bin.op());
        boolean is = bin.op() == Expr.BinaryOp.IS || bin.op() == Expr.BinaryOp.IS_NOT;
        if (k == 1) {
            int flags = Vdbe.STORE_RESULT | (is ? Vdbe.NULL_EQ : 0);
            b.emit(cmp, r.start(), target, l.start(), spec[0], flags);
            return;
        }
        switch (bin.op()) {
            case EQ, NE, IS, IS_NOT -> equality(b, l, r, spec, bin.op(), target);
            default -> ordering(b, l, r, spec, cmp, target);
        }
    }

    private static Affinity aff(Affinity a) {
        return a == null ? Affinity.NONE : a;
    }

    private static void equality(
            ProgramBuilder b, Operand l, Operand r, Specs.Comparison[] spec, Expr.BinaryOp op, int target) {
        boolean is = op == Expr.BinaryOp.IS || op == Expr.BinaryOp.IS_NOT;
        boolean negate = op == Expr.BinaryOp.NE || op == Expr.BinaryOp.IS_NOT;
        int sawNull = b.newRegister();
        int unequal = b.newLabel();
        int done = b.newLabel();
        b.emit(Opcode.Integer, 0, sawNull);
        for (int i = 0; i < spec.length; i++) {
            int li = l.start() + i;
            int ri = r.start() + i;
            if (is) {
                b.emit(Opcode.Ne, ri, unequal, li, spec[i], Vdbe.NULL_EQ);
                continue;
            }
            int isNull = b.newLabel();
            int next = b.newLabel();
            b.emit(Opcode.IsNull, li, isNull);
            b.emit(Opcode.IsNull, ri, isNull);
            b.emit(Opcode.Ne, ri, unequal, li, spec[i], 0);
            b.emit(Opcode.Goto, 0, next);
            b.resolve(isNull);
            b.emit(Opcode.Integer, 1, sawNull);
            b.resolve(next);
        }
        int equal = b.newLabel();
        b.emit(Opcode.IfNot, sawNull, equal, 0);
        b.emit(Opcode.Null, 0, target);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(equal);
        b.emit(Opcode.Integer, negate ? 0 : 1, target);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(unequal);
        b.emit(Opcode.Integer, negate ? 1 : 0, target);
        b.resolve(done);
    }

    private static void ordering(
            ProgramBuilder b, Operand l, Operand r, Specs.Comparison[] spec, Opcode cmp, int target) {
        int k = spec.length;
        Opcode strict = cmp == Opcode.Lt || cmp == Opcode.Le ? Opcode.Lt : Opcode.Gt;
        int isTrue = b.newLabel();
        int isFalse = b.newLabel();
        int isNull = b.newLabel();
        int done = b.newLabel();
        for (int i = 0; i < k - 1; i++) {
            int li = l.start() + i;
            int ri = r.start() + i;
            int next = b.newLabel();
            b.emit(Opcode.IsNull, li, isNull);
            b.emit(Opcode.IsNull, ri, isNull);
            b.emit(Opcode.Eq, ri, next, li, spec[i], 0);
            b.emit(strict, ri, isTrue, li, spec[i], 0);
            b.emit(Opcode.Goto, 0, isFalse);
            b.resolve(next);
        }
        b.emit(cmp, r.start() + k - 1, target, l.start() + k - 1, spec[k - 1], Vdbe.STORE_RESULT);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(isTrue);
        b.emit(Opcode.Integer, 1, target);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(isFalse);
        b.emit(Opcode.Integer, 0, target);
        b.emit(Opcode.Goto, 0, done);
        b.resolve(isNull);
        b.emit(Opcode.Null, 0, target);
        b.resolve(done);
    }
}
