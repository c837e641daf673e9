package io.tursoj.storage;

/**
 * What a checkpoint did, as {@code PRAGMA wal_checkpoint} reports it.
 *
 * @param busy whether it could not finish what its mode asks (a writer or a reader was in the way)
 * @param logFrames frames in the log when it ran (0 after a restart or truncate)
 * @param checkpointedFrames frames copied into the database file so far
 */
public record CheckpointResult(boolean busy, int logFrames, int checkpointedFrames) {}
