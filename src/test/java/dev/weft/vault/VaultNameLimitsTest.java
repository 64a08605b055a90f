package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static dev.weft.testing.Eventually.eventually;

import dev.weft.testing.LongNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The name limits on a device (issue 11 §7): a taken name whose " (2)" breaks the rule is a clear
 * refusal on create, rename and restore; a file whose name the rule refuses is reported, not a note.
 */
class VaultNameLimitsTest {
    @TempDir
    Path dir;

    @Test
    void aTakenNameIsNumberedWhereThatIsStillANameAndRefusedWhereNot() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            for (String tail : LongNames.TAILS) {
                for (int bytes = 1019; bytes <= 1024; bytes++) {
                    String name = LongNames.of(bytes, tail);
                    String label = bytes + " bytes ending in " + tail;
                    NoteInfo holder = vault.create(name, "held\n");
                    NoteInfo other = vault.create("other " + label, "x\n");
                    int count = vault.notes().size();
                    if (bytes + 4 <= 1024) {
                        assertThat(vault.create(name, "second\n").name()).as(label).isEqualTo(name + " (2)");
                        vault.rename(other.id(), name);
                        assertThat(vault.note(other.id()).orElseThrow().name()).as(label).isEqualTo(name + " (3)");
                    } else {
                        assertThatThrownBy(() -> vault.create(name, "second\n")).as(label)
                                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("choose a shorter one");
                        assertThat(vault.notes()).hasSize(count);
                        assertThatThrownBy(() -> vault.rename(other.id(), name)).as(label)
                                .hasMessageContaining("choose a shorter one");
                        assertThat(vault.note(other.id()).orElseThrow().name()).isEqualTo("other " + label);
                        vault.trash(holder.id());
                        vault.create(name, "took the name\n");
                        assertThatThrownBy(() -> vault.restore(holder.id())).as(label)
                                .hasMessageContaining("choose a shorter one");
                        assertThat(vault.note(holder.id()).orElseThrow().trashed()).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void aFileWhoseNameTheRuleRefusesIsReportedNotImported() throws IOException {
        Files.writeString(dir.resolve("a".repeat(231) + ".md"), "too long a file name for a note\n");
        Files.writeString(dir.resolve("a".repeat(230) + ".md"), "just fits\n");
        TestVaults.Recorder heard = new TestVaults.Recorder();
        try (Vault vault = TestVaults.open(dir)) {
            vault.addListener(heard);
            assertThat(vault.notes()).extracting(NoteInfo::name).containsExactly("a".repeat(230));
            eventually("the problem reported", () -> heard.heard.stream().anyMatch(p ->
                    p.startsWith("problem Not synced: " + "a".repeat(231) + ".md") && p.contains("segment of 231 bytes")));
        }
    }

    /** Issue 13 §4: a file saved under a name the rule refuses while the vault watches is said once, not ignored. */
    @Test
    void aFileUnderARefusedNameThatAppearsWhileWatchingIsReportedOnce() throws IOException {
        TestVaults.Recorder heard = new TestVaults.Recorder();
        try (Vault vault = TestVaults.open(dir)) {
            vault.addListener(heard);
            vault.startWatching();
            Files.writeString(dir.resolve("What is it?.md"), "a question\n");
            Files.writeString(dir.resolve(".hidden temp?.md"), "an editor's\n");
            eventually("the problem reported", () -> heard.heard.contains(
                    "problem Not synced: What is it?.md (character ? is not allowed); rename it to sync it"));
            Files.writeString(dir.resolve("What is it?.md"), "a question, edited\n");
            Files.writeString(dir.resolve("fine.md"), "an answer\n");
            eventually("the next file imported", () -> vault.notes().size() == 1);
            assertThat(heard.heard.stream().filter(p -> p.startsWith("problem "))).as("said once, of the visible file")
                    .containsExactly("problem Not synced: What is it?.md (character ? is not allowed); rename it to sync it");
        }
    }

    /**
     * A vault that took a name the rule now refuses (from a server, before the rule grew) still
     * opens: that note is set aside and reported, the others are there.
     */
    @Test
    void aNoteUnderANameTheRuleNowRefusesIsSetAsideWhenTheVaultOpens() throws IOException {
        UUID bad;
        try (Vault vault = TestVaults.open(dir)) {
            bad = vault.create("was fine", "text\n").id();
            vault.create("other", "stays\n");
        }
        Path index = dir.resolve(".weft/index");
        List<IndexFile.Entry> entries = new ArrayList<>();
        for (IndexFile.Entry e : IndexFile.read(index)) {
            entries.add(!e.id().equals(bad) ? e : new IndexFile.Entry(e.id(), ".hidden", e.trashed(), e.pendingTrash(),
                    e.hasPending(), e.syncTime(), e.logSize(), null, false, 0, 0, 0, null));
        }
        IndexFile.write(index, entries);
        Files.delete(dir.resolve("was fine.md"));
        TestVaults.Recorder heard = new TestVaults.Recorder();
        try (Vault vault = TestVaults.open(dir)) {
            vault.addListener(heard);
            assertThat(vault.notes()).extracting(NoteInfo::name).containsExactly("other");
            eventually("the note reported as set aside", () -> heard.heard.stream()
                    .anyMatch(p -> p.startsWith("problem Set aside note " + bad + " from the server: its name '.hidden'")));
        }
        assertThat(dir.resolve(".hidden.md")).doesNotExist();
    }
}
