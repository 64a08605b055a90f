package dev.weft.client.files;

import dev.weft.protocol.FileChunk;
import dev.weft.protocol.FileCodec;
import dev.weft.protocol.FileCommit;
import dev.weft.protocol.FileEntry;
import dev.weft.protocol.ProtocolException;
import dev.weft.protocol.Sha256;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** The device's content in and out of the §11 bodies of {@link FileCodec}. */
final class FileWire {
    private FileWire() {
    }

    static byte[] hashes(List<ChunkRef.Hash> hashes) {
        return FileCodec.encodeHashes(hashes.stream().map(FileWire::sha).toList());
    }

    static List<ChunkRef.Hash> hashes(byte[] body) throws IOException {
        try {
            return FileCodec.decodeHashes(body).stream().map(FileWire::hash).toList();
        } catch (ProtocolException e) {
            throw new IOException("the server sent a bad list of hashes: " + e.getMessage(), e);
        }
    }

    static byte[] commit(String path, long base, boolean deleted, FileContent content, long modified) {
        List<FileChunk> chunks = content.chunks().stream().map(c -> new FileChunk(sha(c.hash()), c.length())).toList();
        return FileCodec.encode(new FileCommit(path, base, deleted, content.size(), sha(content.sha256()), modified,
                chunks));
    }

    static List<RemoteEntry> list(byte[] body) throws IOException {
        try {
            List<RemoteEntry> entries = new ArrayList<>();
            for (FileEntry e : FileCodec.decodeList(body).entries()) {
                entries.add(entry(e));
            }
            return entries;
        } catch (ProtocolException e) {
            throw new IOException("the server sent a bad file list: " + e.getMessage(), e);
        }
    }

    static RemoteEntry entry(byte[] body) throws IOException {
        try {
            return entry(FileCodec.decodeEntry(body));
        } catch (ProtocolException e) {
            throw new IOException("the server sent a bad file entry: " + e.getMessage(), e);
        }
    }

    private static RemoteEntry entry(FileEntry e) {
        List<ChunkRef> chunks = new ArrayList<>(e.chunks().size());
        e.chunks().forEach(c -> chunks.add(new ChunkRef(hash(c.hash()), c.length())));
        return new RemoteEntry(e.version(), e.path(), e.deleted(), new FileContent(e.size(), hash(e.sha256()), chunks),
                e.modified(), e.deviceName());
    }

    private static Sha256 sha(ChunkRef.Hash h) {
        return Sha256.parseHex(h.hex()).orElseThrow();
    }

    private static ChunkRef.Hash hash(Sha256 s) {
        return new ChunkRef.Hash(s.hex());
    }
}
