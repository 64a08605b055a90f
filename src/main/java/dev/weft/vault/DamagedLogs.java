package dev.weft.vault;

import dev.weft.crdt.SequenceDoc;
import dev.weft.protocol.StructureFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * {@code .weft/damaged/ID.md.structure}: the notes whose record log lost more than a kill can
 * (damaged in the middle, emptied, deleted), each with what its replica held when the damage was
 * found, in the structure file's format. While a note has one, its {@code .md} is the user's text:
 * Weft never writes it, and once the server's copy of the note is back the file is merged in
 * ({@link DamagedFileMerge}, docs/record-log.md, "Damage"). Durable: a crash before the merge finds
 * it again.
 */
final class DamagedLogs {
    /** What the user is told happens next. */
    static final String KEPT = "its .md file is kept as it is and merged back in once the server's copy of the note"
            + " is back (the next sync), so edits the log lost sync from the file.";

    private final IdFolder folder;
    private final Path dir;

    DamagedLogs(VaultPaths paths) {
        this.folder = new IdFolder(paths.weftDir().resolve("damaged"), VaultPaths.STRUCTURE_SUFFIX);
        this.dir = folder.dir();
    }

    private Path path(UUID id) {
        return folder.path(id);
    }

    /** The notes marked. */
    Set<UUID> ids() throws IOException {
        return folder.ids();
    }

    /** Marks the note, keeping what its replica holds now (durably: temp, fsync, rename, fsync folder). */
    void mark(UUID id, NoteReplica r) throws IOException {
        Files.createDirectories(dir);
        r.saveCopy(path(id));
    }

    /**
     * Marks the note whose log is gone, before a replica is opened on it: what it held is its
     * structure file (copied as it is), else nothing.
     */
    void markLost(UUID id, Path structure) throws IOException {
        Files.createDirectories(dir);
        if (Files.exists(structure)) {
            AtomicFiles.replace(path(id), java.nio.ByteBuffer.wrap(Files.readAllBytes(structure)));
        } else {
            StructureFile.writeAtomically(path(id), id, 0, visitor -> { });
        }
    }

    /** What the note's replica held when the damage was found; empty if it is not marked. */
    Optional<SequenceDoc> heldThen(UUID id) throws IOException {
        SequenceDoc.Builder builder = SequenceDoc.builder();
        try {
            StructureFile.read(path(id), builder);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        return Optional.of(builder.build(DeviceState.UNPAIRED_SITE, new java.util.Random(0)));
    }

    void unmark(UUID id) throws IOException {
        Files.deleteIfExists(path(id));
        AtomicFiles.forceDirectory(dir);
    }
}
