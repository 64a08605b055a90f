package dev.weft.client.files;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The byte forms of docs/protocol.md §11 the device reads and writes: pure, on streams and arrays. */
final class FileWire {
    static final int FLAG_DELETED = 1;

    private FileWire() {
    }

    static byte[] hashes(List<ChunkRef.Hash> hashes) {
        ByteBuffer out = ByteBuffer.allocate(32 * hashes.size());
        hashes.forEach(h -> out.put(h.bytes()));
        return out.array();
    }

    static List<ChunkRef.Hash> hashes(byte[] body) throws IOException {
        if (body.length % 32 != 0) {
            throw new IOException("a list of hashes of " + body.length + " bytes");
        }
        List<ChunkRef.Hash> hashes = new ArrayList<>(body.length / 32);
        for (int i = 0; i < body.length; i += 32) {
            byte[] h = new byte[32];
            System.arraycopy(body, i, h, 0, 32);
            hashes.add(ChunkRef.Hash.of(h));
        }
        return hashes;
    }

    /** A {@code file_commit}. */
    static byte[] commit(String path, long base, boolean deleted, FileContent content, long modified) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            line(out, path);
            out.writeLong(base);
            out.writeByte(deleted ? FLAG_DELETED : 0);
            out.writeLong(content.size());
            out.write(content.sha256().bytes());
            out.writeLong(modified);
            chunks(out, content);
        } catch (IOException e) {
            throw new IllegalStateException(e); // in memory
        }
        return bytes.toByteArray();
    }

    /** A {@code file_list}. */
    static List<RemoteEntry> list(InputStream body) throws IOException {
        DataInputStream in = new DataInputStream(body);
        int count = in.readInt();
        if (count < 0 || count > 1 << 20) {
            throw new IOException("a file list of " + Integer.toUnsignedString(count) + " entries");
        }
        List<RemoteEntry> entries = new ArrayList<>(Math.min(count, 4096));
        for (int i = 0; i < count; i++) {
            entries.add(entry(in));
        }
        return entries;
    }

    /** A {@code file_entry}. */
    static RemoteEntry entry(DataInputStream in) throws IOException {
        long version = in.readLong();
        String path = line(in);
        int flags = in.readUnsignedByte();
        long size = in.readLong();
        byte[] sha = new byte[32];
        in.readFully(sha);
        long modified = in.readLong();
        String device = line(in);
        int count = in.readInt();
        if (count < 0 || count > size) {
            throw new IOException("a file entry of " + size + " bytes in " + Integer.toUnsignedString(count) + " chunks");
        }
        List<ChunkRef> chunks = new ArrayList<>(Math.min(count, 1 << 16));
        for (int i = 0; i < count; i++) {
            byte[] h = new byte[32];
            in.readFully(h);
            chunks.add(new ChunkRef(ChunkRef.Hash.of(h), in.readInt()));
        }
        try {
            return new RemoteEntry(version, path, (flags & FLAG_DELETED) != 0,
                    new FileContent(size, ChunkRef.Hash.of(sha), chunks), modified, device);
        } catch (IllegalArgumentException e) {
            throw new IOException("a malformed file entry: " + e.getMessage(), e);
        }
    }

    private static void chunks(DataOutputStream out, FileContent content) throws IOException {
        out.writeInt(content.chunks().size());
        for (ChunkRef c : content.chunks()) {
            out.write(c.hash().bytes());
            out.writeInt(c.length());
        }
    }

    private static void line(DataOutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.writeByte('\n');
    }

    private static String line(DataInputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int b = in.readUnsignedByte(); b != '\n'; b = in.readUnsignedByte()) {
            if (bytes.size() > 4096) {
                throw new IOException("a text field without its end");
            }
            bytes.write(b);
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
