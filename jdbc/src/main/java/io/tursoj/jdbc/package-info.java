/**
 * The TursoJ JDBC driver: {@code jdbc:tursoj:PATH}, {@code jdbc:tursoj::memory:} and
 * {@code jdbc:tursoj:file:PATH?io=uring|nio|sim&mode=ro}, built on engine-core's Java API ({@link io.tursoj.api}).
 *
 * <p>Connections to one file share one {@link io.tursoj.api.Database}; the engine lets one connection at a time own
 * a transaction, so the driver queues connections at a gate ({@link DatabaseGate}) for up to the busy timeout
 * instead of failing fast with SQLITE_BUSY. Results are forward-only and read-only.
 */
package io.tursoj.jdbc;
