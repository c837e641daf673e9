package io.tursoj.vdbe;

import io.tursoj.io.Completion;
import io.tursoj.io.IOResult;
import io.tursoj.storage.CheckpointMode;
import io.tursoj.storage.CheckpointResult;
import io.tursoj.storage.JournalMode;
import io.tursoj.storage.Page;
import io.tursoj.storage.Pager;
import io.tursoj.storage.btree.IndexCrossCheck;
import io.tursoj.storage.btree.IntegrityChecker;
import io.tursoj.storage.format.DatabaseHeader;
import io.tursoj.vdbe.value.Register;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pragmas answered while a statement runs, on the database file and the connection: {@code Pragma p1 p2 p3 p4}
 * loads the next row of request p4 into registers p1..p1+p3-1, or jumps to p2 when there is none (p3 = 0: the pragma
 * only sets a value). The rows are computed on the first execution; integrity_check and wal_checkpoint yield for I/O
 * and resume. One instance per running statement.
 */
public final class PragmaOps {
    /**
     * What to run: the pragma's lower-case name, its argument (Long, Double, String or null), its result columns
     * (empty when it only sets a value), and whether it needs a write transaction.
     */
    public record Request(
            String name,
            Object value,
            List<String> columns,
            boolean writes,
            boolean transaction,
            List<TableIndexes> indexChecks) {
        public Request(String name, Object value, List<String> columns, boolean writes, boolean transaction) {
            this(name, value, columns, writes, transaction, List.of());
        }

        /** The same request, also checking each table against its indexes (integrity_check, after the page walk). */
        public Request withIndexChecks(List<TableIndexes> checks) {
            return new Request(name, value, columns, writes, transaction, List.copyOf(checks));
        }
    }

    /**
     * A table and the indexes integrity_check compares it with: each index's name, root page, the table column
     * position of each key column ({@link IndexCrossCheck#ROWID} for the rowid alias) and its key ordering.
     */
    public record TableIndexes(int tableRoot, List<IndexKey> indexes) {}

    public record IndexKey(String name, int rootPage, int[] columns, Specs.Keys keys) {}

    /** The request for pragma {@code name} with argument {@code value}, or null for a pragma this class does not know. */
    public static Request request(String name, Object value) {
        return switch (name) {
            case "page_size", "cache_size", "synchronous" ->
                new Request(name, value, value == null ? List.of(name) : List.of(), false, true);
            case "page_count", "freelist_count" -> new Request(name, value, List.of(name), false, true);
            case "journal_mode" -> new Request(name, value, List.of(name), false, true);
            case "user_version", "application_id", "schema_version" ->
                new Request(name, value, value == null ? List.of(name) : List.of(), value != null, true);
            case "integrity_check", "quick_check" -> new Request(name, value, List.of(name), false, true);
            case "busy_timeout" -> new Request(name, value, List.of("timeout"), false, false);
            case "wal_checkpoint" -> new Request(name, value, List.of("busy", "log", "checkpointed"), false, false);
            default -> null;
        };
    }

    private final VdbeHost host;
    private List<Object[]> rows;
    private int next;
    private IntegrityChecker checker;
    private List<String> integrityErrors;
    private int nextIndexCheck;
    private IndexCrossCheck crossCheck;
    private Completion pending;

    PragmaOps(VdbeHost host) {
        this.host = host;
    }

    /** The I/O the last {@link #step} waits for. */
    Completion pending() {
        return pending;
    }

    /** Runs {@code in}: -1 when it waits for I/O ({@link #pending()}), 0 when a row is loaded, 1 when done. */
    int step(Insn in, Register[] regs) throws IOException {
        Request request = (Request) in.p4;
        if (rows == null) {
            IOResult<List<Object[]>> r = compute(request);
            if (r instanceof IOResult.Pending<List<Object[]>>(Completion c)) {
                pending = c;
                return -1;
            }
            rows = r.value();
            next = 0;
        }
        if (next >= rows.size() || in.p3 == 0) {
            rows = null;
            return 1;
        }
        Object[] row = rows.get(next++);
        for (int k = 0; k < in.p3; k++) {
            switch (row[k]) {
                case null -> regs[in.p1 + k].setNull();
                case Long l -> regs[in.p1 + k].setLong(l);
                case Integer i -> regs[in.p1 + k].setLong(i);
                default -> regs[in.p1 + k].setText(row[k].toString());
            }
        }
        return 0;
    }

    private IOResult<List<Object[]>> compute(Request request) throws IOException {
        Pager pager = host.pager();
        return switch (request.name()) {
            case "page_size" -> one(pager.pageSizeBytes());
            case "page_count" -> one(pager.databaseSizePages());
            case "cache_size" -> {
                if (request.value() instanceof Long v) {
                    pager.setCacheSize((int) (long) v);
                    yield IOResult.done(List.of());
                }
                yield one(pager.cacheSize());
            }
            case "synchronous" -> one(pager.options().synchronous().ordinal());
            case "journal_mode" -> one(journalMode(pager));
            case "freelist_count", "user_version", "application_id", "schema_version" -> header(request);
            case "integrity_check", "quick_check" -> integrityCheck(request);
            case "wal_checkpoint" -> checkpoint(request);
            case "busy_timeout" -> {
                if (request.value() instanceof Long v) {
                    host.setBusyTimeoutMillis((int) Math.min(Integer.MAX_VALUE, Math.max(0, v)));
                }
                yield one(host.busyTimeoutMillis());
            }
            default -> IOResult.done(List.of());
        };
    }

