package dev.weft.vault;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;

/** Whole-file replacement that a crash cannot leave half done: temp file, fsync, rename, fsync folder. */
final class AtomicFiles {
    private AtomicFiles() {
    }

    /**
     * Writes {@code content} to a new temporary file beside {@code file} (created with
     * {@code attributes}) and forces it to disk.
     *
     * @return the temporary file; the caller renames it with {@link #moveInto} or deletes it
     */
    static Path writeTemp(Path file, ByteBuffer content, FileAttribute<?>... attributes) throws IOException {
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), "." + file.getFileName(), ".tmp",
                attributes);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            while (content.hasRemaining()) {
                channel.write(content);
            }
            channel.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /** Renames {@code temp} over {@code file} atomically, then forces the folder. */
    static void moveInto(Path temp, Path file) throws IOException {
        try {
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        forceDirectory(file.toAbsolutePath().getParent());
    }

    /** Replaces {@code file} with {@code content}: a crash leaves the old file or the new one. */
    static void replace(Path file, ByteBuffer content, FileAttribute<?>... attributes) throws IOException {
        Path temp = writeTemp(file, content, attributes);
        try {
            moveInto(temp, file);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Makes a rename or a new file in {@code dir} durable, where the file system allows opening a folder. */
    static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Windows cannot open a folder as a channel; there the rename is as durable as it gets.
        }
    }

    /** Deletes the temporary files a crash left beside {@code file} (those {@link #writeTemp} names). */
    static int deleteStrayTemps(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        String prefix = "." + file.getFileName();
        int deleted = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, f -> {
            String name = f.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(".tmp");
        })) {
            for (Path stray : files) {
                Files.deleteIfExists(stray);
                deleted++;
            }
        }
        return deleted;
    }
}
