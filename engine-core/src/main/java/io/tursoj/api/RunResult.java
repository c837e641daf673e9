package io.tursoj.api;

/** What {@link Statement#run} reports: rows changed and the last inserted rowid, as Turso's JavaScript API does. */
public record RunResult(long changes, long lastInsertRowid) {}
