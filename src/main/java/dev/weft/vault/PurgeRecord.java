package dev.weft.vault;

import dev.weft.vault.text.NotePaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code .weft/purging}: the notes of a batch of purges under way (docs/vault.md, "The trash"). Written
 * (temp, fsync, rename) before the first file of the batch goes and removed after its index write, so
 * a kill in between leaves the record, and the next open finishes it ({@link #finish}) before the index
 * is read: every note of the batch is purged, never some of them. Lines: {@code weft-purging 1}, then
 * one id each.
 */
final class PurgeRecord {
    private static final String HEADER = "weft-purging 1";

    private PurgeRecord() {
    }

    static Path file(Path weftDir) {
        return weftDir.resolve("purging");
    }

    static void write(Path weftDir, Collection<UUID> ids) throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        ids.forEach(id -> text.append(id).append('\n'));
        AtomicFiles.replace(file(weftDir), ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The ids of a record left by a batch that did not finish; empty if there is none. */
    static Set<UUID> read(Path weftDir) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file(weftDir), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Set.of();
        }
        if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
            throw new IOException(file(weftDir) + " is not a purge record");
        }
        Set<UUID> ids = new LinkedHashSet<>();
        for (String line : lines.subList(1, lines.size())) {
            ids.add(UUID.fromString(line));
        }
        return ids;
    }

    static void remove(Path weftDir) throws IOException {
        Files.deleteIfExists(file(weftDir));
    }

    /**
     * Finishes a batch a kill cut short, before the index is loaded: the notes' files named in the
     * index (unless another note there names the same file: a note kept in a purged one's place), their
     * files under {@code .weft/}, their index lines and trash entries go, then the record. Returns the
     * ids purged (empty if there was no record).
     */
    static Set<UUID> finish(Path weftDir, NotePaths notePaths, TrashBook trashBook) throws IOException {
        Set<UUID> ids;
        try {
            ids = read(weftDir);
        } catch (IllegalArgumentException e) {
            throw new IOException(file(weftDir) + " is damaged: " + e.getMessage(), e);
        }
        if (ids.isEmpty()) {
            remove(weftDir);
            return ids;
        }
        Path index = weftDir.resolve("index");
        List<IndexFile.Entry> entries;
        try {
            entries = IndexFile.read(index);
        } catch (IOException e) {
            entries = List.of(); // rebuilt from the logs at load: the purged notes' logs are gone below
        }
        List<IndexFile.Entry> kept = new ArrayList<>();
        List<IndexFile.Entry> purged = new ArrayList<>();
        for (IndexFile.Entry e : entries) {
            (ids.contains(e.id()) ? purged : kept).add(e);
        }
        Set<String> keptFiles = new LinkedHashSet<>();
        kept.forEach(e -> keptFiles.add(e.fileName()));
        for (IndexFile.Entry e : purged) {
            if (e.fileName() != null && !keptFiles.contains(e.fileName())) {
                Files.deleteIfExists(notePaths.pathOf(e.fileName()));
            }
        }
        NotePurge.deleteFiles(weftDir, ids);
        if (!purged.isEmpty()) {
            IndexFile.write(index, kept);
        }
        trashBook.removeAll(ids);
        remove(weftDir);
        return ids;
    }
}
