package dev.weft.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code .weft/trash}: what this device knows of each trash (docs/vault.md, "The trash"): when, by
 * which device, in which batch, and the notes to delete forever at the next sync. Lines
 * {@code ID TAB AT TAB BATCH TAB FLAGS TAB DEVICE} after {@code weft-trash 1}; rewritten whole at each
 * change (temp, fsync, rename). Only a view of the trash: a lost file loses when and who, never a
 * note. Thread-safe.
 */
final class TrashBook {
    private static final String HEADER = "weft-trash 1";

    /** Flag: the user asked to delete the note forever; the server has not confirmed it yet. */
    private static final char PURGE = 'p';
    /** Flag: {@code at} and {@code device} are this device's own, not the server's yet. */
    private static final char LOCAL = 'l';

    private final Path file;
    private final Map<UUID, TrashInfo> entries = new HashMap<>();
    /** News taken in but not written yet ({@link #putUnwritten}). */
    private boolean unwritten;

    TrashBook(Path file) {
        this.file = file;
    }

    /** Reads the file; a missing or unreadable one leaves the book empty (what it held is only shown). */
    static TrashBook load(Path file, VaultEvents events) {
        TrashBook book = new TrashBook(file);
        try {
            String[] lines = Files.readString(file, StandardCharsets.UTF_8).split("\n");
            if (lines.length == 0 || !lines[0].equals(HEADER)) {
                throw new IOException("not a trash file");
            }
            for (int i = 1; i < lines.length; i++) {
                String[] f = lines[i].split("\t", 5);
                if (f.length == 5) {
                    book.entries.put(UUID.fromString(f[0]), new TrashInfo(Long.parseLong(f[1]), Long.parseLong(f[2]),
                            f[4], f[3].indexOf(LOCAL) >= 0, f[3].indexOf(PURGE) >= 0));
                }
            }
        } catch (NoSuchFileException e) {
            // none yet
        } catch (IOException | RuntimeException e) {
            events.problem("The trash's list of when and by whom (" + file + ") could not be read: " + Reasons.of(e));
        }
        return book;
    }

    synchronized Optional<TrashInfo> get(UUID id) {
        return Optional.ofNullable(entries.get(id));
    }

    synchronized Map<UUID, TrashInfo> all() {
        return Map.copyOf(entries);
    }

    synchronized void put(UUID id, TrashInfo info) throws IOException {
        entries.put(id, info);
        write();
    }

    /**
     * The server's word on a trash: written with the next write or {@link #writeIfUnwritten}, not now, so a
     * bulk trash costs one write of the book, not one per note (a kill loses at most when and by whom).
     */
    synchronized void putUnwritten(UUID id, TrashInfo info) {
        entries.put(id, info);
        unwritten = true;
    }

    synchronized void writeIfUnwritten() throws IOException {
        if (unwritten) {
            write();
        }
    }

    synchronized void remove(UUID id) throws IOException {
        if (entries.remove(id) != null) {
            write();
        }
    }

    /** Removes the entries of {@code ids} with one write of the book (a batch of purges). */
    synchronized void removeAll(Collection<UUID> ids) throws IOException {
        if (entries.keySet().removeAll(ids)) {
            write();
        }
    }

    private void write() throws IOException {
        unwritten = false;
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        entries.forEach((id, e) -> text.append(id).append('\t').append(e.at()).append('\t').append(e.batch())
                .append('\t').append(e.local() ? String.valueOf(LOCAL) : "").append(e.purgeAsked() ? String.valueOf(PURGE) : "")
                .append('\t').append(e.device().replaceAll("\\p{Cc}", " ")).append('\n'));
        AtomicFiles.replace(file, ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
