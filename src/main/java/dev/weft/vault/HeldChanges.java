package dev.weft.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The notes whose deletion or erasure waits for the user's decision, kept in {@code .weft/held}
 * (one line {@code deleted ID} or {@code erased ID} each, written whole and durably) so that a
 * restart keeps asking and never sends them. Its own lock: the window asks from its thread.
 */
final class HeldChanges {
    private final Path file;
    private final Map<UUID, HeldChange.Kind> held = new HashMap<>();

    HeldChanges(Path weftDir) throws IOException {
        this.file = weftDir.resolve("held");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return;
        }
        for (String line : text.split("\n")) {
            String[] f = line.strip().split(" ");
            if (f.length != 2) {
                continue;
            }
            try {
                held.put(UUID.fromString(f[1]), HeldChange.Kind.valueOf(f[0].toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " is damaged: " + line, e);
            }
        }
    }

    synchronized HeldChange.Kind kind(UUID id) {
        return held.get(id);
    }

    synchronized Map<UUID, HeldChange.Kind> all() {
        return Map.copyOf(held);
    }

    synchronized boolean isEmpty() {
        return held.isEmpty();
    }

    /** Holds {@code ids} as {@code kind}; on disk before this returns. */
    synchronized void hold(Set<UUID> ids, HeldChange.Kind kind) throws IOException {
        ids.forEach(id -> held.put(id, kind));
        write();
    }

    /** The user decided, or the file came back: no longer held. */
    synchronized void release(Set<UUID> ids) throws IOException {
        if (held.keySet().removeAll(ids)) {
            write();
        }
    }

    private void write() throws IOException {
        if (held.isEmpty()) {
            Files.deleteIfExists(file);
            return;
        }
        StringBuilder b = new StringBuilder();
        held.forEach((id, kind) -> b.append(kind.name().toLowerCase(Locale.ROOT)).append(' ').append(id).append('\n'));
        AtomicFiles.replace(file, ByteBuffer.wrap(b.toString().getBytes(StandardCharsets.UTF_8)));
    }
}