    private static IOResult<List<Object[]>> one(Object value) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {value});
        return IOResult.done(rows);
    }

    private static String journalMode(Pager pager) {
        if (":memory:".equals(pager.path())) {
            return "memory";
        }
        return pager.isWalMode() || pager.options().journalMode() == JournalMode.WAL ? "wal" : "off";
    }

    /** Reads (or, with an argument, writes) a field of the database header on page 1. */
    private IOResult<List<Object[]>> header(Request request) throws IOException {
        Pager pager = host.pager();
        if (request.value() != null) {
            MemorySegment h = pager.header();
            pager.markDirty(pager.page1());
            int v = request.value() instanceof Long l ? (int) (long) l : 0;
            switch (request.name()) {
                case "user_version" -> DatabaseHeader.setUserVersion(h, v);
                case "application_id" -> DatabaseHeader.setApplicationId(h, v);
                default -> DatabaseHeader.setSchemaCookie(h, v & 0xFFFFFFFFL);
            }
            return IOResult.done(List.of());
        }
        if (pager.databaseSizePages() == 0) {
            return one(0L);
        }
        IOResult<Page> r = pager.readPage(1);
        if (r instanceof IOResult.Pending<Page>(Completion c)) {
            return c.pending();
        }
        Page p = r.value();
        try {
            MemorySegment h = p.buffer().asSlice(0, DatabaseHeader.SIZE);
            long value = switch (request.name()) {
                case "freelist_count" -> DatabaseHeader.freelistCount(h);
                case "user_version" -> DatabaseHeader.userVersion(h);
                case "application_id" -> DatabaseHeader.applicationId(h);
                default -> DatabaseHeader.schemaCookie(h);
            };
            return one(value);
        } finally {
            pager.unpin(p);
        }
    }

    private IOResult<List<Object[]>> integrityCheck(Request request) throws IOException {
        if (checker == null && integrityErrors == null) {
            checker = new IntegrityChecker(host.btree());
        }
        if (checker != null) {
            IOResult<List<String>> r = checker.run();
            if (r instanceof IOResult.Pending<List<String>>(Completion c)) {
                return c.pending();
            }
            checker = null;
            integrityErrors = new ArrayList<>(r.value());
            nextIndexCheck = 0;
        }
        // SQLite compares tables with their indexes only when the page walk found the b-trees sound.
        while (integrityErrors.isEmpty()
                && nextIndexCheck < request.indexChecks().size()) {
            if (crossCheck == null) {
                crossCheck = crossCheck(request.indexChecks().get(nextIndexCheck));
            }
            IOResult<List<String>> r = crossCheck.run();
            if (r instanceof IOResult.Pending<List<String>>(Completion c)) {
                return c.pending();
            }
            crossCheck = null;
            nextIndexCheck++;
            integrityErrors.addAll(r.value());
        }
        List<Object[]> rows = new ArrayList<>();
        for (String e : integrityErrors) {
            if (rows.size() == IntegrityChecker.MAX_ERRORS) {
                break;
            }
            rows.add(new Object[] {e});
        }
        integrityErrors = null;
        if (rows.isEmpty()) {
            rows.add(new Object[] {"ok"});
        }
        return IOResult.done(rows);
    }

    private IndexCrossCheck crossCheck(TableIndexes t) {
        List<IndexCrossCheck.IndexSpec> specs = new ArrayList<>();
        for (IndexKey k : t.indexes()) {
            specs.add(new IndexCrossCheck.IndexSpec(k.name(), k.rootPage(), k.columns(), Vdbe.keyInfo(k.keys())));
        }
        return new IndexCrossCheck(host.btree(), t.tableRoot(), specs);
    }

    private IOResult<List<Object[]>> checkpoint(Request request) throws IOException {
        Pager pager = host.pager();
        CheckpointMode mode = CheckpointMode.PASSIVE;
        if (request.value() != null) {
            try {
                mode = CheckpointMode.valueOf(request.value().toString().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                mode = CheckpointMode.PASSIVE;
            }
        }
        if (!pager.isWalMode() || pager.wal() == null) {
            List<Object[]> rows = new ArrayList<>();
            rows.add(new Object[] {0L, -1L, -1L});
            return IOResult.done(rows);
        }
        IOResult<CheckpointResult> r = pager.checkpoint(mode);
        if (r instanceof IOResult.Pending<CheckpointResult>(Completion c)) {
            return c.pending();
        }
        CheckpointResult cr = r.value();
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {cr.busy() ? 1L : 0L, (long) cr.logFrames(), (long) cr.checkpointedFrames()});
        return IOResult.done(rows);
    }
}
