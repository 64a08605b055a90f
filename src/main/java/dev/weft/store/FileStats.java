package dev.weft.store;

/**
 * What the store holds of files (docs/store.md, "Files").
 *
 * @param files paths whose newest version is not a delete
 * @param versions versions kept, deletes included
 * @param chunks distinct chunks referenced by kept versions
 * @param bytes their bytes, each chunk counted once
 */
public record FileStats(long files, long versions, long chunks, long bytes) {
}
