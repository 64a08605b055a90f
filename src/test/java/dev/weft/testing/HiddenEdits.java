package dev.weft.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * Edits another program makes that keep a file's size and modification time ({@code cp -p},
 * {@code rsync -t}, {@code tar x}, a clock set back): only the change time tells (POSIX ctime).
 */
public final class HiddenEdits {
    private HiddenEdits() {
    }

    /** The file's change time in ns. */
    public static long changeTime(Path file) throws IOException {
        return ((FileTime) Files.getAttribute(file, "unix:ctime")).to(TimeUnit.NANOSECONDS);
    }

    /** Waits until the file's last change is more than {@code doubtMillis} old: a scan then trusts its stamp. */
    public static void awaitOutOfDoubt(Path file, long doubtMillis) throws IOException {
        long changed = changeTime(file) / 1_000_000;
        Eventually.eventually("the change time of " + file + " is out of doubt",
                () -> System.currentTimeMillis() > changed + doubtMillis + 100);
    }

    /** Writes {@code text} (as long as the file is now) and puts the modification time back, as {@code cp -p} does. */
    public static void rewriteKeepingSizeAndTime(Path file, String text) throws IOException {
        FileTime time = Files.getLastModifiedTime(file);
        long size = Files.size(file);
        long change = changeTime(file);
        Eventually.eventually(() -> { // the file system's clock ticks every few ms at most
            Files.writeString(file, text);
            Files.setLastModifiedTime(file, time);
            assertThat(changeTime(file)).isNotEqualTo(change);
        });
        assertThat(Files.size(file)).isEqualTo(size);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(time);
    }
}
