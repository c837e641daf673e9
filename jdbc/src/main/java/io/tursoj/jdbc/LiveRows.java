package io.tursoj.jdbc;

import io.tursoj.api.ErrorCode;
import io.tursoj.api.Statement;
import io.tursoj.api.TursoException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

/**
 * The rows of a running engine statement. The statement is stepped on {@link #next()}; when the rows end, fail or are
 * closed, the statement is reset (or closed, when these rows own it) and {@code onFinish} runs once, which lets the
 * connection release its turn at the database.
 */
final class LiveRows implements Rows {
    private final Statement statement;
    private final boolean ownsStatement;
    private final Runnable onFinish;
    private final Runnable onInterrupt;
    private boolean finished;

    LiveRows(Statement statement, boolean ownsStatement, Runnable onFinish, Runnable onInterrupt) {
        this.statement = statement;
        this.ownsStatement = ownsStatement;
        this.onFinish = onFinish;
        this.onInterrupt = onInterrupt;
    }

    @Override
    public int columnCount() {
        return statement.columnCount();
    }

    @Override
    public String columnName(int i) {
        return statement.columnName(i);
    }

    @Override
    public String declaredType(int i) {
        return statement.columnDeclaredType(i);
    }

    @Override
    public boolean next() throws SQLException {
        if (finished) {
            return false;
        }
        try {
            if (statement.stepBlocking()) {
                return true;
            }
        } catch (TursoException e) {
            if (e.code() == ErrorCode.INTERRUPT) {
                onInterrupt.run();
            }
            close();
            throw Errors.of(e);
        }
        close();
        return false;
    }

    @Override
    public int type(int i) {
        return switch (statement.columnType(i)) {
            case "integer" -> INTEGER;
            case "real" -> REAL;
            case "text" -> TEXT;
            case "blob" -> BLOB;
            default -> NULL;
        };
    }

    @Override
    public long getLong(int i) {
        return statement.getLong(i);
    }

    @Override
    public double getDouble(int i) {
        return statement.getDouble(i);
    }

    @Override
    public String getText(int i) {
        return statement.getText(i);
    }

    @Override
    public byte[] getBlob(int i) {
        return switch (type(i)) {
            case NULL -> null;
            case BLOB, TEXT -> statement.getBlob(i);
            default -> statement.getText(i).getBytes(StandardCharsets.UTF_8);
        };
    }

    boolean isFinished() {
        return finished;
    }

    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            if (ownsStatement) {
                statement.close();
            } else {
                statement.reset();
            }
        } finally {
            onFinish.run();
        }
    }
}
