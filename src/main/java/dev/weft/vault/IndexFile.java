package dev.weft.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * {@code .weft/index}: one line per note, so the vault lists 10,000 notes without loading a
 * structure. A cache of the record logs (checked against each log's size on open) except the trash
 * flags, which only it holds. Lines are {@code ID TAB FLAGS TAB SYNC_TIME TAB LOG_SIZE TAB
 * FILE_SIZE TAB FILE_MTIME TAB FILE_CHANGE TAB BASE_HASH TAB NAME TAB FILE_NAME}, after a
 * {@code weft-index 2} line and before {@code end CRC}, the CRC-32C of every byte before that last
 * line. Names have no control characters (docs/protocol.md §1), so tabs and line ends cannot occur
 * in them. A file's stamp counts only with the flag {@code s} (stamped before it was read,
 * {@link FileStamp}) in a version 2 index: a version 1 index (no {@code FILE_CHANGE}) is read with
 * no stamps, since its stamps pass for known an edit that set the modification time back.
 */
final class IndexFile {
    private static final String MAGIC = "weft-index 2";
    /** The index of older versions: read, with no stamps. */
    private static final String MAGIC_1 = "weft-index 1";

    /**
     * One note.
     *
     * @param pendingTrash {@code null}, or the trash ({@code true}) or restore ({@code false}) not yet acknowledged
     * @param fileName the note whose file holds it now (its name, or an older one while a move waits), or null
     * @param baseHash SHA-256 of the text its file had when Weft last wrote or read it, or null
     */
    record Entry(UUID id, String name, boolean trashed, Boolean pendingTrash, boolean hasPending, long syncTime,
            long logSize, String fileName, boolean fileWritten, long fileSize, long fileMtime, long fileChange,
            String baseHash) {
    }

    private IndexFile() {
    }

    /** The entries of {@code file}. @throws IOException if it is missing, unreadable or fails its checksum */
    static List<Entry> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int lastLine = lastLineStart(bytes);
        String tail = new String(bytes, lastLine, bytes.length - lastLine, StandardCharsets.UTF_8).strip();
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, lastLine);
        if (!tail.equals("end " + Long.toHexString(crc.getValue()))) {
            throw new IOException(file + ": checksum does not match");
        }
        String[] lines = new String(bytes, 0, lastLine, StandardCharsets.UTF_8).split("\n", -1);
        boolean v1 = lines[0].equals(MAGIC_1);
        if (!v1 && !lines[0].equals(MAGIC)) {
            throw new IOException(file + ": not a version 1 or 2 index");
        }
        List<Entry> entries = new ArrayList<>(lines.length);
        try {
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isEmpty()) {
                    entries.add(parse(lines[i], v1));
                }
            }
        } catch (RuntimeException e) {
            throw new IOException(file + ": malformed line: " + e.getMessage());
        }
        return entries;
    }

    private static int lastLineStart(byte[] bytes) {
        int end = bytes.length - 1;
        if (end >= 0 && bytes[end] == '\n') {
            end--;
        }
        while (end >= 0 && bytes[end] != '\n') {
            end--;
        }
        return end + 1;
    }

    private static Entry parse(String line, boolean v1) {
        String[] f = line.split("\t", -1);
        if (f.length != (v1 ? 9 : 10)) {
            throw new IllegalArgumentException(f.length + " fields");
        }
        int hash = v1 ? 6 : 7;
        String flags = f[1];
        Boolean pendingTrash = flags.indexOf('T') >= 0 ? Boolean.TRUE : flags.indexOf('R') >= 0 ? Boolean.FALSE : null;
        boolean stamped = !v1 && flags.indexOf('s') >= 0;
        return new Entry(UUID.fromString(f[0]), f[hash + 1], flags.indexOf('t') >= 0, pendingTrash,
                flags.indexOf('p') >= 0, Long.parseLong(f[2]), Long.parseLong(f[3]),
                f[hash + 2].isEmpty() ? null : f[hash + 2], flags.indexOf('w') >= 0,
                stamped ? Long.parseLong(f[4]) : -1, stamped ? Long.parseLong(f[5]) : -1,
                stamped ? Long.parseLong(f[6]) : -1, f[hash].equals("-") ? null : f[hash]);
    }

    /** Replaces {@code file} with {@code entries}: temporary file, fsync, rename, fsync folder. */
    static void write(Path file, Collection<Entry> entries) throws IOException {
        StringBuilder text = new StringBuilder(64 + entries.size() * 160).append(MAGIC).append('\n');
        for (Entry e : entries) {
            StringBuilder flags = new StringBuilder();
            flags.append(e.trashed() ? "t" : "").append(e.hasPending() ? "p" : "")
                    .append(e.fileWritten() ? "w" : "").append(e.fileMtime() >= 0 ? "s" : "");
            if (e.pendingTrash() != null) {
                flags.append(e.pendingTrash() ? 'T' : 'R');
            }
            text.append(e.id()).append('\t').append(flags.length() == 0 ? "-" : flags).append('\t')
                    .append(e.syncTime()).append('\t').append(e.logSize()).append('\t')
                    .append(e.fileSize()).append('\t').append(e.fileMtime()).append('\t').append(e.fileChange()).append('\t')
                    .append(e.baseHash() == null ? "-" : e.baseHash()).append('\t')
                    .append(e.name()).append('\t').append(e.fileName() == null ? "" : e.fileName()).append('\n');
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        CRC32C crc = new CRC32C();
        crc.update(body);
        byte[] end = ("end " + Long.toHexString(crc.getValue()) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer all = ByteBuffer.allocate(body.length + end.length).put(body).put(end).flip();
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.replace(file, all);
    }
}
