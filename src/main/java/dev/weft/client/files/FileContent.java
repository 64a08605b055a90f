package dev.weft.client.files;

import java.util.List;

/**
 * What a file holds, as the server sees it: its size, the SHA-256 of the whole and its chunks in order.
 *
 * @param size the sum of the chunks' lengths
 */
public record FileContent(long size, ChunkRef.Hash sha256, List<ChunkRef> chunks) {
    public FileContent {
        chunks = List.copyOf(chunks);
        long sum = 0;
        for (ChunkRef c : chunks) {
            sum += c.length();
        }
        if (sum != size) {
            throw new IllegalArgumentException("chunks of " + sum + " bytes for a file of " + size);
        }
    }
}
