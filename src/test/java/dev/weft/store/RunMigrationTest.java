package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by Weft before runs (layout 1, one entry per atom) opens, moves its atoms into
 * runs and answers every pull exactly as it did. {@code layout1-store.zip} was written by the
 * store of commit 4048a2d running {@code layout1-store.java.txt} (beside it: three notes: 600
 * characters typed with a stride of 1 then 40 deleted and 2 inserted among them, 2,000 emoji at
 * random steps then every seventh deleted, a delete before its insert then a trash; one device),
 * with {@code expected.txt}: that store's answer to each pull (document, since, site) of every
 * note from every time it issued by sites 1-4, and its devices. {@code layout2-store.zip}: the same
 * notes and a fourth typed a keystroke at a time, written by the store of layout 2 at commit
 * 41eb1ac (runs inline in the B-tree nodes, history entries without kinds) running
 * {@code layout2-store.java.txt}.
 */
class RunMigrationTest {
    @TempDir
    Path dir;

    @Test
    void aStoreOfLayout1AnswersAsBeforeOnceMigrated() throws IOException {
        List<String> expected = unzip("layout1-store.zip");
        try (Store store = Store.open(dir, new ManualClock(1_000))) {
            assertThat(answers(store, expected)).isEqualTo(expected);
        }
        try (StoreFiles files = StoreFiles.open(dir)) {
            assertThat(files.tables.atoms).isEmpty();
            assertThat(files.tables.meta.get("schema")).isEqualTo(Tables.SCHEMA);
            assertThat(files.tables.runs.size()).as("runs for 2,608 atoms").isLessThan(2_000);
        }
    }

    /** Steps commit one by one: a process killed between two goes on at the next open. */
    @Test
    void aMigrationCutShortGoesOnAtTheNextOpen() throws IOException {
        List<String> expected = unzip("layout1-store.zip");
        try (StoreFiles files = StoreFiles.open(dir, false)) {
            int before = files.tables.atoms.size();
            RunMigration.step(files.tables, 700);
            files.db.commit();
            assertThat(files.tables.atoms).hasSize(before - 700);
            assertThat(files.tables.meta.get("schema")).isEqualTo(Tables.ATOMS_SCHEMA);
        }
        try (Store store = Store.open(dir, new ManualClock(1_000))) {
            assertThat(answers(store, expected)).isEqualTo(expected);
        }
    }

    /**
     * A store written before history entries had kinds answers as it did; keystrokes typed after
     * fold into entries of their own (never into one written before), and pulls from the old times
     * get exactly them.
     */
    @Test
    void aStoreOfLayout2AnswersAsBeforeAndFoldsNewKeystrokesOnly() throws IOException {
        List<String> expected = unzip("layout2-store.zip");
        UUID keys = new UUID(4, 4);
        int entriesBefore;
        try (StoreFiles files = StoreFiles.open(dir)) {
            entriesBefore = files.tables.history.subMap(Keys.document(keys), Keys.afterPrefix(Keys.document(keys))).size();
        }
        long last;
        try (Store store = Store.open(dir, new ManualClock(1_000))) {
            assertThat(answers(store, expected)).isEqualTo(expected);
            last = store.document(keys).orElseThrow().syncTime();
            String before = Ops.textOf(store.changesSince(keys, 0, 2).orElseThrow());
            for (int i = 0; i < 10; i++) {
                Ops.upsert(store, keys, null, List.of(Ops.atom(1, 31 + i, (char) ('A' + i))), List.of());
            }
            assertThat(Ops.textOf(store.changesSince(keys, last, 2).orElseThrow())).isEqualTo("ABCDEFGHIJ");
            assertThat(Ops.textOf(store.changesSince(keys, 0, 3).orElseThrow())).isEqualTo(before + "ABCDEFGHIJ");
        }
        try (StoreFiles files = StoreFiles.open(dir)) {
            assertThat(files.tables.history.subMap(Keys.document(keys), Keys.afterPrefix(Keys.document(keys))))
                    .as("ten keystrokes, one entry").hasSize(entriesBefore + 1);
        }
    }

    /**
     * Issue 16 §3 on a store written before delete times: its tombstones read as deleted at an
     * unknown time (never shown in a version), its text as of now is its current text, and a delete
     * made now keeps its character and time.
     */
    @Test
    void aStoreWrittenBeforeDeleteTimesKeepsDeletedTextFromThenOn() throws IOException {
        unzip("layout2-store.zip");
        UUID keys = new UUID(4, 4);
        try (Store store = Store.open(dir, new ManualClock(1_000))) {
            String current = Ops.textOf(store.changesSince(keys, 0, 2).orElseThrow());
            long now = store.document(keys).orElseThrow().syncTime();
            assertThat(store.textHistory(keys).orElseThrow().textAt(now).text()).isEqualTo(current);
            dev.weft.crdt.Atom first = store.changesSince(keys, 0, 2).orElseThrow().inserts().get(0);
            Ops.upsert(store, keys, null, List.of(), List.of(first.pid()));
            long deletedAt = store.document(keys).orElseThrow().syncTime();
            var history = store.textHistory(keys).orElseThrow();
            assertThat(history.textAt(deletedAt - 1).text()).isEqualTo(current);
            assertThat(history.textAt(deletedAt).text()).isEqualTo(current.substring(Character.charCount(first.codePoint())));
        }
    }

    /** The lines of expected.txt as this store answers them. */
    private static List<String> answers(Store store, List<String> expected) {
        List<String> lines = new ArrayList<>();
        for (String line : expected.subList(0, expected.size() - 1)) {
            String[] f = line.split(" ", 4);
            UUID doc = UUID.fromString(f[0]);
            long since = Long.parseLong(f[1]);
            int site = Integer.parseInt(f[2]);
            DocumentChanges c = store.changesSince(doc, since, site).orElseThrow();
            lines.add(doc + " " + since + " " + site + " " + c.document() + " " + c.inserts() + " " + c.deletes());
        }
        lines.add(store.devices().toString());
        return lines;
    }

    private List<String> unzip(String name) throws IOException {
        try (InputStream in = RunMigrationTest.class.getResourceAsStream(name);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                Files.copy(zip, dir.resolve(e.getName()));
            }
        }
        return Files.readAllLines(dir.resolve("expected.txt"));
    }
}
