package io.tursoj.storage.btree;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.io.MemoryIO;
import io.tursoj.io.RandomSource;
import io.tursoj.storage.Pager;
import io.tursoj.storage.format.RecordReader;
import io.tursoj.storage.testing.Schema;
import io.tursoj.storage.testing.Sqlite3;
import io.tursoj.storage.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged files: truncated, bytes flipped in pages and in log frames. Opening, scanning every tree and checking
 * integrity must end in a read or in a clear storage error (an {@link IOException} such as "database disk image
 * is malformed" or "file is not a database") — never another exception. Cases: {@code -Dtursoj.corrupt.cases=N}.
 */
class CorruptInputTest {
    private static final int CASES = Integer.getInteger("tursoj.corrupt.cases", 1500);

    @TempDir
    Path dir;

    private int clean;
    private int reported;

    private void attempt(byte[] database, byte[] wal, String what) {
        MemoryIO io = new MemoryIO();
        try {
            Path db = dir.resolve("f.db");
            Files.write(db, database);
            Path walPath = dir.resolve("f.db-wal");
            if (wal != null) {
                Files.write(walPath, wal);
            } else {
                Files.deleteIfExists(walPath);
            }
            TestFiles.load(io, "f.db", db);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        try (Pager pager = SqliteFixture.openPager(io, "f.db", 30)) {
            BTree tree = new BTree(pager);
            Map<String, Integer> roots = Schema.roots(io, tree);
            for (int root : roots.values()) {
                try (BTreeCursor c = tree.openTableCursor(root)) {
                    // Index roots make a table cursor report a kind mismatch: also a clear error.
                    boolean more = io.block(c::first);
                    for (int steps = 0; more; steps++) {
                        RecordReader r = io.block(c::record);
                        r.columnCount();
                        more = io.block(c::next);
                        assertTrue(steps < 1_000_000, what + ": scan does not end");
                    }
                } catch (IOException e) {
                    reported++;
                }
            }
            io.block(new IntegrityChecker(tree)::run);
            clean++;
        } catch (IOException e) {
            reported++;
        } catch (RuntimeException | Error e) {
            throw new AssertionError(what + ": " + e, e);
        }
    }

    @Test
    void shouldReadOrReportEveryDamagedFile() throws IOException {
        assumeTrue(Sqlite3.available());
        Path source = dir.resolve("s.db");
        Path copy = dir.resolve("w.db");
        Sqlite3.run(
                source,
                "PRAGMA page_size=512;\nCREATE TABLE t(a, b); CREATE INDEX t_b ON t(b);\n"
                        + "INSERT INTO t SELECT value, randomblob((value * 13) % 1200) FROM generate_series(1, 120);\n"
                        + "DELETE FROM t WHERE a % 4 = 0;\nPRAGMA journal_mode=WAL;\nPRAGMA wal_autocheckpoint=0;\n"
                        + "INSERT INTO t SELECT value, randomblob(300) FROM generate_series(200, 240);\n"
                        + ".shell cp '" + source + "' '" + copy + "'; cp '" + source + "-wal' '" + copy + "-wal'\n");
        byte[] database = Files.readAllBytes(copy);
        byte[] wal = Files.readAllBytes(dir.resolve("w.db-wal"));
        attempt(database, wal, "pristine");
        assertTrue(clean == 1, "the undamaged file reads cleanly");
        RandomSource r = RandomSource.seeded(2024);
        for (int i = 0; i < CASES; i++) {
            int kind = r.nextInt(10);
            if (kind == 0) {
                int length = r.nextInt(database.length);
                attempt(Arrays.copyOf(database, length), wal, "database truncated to " + length);
            } else if (kind == 1) {
                int length = r.nextInt(wal.length);
                attempt(database, Arrays.copyOf(wal, length), "log truncated to " + length);
            } else if (kind < 4) {
                byte[] damaged = wal.clone();
                int at = flip(damaged, r);
                attempt(database, damaged, "log byte " + at + " flipped");
            } else {
                byte[] damaged = database.clone();
                int at = flip(damaged, r);
                attempt(damaged, kind == 4 ? null : wal, "database byte " + at + " flipped");
            }
        }
        assertTrue(reported > CASES / 20, "many damaged files were reported: " + reported);
        assertTrue(clean > CASES / 20, "many damaged files still read (damage in unused bytes): " + clean);
    }

    private static int flip(byte[] bytes, RandomSource r) {
        int at = r.nextInt(bytes.length);
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n && at + k < bytes.length; k++) {
            bytes[at + k] ^= (byte) (1 + r.nextInt(255));
        }
        return at;
    }
}
