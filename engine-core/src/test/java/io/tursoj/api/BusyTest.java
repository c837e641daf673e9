package io.tursoj.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tursoj.io.Clock;
import io.tursoj.io.MemoryIO;
import io.tursoj.io.RandomSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Two connections of one database: SQLITE_BUSY, BEGIN IMMEDIATE/EXCLUSIVE, busy_timeout, and interrupt. */
class BusyTest {
    /** A virtual clock: every reading advances it by one millisecond, and counts down a latch. */
    private static final class TickingClock implements Clock {
        final AtomicLong nanos = new AtomicLong();
        final CountDownLatch readings = new CountDownLatch(20);

        @Override
        public long monotonicNanos() {
            readings.countDown();
            return nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1));
        }

        @Override
        public long epochMillis() {
            return TimeUnit.NANOSECONDS.toMillis(nanos.get());
        }
    }

    private static Database open(Clock clock) {
        return Database.open("busy.db", DatabaseOptions.DEFAULTS.withIO(new MemoryIO(clock, RandomSource.system())));
    }

    @Test
    void shouldTellASecondWriterTheDatabaseIsLocked() {
        try (Database db = open(Clock.SYSTEM);
                Connection a = db.connect();
                Connection b = db.connect()) {
            a.exec("CREATE TABLE t(x)");
            a.exec("BEGIN IMMEDIATE");
            a.exec("INSERT INTO t VALUES (1)");
            TursoException e = assertThrows(TursoException.class, () -> b.exec("INSERT INTO t VALUES (2)"));
            assertEquals(ErrorCode.BUSY, e.code());
            assertEquals("database is locked", e.getMessage());
            try (Statement s = b.prepare("INSERT INTO t VALUES (2)")) {
                assertEquals(StepResult.BUSY, s.step());
            }
            assertThrows(TursoException.class, () -> b.exec("BEGIN EXCLUSIVE"));
            assertTrue(b.isAutocommit(), "a BEGIN that got SQLITE_BUSY leaves no transaction open");
            a.exec("COMMIT");
            b.exec("INSERT INTO t VALUES (2)");
            assertEquals(2L, b.prepare("SELECT count(*) FROM t").get().get(0));
        }
    }

    @Test
    void shouldRetryUntilTheBusyTimeoutPassesOnTheIoClock() {
        TickingClock clock = new TickingClock();
        try (Database db = open(clock);
                Connection a = db.connect();
                Connection b = db.connect()) {
            a.exec("CREATE TABLE t(x)");
            a.exec("BEGIN IMMEDIATE");
            long before = clock.nanos.get();
            assertThrows(TursoException.class, () -> b.exec("INSERT INTO t VALUES (2)"));
            long noTimeoutNanos = clock.nanos.get() - before;
            b.setBusyTimeout(250);
            before = clock.nanos.get();
            TursoException e = assertThrows(TursoException.class, () -> b.exec("INSERT INTO t VALUES (2)"));
            assertEquals(ErrorCode.BUSY, e.code());
            long waitedNanos = clock.nanos.get() - before;
            assertTrue(waitedNanos >= TimeUnit.MILLISECONDS.toNanos(250), "waited " + waitedNanos);
            assertTrue(noTimeoutNanos < TimeUnit.MILLISECONDS.toNanos(250), "no wait without a timeout");
        }
    }

    @Test
    void shouldSucceedOnceTheOtherConnectionCommitsWithinTheTimeout() throws Exception {
        TickingClock clock = new TickingClock();
        try (Database db = open(clock);
                Connection a = db.connect();
                Connection b = db.connect()) {
            a.exec("CREATE TABLE t(x)");
            a.exec("BEGIN IMMEDIATE");
            a.exec("INSERT INTO t VALUES (1)");
            b.exec("PRAGMA busy_timeout = 3600000");
            CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> b.exec("INSERT INTO t VALUES (2)"));
            // The writer is retrying once the clock has been read repeatedly; then the holder commits.
            assertTrue(clock.readings.await(1, TimeUnit.MINUTES));
            a.exec("COMMIT");
            writer.get(1, TimeUnit.MINUTES);
            assertEquals(2L, a.prepare("SELECT count(*) FROM t").get().get(0));
        }
    }

    @Test
    void shouldReadAndSetTheBusyTimeoutByPragma() {
        try (Database db = Database.open(":memory:");
                Connection c = db.connect()) {
            assertEquals(0L, c.prepare("PRAGMA busy_timeout").get().get(0));
            assertEquals(1500L, c.prepare("PRAGMA busy_timeout = 1500").get().get(0));
            assertEquals(1500, c.busyTimeout());
            c.setBusyTimeout(20);
            assertEquals(20L, c.prepare("PRAGMA busy_timeout").get().get(0));
        }
    }

    @Test
    void shouldInterruptARunningStatementFromAnotherThread() throws Exception {
        try (Database db = Database.open(":memory:");
                Connection c = db.connect()) {
            c.exec("CREATE TABLE t(x)");
            c.exec("BEGIN");
            try (Statement ins = c.prepare("INSERT INTO t VALUES (?)")) {
                for (int i = 0; i < 2000; i++) {
                    ins.run(i);
                }
            }
            c.exec("COMMIT");
            try (Statement s = c.prepare("SELECT count(*) FROM t a, t b, t c")) {
                CompletableFuture<Void> stopper = CompletableFuture.runAsync(c::interrupt);
                stopper.get(1, TimeUnit.MINUTES);
                TursoException e = assertThrows(TursoException.class, s::stepBlocking);
                assertEquals(ErrorCode.INTERRUPT, e.code());
                assertEquals("interrupted", e.getMessage());
            }
            assertEquals(2000L, c.prepare("SELECT count(*) FROM t").get().get(0));
        }
    }
}
