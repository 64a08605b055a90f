package dev.weft.vault;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.testing.HiddenEdits;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 §6: another program rewrites a note's file with the same size and puts its modification
 * time back ({@code cp -p}, {@code rsync -t}, {@code tar x}, a clock set back) while Weft is closed.
 * The stamp used to be size and time only, so every open trusted it and the edit stayed unseen
 * until another change reached the note; the change time in the stamp catches it.
 */
class HiddenEditTest {
    @TempDir
    Path dir;

    /** Opens and closes the vault once the file's times are out of doubt, so the index trusts its stamp. */
    static void stampTrusted(Path vault, Path file) throws IOException {
        HiddenEdits.awaitOutOfDoubt(file, FileStamp.DOUBT_MILLIS);
        TestVaults.open(vault).close();
        String relative = vault.relativize(file).toString();
        String name = relative.substring(0, relative.length() - ".md".length());
        assertThat(IndexFile.read(new VaultPaths(vault).weftDir().resolve("index")))
                .filteredOn(e -> e.name().equals(name)).singleElement()
                .satisfies(e -> assertThat(e.fileChange()).as("stamped").isPositive());
    }

    @Test
    void anEditKeepingSizeAndTimeIsTakenInAtTheNextOpen() throws IOException {
        Path file = dir.resolve("note.md");
        try (Vault vault = TestVaults.open(dir)) {
            vault.create("note", "the old text\n");
        }
        stampTrusted(dir, file);
        HiddenEdits.rewriteKeepingSizeAndTime(file, "the new text\n");
        try (Vault vault = TestVaults.open(dir)) {
            NoteInfo note = vault.notes().get(0);
            assertThat(vault.withReplica(note.id(), NoteReplica::text)).isEqualTo("the new text\n");
        }
    }
}
