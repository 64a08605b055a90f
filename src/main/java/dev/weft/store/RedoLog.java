package dev.weft.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/**
 * The redo log of the commit being written to the main file: its page images, logged and synced
 * before the first of them touches the file, emptied after the file is synced.
 *
 * <p>Layout: {@code "WEFTREDO" | page count u32 | (page index u64 | page bytes)* | CRC-32C u32} of
 * all before it. A log whose checksum fails was torn while being written, so its commit never
 * reached the main file and is dropped; a whole one is written again over the file (idempotent:
 * the main file is only written after its log is on disk, so no later commit can be underneath).
 */
final class RedoLog implements AutoCloseable {
    private static final long MAGIC = 0x5745_4654_5245_444FL; // "WEFTREDO"
    private static final int HEADER = 12;
    private static final int ENTRY = 8 + AtomicVolume.PAGE;

    private final FileChannel channel;

    private RedoLog(FileChannel channel) {
        this.channel = channel;
    }

    static RedoLog open(Path path) {
        try {
            OwnerOnly.prepare(path);
            return new RedoLog(FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + path, e);
        }
    }

    void write(SortedMap<Long, byte[]> pages) {
        ByteBuffer log = ByteBuffer.allocate(HEADER + pages.size() * ENTRY + 4);
        log.putLong(MAGIC).putInt(pages.size());
        for (Map.Entry<Long, byte[]> page : pages.entrySet()) {
            log.putLong(page.getKey()).put(page.getValue());
        }
        log.putInt(checksum(log.array(), log.position()));
        log.flip();
        try {
            channel.truncate(0);
            while (log.hasRemaining()) {
                channel.write(log, log.position());
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the redo log", e);
        }
    }

    void clear() {
        try {
            channel.truncate(0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot empty the redo log", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the redo log", e);
        }
    }

    /**
     * Finishes the commit a killed process left in the redo log at {@code redo}, if the log is whole,
     * by writing its pages to {@code main} and syncing it; then empties the log. Returns the number
     * of pages written.
     */
    static int recover(Path redo, Path main) throws IOException {
        if (!Files.exists(redo)) {
            return 0;
        }
        byte[] log = Files.readAllBytes(redo);
        int written = 0;
        if (isWhole(log)) {
            ByteBuffer b = ByteBuffer.wrap(log, 8, log.length - 12);
            int count = b.getInt();
            try (FileChannel file = FileChannel.open(main, StandardOpenOption.WRITE)) {
                for (int i = 0; i < count; i++) {
                    long at = b.getLong() * AtomicVolume.PAGE;
                    ByteBuffer page = b.slice(b.position(), AtomicVolume.PAGE);
                    b.position(b.position() + AtomicVolume.PAGE);
                    while (page.hasRemaining()) {
                        at += file.write(page, at);
                    }
                }
                file.force(true);
            }
            written = count;
        }
        try (FileChannel channel = FileChannel.open(redo, StandardOpenOption.WRITE)) {
            channel.truncate(0);
            channel.force(true);
        }
        return written;
    }

    /** The pages of the whole log at {@code redo}, by index; empty if it is torn or empty. */
    static TreeMap<Long, byte[]> wholePages(Path redo) throws IOException {
        TreeMap<Long, byte[]> pages = new TreeMap<>();
        byte[] log = Files.exists(redo) ? Files.readAllBytes(redo) : new byte[0];
        if (isWhole(log)) {
            ByteBuffer b = ByteBuffer.wrap(log, 8, log.length - 12);
            int count = b.getInt();
            for (int i = 0; i < count; i++) {
                long index = b.getLong();
                byte[] page = new byte[AtomicVolume.PAGE];
                b.get(page);
                pages.put(index, page);
            }
        }
        return pages;
    }

    private static boolean isWhole(byte[] log) {
        if (log.length < HEADER + 4) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(log);
        if (b.getLong() != MAGIC) {
            return false;
        }
        long count = b.getInt() & 0xFFFF_FFFFL;
        if (log.length != HEADER + count * ENTRY + 4) {
            return false;
        }
        return b.getInt(log.length - 4) == checksum(log, log.length - 4);
    }

    private static int checksum(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return (int) crc.getValue();
    }
}
