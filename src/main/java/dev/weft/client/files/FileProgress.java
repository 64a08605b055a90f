package dev.weft.client.files;

/**
 * How far a file sync round is: files and bytes sent and fetched of those it found to move.
 *
 * @param done files sent or fetched so far (renames and deletes included)
 * @param files files to send or fetch in this round
 * @param bytesDone content bytes sent or fetched so far
 * @param bytes content bytes of the files to move (those already on the other side included)
 */
public record FileProgress(int done, int files, long bytesDone, long bytes) {
    public static final FileProgress NONE = new FileProgress(0, 0, 0, 0);

    /** {@code files 3/10, 12.5/80.0 MB}. */
    public String describe() {
        return "files " + done + "/" + files + ", " + mb(bytesDone) + "/" + mb(bytes) + " MB";
    }

    private static String mb(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
