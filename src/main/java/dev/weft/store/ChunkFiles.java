package dev.weft.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * The chunks of files as files of their own under {@code DATA/files/chunks/ab/HEX} (docs/store.md,
 * "Files"): a chunk is streamed to {@code DATA/files/tmp/} while it is hashed, forced and renamed into
 * place only if its bytes hash to its name, so a chunk file is always whole and right; a process
 * killed mid-write leaves only a temp file, which the next open deletes. Never more than one buffer
 * of a chunk is in memory.
 */
public final class ChunkFiles {
    private static final int BUFFER = 64 * 1024;

    private final Path chunks;
    private final Path tmp;

    private ChunkFiles(Path chunks, Path tmp) {
        this.chunks = chunks;
        this.tmp = tmp;
    }

    /** The chunk files of {@code dataDir}, made if there are none; temp files of earlier runs are deleted. */
    public static ChunkFiles open(Path dataDir) throws IOException {
        Path files = dataDir.resolve("files");
        Path chunks = Files.createDirectories(files.resolve("chunks"));
        Path tmp = Files.createDirectories(files.resolve("tmp"));
        try (DirectoryStream<Path> left = Files.newDirectoryStream(tmp)) {
            for (Path p : left) {
                Files.deleteIfExists(p);
            }
        }
        return new ChunkFiles(chunks, tmp);
    }

    /** How a {@link #put} ended. */
    public enum Put {
        /** Written now. */
        STORED,
        /** Held already: the body was read and dropped. */
        HELD,
        /** The bytes do not hash to the name: nothing kept. */
        MISMATCH,
        /** More than the limit: nothing kept, the rest of the body not read. */
        TOO_BIG
    }

    /** The file of the chunk whose SHA-256 is {@code hash}. */
    public Path path(byte[] hash) {
        String hex = HexFormat.of().formatHex(hash);
        return chunks.resolve(hex.substring(0, 2)).resolve(hex);
    }

    public boolean has(byte[] hash) {
        return Files.isRegularFile(path(hash));
    }

    /**
     * Streams {@code in} to the chunk {@code hash}, at most {@code maxBytes}.
     *
     * @throws DiskFullException if the disk is full (nothing kept)
     * @throws IOException if reading {@code in} or writing failed (nothing kept)
     */
    public Put put(byte[] hash, InputStream in, int maxBytes) throws IOException {
        byte[] buffer = new byte[BUFFER];
        if (has(hash)) {
            while (in.read(buffer) >= 0) {
                // drained: the answer follows the whole request
            }
            return Put.HELD;
        }
        Path temp = tmp.resolve(HexFormat.of().formatHex(hash) + "." + Long.toHexString(ThreadLocalRandom.current().nextLong())
                + ".tmp");
        boolean kept = false;
        try {
            MessageDigest sha = sha256();
            long total = 0;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    total += n;
                    if (total > maxBytes) {
                        return Put.TOO_BIG;
                    }
                    sha.update(buffer, 0, n);
                    ByteBuffer b = ByteBuffer.wrap(buffer, 0, n);
                    while (b.hasRemaining()) {
                        out.write(b);
                    }
                }
                if (!Arrays.equals(sha.digest(), hash)) {
                    return Put.MISMATCH;
                }
                out.force(true);
            }
            Path target = path(hash);
            Files.createDirectories(target.getParent());
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            kept = true;
            StoreFiles.syncDir(target.getParent());
            return Put.STORED;
        } catch (IOException e) {
            if (DiskFull.causes(e)) {
                throw new DiskFullException(e);
            }
            throw e;
        } finally {
            if (!kept) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Deletes the chunk's file, if any. */
    public void delete(byte[] hash) throws IOException {
        Files.deleteIfExists(path(hash));
    }

    /**
     * Deletes the chunk files that {@code referenced} does not keep and that were written more than
     * {@code olderThanMillis} ago: uploads never committed (a device resumes a recent one). Returns how many.
     */
    public int sweep(Predicate<byte[]> referenced, long olderThanMillis) throws IOException {
        long before = System.currentTimeMillis() - olderThanMillis;
        int deleted = 0;
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(chunks)) {
            for (Path dir : dirs) {
                try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                    for (Path file : files) {
                        byte[] hash;
                        try {
                            hash = HexFormat.of().parseHex(file.getFileName().toString());
                        } catch (IllegalArgumentException e) {
                            continue; // not a chunk
                        }
                        if (!referenced.test(hash) && Files.getLastModifiedTime(file).toMillis() < before) {
                            Files.deleteIfExists(file);
                            deleted++;
                        }
                    }
                }
            }
        }
        return deleted;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
