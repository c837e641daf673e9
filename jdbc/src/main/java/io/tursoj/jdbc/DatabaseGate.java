package io.tursoj.jdbc;

import io.tursoj.io.Clock;

/**
 * The turn-taking of connections to one shared database. The engine lets one connection at a time own a
 * transaction (even a read one) and answers the others SQLITE_BUSY at once; this gate makes them wait instead, up
 * to their busy timeout, as SQLite's busy handler does.
 *
 * <p>Invariants: (1) {@code owner} is null or the one connection whose transaction is open; (2) a connection holds
 * the gate from its first statement until it is back in autocommit mode with no statement still running; (3) only
 * the owner releases.
 */
final class DatabaseGate {
    private Object owner;

    /** Takes the gate for {@code who} (a no-op if it already holds it); false when the timeout ran out first. */
    synchronized boolean acquire(Object who, long timeoutMillis) throws InterruptedException {
        if (owner == who) {
            return true;
        }
        long deadline = Clock.SYSTEM.monotonicNanos() + timeoutMillis * 1_000_000L;
        while (owner != null) {
            long leftNanos = deadline - Clock.SYSTEM.monotonicNanos();
            if (leftNanos <= 0) {
                return false;
            }
            wait(Math.max(1, leftNanos / 1_000_000L));
        }
        owner = who;
        return true;
    }

    synchronized void release(Object who) {
        if (owner == who) {
            owner = null;
            notifyAll();
        }
    }

    synchronized boolean heldBy(Object who) {
        return owner == who;
    }
}
