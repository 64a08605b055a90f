package dev.weft.vault;

import dev.weft.protocol.StructureFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.UUID;

/**
 * What the vault index needs from a note's files, read without loading its atoms: the record
 * log's name, pending set and marks, and the structure file's header for the time.
 *
 * @param name the note's name, if the log knows one
 * @param hasPending whether the log holds unacknowledged local ops
 * @param syncTime the time the note is current to
 * @param logSize the log's size in bytes when read
 */
record LogSummary(Optional<String> name, boolean hasPending, long syncTime, long logSize) {
    static LogSummary read(VaultPaths paths, UUID id) throws IOException {
        byte[] log;
        try {
            log = Files.readAllBytes(paths.latestOps(id));
        } catch (NoSuchFileException e) {
            log = new byte[0];
        }
        PendingOps state = new PendingOps();
        LogScanner.scan(log).forEach(state::apply);
        return new LogSummary(state.name(), state.pendingCount() > 0, state.syncTime(structureTime(paths.structure(id))),
                log.length);
    }

    /** The structure file's {@code last_modified}, 0 if there is none. */
    private static long structureTime(Path structure) throws IOException {
        if (!Files.exists(structure)) {
            return 0;
        }
        try (InputStream in = Files.newInputStream(structure)) {
            byte[] header = in.readNBytes(StructureFile.HEADER_BYTES);
            return StructureFile.read(header, (keys, offset, depth, codePoint) -> { }).lastModified();
        }
    }
}
