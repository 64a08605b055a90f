package dev.weft.vault;

import static dev.weft.testing.Eventually.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.Atom;
import dev.weft.crdt.Pid;
import dev.weft.vault.text.MarkdownFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What other programs do to the folder: an existing vault opened, files edited, deleted, renamed, while running or closed. */
class VaultFolderTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path dir;

    private void file(String relative, byte[] bytes) throws IOException {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, LONG_AGO);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private String read(String relative) {
        try {
            return MarkdownFiles.read(dir.resolve(relative));
        } catch (IOException e) {
            return "<" + e + ">";
        }
    }

    /** Every path outside .weft with its bytes and modification time. */
    private Map<Path, String> outsideWeft() throws IOException {
        Map<Path, String> all = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted().toList()) {
                if (!p.startsWith(dir.resolve(".weft"))) {
                    all.put(p, Files.isDirectory(p) ? "dir"
                            : Arrays.toString(Files.readAllBytes(p)) + " @ " + Files.getLastModifiedTime(p));
                }
            }
        }
        return all;
    }

    private static UUID idOf(Vault vault, String name) {
        return vault.notes().stream().filter(n -> n.name().equals(name)).findFirst().orElseThrow().id();
    }

    @Test
    void openingAnObsidianVaultMakesNotesAndChangesNothingOutsideWeft() throws IOException {
        file("Welcome.md", utf8("# Welcome\n\nThis is your new *vault*.\n"));
        file("Daily/2024-01-02.md", utf8("- [ ] call Ana\r\n- [x] groceries\r\n"));
        file("Projects/Weft/ideas.md", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'd', 'e', 'a', '\n'});
        file("日本語/メモ.md", utf8("漢字と絵文字 😀\n"));
        file(".git/objects/ab/cdef.md", utf8("not a note"));
        file(".obsidian/workspace.json", utf8("{}"));
        file("bad:name.md", utf8("colon"));
        file("attachments/picture.png", new byte[] {1, 2, 3});
        Map<Path, String> before = outsideWeft();

        TestVaults.Recorder recorder = new TestVaults.Recorder();
        try (Vault vault = TestVaults.open(dir)) {
            vault.addListener(recorder);
            assertThat(vault.notes()).extracting(NoteInfo::name).containsExactly(
                    "Daily/2024-01-02", "Projects/Weft/ideas", "Welcome", "日本語/メモ");
            assertThat(vault.withPendingOps()).hasSize(4);
            assertThat(vault.replica(idOf(vault, "Daily/2024-01-02")).text()).isEqualTo("- [ ] call Ana\n- [x] groceries\n");
            assertThat(vault.replica(idOf(vault, "Projects/Weft/ideas")).text()).isEqualTo("idea\n");
            assertThat(vault.replica(idOf(vault, "日本語/メモ")).name()).contains("日本語/メモ");
            eventually("the problem", () -> recorder.heard.stream().anyMatch(h -> h.contains("bad:name.md")));
        }
        assertThat(outsideWeft()).isEqualTo(before);
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.notes()).hasSize(4);
            assertThat(vault.replicaOpens()).isZero();
        }
        assertThat(outsideWeft()).isEqualTo(before);
    }

    @Test
    void anEditWhileClosedIsMergedOnOpen() throws IOException {
        UUID id;
        try (Vault vault = TestVaults.open(dir)) {
            id = vault.create("n", "one\ntwo\n").id();
        }
        Files.writeString(dir.resolve("n.md"), "one\ntwo\nthree\n");
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.replica(id).text()).isEqualTo("one\ntwo\nthree\n");
            assertThat(vault.replica(id).log().pending()).isNotEmpty();
        }
    }

    @Test
    void aStaleFileAfterACrashKeepsTheRemoteOpsAndTheExternalEdit() throws IOException {
        UUID id = UUID.fromString("00000000-0000-4000-8000-000000000003");
        Vault vault = Vault.open(dir, TestVaults.slowWrites());
        vault.applyRemote(id, "n", atoms(2, 10, "ab\n"), List.of());
        vault.flush();
        vault.applyRemote(id, null, atoms(2, 1, "REMOTE "), List.of()); // not written yet...
        vault.abandon(); // ...and never: killed
        assertThat(read("n.md")).isEqualTo("ab\n");
        Files.writeString(dir.resolve("n.md"), "ab\nexternal\n");
        try (Vault reopened = TestVaults.open(dir)) {
            assertThat(reopened.replica(id).text()).isEqualTo("REMOTE ab\nexternal\n");
            reopened.flush();
            assertThat(read("n.md")).isEqualTo("REMOTE ab\nexternal\n");
        }
    }

    @Test
    void typingLostToACrashBeforeItsWriteIsNeverUndoneByTheStaleFile() throws IOException {
        UUID id;
        Vault vault = Vault.open(dir, TestVaults.slowWrites());
        NoteReplica replica;
        id = vault.create("n", "one\n").id();
        vault.flush();
        replica = vault.replica(id);
        replica.insert(replica.length(), "two\n"); // in the log, not in the file yet...
        vault.abandon(); // ...and never: killed
        assertThat(read("n.md")).isEqualTo("one\n");
        for (int reopen = 0; reopen < 3; reopen++) {
            Vault again = Vault.open(dir, TestVaults.slowWrites());
            NoteReplica r = again.replica(id);
            assertThat(r.text()).as("reopen %d", reopen).isEqualTo("one\ntwo\n" + "x".repeat(reopen));
            r.insert(r.length(), "x"); // more typing, then killed again before the write
            again.abandon();
        }
        try (Vault last = TestVaults.open(dir)) {
            assertThat(last.replica(id).text()).isEqualTo("one\ntwo\nxxx");
            last.flush();
            assertThat(read("n.md")).isEqualTo("one\ntwo\nxxx");
        }
    }

    @Test
    void anEditWhileRunningIsMergedAsExternal() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            UUID id = vault.create("n", "hello\n").id();
            vault.flush();
            TestVaults.Recorder recorder = new TestVaults.Recorder();
            vault.addListener(recorder);
            vault.startWatching();
            Files.writeString(dir.resolve("n.md"), "hello\nworld\n");
            NoteReplica replica = vault.replica(id);
            eventually("the merge", () -> replica.text().equals("hello\nworld\n"));
            eventually("the event", () -> recorder.heard.contains("text " + id + " EXTERNAL"));
            replica.insert(0, "> ");
            eventually("our write", () -> read("n.md").equals("> hello\nworld\n"));
            vault.flush();
            assertThat(replica.text()).isEqualTo("> hello\nworld\n"); // our own write did not echo back
        }
    }

    @Test
    void aStaleFileWhileRunningKeepsTheRemoteOpsAndTheExternalEdit() throws IOException {
        UUID id = UUID.fromString("00000000-0000-4000-8000-000000000004");
        try (Vault vault = Vault.open(dir, TestVaults.slowWrites())) {
            vault.applyRemote(id, "n", atoms(2, 10, "ab\n"), List.of());
            vault.flush();
            NoteReplica replica = vault.replica(id);
            vault.startWatching();
            vault.applyRemote(id, null, atoms(2, 1, "REMOTE "), List.of()); // the file is stale now
            Files.writeString(dir.resolve("n.md"), "ab\nexternal\n");
            eventually("the merge", () -> replica.text().equals("REMOTE ab\nexternal\n"));
            vault.flush();
            assertThat(read("n.md")).isEqualTo("REMOTE ab\nexternal\n");
        }
    }

    @Test
    void aWriteNeverReplacesAnEditNotMergedYet() throws IOException {
        try (Vault vault = Vault.open(dir, TestVaults.slowWrites())) {
            UUID id = vault.create("n", "one\n").id();
            vault.flush();
            NoteReplica replica = vault.replica(id);
            replica.insert(0, "typed "); // a write is due, but not yet
            Files.writeString(dir.resolve("n.md"), "one\nexternal\n"); // no watcher running
            vault.flush(); // the write finds the edit: dropped, the edit merged first
            eventually("the merge", () -> replica.text().equals("typed one\nexternal\n"));
            vault.flush();
            assertThat(read("n.md")).isEqualTo("typed one\nexternal\n");
        }
    }

    @Test
    void aNewFileWhileRunningBecomesANote() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            vault.startWatching();
            Files.createDirectories(dir.resolve("new/folder"));
            Files.writeString(dir.resolve("new/folder/n.md"), "fresh\n");
            eventually("the note", () -> vault.notes().stream().anyMatch(n -> n.name().equals("new/folder/n")));
            UUID id = idOf(vault, "new/folder/n");
            assertThat(vault.replica(id).text()).isEqualTo("fresh\n");
            assertThat(vault.withPendingOps()).containsExactly(id);
        }
    }

    @Test
    void deletingTheFileTrashesTheNoteAndRestoreBringsItBack() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            UUID id = vault.create("sub/n", "text\n").id();
            vault.flush();
            vault.startWatching();
            Files.delete(dir.resolve("sub/n.md"));
            eventually("the trash", () -> vault.note(id).orElseThrow().trashed());
            assertThat(vault.pendingTrashChanges()).containsExactly(new TrashChange(id, true));
            vault.restore(id);
            vault.flush();
            assertThat(read("sub/n.md")).isEqualTo("text\n");
            assertThat(vault.note(id).orElseThrow().trashed()).isFalse();
        }
    }

    @Test
    void aFileDeletedWhileClosedIsTrashed() throws IOException {
        UUID id;
        try (Vault vault = TestVaults.open(dir)) {
            id = vault.create("n", "text").id();
        }
        Files.delete(dir.resolve("n.md"));
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.note(id).orElseThrow().trashed()).isTrue();
            assertThat(vault.pendingTrashChanges()).containsExactly(new TrashChange(id, true));
        }
    }

    @Test
    void renamingTheFileRenamesTheNote() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            UUID id = vault.create("a", "same text\n").id();
            vault.flush();
            vault.startWatching();
            Files.createDirectories(dir.resolve("sub"));
            Files.move(dir.resolve("a.md"), dir.resolve("sub/b.md"));
            eventually("the rename", () -> vault.note(id).orElseThrow().name().equals("sub/b"));
            assertThat(vault.notes()).containsExactly(new NoteInfo(id, "sub/b", false));
            assertThat(vault.replica(id).log().pending()).anyMatch(op -> op instanceof LocalOp.Rename r
                    && r.name().equals("sub/b"));
        }
    }

    @Test
    void renamingAFolderRenamesItsNotes() throws IOException {
        try (Vault vault = TestVaults.open(dir)) {
            UUID one = vault.create("old/one", "first\n").id();
            UUID two = vault.create("old/deeper/two", "second\n").id();
            vault.flush();
            vault.startWatching();
            Files.move(dir.resolve("old"), dir.resolve("new"));
            eventually("the renames", () -> vault.notes().equals(List.of(new NoteInfo(two, "new/deeper/two", false),
                    new NoteInfo(one, "new/one", false))));
        }
    }

    @Test
    void anEditWhileClosedAfterUnwrittenTypingKeepsBoth() throws IOException {
        Vault vault = Vault.open(dir, TestVaults.slowWrites());
        UUID id = vault.create("n", "line\n").id();
        vault.flush();
        vault.replica(id).insert(0, "typed ");
        vault.abandon(); // killed before the write
        Files.writeString(dir.resolve("n.md"), "line\nadded elsewhere\n");
        try (Vault reopened = TestVaults.open(dir)) {
            assertThat(reopened.replica(id).text()).isEqualTo("typed line\nadded elsewhere\n");
        }
    }

    @Test
    void aFileRenamedWhileClosedIsARename() throws IOException {
        UUID id;
        try (Vault vault = TestVaults.open(dir)) {
            id = vault.create("a", "same text\n").id();
        }
        Files.move(dir.resolve("a.md"), dir.resolve("b.md"));
        try (Vault vault = TestVaults.open(dir)) {
            assertThat(vault.notes()).containsExactly(new NoteInfo(id, "b", false));
        }
    }

    @Test
    void aDamagedIndexIsRebuiltFromTheLogs() throws IOException {
        UUID id;
        try (Vault vault = TestVaults.open(dir)) {
            id = vault.create("n", "text").id();
            vault.currentTo(id, 9);
        }
        Path index = dir.resolve(".weft/index");
        byte[] bytes = Files.readAllBytes(index);
        bytes[bytes.length / 2] ^= 0x20;
        Files.write(index, bytes);
        try (Vault vault = TestVaults.open(dir)) {
            TestVaults.Recorder recorder = new TestVaults.Recorder();
            vault.addListener(recorder);
            assertThat(vault.notes()).containsExactly(new NoteInfo(id, "n", false));
            assertThat(vault.syncTime(id)).isEqualTo(9);
            assertThat(vault.withPendingOps()).containsExactly(id);
            eventually("the problem", () -> recorder.heard.stream().anyMatch(h -> h.startsWith("problem The vault index")));
        }
    }

    private static List<Atom> atoms(int site, long firstIdent, String text) {
        List<Atom> atoms = new java.util.ArrayList<>();
        long ident = firstIdent;
        for (int cp : text.codePoints().toArray()) {
            atoms.add(new Atom(Pid.single(site, ident++), cp));
        }
        return atoms;
    }
}
