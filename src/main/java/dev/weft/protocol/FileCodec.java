package dev.weft.protocol;

import java.util.ArrayList;
import java.util.List;

/**
 * The bodies of the file endpoints (docs/protocol.md §11): {@code file_entry}, {@code file_list},
 * {@code file_commit} and lists of chunk hashes. Decoding takes a whole body, refuses counts the
 * bytes left cannot hold before allocating for them, refuses trailing bytes, and throws only
 * {@link ProtocolException}; every accepted body re-encodes to exactly the same bytes.
 */
public final class FileCodec {
    /** The most hashes in a {@code missing} request. */
    public static final int MAX_HASHES = 65_536;
    /** Smallest {@code file_entry}: version, a one-byte path, flags, size, sha256, modified, a one-byte name, chunk_count. */
    private static final int MIN_ENTRY_BYTES = 8 + 2 + 1 + 8 + Sha256.BYTES + 8 + 2 + 4;

    private FileCodec() {
    }

    public static byte[] encode(FileEntry e) {
        ByteWriter w = new ByteWriter(MIN_ENTRY_BYTES + e.chunks().size() * FileChunk.WIRE_BYTES);
        write(w, e);
        return w.toByteArray();
    }

    public static FileEntry decodeEntry(byte[] body) throws ProtocolException {
        ByteReader r = new ByteReader(body, 0, body.length);
        return end(r, readEntry(r));
    }

    public static byte[] encode(FileList list) {
        ByteWriter w = new ByteWriter(4 + list.entries().size() * MIN_ENTRY_BYTES);
        w.u32(list.entries().size());
        list.entries().forEach(e -> write(w, e));
        return w.toByteArray();
    }

    public static FileList decodeList(byte[] body) throws ProtocolException {
        ByteReader r = new ByteReader(body, 0, body.length);
        int n = count(r, MIN_ENTRY_BYTES, FileList.MAX_ENTRIES, "count");
        List<FileEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            entries.add(readEntry(r));
        }
        return end(r, new FileList(entries));
    }

    public static byte[] encode(FileCommit c) {
        ByteWriter w = new ByteWriter(64 + c.chunks().size() * FileChunk.WIRE_BYTES);
        w.line(c.path()).u64(c.base()).u8(c.deleted() ? FileContent.FLAG_DELETED : 0).u64(c.size());
        c.sha256().writeTo(w);
        w.u64(c.modified());
        writeChunks(w, c.chunks());
        return w.toByteArray();
    }

    public static FileCommit decodeCommit(byte[] body) throws ProtocolException {
        ByteReader r = new ByteReader(body, 0, body.length);
        int at = r.offset();
        String path = WireFields.readText(r, 1, NoteNames.MAX_BYTES, "path");
        long base = r.u64("base");
        boolean deleted = flags(r);
        long size = r.u64("size");
        Sha256 sha256 = Sha256.read(r, "sha256");
        long modified = r.u64("modified");
        List<FileChunk> chunks = readChunks(r);
        content(r, at, deleted, size, sha256, chunks);
        return end(r, new FileCommit(path, base, deleted, size, sha256, modified, chunks));
    }

    /** {@code n × 32} bytes: the hashes in order. */
    public static byte[] encodeHashes(List<Sha256> hashes) {
        ByteWriter w = new ByteWriter(hashes.size() * Sha256.BYTES);
        hashes.forEach(h -> h.writeTo(w));
        return w.toByteArray();
    }

    /** At most {@value #MAX_HASHES} hashes, {@code n × 32} bytes. */
    public static List<Sha256> decodeHashes(byte[] body) throws ProtocolException {
        if (body.length % Sha256.BYTES != 0) {
            throw ProtocolException.protocolError(body.length + " bytes are not whole 32-byte hashes");
        }
        int n = body.length / Sha256.BYTES;
        if (n > MAX_HASHES) {
            throw ProtocolException.protocolError(n + " hashes, over " + MAX_HASHES);
        }
        ByteReader r = new ByteReader(body, 0, body.length);
        List<Sha256> hashes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            hashes.add(Sha256.read(r, "hash"));
        }
        return hashes;
    }

    private static void write(ByteWriter w, FileEntry e) {
        w.u64(e.version()).line(e.path()).u8(e.deleted() ? FileContent.FLAG_DELETED : 0).u64(e.size());
        e.sha256().writeTo(w);
        w.u64(e.modified()).line(e.deviceName());
        writeChunks(w, e.chunks());
    }

    private static FileEntry readEntry(ByteReader r) throws ProtocolException {
        int at = r.offset();
        long version = r.u64("version");
        String path = WireFields.readText(r, 1, NoteNames.MAX_BYTES, "path");
        boolean deleted = flags(r);
        long size = r.u64("size");
        Sha256 sha256 = Sha256.read(r, "sha256");
        long modified = r.u64("modified");
        String device = WireFields.readText(r, 1, SessionPeer.MAX_DEVICE_NAME_BYTES, "device_name");
        List<FileChunk> chunks = readChunks(r);
        content(r, at, deleted, size, sha256, chunks);
        return new FileEntry(version, path, deleted, size, sha256, modified, device, chunks);
    }

    private static void writeChunks(ByteWriter w, List<FileChunk> chunks) {
        w.u32(chunks.size());
        for (FileChunk c : chunks) {
            c.hash().writeTo(w);
            w.u32(c.length());
        }
    }

    private static List<FileChunk> readChunks(ByteReader r) throws ProtocolException {
        int n = count(r, FileChunk.WIRE_BYTES, FileContent.MAX_CHUNKS, "chunk_count");
        List<FileChunk> chunks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Sha256 hash = Sha256.read(r, "chunk hash");
            int at = r.offset();
            long length = r.u32("chunk length");
            if (length < 1 || length > FileChunk.MAX_BYTES) {
                throw r.errorAt(at, "chunk length " + length + " outside 1.." + FileChunk.MAX_BYTES);
            }
            chunks.add(new FileChunk(hash, (int) length));
        }
        return chunks;
    }

    private static boolean flags(ByteReader r) throws ProtocolException {
        int flags = r.u8("flags");
        if ((flags & ~FileContent.FLAG_DELETED) != 0) {
            throw r.errorAt(r.offset() - 1, "unknown flags 0x" + Integer.toHexString(flags));
        }
        return flags == FileContent.FLAG_DELETED;
    }

    private static void content(ByteReader r, int at, boolean deleted, long size, Sha256 sha256, List<FileChunk> chunks)
            throws ProtocolException {
        String problem = FileContent.problem(deleted, size, sha256, chunks);
        if (problem != null) {
            throw r.errorAt(at, problem);
        }
    }

    /** A {@code u32} count of at most {@code max} items that the bytes left can hold. */
    private static int count(ByteReader r, int minItemBytes, int max, String field) throws ProtocolException {
        int at = r.offset();
        long n = r.u32(field);
        if (n > max) {
            throw r.errorAt(at, field + " " + n + " over " + max);
        }
        if (n > r.remaining() / minItemBytes) {
            throw r.errorAt(at, field + " " + n + " exceeds the " + r.remaining() + " bytes left");
        }
        return (int) n;
    }

    private static <T> T end(ByteReader r, T value) throws ProtocolException {
        if (r.hasRemaining()) {
            throw r.error(r.remaining() + " bytes after the end");
        }
        return value;
    }
}
