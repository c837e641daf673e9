package io.tursoj.translate;

import io.tursoj.translate.parser.SqlPrinter;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.translate.parser.ast.SelectCore;
import io.tursoj.translate.parser.ast.Span;
import io.tursoj.vdbe.Insn;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.ProgramBuilder;
import io.tursoj.vdbe.Specs;
import io.tursoj.vdbe.value.Affinity;
import io.tursoj.vdbe.value.Collation;
import io.tursoj.vdbe.value.Collations;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Compound selects ({@code UNION [ALL]}, {@code INTERSECT}, {@code EXCEPT}), evaluated left to right. Only UNION ALL
 * without ORDER BY streams its rows; otherwise the running result lives in an in-memory table: a distinct one
 * (ordered by every column, as SQLite's ephemeral index orders a UNION) once any operator removes duplicates, an
 * insertion-ordered one while only UNION ALL has applied. ORDER BY terms name result columns (by number, by a name
 * or alias from any of the selects, or by an expression equal to a result expression), and ORDER BY and LIMIT apply
 * to the whole. Column names, declared types and affinities come from the first select; a column's collation from
 * the leftmost select that has one.
 */
final class CompoundCompiler {
    private final SelectCompiler owner;
    private final ProgramBuilder b;
    private final List<SelectCompiler> cores = new ArrayList<>();
    /** The OpenEphemeral of each distinct table: their key descriptions are set once every select is compiled. */
    private final List<Insn> distinctOpens = new ArrayList<>();

    private int width = -1;

    CompoundCompiler(SelectCompiler owner) {
        this.owner = owner;
        this.b = owner.builder();
    }

    Affinity affinity(int i) {
        return cores.get(0).resultAffinity(i);
    }

    String collation(int i) {
        for (SelectCompiler c : cores) {
            String coll = c.resultCollation(i);
            if (coll != null) {
                return coll;
            }
        }
        return null;
    }

    /** A cursor on the running result and whether it holds distinct rows. */
    private record Acc(int cursor, boolean distinct) {}

    void compile(Select select, RowSink sink, List<String> names, List<String> types) {
        List<SelectCore> parts = new ArrayList<>();
        parts.add(select.first());
        for (Select.Compound c : select.compounds()) {
            parts.add(c.core());
        }
        Limits limits = Limits.of(owner, select);
        int end = b.newLabel();
        boolean streaming = select.orderBy().isEmpty()
                && select.compounds().stream().allMatch(c -> c.operator() == Select.CompoundOperator.UNION_ALL);
        if (streaming) {
            for (int i = 0; i < parts.size(); i++) {
                core(parts.get(i), i, select, (start, n) -> limits.output(b, start, n, end, sink));
            }
        } else {
            Acc acc = evaluate(parts, select);
            RowSink out = (start, n) -> limits.output(b, start, n, end, sink);
            if (select.orderBy().isEmpty()) {
                scan(acc.cursor(), out);
            } else {
                ordered(select.orderBy(), acc, limits, sink, end);
            }
        }
        b.resolve(end);
        names.addAll(cores.get(0).columnNames());
        types.addAll(cores.get(0).declaredTypes());
        fillCollations();
    }

    private void core(SelectCore part, int index, Select select, RowSink sink) {
        SelectCompiler c = owner.child(owner.scope().parent);
        cores.add(c);
        Select single = new Select(Span.NONE, null, part, List.of(), List.of(), null);
        c.compile(single, (start, n) -> {
            if (width < 0) {
                width = n;
            } else if (n != width) {
                throw Errors.error("SELECTs to the left and right of "
                        + select.compounds().get(index - 1).operator().sql()
                        + " do not have the same number of result columns");
            }
            sink.emit(start, n);
        });
    }

    private Acc evaluate(List<SelectCore> parts, Select select) {
        boolean firstDistinct = select.compounds().get(0).operator() != Select.CompoundOperator.UNION_ALL;
        Acc acc = open(firstDistinct);
        core(parts.get(0), 0, select, insertInto(acc));
        for (int i = 1; i < parts.size(); i++) {
            Select.CompoundOperator op = select.compounds().get(i - 1).operator();
            switch (op) {
                case UNION_ALL -> {
                    acc = converted(acc, false);
                    core(parts.get(i), i, select, insertInto(acc));
                }
                case UNION -> {
                    acc = converted(acc, true);
                    core(parts.get(i), i, select, insertInto(acc));
                }
                case INTERSECT, EXCEPT -> {
                    acc = converted(acc, true);
                    Acc right = open(true);
                    core(parts.get(i), i, select, insertInto(right));
                    Acc result = open(true);
                    Acc left = acc;
                    scan(left.cursor(), (start, n) -> {
                        int skip = b.newLabel();
                        b.emit(
                                op == Select.CompoundOperator.INTERSECT ? Opcode.NotFound : Opcode.Found,
                                right.cursor(),
                                skip,
                                start,
                                n,
                                0);
                        b.emit(Opcode.IdxInsert, result.cursor(), start, n);
                        b.resolve(skip);
                    });
                    acc = result;
                }
            }
        }
        return acc;
    }

    private Acc open(boolean distinct) {
        int cursor = b.newCursor();
        if (distinct) {
            distinctOpens.add(b.emit(Opcode.OpenEphemeral, cursor, 0, 0, FromSubquery.noKeys(), 0));
        } else {
            b.emit(Opcode.SorterOpen, cursor, 0, 0, FromSubquery.noKeys(), 0);
        }
        return new Acc(cursor, distinct);
    }

    private RowSink insertInto(Acc acc) {
        return (start, n) -> b.emit(acc.distinct() ? Opcode.IdxInsert : Opcode.SorterInsert, acc.cursor(), start, n);
    }

    /** {@code acc} itself when it already has the wanted kind, else a copy of its rows into a table of that kind. */
    private Acc converted(Acc acc, boolean distinct) {
        if (acc.distinct() == distinct) {
            return acc;
        }
        Acc to = open(distinct);
        scan(acc.cursor(), insertInto(to));
        return to;
    }

    /** Emits a loop over the rows of memory table {@code cursor}, handing each row to {@code body}. */
    private void scan(int cursor, RowSink body) {
        int n = width;
        int row = b.newRegisters(Math.max(n, 1));
        int done = b.newLabel();
        b.emit(Opcode.SorterSort, cursor, done);
        int top = b.currentAddress();
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.Column, cursor, i, row + i);
        }
        body.emit(row, n);
        b.emit(Opcode.SorterNext, cursor, top);
        b.resolve(done);
    }

    private void ordered(List<OrderingTerm> terms, Acc acc, Limits limits, RowSink sink, int end) {
        int k = terms.size();
        int[] column = new int[k];
        List<Collation> colls = new ArrayList<>();
        List<String> collNames = new ArrayList<>();
        boolean[] desc = new boolean[k];
        for (int i = 0; i < k; i++) {
            OrderingTerm t = terms.get(i);
            if (t.nulls() != OrderingTerm.NullsOrder.UNSPECIFIED) {
                throw Errors.unsupported("NULLS FIRST/LAST");
            }
            Expr e = t.expr();
            String coll = null;
            if (e instanceof Expr.Collate c) {
                coll = c.collation().text();
                e = c.expr();
            }
            column[i] = resolveTerm(e, i);
            if (coll == null) {
                coll = collation(column[i]);
            }
            String name = coll == null ? "BINARY" : coll.toUpperCase(Locale.ROOT);
            Collation c = Collations.builtIn(name);
            if (c == null) {
                throw Errors.error("no such collation sequence: " + coll);
            }
            colls.add(c);
            collNames.add(name);
            desc[i] = t.order() == OrderingTerm.SortOrder.DESC;
        }
        int sorter = b.newCursor();
        b.emit(Opcode.SorterOpen, sorter, k, 0, new Specs.Keys(colls, collNames, desc), 0);
        int n = width;
        int row = b.newRegisters(k + n);
        scan(acc.cursor(), (start, count) -> {
            for (int i = 0; i < k; i++) {
                b.emit(Opcode.SCopy, start + column[i], row + i);
            }
            b.emit(Opcode.Copy, start, row + k, n - 1);
            b.emit(Opcode.SorterInsert, sorter, row, k + n);
        });
        int out = b.newRegisters(Math.max(n, 1));
        int done = b.newLabel();
        b.emit(Opcode.SorterSort, sorter, done);
        int top = b.currentAddress();
        for (int i = 0; i < n; i++) {
            b.emit(Opcode.Column, sorter, k + i, out + i);
        }
        limits.output(b, out, n, end, sink);
        b.emit(Opcode.SorterNext, sorter, top);
        b.resolve(done);
    }

    /** The 0-based result column an ORDER BY term of a compound names. */
    private int resolveTerm(Expr e, int termIndex) {
        if (e instanceof Expr.NumericLiteral lit && !lit.isReal()) {
            int v;
            try {
                v = Integer.parseInt(lit.text());
            } catch (NumberFormatException tooBig) {
                v = 0;
            }
            if (v < 1 || v > width) {
                throw Errors.error(
                        ordinal(termIndex + 1) + " ORDER BY term out of range - should be between 1 and " + width);
            }
            return v - 1;
        }
        if (e instanceof Expr.ColumnRef ref && ref.table() == null) {
            for (SelectCompiler c : cores) {
                List<String> names = c.columnNames();
                for (int i = 0; i < names.size(); i++) {
                    if (names.get(i).equalsIgnoreCase(ref.column().text())) {
                        return i;
                    }
                }
            }
        }
        String text = SqlPrinter.print(e);
        for (SelectCompiler c : cores) {
            List<Expr> exprs = c.resultExprs();
            for (int i = 0; i < exprs.size(); i++) {
                if (SqlPrinter.print(exprs.get(i)).equalsIgnoreCase(text)) {
                    return i;
                }
            }
        }
        throw Errors.error(ordinal(termIndex + 1) + " ORDER BY term does not match any column in the result set");
    }

    static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13)
                ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    private void fillCollations() {
        List<Collation> collations = new ArrayList<>();
        List<String> collationNames = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            String c = collation(i);
            String name = c == null ? "BINARY" : c.toUpperCase(Locale.ROOT);
            Collation coll = Collations.builtIn(name);
            if (coll == null) {
                throw Errors.error("no such collation sequence: " + c);
            }
            collations.add(coll);
            collationNames.add(name);
        }
        Specs.Keys keys = new Specs.Keys(collations, collationNames, new boolean[width]);
        for (Insn open : distinctOpens) {
            b.setP4(open, keys);
        }
    }
}
