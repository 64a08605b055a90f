package dev.weft.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.crdt.RunCollector;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a folder of Markdown no Weft has seen (docs/vault.md, "Opening a folder"): every
 * {@code .md} becomes one note holding its text as one run of pids, its ops pending; the logs are
 * forced together ({@link BatchedForce}) before the notes appear, in batches.
 */
class ImportTest {
    @TempDir
    Path folder;

    /** More notes than one batch of forced logs, in nested folders; a big note of several slices; text beyond the BMP. */
    private Map<String, String> writeVault() throws IOException {
        Map<String, String> texts = new HashMap<>();
        for (int n = 0; n < 300; n++) {
            StringBuilder text = new StringBuilder("# Note ").append(n).append("\n\n");
            for (int line = 0; line < 1 + n % 40; line++) {
                text.append("- item ").append(line).append(" of note ").append(n).append('\n');
            }
            texts.put(String.format("Area %d/%02d/note %03d", n % 3, n % 7, n), text.toString());
        }
        texts.put("emoji", "pets: \uD83D\uDC08 \uD83D\uDC15 and a cat \uD83D\uDE3A\n");
        StringBuilder big = new StringBuilder();
        while (big.length() < 200_000) { // more than three import slices
            big.append("a long line of the big note, number ").append(big.length()).append('\n');
        }
        texts.put("big", big.toString());
        texts.put("empty", "");
        for (Map.Entry<String, String> e : texts.entrySet()) {
            Path file = folder.resolve(e.getKey() + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
        return texts;
    }

    @Test
    void everyFileIsOneNoteOfOneRunWithItsOpsPending() throws IOException {
        Map<String, String> texts = writeVault();
        try (Vault vault = TestVaults.open(folder)) {
            assertEquals(texts.size(), vault.notes().size());
            for (NoteInfo note : vault.notes()) {
                String text = texts.get(note.name());
                assertTrue(text != null, note.name());
                vault.withReplica(note.id(), r -> {
                    assertEquals(text, r.text(), note.name());
                    List<Integer> runs = new ArrayList<>();
                    RunCollector collector = new RunCollector(run -> runs.add(run.count()), Integer.MAX_VALUE);
                    r.forEachAtom(collector);
                    collector.flush();
                    int chars = text.codePointCount(0, text.length());
                    if (note.name().equals("big")) {
                        // a run ends where its room is halved (docs/crdt.md, "Allocation"), as in one paste
                        assertTrue(runs.size() < chars / 1_000, "big: " + runs.size() + " runs");
                    } else {
                        assertEquals(text.isEmpty() ? List.of() : List.of(chars), runs, note.name() + ": one run");
                    }
                    // the name and every insert wait for the first sync
                    assertEquals(chars + 1, r.log().pendingCount(), note.name());
                    return null;
                });
            }
            assertEquals(texts.size(), vault.withPendingOps().size());
        }
    }

    @Test
    void aReopenedVaultHasTheSameNotesAndImportsNothingAgain() throws IOException {
        Map<String, String> texts = writeVault();
        Map<UUID, String> first = new HashMap<>();
        try (Vault vault = TestVaults.open(folder)) {
            vault.notes().forEach(n -> first.put(n.id(), n.name()));
        }
        assertEquals(texts.size(), first.size());
        try (Stream<Path> logs = Files.list(folder.resolve(".weft").resolve("docs"))) {
            assertEquals(texts.size(), logs.filter(p -> p.toString().endsWith(".md.latest_ops")).count(),
                    "one log a note, none left over");
        }
        try (Vault vault = TestVaults.open(folder)) {
            Map<UUID, String> again = new HashMap<>();
            vault.notes().forEach(n -> again.put(n.id(), n.name()));
            assertEquals(first, again);
            for (NoteInfo note : vault.notes()) {
                assertEquals(texts.get(note.name()), vault.withReplica(note.id(), NoteReplica::text));
            }
        }
    }

    @Test
    void filesAddedWhileOpenAreImportedThroughTheSamePath() throws Exception {
        try (Vault vault = TestVaults.open(folder)) {
            vault.startWatching();
            Map<String, String> texts = writeVault();
            dev.weft.testing.Eventually.eventually(() -> assertEquals(texts.size(), vault.notes().size()));
            for (NoteInfo note : vault.notes()) {
                assertEquals(texts.get(note.name()), vault.withReplica(note.id(), NoteReplica::text));
            }
        }
    }
}
