package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.vault.text.MarkdownFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Notes deleted forever as one batch ({@link Vault#purge(java.util.Collection, java.util.Collection)}):
 * every note of it goes with its files, unsent edits are kept as a new note of the same name, and a
 * record left by a kill ({@code abandon} after part of the batch) is finished at the next open.
 */
class PurgeBatchTest {
    private static final int NOTES = 30;

    @TempDir
    Path dir;

    private static UUID id(int i) {
        return UUID.fromString(String.format("00000000-0000-4000-8000-%012d", i + 1));
    }

    private static List<Atom> atoms(String text) {
        List<Atom> atoms = new ArrayList<>();
        long ident = 1;
        for (int cp : text.codePoints().toArray()) {
            atoms.add(new Atom(Pid.single(2, ident++), cp));
        }
        return atoms;
    }

    /** NOTES notes from the server, all but the last three in the trash here. */
    private Vault vaultOfNotes() throws IOException {
        Vault vault = TestVaults.open(dir);
        Map<UUID, Boolean> trashed = new LinkedHashMap<>();
        for (int i = 0; i < NOTES; i++) {
            vault.applyRemote(id(i), "old/note " + i, atoms("text " + i), List.of());
            vault.currentTo(id(i), 10);
            if (i < NOTES - 3) {
                trashed.put(id(i), true);
            }
        }
        vault.applyRemoteTrashed(trashed);
        for (int i = 0; i < NOTES - 3; i++) {
            vault.trashNews(id(i), 15, 7, "laptop");
        }
        vault.flush();
        return vault;
    }

    private List<Path> weftFiles(UUID id) throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve(".weft"))) {
            return files.filter(f -> f.getFileName().toString().startsWith(id.toString())).toList();
        }
    }

    @Test
    void aBatchRemovesEveryNoteAndItsFilesAndKeepsUnsentEditsAsANewNote() throws IOException {
        UUID edited = id(NOTES - 1);
        try (Vault vault = vaultOfNotes()) {
            vault.replica(edited).insertUtf16(0, "mine: "); // not sent: wins over the purge
            List<UUID> asked = new ArrayList<>();
            for (int i = 0; i < NOTES / 2; i++) {
                asked.add(id(i));
            }
            List<UUID> elsewhere = new ArrayList<>();
            for (int i = NOTES / 2; i < NOTES; i++) {
                elsewhere.add(id(i));
            }
            Map<UUID, NoteInfo> kept = vault.purge(asked, elsewhere);
            assertThat(kept).containsOnlyKeys(edited);
            NoteInfo copy = kept.get(edited);
            assertThat(copy.id()).isNotEqualTo(edited);
            assertThat(copy.name()).isEqualTo("old/note " + (NOTES - 1));
            assertThat(vault.notes()).extracting(NoteInfo::id).containsExactly(copy.id());
            vault.flush();
            assertThat(MarkdownFiles.read(dir.resolve("old/note " + (NOTES - 1) + ".md"))).isEqualTo("mine: text " + (NOTES - 1));
        }
        try (Vault reopened = TestVaults.open(dir)) {
            assertThat(reopened.notes()).hasSize(1);
            assertThat(reopened.trashInfo()).isEmpty();
            for (int i = 0; i < NOTES; i++) {
                assertThat(reopened.note(id(i))).isEmpty();
                assertThat(weftFiles(id(i))).isEmpty();
                if (i < NOTES - 1) {
                    assertThat(dir.resolve("old/note " + i + ".md")).doesNotExist();
                }
            }
            assertThat(PurgeRecord.file(dir.resolve(".weft"))).doesNotExist();
        }
    }

    @Test
    void aRecordLeftByAKillIsFinishedAtTheNextOpen() throws IOException {
        // the last two not in the trash here
        Set<UUID> batch = Set.of(id(0), id(1), id(2), id(3), id(NOTES - 3), id(NOTES - 2));
        Vault vault = vaultOfNotes();
        Path weft = dir.resolve(".weft");
        PurgeRecord.write(weft, batch);
        // the kill: two notes' files and .weft files had gone, the index and the trash book still name all
        Files.delete(dir.resolve("old/note " + (NOTES - 2) + ".md"));
        NotePurge.deleteFiles(weft, Set.of(id(0), id(NOTES - 2)));
        vault.abandon();
        List<String> problems = new ArrayList<>();
        try (Vault reopened = TestVaults.open(dir)) {
            for (UUID id : batch) {
                assertThat(reopened.note(id)).as("%s", id).isEmpty();
                assertThat(weftFiles(id)).isEmpty();
                assertThat(reopened.trashInfo()).doesNotContainKey(id);
            }
            assertThat(dir.resolve("old/note " + (NOTES - 3) + ".md")).doesNotExist();
            assertThat(reopened.notes()).hasSize(NOTES - batch.size());
            assertThat(reopened.damagedNotes()).as("no log taken for lost").isEmpty();
            assertThat(reopened.pendingTrashChanges()).as("no file taken for deleted by the user").isEmpty();
            assertThat(MarkdownFiles.read(dir.resolve("old/note " + (NOTES - 1) + ".md"))).isEqualTo("text " + (NOTES - 1));
            assertThat(reopened.trashInfo().get(id(5)).batch()).isEqualTo(7);
            assertThat(PurgeRecord.file(weft)).doesNotExist();
        }
        try (Vault again = TestVaults.open(dir)) {
            assertThat(again.notes()).hasSize(NOTES - batch.size());
        }
    }
}
