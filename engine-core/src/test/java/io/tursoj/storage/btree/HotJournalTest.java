package io.tursoj.storage.btree;

import static io.tursoj.storage.btree.SqliteFixture.assertSameRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.io.MemoryIO;
import io.tursoj.storage.Pager;
import io.tursoj.storage.testing.Schema;
import io.tursoj.storage.testing.Sqlite3;
import io.tursoj.storage.testing.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rollback-journal database caught mid-transaction by a crash: its hot journal is rolled back before reading. */
class HotJournalTest {
    @TempDir
    Path dir;

    /** A copy of a database and its journal taken while sqlite3 was inside a transaction that spilled pages. */
    private Path crashedMidTransaction() throws IOException {
        assumeTrue(Sqlite3.available());
        Path db = dir.resolve("t.db");
        Path crashed = dir.resolve("c.db");
        Sqlite3.run(
                db,
                "PRAGMA page_size=1024; CREATE TABLE t(a, b); CREATE INDEX t_a ON t(a);"
                        + "INSERT INTO t SELECT value, randomblob(200) FROM generate_series(1, 3000);");
        Sqlite3.run(
                db,
                "PRAGMA cache_size=5;\nBEGIN;\nUPDATE t SET b = randomblob(300) WHERE a % 2 = 0;\n"
                        + "INSERT INTO t SELECT value, 'new' FROM generate_series(5000, 5500);\n"
                        + ".shell cp '" + db + "' '" + crashed + "'; cp '" + db + "-journal' '" + crashed
                        + "-journal'\nROLLBACK;\n");
        return crashed;
    }

    @Test
    void shouldRollBackAHotJournalBeforeReading() throws IOException {
        Path crashed = crashedMidTransaction();
        assertTrue(Files.size(dir.resolve("c.db-journal")) > 0);
        byte[] crashedBytes = Files.readAllBytes(crashed);
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "c.db", crashed);
        TestFiles.copyIn(io, "c.db-journal", dir.resolve("c.db-journal"));
        // sqlite3 rolls the same journal back on its own copy: that is the expected content.
        Path theirs = dir.resolve("theirs.db");
        Files.copy(crashed, theirs, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(dir.resolve("c.db-journal"), dir.resolve("theirs.db-journal"), StandardCopyOption.REPLACE_EXISTING);
        List<String> want = SqliteFixture.sqliteTable(theirs, "t", "a", "b");
        assertEquals(3000, want.size());
        try (Pager pager = SqliteFixture.openPager(io, "c.db", 50)) {
            assertTrue(pager.hotJournalPagesRestored() > 0, "the journal was played back");
            assertFalse(io.exists("c.db-journal"), "and deleted");
            BTree tree = new BTree(pager);
            int root = Schema.roots(io, tree).get("t");
            assertSameRows(want, SqliteFixture.scanTable(io, tree, root, false), "rows after rollback");
            assertEquals(List.of(), io.block(new IntegrityChecker(tree)::run));
        }
        Path ours = dir.resolve("ours.db");
        TestFiles.save(io, "c.db", ours);
        assertNotEquals(crashedBytes.length, Files.size(ours), "the file was cut back to its old size");
        assertEquals(Files.size(theirs), Files.size(ours));
        assertEquals(List.of("ok"), Sqlite3.lines(ours, "PRAGMA integrity_check;"));
    }

    @Test
    void shouldDeleteAJournalThatIsNotHot() throws IOException {
        Path crashed = crashedMidTransaction();
        byte[] journal = Files.readAllBytes(dir.resolve("c.db-journal"));
        java.util.Arrays.fill(journal, 0, 28, (byte) 0); // a zeroed header: the transaction had committed
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "c.db", crashed);
        Path zeroed = dir.resolve("z.db-journal");
        Files.write(zeroed, journal);
        TestFiles.copyIn(io, "c.db-journal", zeroed);
        try (Pager pager = SqliteFixture.openPager(io, "c.db", 50)) {
            assertEquals(0, pager.hotJournalPagesRestored());
            assertFalse(io.exists("c.db-journal"));
        }
    }
}
