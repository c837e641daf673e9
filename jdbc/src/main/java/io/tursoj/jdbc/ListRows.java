package io.tursoj.jdbc;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Rows built by the driver (metadata, generated keys): values are null, Long, Integer, Double, String, byte[] or
 * Boolean (an INTEGER 1 or 0, as JDBC booleans such as NON_UNIQUE read in SQLite).
 */
final class ListRows implements Rows {
    private final List<String> names;
    private final List<String> types;
    private final List<Object[]> rows;
    private int position = -1;

    ListRows(List<String> names, List<String> types, List<Object[]> rows) {
        assert names.size() == types.size();
        this.names = names;
        this.types = types;
        this.rows = rows;
    }

    @Override
    public int columnCount() {
        return names.size();
    }

    @Override
    public String columnName(int i) {
        return names.get(i);
    }

    @Override
    public String declaredType(int i) {
        return types.get(i);
    }

    @Override
    public boolean next() {
        if (position < rows.size()) {
            position++;
        }
        return position < rows.size();
    }

    private Object value(int i) {
        return rows.get(position)[i];
    }

    @Override
    public int type(int i) {
        return switch (value(i)) {
            case null -> NULL;
            case Long l -> INTEGER;
            case Integer n -> INTEGER;
            case Short n -> INTEGER;
            case Boolean b -> INTEGER;
            case Double d -> REAL;
            case byte[] b -> BLOB;
            default -> TEXT;
        };
    }

    @Override
    public long getLong(int i) {
        return switch (value(i)) {
            case null -> 0;
            case Number n -> n.longValue();
            case Boolean b -> b ? 1 : 0;
            case String s -> Conversions.textToLong(s);
            default -> 0;
        };
    }

    @Override
    public double getDouble(int i) {
        return switch (value(i)) {
            case null -> 0;
            case Number n -> n.doubleValue();
            case Boolean b -> b ? 1 : 0;
            case String s -> Conversions.textToDouble(s);
            default -> 0;
        };
    }

    @Override
    public String getText(int i) {
        Object v = value(i);
        return switch (v) {
            case null -> null;
            case byte[] b -> new String(b, StandardCharsets.UTF_8);
            case Boolean b -> b ? "1" : "0";
            default -> v.toString();
        };
    }

    @Override
    public byte[] getBlob(int i) {
        Object v = value(i);
        return switch (v) {
            case null -> null;
            case byte[] b -> b.clone();
            default -> v.toString().getBytes(StandardCharsets.UTF_8);
        };
    }

    @Override
    public void close() {
        position = rows.size();
    }
}
