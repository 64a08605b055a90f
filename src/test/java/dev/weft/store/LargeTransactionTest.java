package dev.weft.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mapdb.volume.ByteArrayVol;
import org.mapdb.volume.Volume;

/** A transaction larger than the in-memory scratch space commits whole and leaves no scratch file. */
class LargeTransactionTest {
    @TempDir
    Path dir;

    @Test
    void scratchIsInMemoryForTheFirstFilesAndOnDiskBeyond() {
        Path main = dir.resolve("weft.db");
        StoreVolumes volumes = new StoreVolumes(main, dir.resolve("weft.db.redo"), new java.util.TreeMap<>(),
                StoreVolumes.Layout.SUMMED);
        Volume first = volumes.makeVolume(main + ".wal.0", false);
        Volume beyond = volumes.makeVolume(main + ".wal." + StoreVolumes.WAL_FILES_IN_MEMORY, false);
        try {
            assertThat(first).isInstanceOf(ByteArrayVol.class);
            assertThat(beyond).isInstanceOf(ScratchVolume.class);
            assertThat(beyond.getFile()).isEqualTo(Path.of(main + ".wal." + StoreVolumes.WAL_FILES_IN_MEMORY).toFile());
        } finally {
            first.close();
            beyond.close();
        }
    }

    @Test
    void aLargeUpsertCommitsWholeAndLeavesNoScratch() throws IOException {
        UUID doc = UUID.randomUUID();
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            atoms.add(new Atom(Pid.of(Pid.key(1, i / 1000), Pid.key(1, 1 + i % 1000)), 'a' + i % 26));
        }
        try (Store store = Store.open(dir)) {
            assertThat(store.write(batch -> batch.upsert(doc, "big", atoms, List.of())).changed()).isTrue();
        }
        try (Store store = Store.open(dir); Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.contains(".wal."));
            assertThat(store.changesSince(doc, 0, 2).orElseThrow().inserts()).isEqualTo(atoms);
        }
    }
}
