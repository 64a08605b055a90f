package dev.weft.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Converts a store file written before checksums (MapDB's pages as they are) to the checksummed
 * layout ({@link PageSums}): the pages are copied into a new file with their entries, which is
 * synced and renamed over the old one, so a process killed meanwhile leaves the old file whole.
 * Damage the old file already had is carried over as it is: nothing could tell it.
 */
final class PlainStore {
    private static final int PAGE = PageSums.PAGE;

    private PlainStore() {
    }

    /**
     * Converts {@code main}, through {@code scratch}; false when the disk has no room for the copy
     * (the old file is kept and opened as it is; the next start tries again).
     */
    static boolean convert(Path main, Path scratch) throws IOException {
        try {
            copy(main, scratch);
        } catch (IOException e) {
            Files.deleteIfExists(scratch);
            if (DiskFull.causes(e)) {
                return false;
            }
            throw e;
        }
        Files.move(scratch, main, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    private static void copy(Path main, Path scratch) throws IOException {
        try (FileChannel in = FileChannel.open(main, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(scratch, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            write(out, 0, PageSums.header());
            long pages = (in.size() + PAGE - 1) / PAGE;
            ByteBuffer sums = ByteBuffer.allocate(PAGE);
            for (long logical = 0; logical < pages; logical++) {
                ByteBuffer page = ByteBuffer.allocate(PAGE);
                while (page.hasRemaining() && in.read(page, logical * PAGE + page.position()) >= 0) {
                    // read on: a short read is not the end
                }
                sums.putInt((int) (logical % PageSums.GROUP) * 4, PageSums.entry(logical, page.array()));
                write(out, PageSums.dataPage(logical), page.array());
                if (logical % PageSums.GROUP == PageSums.GROUP - 1 || logical == pages - 1) {
                    write(out, PageSums.sumPage(logical), sums.array());
                    sums = ByteBuffer.allocate(PAGE);
                }
            }
            out.force(true);
        }
    }

    private static void write(FileChannel out, long physical, byte[] page) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(page);
        while (b.hasRemaining()) {
            out.write(b, physical * PAGE + b.position());
        }
    }
}
