package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A note's file is written only from a whole answer (docs/vault.md, "Big downloads"): while an
 * answer comes in, a new note has no file and a known note's file keeps its text, also across a
 * restart of the vault; once the answer is whole the file holds the note.
 */
class IncomingNotesTest {
    @TempDir
    Path dir;

    private static List<Atom> atoms(int site, int from, String text) {
        List<Atom> atoms = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            atoms.add(new Atom(Pid.single(site, from + i), text.charAt(i)));
        }
        return atoms;
    }

    @Test
    void aNewNoteGetsItsFileOnlyOnceItsAnswerIsWholeEvenAcrossARestart() throws Exception {
        UUID id = UUID.randomUUID();
        Path file = dir.resolve("big.md");
        try (Vault vault = Vault.open(dir, VaultOptions.defaults())) {
            vault.answerComing(id);
            vault.applyRemote(id, "big", atoms(7, 1, "first part, "), List.of());
            vault.flush();
            assertThat(file).doesNotExist();
            assertThat(vault.incompleteNotes()).containsExactly("big");
        } // the connection was cut here: the rest never came
        assertThat(file).as("closed").doesNotExist();
        assertThat(dir.resolve(".weft/incoming/" + id + ".md")).exists();
        try (Vault vault = Vault.open(dir, VaultOptions.defaults())) {
            vault.flush();
            assertThat(file).as("a restart keeps the note's file unwritten").doesNotExist();
            vault.answerComing(id); // the next answer brings the whole note from its time
            vault.applyRemote(id, null, atoms(7, 100, "second part\n"), List.of());
            vault.answerWhole(id);
            vault.flush();
            assertThat(Files.readString(file)).isEqualTo("first part, second part\n");
            assertThat(vault.incompleteNotes()).isEmpty();
        }
    }

    @Test
    void aKnownNotesFileKeepsItsTextUntilTheAnswerIsWhole() throws Exception {
        try (Vault vault = Vault.open(dir, VaultOptions.defaults())) {
            UUID id = UUID.randomUUID();
            vault.applyRemote(id, "n", atoms(7, 100, "old\n"), List.of());
            vault.flush();
            Path file = dir.resolve("n.md");
            assertThat(Files.readString(file)).isEqualTo("old\n");
            vault.answerComing(id);
            vault.applyRemote(id, null, atoms(7, 10, "new "), List.of());
            vault.flush();
            assertThat(Files.readString(file)).isEqualTo("old\n");
            vault.applyRemote(id, null, List.of(), List.of(Pid.single(7, 100)));
            vault.flush();
            assertThat(Files.readString(file)).isEqualTo("old\n");
            vault.answerWhole(id);
            vault.flush();
            assertThat(Files.readString(file)).isEqualTo("new ld\n");
        }
    }

    /**
     * An upload's answer brings nothing new (a {@code 33} without atoms and a {@code 34} for each
     * part): no write waits for it and the file is not written again. Before, each part marked a write
     * waiting and its {@code 34} rewrote the whole note: 400 rewrites of a 20 MB note's file.
     */
    @Test
    void anAnswerThatChangesNothingLeavesTheFileAlone() throws Exception {
        try (Vault vault = Vault.open(dir, VaultOptions.defaults())) {
            UUID id = UUID.randomUUID();
            vault.applyRemote(id, "n", atoms(7, 100, "old\n"), List.of());
            vault.flush();
            Path file = dir.resolve("n.md");
            java.nio.file.attribute.FileTime before = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
            Files.setLastModifiedTime(file, before);
            for (int part = 0; part < 3; part++) {
                vault.answerComing(id);
                vault.applyRemote(id, "n", List.of(), List.of());
                assertThat(vault.incompleteNotes()).as("no write waits").isEmpty();
                vault.answerWhole(id);
            }
            vault.flush();
            assertThat(Files.getLastModifiedTime(file)).as("not written again").isEqualTo(before);
            assertThat(Files.readString(file)).isEqualTo("old\n");
        }
    }
}
