package io.tursoj.translate.parser;

import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.Stmt;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/** Visits every expression and statement of a tree, found by reflection over the record components. */
abstract class AstWalker {

    void visitExpr(Expr expr) {}

    void visitStmt(Stmt stmt) {}

    final void stmt(Stmt stmt) {
        walk(stmt);
    }

    private void walk(Object node) {
        if (node == null) {
            return;
        }
        if (node instanceof Expr expr) {
            visitExpr(expr);
        }
        if (node instanceof Stmt stmt) {
            visitStmt(stmt);
        }
        if (node instanceof List<?> list) {
            list.forEach(this::walk);
            return;
        }
        Class<?> type = node.getClass();
        if (!type.isRecord() || !type.getPackageName().endsWith(".ast")) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            try {
                walk(component.getAccessor().invoke(node));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
