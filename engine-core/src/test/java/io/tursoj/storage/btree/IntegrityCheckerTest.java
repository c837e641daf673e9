package io.tursoj.storage.btree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tursoj.io.MemoryIO;
import io.tursoj.storage.Pager;
import io.tursoj.storage.format.BigEndian;
import io.tursoj.storage.format.CellFormat;
import io.tursoj.storage.format.CellInfo;
import io.tursoj.storage.format.DatabaseHeader;
import io.tursoj.storage.format.PageHeader;
import io.tursoj.storage.format.PageType;
import io.tursoj.storage.format.PayloadRules;
import io.tursoj.storage.testing.Schema;
import io.tursoj.storage.testing.Sqlite3;
import io.tursoj.storage.testing.TestFiles;
import java.io.IOException;
import java.lang.foreign.MemorySegment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage-level integrity checker agrees with sqlite3's on sound files and finds each kind of damage. */
class IntegrityCheckerTest {
    @TempDir
    Path dir;

    private static final int PAGE = 1024;
    private Path db;
    private byte[] pristine;

    @BeforeEach
    void build() throws IOException {
        assumeTrue(Sqlite3.available());
        db = dir.resolve("i.db");
        Sqlite3.run(
                db,
                "PRAGMA page_size=" + PAGE + "; CREATE TABLE t(a, b); CREATE INDEX t_a ON t(a);"
                        + "INSERT INTO t SELECT value, randomblob((value * 7) % 3000) FROM generate_series(1, 600);"
                        + "DELETE FROM t WHERE rowid % 5 = 0;");
        pristine = Files.readAllBytes(db);
    }

    private List<String> check(byte[] file) throws IOException {
        Path p = dir.resolve("check.db");
        Files.write(p, file);
        MemoryIO io = new MemoryIO();
        TestFiles.load(io, "c.db", p);
        try (Pager pager = SqliteFixture.openPager(io, "c.db", 50)) {
            BTree tree = new BTree(pager);
            int index = Schema.roots(io, tree).get("t_a");
            return io.block(new IntegrityChecker(tree, Map.of(index, KeyInfo.binary(2)))::run);
        }
    }

    private List<String> sqlite(byte[] file) throws IOException {
        Path p = dir.resolve("sqlite.db");
        Files.write(p, file);
        return Sqlite3.lines(p, "PRAGMA integrity_check;");
    }

    @Test
    void shouldFindNothingWrongWhereSqliteFindsNothing() throws IOException {
        assertEquals(List.of("ok"), sqlite(pristine));
        assertEquals(List.of(), check(pristine));
    }

    /** A copy of the file with page {@code page} changed by {@code edit}. */
    private byte[] edit(int page, Consumer<MemorySegment> edit) {
        byte[] copy = pristine.clone();
        MemorySegment s = MemorySegment.ofArray(copy).asSlice((long) (page - 1) * PAGE, PAGE);
        edit.accept(s);
        return copy;
    }

    /** The first leaf page of table t with at least two cells and no overflow, found by scanning. */
    private int tableLeaf() {
        for (int page = 3; page <= pristine.length / PAGE; page++) {
            MemorySegment s = MemorySegment.ofArray(pristine).asSlice((long) (page - 1) * PAGE, PAGE);
            if (PageHeader.typeFlag(s, 0) == PageType.LEAF_TABLE.flag() && PageHeader.cellCount(s, 0) > 2) {
                return page;
            }
        }
        throw new AssertionError("no table leaf");
    }

    private void assertBothComplain(byte[] damaged, String expected) throws IOException {
        assertNotEquals(List.of("ok"), sqlite(damaged), "the damage is real for sqlite3");
        List<String> found = check(damaged);
        assertTrue(found.stream().anyMatch(m -> m.contains(expected)), "expected '" + expected + "' in " + found);
    }

    @Test
    void shouldReportRowidsOutOfOrder() throws IOException {
        int leaf = tableLeaf();
        byte[] damaged = edit(leaf, s -> {
            int a = PageHeader.cellPointer(s, 0, 8, 0);
            int b = PageHeader.cellPointer(s, 0, 8, 1);
            PageHeader.setCellPointer(s, 0, 8, 0, b);
            PageHeader.setCellPointer(s, 0, 8, 1, a);
        });
        assertBothComplain(damaged, "out of order");
    }

    @Test
    void shouldReportAFreelistCountThatIsWrong() throws IOException {
        byte[] damaged = edit(1, s -> DatabaseHeader.setFreelistCount(s, DatabaseHeader.freelistCount(s) + 3));
        assertBothComplain(damaged, "Freelist: size is");
    }

    @Test
    void shouldReportPagesNeverUsedAndUsedTwice() throws IOException {
        int leaf = tableLeaf();
        byte[] unused = edit(1, s -> {});
        MemorySegment all = MemorySegment.ofArray(unused);
        // Remove the first freelist trunk from the header: its pages become unaccounted for.
        DatabaseHeader.setFreelistTrunkPage(all, 0);
        DatabaseHeader.setFreelistCount(all, 0);
        assertBothComplain(unused, "is never used");
        byte[] twice = edit(leaf, s -> {});
        // Point the root's right child at its first child: one page, two references.
        MemorySegment root = MemorySegment.ofArray(twice).asSlice(PAGE, PAGE); // table t's root is page 2
        int first = BigEndian.i32(root, PageHeader.cellPointer(root, 0, 12, 0));
        PageHeader.setRightChild(root, 0, first);
        assertBothComplain(twice, "2nd reference to page");
    }

    @Test
    void shouldReportAnOverflowChainCutShort() throws IOException {
        PayloadRules rules = PayloadRules.of(PAGE);
        CellInfo info = new CellInfo();
        for (int page = 3; page <= pristine.length / PAGE; page++) {
            byte[] copy = pristine.clone();
            MemorySegment s = MemorySegment.ofArray(copy).asSlice((long) (page - 1) * PAGE, PAGE);
            if (PageHeader.typeFlag(s, 0) != PageType.LEAF_TABLE.flag()) {
                continue;
            }
            for (int i = 0; i < PageHeader.cellCount(s, 0); i++) {
                CellFormat.parse(s, page, PageHeader.cellPointer(s, 0, 8, i), PageType.LEAF_TABLE, rules, info);
                if (rules.overflowPageCount(info.payloadSize, PageType.LEAF_TABLE) >= 2) {
                    MemorySegment ovfl =
                            MemorySegment.ofArray(copy).asSlice((long) (info.overflowPage - 1) * PAGE, PAGE);
                    BigEndian.putU32(ovfl, 0, 0);
                    assertBothComplain(copy, "missing from overflow list");
                    return;
                }
            }
        }
        throw new AssertionError("no cell with a chain of two pages");
    }

    @Test
    void shouldReportAWrongFragmentCount() throws IOException {
        int leaf = tableLeaf();
        byte[] damaged = edit(leaf, s -> PageHeader.setFragmentedBytes(s, 0, PageHeader.fragmentedBytes(s, 0) + 2));
        assertBothComplain(damaged, "ragmentation");
    }
}
