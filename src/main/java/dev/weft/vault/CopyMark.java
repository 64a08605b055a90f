package dev.weft.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code .weft/copy}: this vault is a copy of the device of site {@link #site()} and has not moved
 * its pending work to a site of its own yet. Lines: {@code site=S}, {@code instance=ID} (the
 * original's instance id, whose {@link DeviceTokens} entry the copy may use to ask for a device of
 * its own, when this machine has it; absent in older marks), then one {@code note ID SEQ}
 * for every note whose re-siting began ({@link CopyResite}): its ops through {@code SEQ} are the
 * ones made before, so a re-siting cut short by a crash ends the same way when it runs again.
 * Deleted once every note is done.
 */
final class CopyMark {
    static final String FILE = "copy";

    private final Path file;
    private final int site;
    private final Optional<UUID> original;
    private final Map<UUID, Long> cutoffs;

    private CopyMark(Path file, int site, Optional<UUID> original, Map<UUID, Long> cutoffs) {
        this.file = file;
        this.site = site;
        this.original = original;
        this.cutoffs = cutoffs;
    }

    /**
     * Marks the vault in {@code weftDir} as a copy of the device of {@code site}, whose vault had the
     * instance id {@code original} (empty: unknown), durably.
     */
    static CopyMark create(Path weftDir, int site, Optional<UUID> original) throws IOException {
        Path file = weftDir.resolve(FILE);
        String text = "site=" + site + "\n" + original.map(id -> "instance=" + id + "\n").orElse("");
        AtomicFiles.replace(file, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
        return new CopyMark(file, site, original, new HashMap<>());
    }

    static Optional<CopyMark> read(Path weftDir) throws IOException {
        Path file = weftDir.resolve(FILE);
        AtomicFiles.deleteStrayTemps(file);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        int site = -1;
        Optional<UUID> original = Optional.empty();
        Map<UUID, Long> cutoffs = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                if (line.startsWith("site=")) {
                    site = Integer.parseInt(line.substring(5).strip());
                } else if (line.startsWith("instance=")) {
                    original = Optional.of(UUID.fromString(line.substring(9).strip()));
                } else if (line.startsWith("note ")) {
                    String[] parts = line.split(" ");
                    cutoffs.put(UUID.fromString(parts[1]), Long.parseLong(parts[2]));
                }
            } catch (RuntimeException e) {
                // a torn last line: its note's re-siting had not begun
            }
        }
        if (site < 1 || site > 255) {
            throw new IOException(file + ": no site of the device this vault was copied from");
        }
        return Optional.of(new CopyMark(file, site, original, cutoffs));
    }

    /** The site of the device this vault was copied from. */
    int site() {
        return site;
    }

    /** The instance id of the vault this one was copied from, if the mark says. */
    Optional<UUID> original() {
        return original;
    }

    /** The last seq made before the re-siting of note {@code id} began, if it began. */
    synchronized Optional<Long> cutoff(UUID id) {
        return Optional.ofNullable(cutoffs.get(id));
    }

    /** Records, durably, that note {@code id}'s ops through {@code seq} are those to re-site. */
    synchronized void recordCutoff(UUID id, long seq) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer line = ByteBuffer.wrap(("note " + id + " " + seq + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                ch.write(line);
            }
            ch.force(false);
        }
        cutoffs.put(id, seq);
    }

    void delete() throws IOException {
        Files.deleteIfExists(file);
        AtomicFiles.forceDirectory(file.getParent());
    }
}
