package io.tursoj.api;

import io.tursoj.io.Completion;
import io.tursoj.vdbe.Program;
import io.tursoj.vdbe.Vdbe;
import io.tursoj.vdbe.value.Register;
import io.tursoj.vdbe.value.Value;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * A prepared statement. {@link #step()} never blocks on I/O: it returns {@link StepResult#IO} and the caller runs
 * {@link #runIO()} (or steps the IO itself) before stepping again. {@link #run}, {@link #get}, {@link #all} and
 * {@link #iterate} are the blocking conveniences of Turso's JavaScript API built on that loop.
 */
public final class Statement implements AutoCloseable {
    private final Connection connection;
    private final Program program;
    private final Vdbe vdbe;
    private boolean closed;

    Statement(Connection connection, Program program) {
        this.connection = connection;
        this.program = program;
        this.vdbe = new Vdbe(program, connection.host());
        connection.register(this);
    }

    /** One step: a row, the end, or a pause for I/O, busy or interrupt. Errors are thrown as {@link TursoException}. */
    public StepResult step() {
        checkOpen();
        synchronized (connection.database().lock()) {
            StepResult r = vdbe.step();
            if (r == StepResult.INTERRUPT) {
                connection.clearInterrupt();
            }
            return r;
        }
    }

    /** Waits for the I/O the last {@link StepResult#IO} reported. */
    public void runIO() {
        Completion c = vdbe.pendingCompletion();
        if (c == null) {
            return;
        }
        try {
            connection.database().io().waitFor(c);
        } catch (IOException e) {
            throw new TursoException(ErrorCode.IOERR, "disk I/O error: " + e.getMessage(), e);
        }
    }

    /** Steps until a row or the end, running I/O in between; true on a row. */
    public boolean stepBlocking() {
        BusyWait busy = null;
        for (; ; ) {
            StepResult r = step();
            if (r == StepResult.BUSY) {
                busy = busy == null ? new BusyWait(connection.database().io(), connection.busyTimeout()) : busy;
                if (busy.again()) {
                    continue;
                }
            }
            switch (r) {
                case ROW -> {
                    return true;
                }
                case DONE -> {
                    return false;
                }
                case IO -> runIO();
                case BUSY -> throw new TursoException(ErrorCode.BUSY, "database is locked");
                case INTERRUPT -> throw new TursoException(ErrorCode.INTERRUPT, "interrupted");
            }
        }
    }

    // ---------------------------------------------------------------- columns

    public int columnCount() {
        return program.columnNames().size();
    }

    public String columnName(int i) {
        return program.columnNames().get(i);
    }

    public List<String> columnNames() {
        return program.columnNames();
    }

    /** The declared type of result column {@code i} when it is a table column, else null. */
    public String columnDeclaredType(int i) {
        return program.columnDeclaredTypes().get(i);
    }

    /** The type of the value in column {@code i} of the current row: integer, real, text, blob or null. */
    public String columnType(int i) {
        return reg(i).type().typeName();
    }

    public boolean isNull(int i) {
        return reg(i).isNull();
    }

    public long getLong(int i) {
        return reg(i).asLong();
    }

    public double getDouble(int i) {
        return reg(i).asDouble();
    }

    public String getText(int i) {
        Register r = reg(i);
        return r.isNull() ? null : r.asString();
    }

    public byte[] getBlob(int i) {
        Register r = reg(i);
        if (r.isNull()) {
            return null;
        }
        if (r.type() == io.tursoj.vdbe.value.ValueType.BLOB) {
            return java.util.Arrays.copyOf(r.bytes(), r.length());
        }
        return java.util.Arrays.copyOf(r.textBytes(), r.textLength());
    }

    /** Column {@code i} as a Java value: null, Long, Double, String or byte[]. */
    public Object getValue(int i) {
        Register r = reg(i);
        return switch (r.type()) {
            case NULL -> null;
            case INTEGER -> r.longRaw();
            case REAL -> r.doubleRaw();
            case TEXT -> r.asString();
            case BLOB -> java.util.Arrays.copyOf(r.bytes(), r.length());
        };
    }

    private Register reg(int i) {
        if (i < 0 || i >= vdbe.resultColumnCount()) {
            throw new TursoException(ErrorCode.RANGE, "column index out of range");
        }
        return vdbe.column(i);
    }

    /**
     * True if the statement does not write the database (SQLite's {@code sqlite3_stmt_readonly}): its program opens
     * no write transaction.
     */
    public boolean isReadOnly() {
        for (io.tursoj.vdbe.Insn insn : program.insns()) {
            if (insn.opcode() == io.tursoj.vdbe.Opcode.Transaction && insn.p2() != 0) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- parameters

    public int parameterCount() {
        return program.parameterCount();
    }

    /** The index of parameter {@code name} ({@code :a}, {@code @a}, {@code $a}, {@code ?3}; a bare {@code a} too). */
    public int parameterIndex(String name) {
        Integer i = program.parameterIndexes().get(name);
        if (i == null) {
            for (String prefix : List.of(":", "@", "$")) {
                i = program.parameterIndexes().get(prefix + name);
                if (i != null) {
                    break;
                }
            }
        }
        return i == null ? 0 : i;
    }

    public Statement bind(int index, Object value) {
        vdbe.bind(index, toValue(value));
        return this;
    }

    public Statement bind(String name, Object value) {
        int i = parameterIndex(name);
        if (i == 0) {
            throw new TursoException(ErrorCode.RANGE, "no such parameter: " + name);
        }
        return bind(i, value);
    }

    /** Binds positional arguments, or one {@link Map} of named ones. */
    public Statement bindAll(Object... args) {
        if (args.length == 1 && args[0] instanceof Map<?, ?> named) {
            for (Map.Entry<?, ?> e : named.entrySet()) {
                bind(String.valueOf(e.getKey()), e.getValue());
            }
            return this;
        }
        for (int i = 0; i < args.length; i++) {
            bind(i + 1, args[i]);
        }
        return this;
    }

    public void clearBindings() {
        vdbe.clearBindings();
    }

    static Value toValue(Object v) {
        return switch (v) {
            case null -> Value.NULL;
            case Double d -> Value.ofDouble(d);
            case Float f -> Value.ofDouble(f);
            case Number n -> Value.ofLong(n.longValue());
            case Boolean b -> Value.ofLong(b ? 1 : 0);
            case String s -> Value.ofText(s);
            case byte[] b -> Value.ofBlob(b);
            case Value value -> value;
            default ->
                throw new TursoException(
                        ErrorCode.MISMATCH, "cannot bind a " + v.getClass().getName());
        };
    }

    // ---------------------------------------------------------------- conveniences

    /** Rewinds the statement to run again; bindings stay. */
    public void reset() {
        synchronized (connection.database().lock()) {
            vdbe.reset();
        }
    }

    /** Runs to completion with {@code args} bound; returns the changes and last rowid. */
    public RunResult run(Object... args) {
        start(args);
        while (stepBlocking()) {
            // Rows of a statement run for its effect are discarded.
        }
        return new RunResult(connection.changes(), connection.lastInsertRowid());
    }

    /** The first row, or null. */
    public Row get(Object... args) {
        start(args);
        Row row = stepBlocking() ? currentRow() : null;
        reset();
        return row;
    }

    public List<Row> all(Object... args) {
        start(args);
        List<Row> rows = new ArrayList<>();
        while (stepBlocking()) {
            rows.add(currentRow());
        }
        return rows;
    }

    public Iterator<Row> iterate(Object... args) {
        start(args);
        return new Iterator<>() {
            private Boolean ready;

            @Override
            public boolean hasNext() {
                if (ready == null) {
                    ready = stepBlocking();
                }
                return ready;
            }

            @Override
            public Row next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                ready = null;
                return currentRow();
            }
        };
    }

    /** The current row as Java values. */
    public Row currentRow() {
        Object[] values = new Object[columnCount()];
        for (int i = 0; i < values.length; i++) {
            values[i] = getValue(i);
        }
        return new Row(program.columnNames(), values);
    }

    private void start(Object... args) {
        checkOpen();
        reset();
        if (args.length > 0) {
            bindAll(args);
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new TursoException(ErrorCode.MISUSE, "statement is closed");
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        reset();
        closed = true;
        connection.unregister(this);
    }
}
