package io.tursoj.translate.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Feeds many scripts to {@link SqliteOracle} through few sqlite3 processes: each script starts on a fresh database
 * ({@code .open :memory:}), statements are judged or run in order, and a batch that fills up mid-script continues
 * in a new process that first replays the script's schema changes.
 *
 * @param <T> what the caller attaches to each judged statement
 */
final class OracleSession<T> {
    private static final String RESET = ".open :memory:";
    private static final int BATCH_PROBES = 1_500;

    /** A judged statement's payload and sqlite3's verdict on it. */
    record Judged<T>(T payload, SqliteOracle.Verdict verdict) {}

    private final List<SqliteOracle.Probe> batch = new ArrayList<>();
    private final List<T> payloads = new ArrayList<>();
    private final List<String> scriptContext = new ArrayList<>();
    private final List<Judged<T>> results = new ArrayList<>();
    private List<String> batchContext = List.of();

    /** The statements after this belong to a new script, on an empty database. */
    void newScript() {
        scriptContext.clear();
        batch.add(new SqliteOracle.Probe(RESET, true));
        payloads.add(null);
    }

    /** Judge {@code sql} (prepare only) in the script's current schema. */
    void judge(String sql, T payload) {
        batch.add(new SqliteOracle.Probe(sql, false));
        payloads.add(payload);
        flushIfFull();
    }

    /** Run {@code sql} for its effect on the schema. */
    void run(String sql) {
        batch.add(new SqliteOracle.Probe(sql, true));
        payloads.add(null);
        scriptContext.add(sql);
        flushIfFull();
    }

    /** Sends what is pending and returns every verdict so far, in the order judged. */
    List<Judged<T>> results() {
        flush();
        return results;
    }

    private void flushIfFull() {
        if (batch.size() >= BATCH_PROBES) {
            flush();
        }
    }

    private void flush() {
        if (batch.isEmpty()) {
            return;
        }
        List<SqliteOracle.Verdict> verdicts = SqliteOracle.judge(batchContext, batch);
        for (int i = 0; i < batch.size(); i++) {
            if (!batch.get(i).run()) {
                results.add(new Judged<>(payloads.get(i), verdicts.get(i)));
            }
        }
        batch.clear();
        payloads.clear();
        batchContext = List.copyOf(scriptContext);
    }
}
