package dev.weft.vault;

import dev.weft.vault.text.MarkdownFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.function.LongSupplier;

/**
 * The size and modification time of a note's file when Weft last knew what it held, so that a scan
 * skips an unchanged file without reading it (docs/vault.md, "Stamps"). Taken <em>before</em> the
 * content is read: a write landing after the read then changes the file's size or time, and the
 * next scan reads it. {@link #UNKNOWN} (read and compare next time) when the file's time is too
 * close to the moment the stamp was taken: a later write within the same tick of the file system's
 * clock could leave size and time as they were (git's "racily clean" entries).
 */
record FileStamp(long size, long mtime) {
    /** No stamp to trust: the next scan reads the file and compares its content. */
    static final FileStamp UNKNOWN = new FileStamp(-1, -1);
    /**
     * Modification times this close to the moment of the stamp are in doubt: FAT keeps 2 s, HFS+ and
     * ext3 1 s, and finer file systems take their time from a clock that ticks every few ms.
     */
    static final long DOUBT_MILLIS = 2_000;
    /** A file still changing after this many reads is stamped {@link #UNKNOWN}. */
    private static final int READS = 3;

    /** A file's text and its stamp from before it was read. */
    record Read(String text, FileStamp stamp) {
    }

    /** The stamp of a file whose attributes were {@code before} the read, taken at {@code takenAtMillis}. */
    static FileStamp of(BasicFileAttributes before, long takenAtMillis) {
        long mtime = before.lastModifiedTime().toMillis();
        return mtime < takenAtMillis - DOUBT_MILLIS && mtime >= 0 ? new FileStamp(before.size(), mtime) : UNKNOWN;
    }

    /** Whether a file with {@code attrs} holds what it held when this stamp was taken (never for {@link #UNKNOWN}). */
    boolean matches(BasicFileAttributes attrs) {
        return !equals(UNKNOWN) && attrs.size() == size && attrs.lastModifiedTime().toMillis() == mtime;
    }

    /**
     * Reads {@code file} with the stamp it had before: its attributes, its text, its attributes
     * again; a file that changed meanwhile is read again, and after {@link #READS} reads has no stamp.
     *
     * @param clock the time in milliseconds, as the file system's clock has it
     * @throws dev.weft.vault.text.NotUtf8Exception if it is not UTF-8
     */
    static Read read(Path file, LongSupplier clock) throws IOException {
        for (int reads = 1;; reads++) {
            long takenAt = clock.getAsLong();
            BasicFileAttributes before = Files.readAttributes(file, BasicFileAttributes.class);
            String text = MarkdownFiles.read(file);
            BasicFileAttributes after = Files.readAttributes(file, BasicFileAttributes.class);
            boolean steady = before.size() == after.size()
                    && before.lastModifiedTime().equals(after.lastModifiedTime());
            if (steady || reads == READS) {
                return new Read(text, steady ? of(before, takenAt) : UNKNOWN);
            }
        }
    }
}
