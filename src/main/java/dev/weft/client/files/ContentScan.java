package dev.weft.client.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a file once, in a buffer of two chunks at most, into its {@link FileContent}: the chunks
 * {@link Chunker} cuts, each hashed, and the hash of the whole. Never more of the file in memory.
 */
final class ContentScan {
    /** The SHA-256 of no bytes: a deleted file's. */
    static final ChunkRef.Hash EMPTY = new ChunkRef.Hash("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");

    private ContentScan() {
    }

    static FileContent of(Path file) throws IOException {
        MessageDigest whole = sha256();
        MessageDigest part = sha256();
        List<ChunkRef> chunks = new ArrayList<>();
        byte[] buffer = new byte[2 * Chunker.MAX];
        long size = 0;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            int start = 0;
            int end = 0;
            boolean eof = false;
            while (true) {
                if (!eof && end - start < Chunker.MAX) {
                    System.arraycopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                    ByteBuffer target = ByteBuffer.wrap(buffer, end, buffer.length - end);
                    while (target.hasRemaining()) {
                        if (in.read(target) < 0) {
                            eof = true;
                            break;
                        }
                    }
                    end = target.position();
                }
                if (start == end) {
                    break;
                }
                int length = Chunker.cut(buffer, start, end - start, eof);
                part.update(buffer, start, length);
                whole.update(buffer, start, length);
                chunks.add(new ChunkRef(ChunkRef.Hash.of(part.digest()), length));
                size += length;
                start += length;
            }
        }
        return new FileContent(size, ChunkRef.Hash.of(whole.digest()), chunks);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }
}
