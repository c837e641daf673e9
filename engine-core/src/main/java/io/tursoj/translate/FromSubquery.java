package io.tursoj.translate;

import io.tursoj.schema.Column;
import io.tursoj.schema.Table;
import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.Select;
import io.tursoj.vdbe.Opcode;
import io.tursoj.vdbe.ProgramBuilder;
import io.tursoj.vdbe.Specs;
import io.tursoj.vdbe.value.Affinity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A subquery in FROM (also a CTE or a view used as a table), materialized into an ephemeral table before the join
 * loops run. The table's columns carry the names SQLite gives them (duplicates become {@code name:1},
 * {@code name:2}...), and the declared type, affinity and collation of the select's result expressions. The
 * materialization is guarded by {@code Once} unless the select refers to an enclosing query.
 */
final class FromSubquery {
    /** Marks the synthetic table of a materialized subquery: its cursor is opened by the materialization. */
    static final int EPHEMERAL_ROOT = -1;

    private FromSubquery() {}

    /** Marks the synthetic table of an expanded view: unlike a subquery's, it has no rowid to name. */
    static final int VIEW_ROOT = -2;

    static boolean isEphemeral(Table t) {
        return t.rootPage() == EPHEMERAL_ROOT || t.rootPage() == VIEW_ROOT;
    }

    /** {@code t} marked as the expansion of a view. */
    static Table asView(Table t) {
        return new Table(t.name(), t.columns(), -1, VIEW_ROOT, null);
    }

    static Specs.Keys noKeys() {
        return new Specs.Keys(List.of(), List.of(), new boolean[0]);
    }

    /**
     * Emits the code that fills a fresh cursor with the rows of {@code select} and returns the table describing it.
     *
     * @param enclosing the scope outer references resolve in (the enclosing query's, not the FROM's own), or null
     * @param columnNames explicit column names (a CTE's or a view's column list), or null
     * @param what how errors name the object ("table c" for a CTE, the view name for a view)
     */
    static Table materialize(
            SelectCompiler outer,
            Scope enclosing,
            CteScope ctes,
            Select select,
            String name,
            List<Name> columnNames,
            String what,
            int cursor,
            String text) {
        ProgramBuilder b = outer.builder();
        int onceReg = b.newRegister();
        int skip = b.newLabel();
        b.emit(Opcode.Once, onceReg, skip);
        int before = enclosing == null ? 0 : enclosing.innerRefsUpward();
        b.emit(Opcode.SorterOpen, cursor, 0, 0, noKeys(), 0);
        SelectCompiler inner = outer.child(enclosing, ctes, text);
        inner.compile(select, (start, n) -> b.emit(Opcode.SorterInsert, cursor, start, n));
        if (enclosing != null && enclosing.innerRefsUpward() != before) {
            b.emit(Opcode.Null, 0, onceReg);
        }
        b.resolve(skip);
        return table(inner, name, columnNames, what);
    }

    static Table table(SelectCompiler inner, String name, List<Name> columnNames, String what) {
        List<String> names = inner.columnNames();
        if (columnNames != null && !columnNames.isEmpty() && columnNames.size() != names.size()) {
            throw Errors.error(
                    what.startsWith("table ")
                            ? what + " has " + names.size() + " values for " + columnNames.size() + " columns"
                            : "expected " + columnNames.size() + " columns for '" + what + "' but got " + names.size());
        }
        List<Column> columns = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String n = columnNames != null && !columnNames.isEmpty()
                    ? columnNames.get(i).text()
                    : names.get(i);
            String base = n;
            Integer count = seen.get(base.toLowerCase(Locale.ROOT));
            while (seen.containsKey(n.toLowerCase(Locale.ROOT))) {
                count = count == null ? 1 : count + 1;
                n = base + ":" + count;
            }
            seen.put(base.toLowerCase(Locale.ROOT), count == null ? 0 : count);
            seen.putIfAbsent(n.toLowerCase(Locale.ROOT), 0);
            Affinity aff = inner.resultAffinity(i);
            String type = inner.declaredTypes().get(i);
            columns.add(new Column(n, type, aff, false, null, inner.resultCollation(i), false));
        }
        return new Table(name, columns, -1, EPHEMERAL_ROOT, null);
    }
}
