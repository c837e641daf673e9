package io.tursoj.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TursoJ through JDBI: binding, mapping rows to records, transactions, batches and generated keys. */
class JdbiTest {
    @TempDir
    Path dir;

    private Jdbi jdbi;

    public record User(long id, String name, Integer age) {}

    @BeforeEach
    void open() {
        jdbi = Jdbi.create("jdbc:tursoj:" + dir.resolve("jdbi.db"));
        jdbi.registerRowMapper(ConstructorMapper.factory(User.class));
        jdbi.useHandle(
                h -> h.execute("CREATE TABLE users(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, age INT)"));
    }

    @Test
    void shouldMapRowsToRecords() {
        jdbi.useHandle(h -> {
            h.createUpdate("INSERT INTO users(name, age) VALUES (:name, :age)")
                    .bind("name", "ada")
                    .bind("age", 36)
                    .execute();
            h.createUpdate("INSERT INTO users(name, age) VALUES (?, ?)")
                    .bind(0, "bob")
                    .bindNull(1, java.sql.Types.INTEGER)
                    .execute();
        });
        List<User> users = jdbi.withHandle(h -> h.createQuery("SELECT id, name, age FROM users ORDER BY name")
                .mapTo(User.class)
                .list());
        assertEquals(List.of(new User(1, "ada", 36), new User(2, "bob", null)), users);
        Optional<String> name = jdbi.withHandle(h -> h.createQuery("SELECT name FROM users WHERE age > :min")
                .bind("min", 30)
                .mapTo(String.class)
                .findOne());
        assertEquals(Optional.of("ada"), name);
    }

    @Test
    void shouldCommitAndRollBackTransactions() {
        jdbi.useTransaction(h -> h.execute("INSERT INTO users(name) VALUES ('kept')"));
        assertThrows(
                IllegalStateException.class,
                () -> jdbi.useTransaction(h -> {
                    h.execute("INSERT INTO users(name) VALUES ('lost')");
                    throw new IllegalStateException("abort");
                }));
        UnableToExecuteStatementException e = assertThrows(
                UnableToExecuteStatementException.class,
                () -> jdbi.useTransaction(h -> {
                    h.execute("INSERT INTO users(name) VALUES ('also lost')");
                    h.execute("INSERT INTO users(name) VALUES ('kept')");
                }));
        assertTrue(e.getCause() instanceof java.sql.SQLIntegrityConstraintViolationException, e.toString());
        List<String> names = jdbi.withHandle(
                h -> h.createQuery("SELECT name FROM users").mapTo(String.class).list());
        assertEquals(List.of("kept"), names);
    }

    @Test
    void shouldRunPreparedBatches() {
        int[] counts = jdbi.withHandle(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO users(name, age) VALUES (:name, :age)");
            for (int i = 0; i < 50; i++) {
                batch.bind("name", "u" + i).bind("age", i).add();
            }
            return batch.execute();
        });
        assertEquals(50, counts.length);
        long total = jdbi.withHandle(h ->
                h.createQuery("SELECT sum(age) FROM users").mapTo(Long.class).one());
        assertEquals(49L * 50 / 2, total);
    }

    @Test
    void shouldReturnGeneratedKeys() {
        long first = jdbi.withHandle(h -> h.createUpdate("INSERT INTO users(name) VALUES ('k1')")
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        long second = jdbi.withHandle(h -> h.createUpdate("INSERT INTO users(name) VALUES ('k2')")
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        assertEquals(first + 1, second);
        assertEquals(
                "k2",
                jdbi.withHandle(h -> h.createQuery("SELECT name FROM users WHERE id = :id")
                        .bind("id", second)
                        .mapTo(String.class)
                        .one()));
    }
}
