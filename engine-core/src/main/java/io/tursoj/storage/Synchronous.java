package io.tursoj.storage;

/** {@code PRAGMA synchronous}: when a commit waits for its writes to reach stable storage. */
public enum Synchronous {
    /** Never fsync: a crash or power loss may lose or corrupt recent commits (not the file's older content in WAL). */
    OFF,
    /** In WAL mode, fsync at checkpoints only: a power loss may roll back the latest commits, never corrupt. */
    NORMAL,
    /** fsync at every commit: a commit that reported success survives power loss. */
    FULL
}
