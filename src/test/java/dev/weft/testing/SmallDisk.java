package dev.weft.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A small tmpfs mounted for one test, so a test can fill a real disk and free it again. Mounting
 * needs root (CI runs as root); elsewhere the test is skipped with the reason.
 *
 * <p>{@link #fill()} takes every free byte with a ballast file, {@link #leave} gives some back,
 * {@link #free()} deletes it: what the store or vault wrote stays.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;
    private final Path ballast;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
        this.ballast = mountPoint.resolve("ballast");
    }

    /** Mounts a tmpfs of {@code megabytes} on a new dir under {@code parent}; skips the test if it cannot. */
    public static SmallDisk mount(Path parent, int megabytes) throws IOException, InterruptedException {
        Path dir = Files.createDirectories(parent.resolve("small-disk"));
        assumeTrue(System.getProperty("os.name", "").startsWith("Linux"), "a small tmpfs needs Linux");
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs",
                dir.toString()).redirectErrorStream(true).start();
        String output = new String(mount.getInputStream().readAllBytes());
        assumeTrue(mount.waitFor() == 0, "cannot mount a small tmpfs (needs root): " + output.strip());
        return new SmallDisk(dir);
    }

    /** The mounted dir. */
    public Path dir() {
        return mountPoint;
    }

    /** Fills the disk: the ballast file takes every byte left. */
    public void fill() throws IOException {
        byte[] block = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(ballast, StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException e) {
            if (freeBytes() > 64 * 1024 || e.getMessage() == null || !e.getMessage().contains("No space left")) {
                throw e;
            }
        }
        // the last partial block: one byte at a time is cheap, there are fewer than 64 KiB left
        try (OutputStream out = Files.newOutputStream(ballast, StandardOpenOption.APPEND)) {
            while (true) {
                out.write(0);
                out.flush();
            }
        } catch (IOException e) {
            // full
        }
    }

    /** Shrinks the ballast so that about {@code bytes} are free. */
    public void leave(long bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(ballast, StandardOpenOption.WRITE)) {
            channel.truncate(Math.max(0, channel.size() - bytes));
        }
    }

    /** Deletes the ballast. */
    public void free() throws IOException {
        Files.deleteIfExists(ballast);
    }

    /** Bytes free on the disk now. */
    public long freeBytes() throws IOException {
        return Files.getFileStore(mountPoint).getUsableSpace();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Process umount = new ProcessBuilder("umount", "-l", mountPoint.toString()).redirectErrorStream(true).start();
        umount.getInputStream().readAllBytes();
        umount.waitFor();
    }
}
