package dev.weft.client;

import dev.weft.client.NoteHistory.AuthorSpan;
import dev.weft.client.NoteHistory.HistoryVersion;
import dev.weft.client.NoteHistory.VersionText;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32C;

/**
 * The history answers this device fetched (docs/client.md, "History"), one file a note,
 * {@code .weft/history/ID.hist}: its last list of versions with when it was fetched, and the texts
 * fetched, each by the time asked. Bounded: {@link #MAX_TEXTS} texts and {@link #MAX_TEXT_CHARS}
 * characters a note (the oldest fetched go first), {@link #MAX_NOTES} notes (the least recently
 * written go first). Written whole (temporary file, fsync, rename), with a CRC-32C: a kill leaves
 * the old file or the new one, and a damaged file is reported, never read. A purge removes it with
 * the note's other {@code .weft} files (they all start with its id).
 */
final class HistoryCache {
    static final int MAX_TEXTS = 16;
    static final long MAX_TEXT_CHARS = 4L << 20;
    static final int MAX_NOTES = 200;
    private static final int MAGIC = 0x57484331; // "WHC1"

    /** What is held of one note: the versions as of {@code fetchedAt}, and texts by the time asked. */
    record Held(Instant fetchedAt, List<HistoryVersion> versions, Map<Instant, VersionText> texts) {
    }

    private final Path dir;

    HistoryCache(Path weftDir) {
        this.dir = weftDir.resolve("history");
    }

    /** The note's held answers; empty if none. */
    synchronized Optional<Held> read(UUID note) throws IOException {
        Path file = file(note);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
        try {
            return Optional.of(decode(bytes));
        } catch (IOException | RuntimeException e) {
            throw new IOException("the history this device keeps of the note is damaged (" + file
                    + "): it is written again the next time the server answers", e);
        }
    }

    /** Keeps the note's versions as fetched now, with the texts already held. */
    synchronized void keepVersions(UUID note, Instant fetchedAt, List<HistoryVersion> versions) throws IOException {
        write(note, new Held(fetchedAt, versions, heldTexts(note)));
    }

    /** Keeps a text fetched as of {@code at}. */
    synchronized void keepText(UUID note, Instant at, VersionText text) throws IOException {
        Optional<Held> held = readOrNull(note);
        Map<Instant, VersionText> texts = new LinkedHashMap<>(held.map(Held::texts).orElse(Map.of()));
        texts.remove(at);
        texts.put(at, text); // the newest last
        write(note, new Held(held.map(Held::fetchedAt).orElse(Instant.EPOCH), held.map(Held::versions).orElse(List.of()),
                texts));
    }

    private Map<Instant, VersionText> heldTexts(UUID note) {
        return readOrNull(note).map(Held::texts).orElse(Map.of());
    }

    /** A damaged file counts as nothing held here: it is about to be written again whole. */
    private Optional<Held> readOrNull(UUID note) {
        try {
            return read(note);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void write(UUID note, Held held) throws IOException {
        Map<Instant, VersionText> texts = new LinkedHashMap<>(held.texts());
        long chars = texts.values().stream().mapToLong(t -> t.text().length()).sum();
        var oldest = texts.keySet().iterator();
        while (texts.size() > MAX_TEXTS || chars > MAX_TEXT_CHARS && texts.size() > 1) {
            Instant first = oldest.next();
            chars -= texts.get(first).text().length();
            oldest.remove();
        }
        byte[] bytes = encode(new Held(held.fetchedAt(), held.versions(), texts));
        Files.createDirectories(dir);
        Path file = file(note);
        try (DirectoryStream<Path> left = Files.newDirectoryStream(dir, note + ".hist.*.tmp")) {
            for (Path f : left) {
                Files.deleteIfExists(f); // left by a kill mid-write
            }
        }
        // named after the note, so a purge removes it with the note's other files
        Path temp = Files.createTempFile(dir, note + ".hist.", ".tmp");
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    channel.write(b);
                }
                channel.force(true);
            }
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        forgetBeyondBound();
    }

    /** Past {@link #MAX_NOTES} notes, the least recently written files go. */
    private void forgetBeyondBound() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> all = Files.newDirectoryStream(dir, "*.hist")) {
            all.forEach(files::add);
        }
        if (files.size() <= MAX_NOTES) {
            return;
        }
        Map<Path, FileTime> written = new LinkedHashMap<>();
        for (Path f : files) {
            written.put(f, Files.getLastModifiedTime(f));
        }
        files.sort(Comparator.comparing(written::get));
        for (Path f : files.subList(0, files.size() - MAX_NOTES)) {
            Files.deleteIfExists(f);
        }
    }

    private Path file(UUID note) {
        return dir.resolve(note + ".hist");
    }

    static byte[] encode(Held held) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MAGIC);
        writeInstant(out, held.fetchedAt());
        out.writeInt(held.versions().size());
        for (HistoryVersion v : held.versions()) {
            out.writeInt(v.number());
            writeInstant(out, v.from());
            writeInstant(out, v.to());
            out.writeInt(v.inserted());
            out.writeInt(v.deleted());
            out.writeInt(v.devices().size());
            for (String d : v.devices()) {
                writeString(out, d);
            }
        }
        out.writeInt(held.texts().size());
        for (Map.Entry<Instant, VersionText> e : held.texts().entrySet()) {
            writeInstant(out, e.getKey());
            writeString(out, e.getValue().text());
            out.writeInt(e.getValue().authors().size());
            for (AuthorSpan a : e.getValue().authors()) {
                out.writeInt(a.start());
                out.writeInt(a.end());
                writeString(out, a.device());
            }
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes.toByteArray());
        out.writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }

    static Held decode(byte[] bytes) throws IOException {
        if (bytes.length < 8) {
            throw new IOException("cut short");
        }
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
            throw new IOException("checksum mismatch");
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(Arrays.copyOf(bytes, bytes.length - 4)));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a history cache file");
        }
        Instant fetchedAt = readInstant(in);
        int n = in.readInt();
        List<HistoryVersion> versions = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int number = in.readInt();
            Instant from = readInstant(in);
            Instant to = readInstant(in);
            int inserted = in.readInt();
            int deleted = in.readInt();
            int d = in.readInt();
            List<String> devices = new ArrayList<>();
            for (int k = 0; k < d; k++) {
                devices.add(readString(in));
            }
            versions.add(new HistoryVersion(number, from, to, devices, inserted, deleted));
        }
        int t = in.readInt();
        Map<Instant, VersionText> texts = new LinkedHashMap<>();
        for (int i = 0; i < t; i++) {
            Instant at = readInstant(in);
            String text = readString(in);
            int a = in.readInt();
            List<AuthorSpan> spans = new ArrayList<>();
            for (int k = 0; k < a; k++) {
                spans.add(new AuthorSpan(in.readInt(), in.readInt(), readString(in)));
            }
            texts.put(at, new VersionText(text, spans));
        }
        if (in.available() != 0) {
            throw new IOException("bytes after the end");
        }
        return new Held(fetchedAt, versions, texts);
    }

    private static void writeInstant(DataOutputStream out, Instant at) throws IOException {
        out.writeLong(ServerHistory.micros(at));
    }

    private static Instant readInstant(DataInputStream in) throws IOException {
        return ServerHistory.instant(in.readLong());
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String readString(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > in.available()) {
            throw new IOException("a string of " + n + " bytes");
        }
        return new String(in.readNBytes(n), StandardCharsets.UTF_8);
    }
}
