package io.tursoj.schema;

import io.tursoj.translate.parser.Parser;
import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.OrderingTerm;
import io.tursoj.translate.parser.ast.Stmt;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Builds a {@link Schema} from the rows of sqlite_schema (type, name, tbl_name, rootpage, sql), as SQLite does at
 * open: tables first, then their indexes; an automatic index takes its columns from the n-th UNIQUE/PRIMARY KEY
 * constraint of its table's definition.
 */
public final class SchemaLoader {
    private SchemaLoader() {}

    /** One row of sqlite_schema. */
    public record Row(long rowid, String type, String name, String tableName, int rootPage, String sql) {}

    public static Schema load(List<Row> rows, int cookie) {
        long maxRowid = 0;
        for (Row r : rows) {
            maxRowid = Math.max(maxRowid, r.rowid());
        }
        Schema schema = new Schema(cookie, maxRowid);
        List<TableDefinition> defs = new ArrayList<>();
        for (Row r : rows) {
            if (r.type().equals("table") && r.sql() != null) {
                TableDefinition def = TableDefinition.of((Stmt.CreateTable) Parser.parse(r.sql()), r.sql());
                defs.add(def);
                Table table = new Table(r.name(), def.columns(), def.rowidAlias(), r.rootPage(), r.sql());
                table.checks().addAll(def.checks());
                schema.addTable(table);
            } else if (r.type().equals("view") && r.sql() != null) {
                Stmt.CreateView cv = (Stmt.CreateView) Parser.parse(r.sql());
                schema.addView(new View(r.name(), cv.columns(), cv.select(), r.sql()));
            } else if (!r.type().equals("index")) {
                schema.addOther(r.type(), r.name());
            }
        }
        for (Row r : rows) {
            if (!r.type().equals("index")) {
                continue;
            }
            Table t = schema.table(r.tableName());
            if (t == null) {
                continue;
            }
            if (r.sql() == null) {
                schema.addIndex(autoIndex(schema, t, defs, r));
            } else {
                schema.addIndex(definedIndex(t, (Stmt.CreateIndex) Parser.parse(r.sql()), r.rootPage(), r.sql()));
            }
        }
        return schema;
    }

    private static Index autoIndex(Schema schema, Table t, List<TableDefinition> defs, Row r) {
        String prefix = "sqlite_autoindex_" + t.name() + "_";
        int n = Integer.parseInt(r.name().substring(prefix.length()));
        for (TableDefinition d : defs) {
            if (d.name().equalsIgnoreCase(t.name())) {
                return autoIndex(t, d.autoIndexes().get(n - 1), r.name(), r.rootPage());
            }
        }
        throw new SchemaException("malformed database schema (" + r.name() + ")");
    }

    public static Index autoIndex(Table t, List<Integer> cols, String name, int root) {
        List<String> coll = new ArrayList<>();
        for (int c : cols) {
            coll.add(t.columns().get(c).collation());
        }
        return new Index(name, t.name(), cols, coll, Collections.nCopies(cols.size(), false), true, root, null);
    }

    /** The index {@code ci} defines on {@code t}; throws {@link SchemaException} on an unknown column. */
    public static Index definedIndex(Table t, Stmt.CreateIndex ci, int root, String sql) {
        List<Integer> cols = new ArrayList<>();
        List<String> coll = new ArrayList<>();
        List<Boolean> desc = new ArrayList<>();
        for (OrderingTerm term : ci.columns()) {
            Expr e = term.expr();
            String collation = null;
            if (e instanceof Expr.Collate c) {
                collation = c.collation().text();
                e = c.expr();
            }
            if (!(e instanceof Expr.ColumnRef ref)) {
                throw new SchemaException("expression indexes are not supported yet");
            }
            int idx = t.columnIndex(ref.column().text());
            if (idx < 0) {
                throw new SchemaException("no such column: " + ref.column().text());
            }
            cols.add(idx);
            coll.add(collation != null ? collation : t.columns().get(idx).collation());
            desc.add(term.order() == OrderingTerm.SortOrder.DESC);
        }
        return new Index(ci.name().name().text(), t.name(), cols, coll, desc, ci.unique(), root, sql);
    }
}
