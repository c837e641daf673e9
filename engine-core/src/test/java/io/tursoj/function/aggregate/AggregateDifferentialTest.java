package io.tursoj.function.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tursoj.function.Accumulator;
import io.tursoj.function.FunctionDef;
import io.tursoj.function.FunctionRegistry;
import io.tursoj.testing.SqliteOracle;
import io.tursoj.testing.SqliteOracle.Answer;
import io.tursoj.testing.TestFunctionContext;
import io.tursoj.testing.ValueGenerator;
import io.tursoj.vdbe.value.EvaluationException;
import io.tursoj.vdbe.value.RealFormat;
import io.tursoj.vdbe.value.Register;
import io.tursoj.vdbe.value.Value;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Differential test of the aggregate functions against real SQLite: random groups of values (integers near the
 * 64-bit limits to provoke overflow, reals, numeric and other text, BLOBs, NULLs) are stored in a table without
 * affinity and aggregated by both; results must agree exactly, errors included.
 */
class AggregateDifferentialTest {
    private static final int GROUPS = 400;
    private static SqliteOracle oracle;
    private static FunctionRegistry registry;

    @BeforeAll
    static void setUp() {
        oracle = new SqliteOracle();
        RealFormat.setDialect(oracle.dialect());
        oracle.execute("CREATE TABLE agg(v)");
        registry = FunctionRegistry.withBuiltins();
    }

    @AfterAll
    static void tearDown() {
        oracle.close();
        RealFormat.setDialect(RealFormat.Dialect.LEGACY_15);
    }

    private static Value member(ValueGenerator g, int flavour) {
        return switch (flavour) {
            case 0 ->
                Value.ofLong(
                        Long.MAX_VALUE - g.random().nextInt(0, 3) * (g.random().nextBoolean() ? 1L : -1L));
            case 1 ->
                g.random().nextBoolean()
                        ? g.integer()
                        : Value.ofLong(Long.MIN_VALUE + g.random().nextInt(0, 5));
            case 2 -> g.random().nextInt(4) == 0 ? Value.NULL : g.real();
            default -> g.any();
        };
    }

    private record Call(String sql, String name, List<Value> extra) {}

    @Test
    void shouldAggregateLikeSqlite() throws SQLException {
        ValueGenerator g = new ValueGenerator(21, oracle.isTargetDialect());
        int cases = 0;
        int same = 0;
        StringBuilder differences = new StringBuilder();
        for (int group = 0; group < GROUPS; group++) {
            int flavour = g.random().nextInt(4);
            List<Value> values = new ArrayList<>();
            int n = g.random().nextInt(0, 10);
            for (int i = 0; i < n; i++) {
                values.add(member(g, flavour));
            }
            oracle.execute("DELETE FROM agg");
            for (Value v : values) {
                try (PreparedStatement ps = oracle.connection()
                        .prepareStatement("INSERT INTO agg VALUES (" + SqliteOracle.placeholder(v) + ")")) {
                    SqliteOracle.bind(ps, 1, v);
                    ps.executeUpdate();
                }
            }
            Value sep = g.random().nextInt(5) == 0 ? Value.NULL : Value.ofText(g.pick(List.of("", ",", "; ", "é")));
            List<Call> calls = List.of(
                    new Call("count(*)", "count", List.of()),
                    new Call("count(v)", "count", null),
                    new Call("sum(v)", "sum", null),
                    new Call("total(v)", "total", null),
                    new Call("avg(v)", "avg", null),
                    new Call("min(v)", "min", null),
                    new Call("max(v)", "max", null),
                    new Call("group_concat(v)", "group_concat", null),
                    new Call("group_concat(v, ?)", "group_concat", List.of(sep)),
                    new Call("string_agg(v, ?)", "string_agg", List.of(sep)));
            for (Call call : calls) {
                Answer mine = ours(call, values);
                Answer theirs = theirs(call);
                cases++;
                if (SqliteOracle.agree(mine, theirs)) {
                    same++;
                } else if (differences.length() < 5000) {
                    differences
                            .append(call.sql())
                            .append(" over ")
                            .append(values.stream().map(SqliteOracle::describe).toList())
                            .append(call.extra() == null ? "" : " sep " + call.extra())
                            .append("\n    sqlite: ")
                            .append(theirs)
                            .append("\n    ours:   ")
                            .append(mine)
                            .append('\n');
                }
            }
        }
        System.out.printf("aggregates: %d cases, %d identical%n", cases, same);
        assertEquals("", differences.toString(), "differences from SQLite " + oracle.version());
    }

    private static Answer ours(Call call, List<Value> values) {
        int argc = call.extra() == null ? 1 : 1 + call.extra().size();
        if (call.sql().equals("count(*)")) {
            argc = 0;
        }
        FunctionDef def = registry.resolve(call.name(), argc);
        Accumulator acc = def.aggregate().newAccumulator();
        TestFunctionContext ctx = new TestFunctionContext(1);
        Register[] args = new Register[argc];
        for (int i = 0; i < argc; i++) {
            args[i] = new Register();
        }
        try {
            for (Value v : values) {
                if (argc > 0) {
                    args[0].set(v);
                }
                for (int i = 1; i < argc; i++) {
                    args[i].set(call.extra().get(i - 1));
                }
                acc.step(ctx, args);
            }
            Register out = new Register();
            acc.finish(ctx, out);
            return Answer.of(out.toValue());
        } catch (EvaluationException e) {
            return Answer.failure(e.getMessage());
        }
    }

    private static Answer theirs(Call call) throws SQLException {
        String sql = "SELECT typeof(r), r, hex(r) FROM (SELECT "
                + call.sql()
                        .replace(
                                "?",
                                call.extra() == null || call.extra().isEmpty()
                                        ? "?"
                                        : SqliteOracle.placeholder(call.extra().get(0)))
                + " AS r FROM agg)";
        try (PreparedStatement ps = oracle.connection().prepareStatement(sql)) {
            if (call.extra() != null && !call.extra().isEmpty()) {
                SqliteOracle.bind(ps, 1, call.extra().get(0));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Answer.of(SqliteOracle.read(rs));
            }
        } catch (SQLException e) {
            return Answer.failure(SqliteOracle.message(e));
        }
    }
}
