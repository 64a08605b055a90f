package dev.weft.client.files;

/**
 * Content-defined chunking, FastCDC with normalized chunking (Xia et al., 2016): a gear hash rolls
 * over the bytes, and a chunk ends where its top bits are zero, with a harder mask before the
 * average size and an easier one after it, so sizes cluster around {@value #AVERAGE} bytes, never
 * below {@value #MIN} (but for a file's last chunk) nor above {@value #MAX}. Cut points depend only
 * on the bytes near them: an insert in the middle of a file changes the chunk it falls in (and
 * maybe the next), and the same bytes anywhere cut the same chunks, so they dedupe. Pure; the gear
 * table is fixed by a seeded splitmix64, the same on every device.
 */
public final class Chunker {
    public static final int MIN = 256 * 1024;
    public static final int AVERAGE = 1024 * 1024;
    /** Also the server's largest chunk (docs/protocol.md §11). */
    public static final int MAX = 4 * 1024 * 1024;

    /** log2 of the average; the masks take two bits more before it and two fewer after it. */
    private static final int BITS = 20;
    private static final long MASK_HARD = topBits(BITS + 2);
    private static final long MASK_EASY = topBits(BITS - 2);
    private static final long[] GEAR = gear(0x5765667446696c65L); // "WeftFile"

    private Chunker() {
    }

    /**
     * The length of the chunk that starts at {@code data[offset]}, of the {@code length} bytes
     * there: a cut point, or all of them if {@code last} (the file ends there) and no cut is found.
     * Without {@code last}, {@code length} must be at least {@value #MAX} (or the rest of the file).
     */
    public static int cut(byte[] data, int offset, int length, boolean last) {
        if (!last && length < MAX) {
            throw new IllegalArgumentException("needs " + MAX + " bytes or the rest of the file");
        }
        if (length <= MIN) {
            return length;
        }
        int end = Math.min(length, MAX);
        int normal = Math.min(end, AVERAGE);
        long hash = 0;
        int i = MIN;
        for (; i < normal; i++) {
            hash = (hash << 1) + GEAR[data[offset + i] & 0xff];
            if ((hash & MASK_HARD) == 0) {
                return i + 1;
            }
        }
        for (; i < end; i++) {
            hash = (hash << 1) + GEAR[data[offset + i] & 0xff];
            if ((hash & MASK_EASY) == 0) {
                return i + 1;
            }
        }
        return end;
    }

    /** The top {@code n} bits: with the gear's left shift they hold the most bytes of the window. */
    private static long topBits(int n) {
        return -1L << (64 - n);
    }

    private static long[] gear(long seed) {
        long[] table = new long[256];
        long state = seed;
        for (int i = 0; i < table.length; i++) {
            state += 0x9E3779B97F4A7C15L;
            long z = state;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            table[i] = z ^ (z >>> 31);
        }
        return table;
    }
}
