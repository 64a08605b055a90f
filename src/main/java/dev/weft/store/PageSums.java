package dev.weft.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The layout of a checksummed store file, as pure functions (docs/store.md, "Checksums").
 *
 * <p>Physical page 0 is a header ({@code "WEFTSUM1"}, version, group size). Then groups follow:
 * one sum page holding {@value #GROUP} CRC-32C entries of 4 bytes, then the {@value #GROUP} data
 * pages they cover, which are MapDB's pages ("logical" pages) in order. An entry is the CRC-32C of
 * the page's logical index and its bytes, 0 mapped to 1; entry 0 means "never written", and the
 * page must then be all zeros. A page zeroed, flipped or written to the wrong place fails its entry;
 * a sum page damaged fails the entries of the pages it covers, so it is caught on their reads.
 */
final class PageSums {
    static final int PAGE = AtomicVolume.PAGE;
    /** Entries in one sum page, and so data pages in one group. */
    static final int GROUP = PAGE / 4;
    private static final byte[] MAGIC = "WEFTSUM1".getBytes(StandardCharsets.US_ASCII);
    private static final int VERSION = 1;
    private static final long GROUP_BYTES = (GROUP + 1L) * PAGE;

    private PageSums() {
    }

    /** The header page of a checksummed file: compared whole, so any change to it is damage. */
    static byte[] header() {
        byte[] page = new byte[PAGE];
        ByteBuffer.wrap(page).put(MAGIC).putInt(VERSION).putInt(GROUP);
        return page;
    }

    /** True when {@code start} (the file's first bytes) begins with the checksummed format's magic. */
    static boolean isSummed(byte[] start) {
        return start.length >= MAGIC.length && Arrays.equals(Arrays.copyOf(start, MAGIC.length), MAGIC);
    }

    /** The physical page that holds logical page {@code logical}. */
    static long dataPage(long logical) {
        return 2 + (logical / GROUP) * (GROUP + 1) + logical % GROUP;
    }

    /** The physical page of the sum page that covers logical page {@code logical}. */
    static long sumPage(long logical) {
        return 1 + (logical / GROUP) * (GROUP + 1);
    }

    /** The byte offset of the entry of logical page {@code logical} in the file. */
    static long entryOffset(long logical) {
        return sumPage(logical) * PAGE + (logical % GROUP) * 4;
    }

    /** True when physical page {@code physical} (not 0) is a sum page. */
    static boolean isSumPage(long physical) {
        return (physical - 1) % (GROUP + 1) == 0;
    }

    /** The logical page that physical data page {@code physical} holds. */
    static long logicalOf(long physical) {
        long inGroups = physical - 1;
        return inGroups / (GROUP + 1) * GROUP + inGroups % (GROUP + 1) - 1;
    }

    /** The byte offset in the file of logical byte {@code offset}. */
    static long physical(long offset) {
        return dataPage(offset / PAGE) * PAGE + offset % PAGE;
    }

    /** The file length that holds {@code logicalLength} bytes of MapDB's. */
    static long physicalEnd(long logicalLength) {
        if (logicalLength <= 0) {
            return PAGE;
        }
        return physical(logicalLength - 1) + 1;
    }

    /** How many of MapDB's bytes a file of {@code physicalLength} bytes holds. */
    static long logicalEnd(long physicalLength) {
        if (physicalLength <= PAGE) {
            return 0;
        }
        long p = physicalLength - PAGE;
        return p / GROUP_BYTES * GROUP * PAGE + Math.max(0, p % GROUP_BYTES - PAGE);
    }

    /** The entry of logical page {@code logical} holding {@code image}: never 0. */
    static int entry(long logical, byte[] image) {
        return entry(logical, image, 0);
    }

    /** The entry of logical page {@code logical} whose image is at {@code offset} in {@code bytes}. */
    static int entry(long logical, byte[] bytes, int offset) {
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putLong(0, logical));
        crc.update(bytes, offset, PAGE);
        int sum = (int) crc.getValue();
        return sum == 0 ? 1 : sum;
    }

    /** True when {@code image} is what entry {@code entry} of logical page {@code logical} says. */
    static boolean matches(long logical, byte[] image, int entry) {
        return matches(logical, image, 0, entry);
    }

    /** {@link #matches(long, byte[], int)} of the image at {@code offset} in {@code bytes}. */
    static boolean matches(long logical, byte[] bytes, int offset, int entry) {
        return entry == 0 ? allZero(bytes, offset) : entry == entry(logical, bytes, offset);
    }

    static boolean allZero(byte[] image) {
        return allZero(image, 0);
    }

    private static boolean allZero(byte[] bytes, int offset) {
        for (int i = offset; i < offset + PAGE; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
