package io.tursoj.translate;

import io.tursoj.translate.parser.ast.Expr;
import io.tursoj.translate.parser.ast.IndexedBy;
import java.util.List;

/**
 * One loop of a join as the planner sees it: its source, whether it is the right side of a LEFT JOIN, its ON terms
 * and its {@code INDEXED BY} / {@code NOT INDEXED} clause (or null).
 */
record JoinLevel(Source source, boolean left, List<Expr> on, IndexedBy indexedBy) {}
