package dev.weft.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a store file whole when it opens: which layout it has, and every page of a checksummed
 * one checked against its entry, so damage anywhere is found at start, not when a device happens
 * to read it. Sequential reads: about 0.1 s for 100 MB on the benchmark machine (docs/benchmarks.md).
 */
final class PageScan {
    private static final int PAGE = PageSums.PAGE;
    /** MapDB's file header starts with this byte ('J'); a checksummed file with "WEFTSUM1". */
    private static final byte MAPDB_HEADER = 0x4A;
    private static final int SHOWN = 8;

    private PageScan() {
    }

    /** True when {@code main} is a MapDB file written before checksums (to be converted). */
    static boolean isPlain(Path main) throws IOException {
        try (FileChannel in = FileChannel.open(main, StandardOpenOption.READ)) {
            ByteBuffer start = ByteBuffer.allocate(8);
            in.read(start, 0);
            return start.position() == 8 && start.get(0) == MAPDB_HEADER;
        }
    }

    /**
     * The damage of the checksummed file {@code main}, if any: pages that fail their entries, and
     * entries of pages past its end (a file cut short). {@code unwritten}: pages a full disk kept
     * from the file, read from memory instead.
     */
    static Optional<StoreDamagedException> damage(Path main, Map<Long, byte[]> unwritten) throws IOException {
        List<String> damaged = new ArrayList<>();
        int count = 0;
        try (FileChannel in = FileChannel.open(main, StandardOpenOption.READ)) {
            long end = Math.max(in.size(), unwritten.keySet().stream().mapToLong(p -> (p + 1) * PAGE).max().orElse(0));
            if (end < PAGE || !Arrays.equals(page(in, 0, unwritten), PageSums.header())) {
                return Optional.of(new StoreDamagedException(main + ": its header page is damaged"));
            }
            long pages = (PageSums.logicalEnd(end) + PAGE - 1) / PAGE;
            byte[] group = new byte[(PageSums.GROUP + 1) * PAGE]; // a sum page and its pages, read at once
            for (long first = 0; PageSums.sumPage(first) * PAGE < end; first += PageSums.GROUP) {
                read(in, PageSums.sumPage(first), group, unwritten);
                ByteBuffer sums = ByteBuffer.wrap(group, 0, PAGE);
                for (int i = 0; i < PageSums.GROUP; i++) {
                    long logical = first + i;
                    int entry = sums.getInt(i * 4);
                    boolean ok = logical < pages ? PageSums.matches(logical, group, (i + 1) * PAGE, entry) : entry == 0;
                    if (!ok && count++ < SHOWN) {
                        damaged.add(logical < pages ? Long.toString(logical) : logical + " (past the end)");
                    }
                }
            }
        }
        if (count == 0) {
            return Optional.empty();
        }
        return Optional.of(new StoreDamagedException(main + ": " + count + (count == 1 ? " page does" : " pages do")
                + " not match " + (count == 1 ? "its checksum" : "their checksums") + " (page " + String.join(", ", damaged)
                + (count > SHOWN ? ", …" : "") + ")"));
    }

    private static byte[] page(FileChannel in, long physical, Map<Long, byte[]> unwritten) throws IOException {
        byte[] page = new byte[PAGE];
        read(in, physical, page, unwritten);
        return page;
    }

    /** Fills {@code into} with the pages from {@code physical} on: zeros past the end, unwritten pages from memory. */
    private static void read(FileChannel in, long physical, byte[] into, Map<Long, byte[]> unwritten) throws IOException {
        ByteBuffer b = ByteBuffer.wrap(into);
        long at = physical * PAGE;
        while (b.hasRemaining() && in.read(b, at + b.position()) >= 0) {
            // a short read is not the end
        }
        Arrays.fill(into, b.position(), into.length, (byte) 0);
        for (int i = 0; i < into.length / PAGE; i++) {
            byte[] held = unwritten.get(physical + i);
            if (held != null) {
                System.arraycopy(held, 0, into, i * PAGE, PAGE);
            }
        }
    }
}
