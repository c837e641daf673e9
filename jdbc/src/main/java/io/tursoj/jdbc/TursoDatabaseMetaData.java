package io.tursoj.jdbc;

import io.tursoj.schema.Column;
import io.tursoj.schema.Index;
import io.tursoj.schema.SchemaLoader;
import io.tursoj.schema.Table;
import io.tursoj.translate.parser.SqlPrinter;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * What tools ask of the database: tables, columns, indexes and primary keys come from sqlite_schema and the engine's
 * parse of its CREATE statements ({@link SchemaSnapshot}), shaped as the JDBC result sets with the columns the
 * specification lists. SQLite has no catalogs or schemas here: both are reported as null, as sqlite-jdbc does.
 * The product is reported as "SQLite" so that tools pick the SQLite dialect.
 */
final class TursoDatabaseMetaData implements DatabaseMetaData {
    private static final List<String> TABLES = List.of(
            "TABLE_CAT",
            "TABLE_SCHEM",
            "TABLE_NAME",
            "TABLE_TYPE",
            "REMARKS",
            "TYPE_CAT",
            "TYPE_SCHEM",
            "TYPE_NAME",
            "SELF_REFERENCING_COL_NAME",
            "REF_GENERATION");
    private static final List<String> COLUMNS = List.of(
            "TABLE_CAT",
            "TABLE_SCHEM",
            "TABLE_NAME",
            "COLUMN_NAME",
            "DATA_TYPE",
            "TYPE_NAME",
            "COLUMN_SIZE",
            "BUFFER_LENGTH",
            "DECIMAL_DIGITS",
            "NUM_PREC_RADIX",
            "NULLABLE",
            "REMARKS",
            "COLUMN_DEF",
            "SQL_DATA_TYPE",
            "SQL_DATETIME_SUB",
            "CHAR_OCTET_LENGTH",
            "ORDINAL_POSITION",
            "IS_NULLABLE",
            "SCOPE_CATALOG",
            "SCOPE_SCHEMA",
            "SCOPE_TABLE",
            "SOURCE_DATA_TYPE",
            "IS_AUTOINCREMENT",
            "IS_GENERATEDCOLUMN");
    private static final List<String> PRIMARY_KEYS =
            List.of("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ", "PK_NAME");
    private static final List<String> INDEX_INFO = List.of(
            "TABLE_CAT",
            "TABLE_SCHEM",
            "TABLE_NAME",
            "NON_UNIQUE",
            "INDEX_QUALIFIER",
            "INDEX_NAME",
            "TYPE",
            "ORDINAL_POSITION",
            "COLUMN_NAME",
            "ASC_OR_DESC",
            "CARDINALITY",
            "PAGES",
            "FILTER_CONDITION");
    private static final List<String> KEYS = List.of(
            "PKTABLE_CAT",
            "PKTABLE_SCHEM",
            "PKTABLE_NAME",
            "PKCOLUMN_NAME",
            "FKTABLE_CAT",
            "FKTABLE_SCHEM",
            "FKTABLE_NAME",
            "FKCOLUMN_NAME",
            "KEY_SEQ",
            "UPDATE_RULE",
            "DELETE_RULE",
            "FK_NAME",
            "PK_NAME",
            "DEFERRABILITY");
    private static final List<String> TYPE_INFO = List.of(
            "TYPE_NAME",
            "DATA_TYPE",
            "PRECISION",
            "LITERAL_PREFIX",
            "LITERAL_SUFFIX",
            "CREATE_PARAMS",
            "NULLABLE",
            "CASE_SENSITIVE",
            "SEARCHABLE",
            "UNSIGNED_ATTRIBUTE",
            "FIXED_PREC_SCALE",
            "AUTO_INCREMENT",
            "LOCAL_TYPE_NAME",
            "MINIMUM_SCALE",
            "MAXIMUM_SCALE",
            "SQL_DATA_TYPE",
            "SQL_DATETIME_SUB",
            "NUM_PREC_RADIX");

    private final TursoConnection connection;

    TursoDatabaseMetaData(TursoConnection connection) {
        this.connection = connection;
    }

