package io.tursoj.schema;

import io.tursoj.translate.parser.ast.Name;
import io.tursoj.translate.parser.ast.Select;
import java.util.List;

/**
 * A view as stored in sqlite_schema: its name, the column names of its optional column list (empty when none),
 * the SELECT it stands for, and the SQL text SQLite stores for it.
 */
public record View(String name, List<Name> columns, Select select, String sql) {}
