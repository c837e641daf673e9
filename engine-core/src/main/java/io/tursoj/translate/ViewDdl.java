package io.tursoj.translate;

import io.tursoj.schema.Schema;
import io.tursoj.translate.parser.ast.Stmt;

/** The checks of DROP VIEW, with SQLite's messages; the row deletion itself is the DDL compiler's. */
final class ViewDdl {
    private ViewDdl() {}

    /** A deleter of sqlite_schema rows whose column {@code column} (1 name, 2 tbl_name) equals a name. */
    @FunctionalInterface
    interface SchemaRowDeleter {
        void delete(int column, String name);
    }

    /** Emits the deletion of view {@code d.name()}; returns false when IF EXISTS found nothing to drop. */
    static boolean drop(Schema schema, Stmt.Drop d, SchemaRowDeleter deleter) {
        String name = d.name().name().text();
        if (schema.view(name) == null) {
            if (schema.table(name) != null) {
                throw Errors.error("use DROP TABLE to delete table " + name);
            }
            if (d.ifExists()) {
                return false;
            }
            throw Errors.error("no such view: " + name);
        }
        deleter.delete(1, schema.view(name).name());
        return true;
    }

    /** INSERT, UPDATE and DELETE on a view fail as SQLite's do (views have no INSTEAD OF triggers yet). */
    static void refuseWrite(Schema schema, Stmt stmt) {
        io.tursoj.translate.parser.ast.QualifiedName target = switch (stmt) {
            case Stmt.Insert i -> i.table();
            case Stmt.Update u -> u.table();
            case Stmt.Delete d -> d.table();
            default -> null;
        };
        if (target != null
                && schema.table(target.name().text()) == null
                && schema.view(target.name().text()) != null) {
            throw Errors.error("cannot modify " + target.name().text() + " because it is a view");
        }
    }
}
