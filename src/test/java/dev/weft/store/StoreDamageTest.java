package dev.weft.store;

import static dev.weft.store.Ops.text;
import static dev.weft.store.Ops.textOf;
import static dev.weft.store.Ops.upsert;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damage to the store file is found, never served as data: one bit flipped at random offsets, 4 KiB
 * pages zeroed, at rest and under a running store. Every trial must end in a store that does not
 * open (and says why) or one that knows it is damaged, refuses writes, and reads each note either
 * exactly as written or not at all.
 */
class StoreDamageTest {
    private static final int DOCUMENTS = 40;

    @TempDir
    Path dir;
    final Random random = new Random(12);
    final Map<UUID, String> written = new LinkedHashMap<>();

    @BeforeEach
    void makeStore() {
        try (Store store = Store.open(dir.resolve("pristine"))) {
            for (int d = 0; d < DOCUMENTS; d++) {
                UUID doc = new UUID(random.nextLong(), random.nextLong());
                StringBuilder sb = new StringBuilder();
                List<Atom> inserts = new ArrayList<>();
                // random steps between idents, as the allocator makes them: runs of one or two atoms, a file of many pages
                for (long i = 0, ident = 1; i < 3_000; i++, ident += 1 + random.nextInt(4096)) {
                    sb.append((char) ('a' + random.nextInt(26)));
                    inserts.add(new Atom(Ops.pid(1, ident), sb.charAt(sb.length() - 1)));
                }
                upsert(store, doc, "note " + d, inserts, List.of());
                // a second change: deletes every tenth character (history, tombstones)
                List<Pid> deletes = new ArrayList<>();
                StringBuilder kept = new StringBuilder();
                for (int i = 0; i < sb.length(); i++) {
                    if (i % 10 == 0) {
                        deletes.add(inserts.get(i).pid());
                    } else {
                        kept.append(sb.charAt(i));
                    }
                }
                upsert(store, doc, "note " + d, List.of(), deletes);
                written.put(doc, kept.toString());
            }
        }
    }

    @Test
    void everyFlippedBitAtRestIsFound() throws IOException {
        Path pristine = dir.resolve("pristine/weft.db");
        long length = Files.size(pristine);
        for (int trial = 0; trial < 60; trial++) {
            long offset = (long) (random.nextDouble() * length);
            int bit = random.nextInt(8);
            Path copy = copyOf(trial);
            try (RandomAccessFile f = new RandomAccessFile(copy.resolve("weft.db").toFile(), "rw")) {
                f.seek(offset);
                int b = f.read();
                f.seek(offset);
                f.write(b ^ (1 << bit));
            }
            assertFound(copy, "bit " + bit + " at " + offset);
        }
    }

    /** Pages that hold something: zeroing a page of zeros changes nothing. */
    @Test
    void everyZeroedPageAtRestIsFound() throws IOException {
        List<Integer> used = usedPages();
        for (int trial = 0; trial < 16; trial++) {
            long page = used.get(random.nextInt(used.size()));
            Path copy = copyOf(trial);
            try (RandomAccessFile f = new RandomAccessFile(copy.resolve("weft.db").toFile(), "rw")) {
                f.seek(page * PageSums.PAGE);
                f.write(new byte[PageSums.PAGE]);
            }
            assertFound(copy, "page " + page + " zeroed");
        }
    }

    /** Damage made while the store is open is found by the first read of a page it touched. */
    @Test
    void damageUnderARunningStoreIsFoundByReadsAndStopsWrites() throws IOException {
        Path copy = copyOf(0);
        AtomicInteger heard = new AtomicInteger();
        try (Store store = Store.open(copy)) {
            store.onDamage(damage -> heard.incrementAndGet());
            long pages = Files.size(copy.resolve("weft.db")) / PageSums.PAGE;
            try (RandomAccessFile f = new RandomAccessFile(copy.resolve("weft.db").toFile(), "rw")) {
                for (long page = pages / 4; page < pages * 3 / 4; page++) {
                    f.seek(page * PageSums.PAGE);
                    f.write(new byte[PageSums.PAGE]);
                }
            }
            int unreadable = readEverything(store, "half the file zeroed under the store");
            assertThat(unreadable).as("the zeroed pages the reads needed").isPositive();
            assertThat(store.damage()).isPresent();
            assertThat(heard).as("heard once").hasValue(1);
            assertWritesRefused(store);
        }
    }

