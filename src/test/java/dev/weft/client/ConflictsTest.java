package dev.weft.client;

import static dev.weft.testing.Eventually.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.Vault;
import dev.weft.vault.VaultOptions;
import dev.weft.vault.text.MarkdownFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Offline changes that meet: each kind resolves the same way on every device, files included, and
 * no text is lost (an edit wins over a trash).
 */
class ConflictsTest extends LiveServerTest {
    static final Duration TIMEOUT = PATIENCE;

    final class Device {
        final String name;
        Vault vault;
        SyncClient client;

        Device(String name) throws Exception {
            this.name = name;
            reopen();
            client.pair(server.pairingLink(), name);
        }

        void reopen() throws Exception {
            vault = Vault.open(dir.resolve(name), VaultOptions.defaults());
            client = new SyncClient(vault, SyncOptions.defaults());
        }

        void close() throws Exception {
            client.close();
            vault.close();
        }

        void sync() throws Exception {
            client.syncOnce(TIMEOUT);
            vault.flush();
        }

        String text(UUID id) throws Exception {
            return vault.replica(id).text();
        }

        Path file(String note) {
            return dir.resolve(name).resolve(note + ".md");
        }

        /** Every note: name, trash flag and text; and every .md file in the vault with its text. */
        Map<String, String> state() throws Exception {
            Map<String, String> state = new TreeMap<>();
            for (NoteInfo n : vault.notes()) {
                state.put("note " + n.id(), n.name() + (n.trashed() ? " [trash]" : "") + ": " + text(n.id()));
            }
            try (var files = Files.walk(dir.resolve(name))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".md") && !p.toString().contains("/.weft/")).toList()) {
                    state.put("file " + dir.resolve(name).relativize(f), MarkdownFiles.read(f));
                }
            }
            return state;
        }
    }

    Device device(String name) throws Exception {
        Device d = new Device(name);
        open.add(d::close);
        return d;
    }

    void syncAll(Device... devices) throws Exception {
        for (int round = 0; round < 2; round++) {
            for (Device d : devices) {
                d.sync();
            }
        }
        for (Device d : devices) {
            assertThat(d.state()).as(d.name).isEqualTo(devices[0].state());
        }
    }

    @Test
    void editVersusEditMergesBoth() throws Exception {
        Device a = device("a");
        Device b = device("b");
        UUID id = a.vault.create("shared", "line one\nline two\n").id();
        syncAll(a, b);
        a.vault.replica(id).insertUtf16(0, "A: ");
        b.vault.replica(id).insertUtf16("line one\nline two\n".length(), "B wrote this\n");
        syncAll(a, b);
        assertThat(a.text(id)).isEqualTo("A: line one\nline two\nB wrote this\n");
        assertThat(MarkdownFiles.read(a.file("shared"))).isEqualTo(a.text(id));
    }

    @Test
    void renameVersusEditKeepsTheNewNameAndTheEdit() throws Exception {
        Device a = device("a");
        Device b = device("b");
        UUID id = a.vault.create("draft", "text").id();
        syncAll(a, b);
        a.vault.rename(id, "projects/final");
        b.vault.replica(id).insertUtf16(4, " and more");
        syncAll(a, b);
        assertThat(b.vault.note(id).orElseThrow().name()).isEqualTo("projects/final");
        assertThat(MarkdownFiles.read(b.file("projects/final"))).isEqualTo("text and more");
        assertThat(b.file("draft")).doesNotExist();
    }

    @Test
    void trashVersusEditBringsItBackEverywhereWithTheEdit() throws Exception {
        Device a = device("a");
        Device b = device("b");
        UUID id = a.vault.create("old", "keep me").id();
        syncAll(a, b);
        a.vault.trash(id);
        b.vault.replica(id).insertUtf16(7, ", edited");
        syncAll(a, b); // the edit wins (docs/protocol.md §9; TrashSyncTest for both orders)
        assertThat(a.vault.note(id).orElseThrow().trashed()).isFalse();
        assertThat(MarkdownFiles.read(a.file("old"))).isEqualTo("keep me, edited");
    }

    @Test
    void deletingTheFileVersusAnEditBringsItBackWithTheEdit() throws Exception {
        Device a = device("a");
        Device b = device("b");
        UUID id = a.vault.create("gone", "was here").id();
        syncAll(a, b);
        a.close();
        Files.delete(a.file("gone")); // another program deletes it while Weft is closed
        a.reopen();
        b.vault.replica(id).insertUtf16(8, " and edited");
        syncAll(a, b);
        assertThat(a.vault.note(id).orElseThrow().trashed()).isFalse();
        assertThat(MarkdownFiles.read(a.file("gone"))).isEqualTo("was here and edited");
    }

    @Test
    void anEditByAnotherProgramWhileClosedIsSynced() throws Exception {
        Device a = device("a");
        Device b = device("b");
        UUID id = a.vault.create("todo", "- milk\n").id();
        syncAll(a, b);
        a.close();
        Files.writeString(a.file("todo"), "- milk\n- eggs\n");
        a.reopen();
        b.vault.replica(id).insertUtf16(0, "# Shopping\n");
        syncAll(a, b);
        assertThat(b.text(id)).isEqualTo("# Shopping\n- milk\n- eggs\n");
    }

    @Test
    void twoNotesMadeOfflineWithOneNameGetDistinctNamesEverywhere() throws Exception {
        Device a = device("a");
        Device b = device("b");
        a.vault.create("ideas", "from a");
        b.vault.create("Ideas", "from b");
        syncAll(a, b);
        assertThat(a.vault.notes()).extracting(NoteInfo::name).containsExactlyInAnyOrder("ideas", "Ideas (2)");
    }

    @Test
    void concurrentRenamesEndWithOneNameEverywhere() throws Exception {
        Device a = device("a");
        Device b = device("b");
        UUID id = a.vault.create("n", "x").id();
        syncAll(a, b);
        a.vault.rename(id, "by a");
        b.vault.rename(id, "by b");
        syncAll(a, b);
        assertThat(a.vault.note(id).orElseThrow().name()).isIn("by a", "by b");
    }
}
