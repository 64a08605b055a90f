package dev.weft.vault.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotePathsTest {
    @TempDir
    Path vault;

    private NotePaths paths() {
        return new NotePaths(vault);
    }

    private Path touch(String relative) throws IOException {
        Path file = vault.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "x");
        return file;
    }

    @Test
    void namesAndPathsRoundTripWithFoldersAndAnyScript() throws IOException {
        List<String> names = List.of("plain", "projects/weft/ideas", "Ünïcödé/日本語 ノート", "emoji 😀/🇫🇷 trip",
                "a.b", "notes with spaces/and, punctuation!", "café", "Cafe\u0301 decomposed", "deep/a/b/c/d/e/f");
        for (String name : names) {
            Path file = paths().pathOf(name);
            assertThat(file.startsWith(vault)).isTrue();
            assertThat(file.getFileName().toString()).endsWith(".md");
            assertThat(paths().nameOf(file)).isEqualTo(name);
            assertThat(paths().nameOf(vault.relativize(file))).isEqualTo(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, name);
        }
        assertThat(paths().pathOf("projects/weft/ideas")).isEqualTo(vault.resolve("projects").resolve("weft").resolve("ideas.md"));
        assertThat(paths().scan().names()).containsExactlyInAnyOrderElementsOf(names).isSorted();
    }

    @Test
    void aNameThatNoteNamesRejectsHasNoPathAndTheReasonIsGiven() {
        assertThatThrownBy(() -> paths().pathOf("a/../b")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("segment . or ..");
        assertThatThrownBy(() -> paths().pathOf("what?")).hasMessageContaining("character ? is not allowed");
        assertThatThrownBy(() -> paths().pathOf("/abs")).hasMessageContaining("leading /");
        assertThatThrownBy(() -> paths().pathOf("nul")).hasMessageContaining("reserved Windows device name");
        assertThatThrownBy(() -> paths().pathOf("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(NotePaths.validate("folder/")).contains("empty segment");
    }

    @Test
    void hiddenSegmentsAreNotNotesSoNoNoteIsWrittenIntoGitOrWeft() {
        assertThat(NotePaths.validate(".weft/docs/x")).get().asString().contains("starts with a dot");
        assertThat(NotePaths.validate("notes/.git/config")).get().asString().contains(".git");
        assertThat(NotePaths.validate(".hidden")).isPresent();
        assertThat(NotePaths.validate("not.hidden")).isEmpty();
        assertThatThrownBy(() -> paths().pathOf(".obsidian/workspace")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFileThatIsNotANoteSaysWhy() {
        assertThat(paths().validatePath(vault.resolve("image.png"))).contains("not a .md file");
        assertThat(paths().validatePath(vault.resolve("README.MD"))).contains("extension is not .md in lower case");
        assertThat(paths().validatePath(vault.resolve("a:b.md"))).contains("character : is not allowed");
        assertThat(paths().validatePath(vault.resolve("trailing .md"))).contains("segment ends with a space or a dot");
        assertThat(paths().validatePath(vault.resolve(".trash/old.md"))).get().asString().contains("starts with a dot");
        assertThat(paths().validatePath(vault.resolve("../outside.md"))).get().asString().startsWith("not inside the vault");
        assertThat(paths().validatePath(vault)).get().asString().startsWith("not inside the vault");
        assertThat(paths().validatePath(vault.resolve("sub/../ok.md"))).isEmpty();
        assertThatThrownBy(() -> paths().nameOf(vault.resolve("x.txt")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is not a note: not a .md file");
    }

    @Test
    void scanSkipsHiddenFoldersAndFilesAndReportsFilesThatCannotBeNotes() throws IOException {
        touch("note.md");
        touch("folder/inner.md");
        touch("folder/picture.png");
        touch(".weft/docs/x.md");
        touch(".git/objects/readme.md");
        touch(".obsidian/plugins/p.md");
        touch(".trash/deleted.md");
        touch("folder/.hidden/secret.md");
        touch(".dotfile.md");
        touch("UPPER.MD");
        touch("bad:name.md");
        touch("ends with space .md");
        Files.createDirectories(vault.resolve("folder.md")); // a folder, not a note

        NotePaths.Scan scan = paths().scan();
        assertThat(scan.names()).containsExactly("folder/inner", "note");
        assertThat(scan.rejected()).extracting(r -> vault.relativize(r.file()).toString() + " -> " + r.reason())
                .containsExactlyInAnyOrder("UPPER.MD -> extension is not .md in lower case",
                        "bad:name.md -> character : is not allowed",
                        "ends with space .md -> segment ends with a space or a dot");
        assertThat(scan.collisions()).isEmpty();
        assertThat(scan.leftovers()).isEmpty();
    }

    @Test
    void scanDoesNotFollowALinkToAFolder() throws IOException {
        Path outside = Files.createTempDirectory("weft-outside");
        try {
            Files.writeString(outside.resolve("elsewhere.md"), "x");
            Files.createSymbolicLink(vault.resolve("linked"), outside);
            touch("here.md");
            assertThat(paths().scan().names()).containsExactly("here");
        } finally {
            Files.delete(outside.resolve("elsewhere.md"));
            Files.delete(outside);
        }
    }

    @Test
    void namesThatDifferOnlyInCaseOrNormalizationAreReportedAsCollisions() throws IOException {
        touch("A.md");
        touch("a.md");
        touch("Folder/Note.md");
        touch("folder/note.md");
        touch("Straße.md");
        touch("STRASSE.md");
        touch(Normalizer.normalize("é.md", Normalizer.Form.NFC));
        touch(Normalizer.normalize("é.md", Normalizer.Form.NFD));
        touch("unique.md");

        NotePaths.Scan scan = paths().scan();
        assertThat(scan.names()).hasSize(9);
        assertThat(scan.collisions()).containsExactlyInAnyOrder(
                List.of("A", "a"),
                List.of("Folder/Note", "folder/note"),
                List.of("STRASSE", "Straße"),
                List.of(Normalizer.normalize("é", Normalizer.Form.NFD), Normalizer.normalize("é", Normalizer.Form.NFC)));
        assertThat(NotePaths.collisionKey("Ä")).isEqualTo(NotePaths.collisionKey("a\u0308"));
    }

    @Test
    void scansTenThousandNotesAndSkipsDotGit() throws IOException {
        // its speed is NotePathsScanBench's (docs/vault-text.md)
        List<String> expected = new ArrayList<>();
        for (int folder = 0; folder < 100; folder++) {
            Path dir = Files.createDirectories(vault.resolve("area " + folder / 10).resolve("topic " + folder));
            for (int note = 0; note < 100; note++) {
                Files.createFile(dir.resolve("note " + note + ".md"));
                expected.add("area " + folder / 10 + "/topic " + folder + "/note " + note);
            }
            Files.createFile(dir.resolve("attachment " + folder + ".png"));
        }
        Path git = Files.createDirectories(vault.resolve(".git/objects"));
        for (int i = 0; i < 2_000; i++) {
            Files.createFile(git.resolve("object" + i + ".md"));
        }

        NotePaths.Scan scan = paths().scan();
        assertThat(scan.names()).hasSize(10_000).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(scan.rejected()).isEmpty();
    }
}
