package dev.weft.vault.text;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.crdt.OpSink;
import dev.weft.crdt.SequenceDoc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise, with this package's parts: a folder of existing {@code .md} files (an
 * Obsidian vault) opened as a vault becomes notes and not one byte of it changes; an edit another
 * program makes later is merged in, and the file keeps that program's bytes.
 */
class OpeningAFolderTest {
    private static final FileTime LONG_AGO = FileTime.fromMillis(1_000_000_000_000L);

    @TempDir
    Path vault;

    private void file(String relative, byte[] bytes) throws IOException {
        Path file = vault.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, LONG_AGO);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> all = new LinkedHashMap<>();
        try (Stream<Path> files = Files.walk(vault)) {
            for (Path p : files.sorted().toList()) {
                all.put(p, Files.isDirectory(p) ? "dir"
                        : Arrays.toString(Files.readAllBytes(p)) + " @ " + Files.getLastModifiedTime(p));
            }
        }
        return all;
    }

    @Test
    void openingAnObsidianVaultChangesNothingOnDiskAndLaterEditsAreMergedNotOverwritten() throws IOException {
        file("Welcome.md", utf8("# Welcome\n\nThis is your new *vault*.\n"));
        file("Daily/2024-01-02.md", utf8("- [ ] call Ana\r\n- [x] groceries\r\n"));
        file("Projects/Weft/ideas.md", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'i', 'd', 'e', 'a', '\n'});
        file("日本語/メモ.md", utf8("漢字と絵文字 😀\n"));
        file("legacy.md", "caf\u00E9".getBytes(StandardCharsets.ISO_8859_1));
        file("README.MD", utf8("not a note"));
        file(".obsidian/app.json", utf8("{}"));
        file(".obsidian/workspace.md", utf8("not a note either"));
        file("attachments/diagram.png", new byte[] {1, 2, 3});
        Map<Path, String> before = snapshot();

        ManualScheduler clock = new ManualScheduler();
        List<String> failures = new ArrayList<>();
        DebouncedWriter writer = new DebouncedWriter(clock, (f, e) -> failures.add(e.getMessage()));
        NotePaths paths = new NotePaths(vault);
        Map<String, SequenceDoc> notes = new LinkedHashMap<>();
        List<String> unreadable = new ArrayList<>();
        for (String name : paths.scan().names()) {
            SequenceDoc doc = new SequenceDoc(255, new Random(name.hashCode()));
            try {
                DiffMerge.apply(doc, MarkdownFiles.read(paths.pathOf(name)), OpSink.NONE);
            } catch (NotUtf8Exception e) {
                unreadable.add(name);
                continue;
            }
            notes.put(name, doc);
            writer.changed(paths.pathOf(name), doc.text()); // what the vault does after loading a note
        }
        clock.advance(5_000);
        writer.close();

        assertThat(notes.keySet()).containsExactly("Daily/2024-01-02", "Projects/Weft/ideas", "Welcome", "日本語/メモ");
        assertThat(notes.get("Daily/2024-01-02").text()).isEqualTo("- [ ] call Ana\n- [x] groceries\n");
        assertThat(notes.get("Projects/Weft/ideas").text()).isEqualTo("idea\n");
        assertThat(unreadable).containsExactly("legacy");
        assertThat(failures).isEmpty();
        assertThat(snapshot()).isEqualTo(before);

        // later an editor on Windows saves the daily note, CRLF and all
        Path daily = paths.pathOf("Daily/2024-01-02");
        byte[] saved = utf8("- [x] call Ana\r\n- [x] groceries\r\n- [ ] write\r\n");
        Files.write(daily, saved);
        assertThat(writer.isOwnWrite(daily, MarkdownFiles.read(daily))).isFalse();
        SequenceDoc doc = notes.get("Daily/2024-01-02");
        List<TextDiff.Edit> edits = DiffMerge.apply(doc, MarkdownFiles.read(daily), OpSink.NONE);
        assertThat(edits).containsExactly(new TextDiff.Edit(3, 1, "x"), new TextDiff.Edit(31, 0, "- [ ] write\n"));
        DebouncedWriter again = new DebouncedWriter(clock, (f, e) -> failures.add(e.getMessage()));
        again.changed(daily, doc.text());
        again.close();
        assertThat(Files.readAllBytes(daily)).isEqualTo(saved);
    }
}