    private static ResultSet result(List<String> columns, List<Object[]> rows) {
        return new TursoResultSet(null, new ListRows(columns, Collections.nCopies(columns.size(), null), rows), 0);
    }

    private static ResultSet empty(List<String> columns) {
        return result(columns, List.of());
    }

    private static ResultSet empty() {
        return empty(List.of());
    }

    // ---------------------------------------------------------------- schema objects

    @Override
    public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
            throws SQLException {
        MetaPattern names = MetaPattern.of(tableNamePattern);
        List<String> wanted = types == null ? null : Arrays.asList(types);
        List<Object[]> rows = new ArrayList<>();
        for (SchemaLoader.Row r : SchemaSnapshot.read(connection).rows()) {
            String type = tableType(r);
            if (type == null || !names.matches(r.name()) || (wanted != null && !wanted.contains(type))) {
                continue;
            }
            rows.add(new Object[] {null, null, r.name(), type, null, null, null, null, null, null});
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String) r[3]).thenComparing(r -> (String) r[2]));
        return result(TABLES, rows);
    }

    private static String tableType(SchemaLoader.Row r) {
        return switch (r.type()) {
            case "table" -> r.name().startsWith("sqlite_") ? "SYSTEM TABLE" : "TABLE";
            case "view" -> "VIEW";
            default -> null;
        };
    }

    @Override
    public ResultSet getTableTypes() {
        return result(
                List.of("TABLE_TYPE"),
                List.of(new Object[] {"SYSTEM TABLE"}, new Object[] {"TABLE"}, new Object[] {"VIEW"}));
    }

    private List<Table> tables(String tableNamePattern) throws SQLException {
        MetaPattern names = MetaPattern.of(tableNamePattern);
        List<Table> tables = new ArrayList<>();
        for (Table t : SchemaSnapshot.read(connection).schema().tables()) {
            if (names.matches(t.name())) {
                tables.add(t);
            }
        }
        tables.sort(Comparator.comparing(Table::name));
        return tables;
    }

    @Override
    public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern, String columnPattern)
            throws SQLException {
        MetaPattern columnNames = MetaPattern.of(columnPattern);
        List<Object[]> rows = new ArrayList<>();
        for (Table t : tables(tableNamePattern)) {
            List<Column> columns = t.columns();
            for (int i = 0; i < columns.size(); i++) {
                Column c = columns.get(i);
                if (columnNames.matches(c.name())) {
                    rows.add(columnRow(t, c, i));
                }
            }
        }
        return result(COLUMNS, rows);
    }

    private static Object[] columnRow(Table t, Column c, int i) {
        String type = c.declaredType() == null ? "" : c.declaredType();
        // As PRAGMA table_info reports it: an INTEGER PRIMARY KEY is not NOT NULL (a NULL there picks a rowid).
        boolean notNull = c.notNull();
        boolean autoIncrement = t.rowidAlias() == i
                && t.sql() != null
                && t.sql().toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
        String defaultValue = c.defaultValue() == null ? null : SqlPrinter.print(c.defaultValue());
        return new Object[] {
            null,
            null,
            t.name(),
            c.name(),
            columnSqlType(type),
            type,
            2_000_000_000,
            null,
            10,
            10,
            notNull ? columnNoNulls : columnNullable,
            null,
            defaultValue,
            null,
            null,
            2_000_000_000,
            i + 1,
            notNull ? "NO" : "YES",
            null,
            null,
            null,
            null,
            autoIncrement ? "YES" : "NO",
            "NO"
        };
    }

    /** DATA_TYPE of getColumns by SQLite's affinity rules, as sqlite-jdbc reports it (REAL is FLOAT). */
    static int columnSqlType(String declared) {
        String t = declared.toUpperCase(Locale.ROOT);
        if (t.contains("INT")) {
            return Types.INTEGER;
        }
        if (t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT")) {
            return Types.VARCHAR;
        }
        if (t.contains("BLOB") || t.isEmpty()) {
            return Types.BLOB;
        }
        if (t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB")) {
            return Types.FLOAT;
        }
        return Types.NUMERIC;
    }

    @Override
    public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Table t : tables(null)) {
            if (!MetaPattern.sameName(table, t.name())) {
                continue;
            }
            int seq = 0;
            for (String column : TableSql.primaryKey(t.sql())) {
                rows.add(new Object[] {null, null, t.name(), column, ++seq, null});
            }
        }
        rows.sort(Comparator.comparing(r -> ((String) r[3]).toLowerCase(Locale.ROOT)));
        return result(PRIMARY_KEYS, rows);
    }

    @Override
    public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
            throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        for (Table t : tables(null)) {
            if (!MetaPattern.sameName(table, t.name())) {
                continue;
            }
            for (Index index : t.indexes()) {
                if (unique && !index.unique()) {
                    continue;
                }
                for (int k = 0; k < index.columns().size(); k++) {
                    String column = t.columns().get(index.columns().get(k)).name();
                    rows.add(new Object[] {
                        null,
                        null,
                        t.name(),
                        !index.unique(),
                        null,
                        index.name(),
                        (int) tableIndexOther,
                        k + 1,
                        column,
                        index.descending().get(k) ? "D" : "A",
                        0,
                        0,
                        null
                    });
                }
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (Boolean) r[3])
                .thenComparing(r -> (String) r[5])
                .thenComparing(r -> (Integer) r[7]));
        return result(INDEX_INFO, rows);
    }

    /** The foreign keys of {@code table}, from its CREATE TABLE text. */
    @Override
    public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
        return foreignKeys(table, null);
    }

    /** The foreign keys of other tables that refer to {@code table}. */
    @Override
    public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
        return foreignKeys(null, table);
    }

    private ResultSet foreignKeys(String child, String parent) throws SQLException {
        List<Table> all = tables(null);
        List<Object[]> rows = new ArrayList<>();
        for (Table t : all) {
            if (!MetaPattern.sameName(child, t.name())) {
                continue;
            }
            for (TableSql.ForeignKey fk : TableSql.foreignKeys(t.sql())) {
                if (!MetaPattern.sameName(parent, fk.parentTable())) {
                    continue;
                }
                String parentColumn = fk.parentColumn();
                if (parentColumn == null) {
                    parentColumn = parentKeyColumn(all, fk);
                }
                rows.add(new Object[] {
                    null,
                    null,
                    fk.parentTable(),
                    parentColumn,
                    null,
                    null,
                    t.name(),
                    fk.column(),
                    fk.seq(),
                    fk.updateRule(),
                    fk.deleteRule(),
                    null,
                    null,
                    importedKeyNotDeferrable
                });
            }
        }
        rows.sort(Comparator.comparing((Object[] r) -> (String) (child != null ? r[2] : r[6]))
                .thenComparing(r -> (Integer) r[8]));
        return result(KEYS, rows);
    }

    /** A foreign key naming no parent columns refers to the parent's primary key, column by column. */
    private static String parentKeyColumn(List<Table> all, TableSql.ForeignKey fk) {
        for (Table p : all) {
            if (p.name().equalsIgnoreCase(fk.parentTable())) {
                List<String> key = TableSql.primaryKey(p.sql());
                return fk.seq() <= key.size() ? key.get(fk.seq() - 1) : null;
            }
        }
        return null;
    }

    @Override
    public ResultSet getSchemas() {
        return empty(List.of("TABLE_SCHEM", "TABLE_CATALOG"));
    }

    @Override
    public ResultSet getSchemas(String catalog, String schemaPattern) {
        return getSchemas();
    }

    @Override
    public ResultSet getCatalogs() {
        return empty(List.of("TABLE_CAT"));
    }

    @Override
    public ResultSet getTypeInfo() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(typeRow("NULL", Types.NULL, 0));
        rows.add(typeRow("INTEGER", Types.INTEGER, 19));
        rows.add(typeRow("REAL", Types.REAL, 17));
        rows.add(typeRow("TEXT", Types.VARCHAR, 1_000_000_000));
        rows.add(typeRow("BLOB", Types.BLOB, 1_000_000_000));
        return result(TYPE_INFO, rows);
    }

    private static Object[] typeRow(String name, int type, int precision) {
        boolean text = type == Types.VARCHAR;
        return new Object[] {
            name,
            type,
            precision,
            text ? "'" : null,
            text ? "'" : null,
            null,
            typeNullable,
            text,
            typeSearchable,
            false,
            false,
            type == Types.INTEGER,
            name,
            0,
            0,
            0,
            0,
            10
        };
    }

    // ---------------------------------------------------------------- product and driver

    @Override
    public String getDatabaseProductName() {
        return "SQLite";
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT sqlite_version()")) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        return Integer.parseInt(getDatabaseProductVersion().split("\\.")[0]);
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        return Integer.parseInt(getDatabaseProductVersion().split("\\.")[1]);
    }

    @Override
    public String getDriverName() {
        return "TursoJ JDBC";
    }

    @Override
    public String getDriverVersion() {
        return TursoDriver.VERSION;
    }

    @Override
    public int getDriverMajorVersion() {
        return TursoDriver.MAJOR_VERSION;
    }

    @Override
    public int getDriverMinorVersion() {
        return TursoDriver.MINOR_VERSION;
    }

    @Override
    public int getJDBCMajorVersion() {
        return 4;
    }

    @Override
    public int getJDBCMinorVersion() {
        return 2;
    }

    @Override
    public String getURL() {
        return connection.url();
    }

    @Override
    public String getUserName() {
        return null;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public boolean isReadOnly() throws SQLException {
        return connection.isReadOnly();
    }

    @Override
    public String getIdentifierQuoteString() {
        return "\"";
    }

    @Override
    public String getSearchStringEscape() {
        return "\\";
    }

    @Override
    public String getExtraNameCharacters() {
        return "";
    }

    @Override
    public String getCatalogSeparator() {
        return ".";
    }

    @Override
    public String getCatalogTerm() {
        return "catalog";
    }

    @Override
    public String getSchemaTerm() {
        return "schema";
    }

    @Override
    public String getProcedureTerm() {
        return "not_implemented";
    }

    @Override
    public String getSQLKeywords() {
        return "ABORT,ACTION,AFTER,ANALYZE,ATTACH,AUTOINCREMENT,BEFORE,CASCADE,CONFLICT,DATABASE,DEFERRABLE,"
                + "DEFERRED,DETACH,EACH,EXCLUSIVE,EXPLAIN,FAIL,GLOB,IF,IGNORE,IMMEDIATE,INDEXED,INITIALLY,INSTEAD,"
                + "ISNULL,KEY,LIMIT,NOTNULL,OFFSET,PLAN,PRAGMA,QUERY,RAISE,RECURSIVE,REGEXP,REINDEX,RELEASE,RENAME,"
                + "REPLACE,RESTRICT,ROW,SAVEPOINT,TEMP,TEMPORARY,TRIGGER,VACUUM,VIEW,VIRTUAL,WITHOUT";
    }

    @Override
    public String getNumericFunctions() {
        return "abs,max,min,random,round";
    }

    @Override
    public String getStringFunctions() {
        return "length,like,lower,ltrim,replace,rtrim,substr,trim,upper";
    }

    @Override
    public String getSystemFunctions() {
        return "changes,coalesce,ifnull,last_insert_rowid,nullif,sqlite_version,typeof";
    }

    @Override
    public String getTimeDateFunctions() {
        return "date,time,datetime,julianday,strftime";
    }

    @Override
    public int getMaxColumnsInTable() {
        return 2000;
    }

    @Override
    public int getMaxConnections() {
        return 0;
    }

    @Override
    public RowIdLifetime getRowIdLifetime() {
        return RowIdLifetime.ROWID_VALID_OTHER;
    }

    @Override
    public boolean supportsConvert() {
        return false;
    }

    @Override
    public boolean supportsConvert(int fromType, int toType) {
        return false;
    }

    /** The engine runs SAVEPOINT, RELEASE and ROLLBACK TO with SQLite's nesting rules. */
    @Override
    public boolean supportsSavepoints() {
        return true;
    }

    @Override
    public int getDefaultTransactionIsolation() {
        return Connection.TRANSACTION_SERIALIZABLE;
    }

    @Override
    public boolean supportsTransactionIsolationLevel(int level) {
        return level != Connection.TRANSACTION_NONE;
    }

    @Override
    public boolean supportsResultSetType(int type) {
        return type == ResultSet.TYPE_FORWARD_ONLY;
    }

    @Override
    public boolean supportsResultSetConcurrency(int type, int concurrency) {
        return type == ResultSet.TYPE_FORWARD_ONLY && concurrency == ResultSet.CONCUR_READ_ONLY;
    }

    @Override
    public boolean supportsResultSetHoldability(int holdability) {
        return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getResultSetHoldability() {
        return ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public int getSQLStateType() {
        return sqlStateSQL;
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw Errors.misuse("not a wrapper for " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }

    // ---------------------------------------------------------------- everything else: SQLite's fixed answers

    @Override
    public boolean allProceduresAreCallable() throws SQLException {
        return false;
    }

    @Override
    public boolean allTablesAreSelectable() throws SQLException {
        return true;
    }

    @Override
    public boolean autoCommitFailureClosesAllResultSets() throws SQLException {
        return false;
    }

    @Override
    public boolean dataDefinitionCausesTransactionCommit() throws SQLException {
        return false;
    }

    @Override
    public boolean dataDefinitionIgnoredInTransactions() throws SQLException {
        return false;
    }

    @Override
    public boolean deletesAreDetected(int arg0) throws SQLException {
        return false;
    }

    @Override
    public boolean doesMaxRowSizeIncludeBlobs() throws SQLException {
        return false;
    }

    @Override
    public boolean generatedKeyAlwaysReturned() throws SQLException {
        return false;
    }

    @Override
    public ResultSet getAttributes(String arg0, String arg1, String arg2, String arg3) throws SQLException {
        return empty();
    }

    @Override
    public ResultSet getBestRowIdentifier(String arg0, String arg1, String arg2, int arg3, boolean arg4)
            throws SQLException {
        return empty();
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return empty();
    }

    @Override
    public ResultSet getColumnPrivileges(String arg0, String arg1, String arg2, String arg3) throws SQLException {
        return empty();
    }

    @Override
    public ResultSet getCrossReference(String arg0, String arg1, String arg2, String arg3, String arg4, String arg5)
            throws SQLException {
        return empty();
    }

    @Override
    public ResultSet getFunctionColumns(String arg0, String arg1, String arg2, String arg3) throws SQLException {
        return empty();
    }

    @Override
    public ResultSet getFunctions(String arg0, String arg1, String arg2) throws SQLException {
        return empty();
    }

    @Override
    public int getMaxBinaryLiteralLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxCatalogNameLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxCharLiteralLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnNameLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInGroupBy() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInIndex() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInOrderBy() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxColumnsInSelect() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxCursorNameLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxIndexLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxProcedureNameLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxRowSize() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxSchemaNameLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxStatementLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxStatements() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxTableNameLength() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxTablesInSelect() throws SQLException {
        return 0;
    }

    @Override
    public int getMaxUserNameLength() throws SQLException {
        return 0;
    }

    @Override
    public ResultSet getProcedureColumns(String arg0, String arg1, String arg2, String arg3) throws SQLException {
        return empty();
    }

    @Override
    public ResultSet getProcedures(String arg0, String arg1, String arg2) throws SQLException {
        return empty();
    }

    @Override
    public ResultSet getPseudoColumns(String arg0, String arg1, String arg2, String arg3) throws SQLException {
        return empty();
    }

    @Override
    public ResultSet getSuperTables(String arg0, String arg1, String arg2) throws SQLException {
        return empty();
    }

    @Override
    public ResultSet getSuperTypes(String arg0, String arg1, String arg2) throws SQLException {
        return empty();
    }

    @Override
    public ResultSet getTablePrivileges(String arg0, String arg1, String arg2) throws SQLException {
        return empty();
    }

    @Override
    public ResultSet getUDTs(String arg0, String arg1, String arg2, int[] arg3) throws SQLException {
        return empty();
    }

    @Override
    public ResultSet getVersionColumns(String arg0, String arg1, String arg2) throws SQLException {
        return empty();
    }

    @Override
    public boolean insertsAreDetected(int arg0) throws SQLException {
        return false;
    }

    @Override
    public boolean isCatalogAtStart() throws SQLException {
        return false;
    }

    @Override
    public boolean locatorsUpdateCopy() throws SQLException {
        return false;
    }

    @Override
    public boolean nullPlusNonNullIsNull() throws SQLException {
        return true;
    }

    @Override
    public boolean nullsAreSortedAtEnd() throws SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedAtStart() throws SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedHigh() throws SQLException {
        return false;
    }

    @Override
    public boolean nullsAreSortedLow() throws SQLException {
        return true;
    }

    @Override
    public boolean othersDeletesAreVisible(int arg0) throws SQLException {
        return false;
    }

    @Override
    public boolean othersInsertsAreVisible(int arg0) throws SQLException {
        return false;
    }

    @Override
    public boolean othersUpdatesAreVisible(int arg0) throws SQLException {
        return false;
    }

    @Override
    public boolean ownDeletesAreVisible(int arg0) throws SQLException {
        return false;
    }

    @Override
    public boolean ownInsertsAreVisible(int arg0) throws SQLException {
        return false;
    }

    @Override
    public boolean ownUpdatesAreVisible(int arg0) throws SQLException {
        return false;
    }

    @Override
    public boolean storesLowerCaseIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesLowerCaseQuotedIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesMixedCaseIdentifiers() throws SQLException {
        return true;
    }

    @Override
    public boolean storesMixedCaseQuotedIdentifiers() throws SQLException {
        return true;
    }

    @Override
    public boolean storesUpperCaseIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean storesUpperCaseQuotedIdentifiers() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsANSI92EntryLevelSQL() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsANSI92FullSQL() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsANSI92IntermediateSQL() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsAlterTableWithAddColumn() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsAlterTableWithDropColumn() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsBatchUpdates() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsCatalogsInDataManipulation() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInIndexDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInPrivilegeDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInProcedureCalls() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsCatalogsInTableDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsColumnAliasing() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsCoreSQLGrammar() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsCorrelatedSubqueries() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsDataDefinitionAndDataManipulationTransactions() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsDataManipulationTransactionsOnly() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsDifferentTableCorrelationNames() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsExpressionsInOrderBy() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsExtendedSQLGrammar() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsFullOuterJoins() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsGetGeneratedKeys() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsGroupBy() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsGroupByBeyondSelect() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsGroupByUnrelated() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsIntegrityEnhancementFacility() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsLikeEscapeClause() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsLimitedOuterJoins() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsMinimumSQLGrammar() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsMixedCaseIdentifiers() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsMixedCaseQuotedIdentifiers() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsMultipleOpenResults() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsMultipleResultSets() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsMultipleTransactions() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsNamedParameters() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsNonNullableColumns() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsOpenCursorsAcrossCommit() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsOpenCursorsAcrossRollback() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsOpenStatementsAcrossCommit() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsOpenStatementsAcrossRollback() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsOrderByUnrelated() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsOuterJoins() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsPositionedDelete() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsPositionedUpdate() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSchemasInDataManipulation() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSchemasInIndexDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSchemasInPrivilegeDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSchemasInProcedureCalls() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSchemasInTableDefinitions() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSelectForUpdate() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsStatementPooling() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsStoredFunctionsUsingCallSyntax() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsStoredProcedures() throws SQLException {
        return false;
    }

    @Override
    public boolean supportsSubqueriesInComparisons() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInExists() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInIns() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsSubqueriesInQuantifieds() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsTableCorrelationNames() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsTransactions() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsUnion() throws SQLException {
        return true;
    }

    @Override
    public boolean supportsUnionAll() throws SQLException {
        return true;
    }

    @Override
    public boolean updatesAreDetected(int arg0) throws SQLException {
        return false;
    }

    @Override
    public boolean usesLocalFilePerTable() throws SQLException {
        return false;
    }

    @Override
    public boolean usesLocalFiles() throws SQLException {
        return true;
    }
}
