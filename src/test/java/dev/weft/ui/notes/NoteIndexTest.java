package dev.weft.ui.notes;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index on a real vault: read at start, then kept current per note through the vault's events. */
class NoteIndexTest {
    @TempDir
    Path dir;

    @Test
    void followsEditsRenamesAndTheTrashOneNoteAtATime() throws Exception {
        try (Vault vault = Vault.open(dir, VaultOptions.defaults()); NoteIndex index = new NoteIndex(vault)) {
            UUID plans = vault.create("Plans", "#work and #home\n").id();
            AtomicInteger published = new AtomicInteger();
            index.onTags(counts -> published.incrementAndGet());
            index.start();
            eventually(() -> assertThat(index.ready()).isTrue());
            assertThat(index.tagCounts()).isEqualTo(Map.of("home", 1, "work", 1));
            assertThat(published.get()).isEqualTo(1);

            UUID other = vault.create("Other", "#work/meetings\n").id();
            eventually(() -> assertThat(index.tagCounts()).isEqualTo(Map.of("home", 1, "work", 2, "work/meetings", 1)));

            vault.replica(plans).insertUtf16(0, "naïve #idea "); // an edit through the replica, as the editor makes
            eventually(() -> assertThat(index.tagCounts()).containsEntry("idea", 1));
            eventually(() -> assertThat(NoteSearch.run(index.notes(), SearchQuery.parse("naive"), () -> false).notes()).isEqualTo(1));

            vault.rename(plans, "Work/Plans");
            eventually(() -> assertThat(NoteSearch.run(index.notes(), SearchQuery.parse("path:work/"), () -> false).shown())
                    .extracting(NoteMatch::name).containsExactly("Work/Plans"));

            vault.trash(other);
            eventually(() -> assertThat(index.tagCounts()).isEqualTo(Map.of("home", 1, "idea", 1, "work", 1)));
            assertThat(index.notes()).extracting(IndexedNote::id).containsExactly(plans);
        }
    }
}
