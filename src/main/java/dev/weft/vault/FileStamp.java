package dev.weft.vault;

import dev.weft.vault.text.MarkdownFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The size, modification time and change time of a note's file when Weft last knew what it held,
 * so that a scan skips an unchanged file without reading it (docs/vault.md, "Stamps"). Taken
 * <em>before</em> the content is read: a write landing after the read then changes the file's
 * size or times, and the next scan reads it. {@link #UNKNOWN} (read and compare next time) when the
 * file's modification or change time is too close to the moment the stamp was taken: a later write
 * within the same tick of the file system's clock could leave size and times as they were (git's
 * "racily clean" entries).
 *
 * <p>The change time (POSIX {@code ctime}, in ns) is what makes a stamp safe from programs that
 * keep the size and set the modification time back ({@code cp -p}, {@code rsync -t}, {@code tar
 * x}, a clock set back): no program can set it, every write and every {@code utimes} moves it. A
 * file system without one (Windows: Java does not expose NTFS's) gives {@code -1}, and such a stamp
 * never matches: every scan that trusts stamps reads the file and compares its hash.
 */
record FileStamp(long size, long mtime, long change) {
    /** No stamp to trust: the next scan reads the file and compares its content. */
    static final FileStamp UNKNOWN = new FileStamp(-1, -1, -1);
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

    /** What a stamp compares: size, modification time (ms) and change time (ns, -1 where there is none). */
    record Attributes(long size, long mtime, long change) {
        /** One stat of {@code file}. */
        static Attributes of(Path file) throws IOException {
            try {
                Map<String, Object> unix = Files.readAttributes(file, "unix:size,lastModifiedTime,ctime");
                return new Attributes((Long) unix.get("size"), ((FileTime) unix.get("lastModifiedTime")).toMillis(),
                        ((FileTime) unix.get("ctime")).to(TimeUnit.NANOSECONDS));
            } catch (UnsupportedOperationException | IllegalArgumentException e) {
                BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class);
                return new Attributes(basic.size(), basic.lastModifiedTime().toMillis(), -1);
            }
        }
    }

    /** The stamp of a file whose attributes were {@code before} the read, taken at {@code takenAtMillis}. */
    static FileStamp of(Attributes before, long takenAtMillis) {
        long mtime = before.mtime();
        long changeMillis = before.change() / 1_000_000;
        return mtime >= 0 && mtime < takenAtMillis - DOUBT_MILLIS && before.change() >= 0
                && changeMillis < takenAtMillis - DOUBT_MILLIS
                ? new FileStamp(before.size(), mtime, before.change()) : UNKNOWN;
    }

    /** Whether a file with {@code attrs} holds what it held when this stamp was taken (never for {@link #UNKNOWN}). */
    boolean matches(Attributes attrs) {
        return !equals(UNKNOWN) && change >= 0 && attrs.size() == size && attrs.mtime() == mtime
                && attrs.change() == change;
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
            Attributes before = Attributes.of(file);
            String text = MarkdownFiles.read(file);
            Attributes after = Attributes.of(file);
            boolean steady = before.equals(after);
            if (steady || reads == READS) {
                return new Read(text, steady ? of(before, takenAt) : UNKNOWN);
            }
        }
    }
}
