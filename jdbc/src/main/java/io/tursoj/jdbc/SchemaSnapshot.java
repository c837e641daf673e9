package io.tursoj.jdbc;

import io.tursoj.schema.Schema;
import io.tursoj.schema.SchemaException;
import io.tursoj.schema.SchemaLoader;
import io.tursoj.translate.parser.ParseException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema as DatabaseMetaData reports it: the rows of sqlite_schema, read through the connection, and the tables
 * and indexes the engine's parser makes of their SQL ({@link SchemaLoader}). The engine has no
 * {@code PRAGMA table_info}/{@code index_list}/{@code index_info} yet, so the CREATE statements are the source.
 */
record SchemaSnapshot(List<SchemaLoader.Row> rows, Schema schema) {
    static SchemaSnapshot read(TursoConnection connection) throws SQLException {
        List<SchemaLoader.Row> rows = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT rowid, type, name, tbl_name, rootpage, sql FROM sqlite_schema")) {
            while (rs.next()) {
                rows.add(new SchemaLoader.Row(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6)));
            }
        }
        try {
            return new SchemaSnapshot(rows, SchemaLoader.load(rows, 0));
        } catch (SchemaException | ParseException e) {
            throw new SQLException("malformed database schema: " + e.getMessage(), "XX001", 11, e);
        }
    }
}
