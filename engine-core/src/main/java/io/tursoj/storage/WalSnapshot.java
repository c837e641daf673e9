package io.tursoj.storage;

/**
 * What a reader sees of the database: every commit up to log frame {@code maxFrame} (0: the database file alone).
 *
 * @param maxFrame the last frame of the reader's snapshot; frames after it are invisible to the reader
 * @param databaseSizePages the database size at that commit
 * @param version bumped by every commit and log reset: a pager whose cache was filled at another version drops it,
 *     and a writer must start from the latest version
 */
public record WalSnapshot(int maxFrame, int databaseSizePages, long version) {}
