package dev.weft.client.files;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;

/**
 * The device's file index, {@code .weft/files.idx}: per path the version it last synced and what
 * the file was then (size and mtime on this disk, content), so an unchanged file (same size and
 * mtime) is never read again; and the sync time the file list was read through. Written whole
 * through a temp file, fsync and rename, with a CRC32 at its end: a crash leaves the old index or
 * the new one, and a damaged one is reported, not guessed at.
 */
public final class FileIndex {
    static final String FILE = "files.idx";
    private static final int MAGIC = 0x57464931; // "WFI1"

    /**
     * What this device holds of one path.
     *
     * @param version the server's version the local file matches (0: never synced)
     * @param deleted that version is a delete (no file here)
     * @param size the local file's size then
     * @param mtime the local file's mtime then, ms
     * @param content its content (no chunks when deleted)
     */
    public record Entry(long version, boolean deleted, long size, long mtime, FileContent content) {
        boolean matches(VaultFiles.Seen seen) {
            return !deleted && seen.size() == size && seen.modified() == mtime;
        }
    }

    private final Path file;
    private final Map<String, Entry> entries = new TreeMap<>();
    private long listedThrough;

    private FileIndex(Path file) {
        this.file = file;
    }

    /** The index in {@code weftDir}, empty if there is none yet. @throws IOException if it is damaged */
    public static FileIndex open(Path weftDir) throws IOException {
        FileIndex index = new FileIndex(weftDir.resolve(FILE));
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(index.file);
        } catch (NoSuchFileException e) {
            return index;
        }
        if (bytes.length < 8) {
            throw damaged(index.file, "too short");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        if ((int) crc.getValue() != ByteBuffer.wrap(bytes, bytes.length - 4, 4).getInt()) {
            throw damaged(index.file, "checksum mismatch");
        }
        try (DataInputStream in = new DataInputStream(new java.io.ByteArrayInputStream(bytes, 0, bytes.length - 4))) {
            if (in.readInt() != MAGIC) {
                throw damaged(index.file, "not a file index");
            }
            index.listedThrough = in.readLong();
            int count = in.readInt();
            for (int i = 0; i < count; i++) {
                String path = in.readUTF();
                long version = in.readLong();
                boolean deleted = in.readBoolean();
                long size = in.readLong();
                long mtime = in.readLong();
                byte[] sha = new byte[32];
                in.readFully(sha);
                int chunks = in.readInt();
                List<ChunkRef> list = new ArrayList<>(chunks);
                for (int c = 0; c < chunks; c++) {
                    byte[] hash = new byte[32];
                    in.readFully(hash);
                    list.add(new ChunkRef(ChunkRef.Hash.of(hash), in.readInt()));
                }
                long contentSize = list.stream().mapToLong(ChunkRef::length).sum();
                index.entries.put(path, new Entry(version, deleted, size, mtime,
                        new FileContent(contentSize, ChunkRef.Hash.of(sha), list)));
            }
        } catch (EOFException | IllegalArgumentException e) {
            throw damaged(index.file, e.toString());
        }
        return index;
    }

    private static IOException damaged(Path file, String why) {
        return new IOException(file + " is damaged (" + why + "): delete it and the files sync again from the"
                + " server's list, as on a new device");
    }

    public Entry get(String path) {
        return entries.get(path);
    }

    public Map<String, Entry> entries() {
        return Collections.unmodifiableMap(entries);
    }

    public void put(String path, Entry entry) {
        entries.put(path, entry);
    }

    public void remove(String path) {
        entries.remove(path);
    }

    /** The sync time the server's file list was read through. */
    public long listedThrough() {
        return listedThrough;
    }

    public void listedThrough(long time) {
        listedThrough = time;
    }

    /** Writes the index: the old one or this one survives a crash. */
    public void save() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeLong(listedThrough);
            out.writeInt(entries.size());
            for (Map.Entry<String, Entry> e : entries.entrySet()) {
                Entry entry = e.getValue();
                out.writeUTF(e.getKey());
                out.writeLong(entry.version());
                out.writeBoolean(entry.deleted());
                out.writeLong(entry.size());
                out.writeLong(entry.mtime());
                out.write(entry.content().sha256().bytes());
                out.writeInt(entry.content().chunks().size());
                for (ChunkRef c : entry.content().chunks()) {
                    out.write(c.hash().bytes());
                    out.writeInt(c.length());
                }
            }
            CRC32 crc = new CRC32();
            byte[] body = bytes.toByteArray();
            crc.update(body);
            out.writeInt((int) crc.getValue());
        }
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(FILE + ".tmp");
        try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes.toByteArray());
            while (buffer.hasRemaining()) {
                out.write(buffer);
            }
            out.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceFolder(file.getParent());
    }

    static void forceFolder(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; there the rename is as durable as it gets.
        }
    }
}