    /**
     * The repair keeps every note that reads whole, exactly, leaves out and names the others, keeps
     * the old file, and gives a store that takes writes again.
     */
    @Test
    void repairKeepsWhatReadsSaysWhatItLostAndTakesWritesAgain() throws IOException {
        List<Integer> used = usedPages();
        int lost = 0;
        for (int trial = 0; trial < 6; trial++) {
            Path copy = copyOf(trial);
            try (RandomAccessFile f = new RandomAccessFile(copy.resolve("weft.db").toFile(), "rw")) {
                for (int zeroed = 0; zeroed < 1 + trial; zeroed++) {
                    long page = used.get(random.nextInt(used.size()));
                    f.seek(page * PageSums.PAGE);
                    f.write(new byte[PageSums.PAGE]);
                }
            }
            StoreRepair.Report report = StoreRepair.rebuild(copy);
            assertThat(report.oldFile()).exists();
            lost += DOCUMENTS - report.keptNotes();
            try (Store store = Store.open(copy)) {
                assertThat(store.damage()).isEmpty();
                int kept = 0;
                for (Map.Entry<UUID, String> note : written.entrySet()) {
                    var read = store.changesSince(note.getKey(), 0, 9);
                    if (read.isPresent()) {
                        assertThat(textOf(read.get())).isEqualTo(note.getValue());
                        kept++;
                    }
                }
                assertThat(kept).isEqualTo(report.keptNotes());
                assertThat(report.keptNotes() + report.lostNotes().size() + report.lostUnnamed())
                        .as(report.lines().toString()).isLessThanOrEqualTo(DOCUMENTS);
                assertThat(store.changedSince(0, 1000)).hasSize(kept);
                upsert(store, UUID.randomUUID(), "after the repair", text(3, 1, "ok"), List.of());
                if (report.keptNotes() < DOCUMENTS) {
                    assertThat(report.lines()).anyMatch(line -> line.startsWith("lost"));
                }
            }
        }
        assertThat(lost).as("notes left out over the trials").isPositive();
    }

    @Test
    void repairOfAWholeStoreKeepsEverything() throws IOException {
        Path copy = copyOf(0);
        StoreRepair.Report report = StoreRepair.rebuild(copy);
        assertThat(report.keptNotes()).isEqualTo(DOCUMENTS);
        assertThat(report.lostNotes()).isEmpty();
        assertThat(report.keptDevices()).isZero();
        try (Store store = Store.open(copy)) {
            readEverything(store, "rebuilt");
            assertThat(store.changedSince(0, 1000)).hasSize(DOCUMENTS);
        }
    }

    private void assertFound(Path copy, String what) {
        Store store;
        try {
            store = Store.open(copy);
        } catch (StoreException e) {
            assertThat(e).as(what).hasMessageContaining("damaged");
            return;
        }
        try {
            assertThat(store.damage()).as(what + ": found by the scan at open").isPresent();
            readEverything(store, what);
            assertWritesRefused(store);
        } finally {
            store.close();
        }
    }

    /** Reads every note: each comes out exactly as written, or fails as damage. Returns how many failed. */
    private int readEverything(Store store, String what) {
        int unreadable = 0;
        for (Map.Entry<UUID, String> note : written.entrySet()) {
            try {
                assertThat(store.changesSince(note.getKey(), 0, 9).map(Ops::textOf)).as(what).hasValue(note.getValue());
            } catch (StoreDamagedException e) {
                unreadable++;
            }
        }
        return unreadable;
    }

    private static void assertWritesRefused(Store store) {
        assertThatThrownBy(() -> upsert(store, UUID.randomUUID(), "new", text(2, 1, "x"), List.of()))
                .isInstanceOf(StoreDamagedException.class);
        assertThatThrownBy(() -> upsert(store, UUID.randomUUID(), "new", List.of(), List.of()))
                .as("every write, as long as the store runs").isInstanceOf(StoreDamagedException.class);
    }

    private List<Integer> usedPages() throws IOException {
        byte[] file = Files.readAllBytes(dir.resolve("pristine/weft.db"));
        List<Integer> used = new ArrayList<>();
        for (int page = 0; page < file.length / PageSums.PAGE; page++) {
            byte[] image = java.util.Arrays.copyOfRange(file, page * PageSums.PAGE, (page + 1) * PageSums.PAGE);
            if (!PageSums.allZero(image)) {
                used.add(page);
            }
        }
        return used;
    }

    private Path copyOf(int trial) throws IOException {
        Path copy = dir.resolve("trial" + trial);
        if (Files.exists(copy)) {
            try (var files = Files.list(copy)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
        }
        Files.createDirectories(copy);
        Files.copy(dir.resolve("pristine/weft.db"), copy.resolve("weft.db"));
        return copy;
    }
}
