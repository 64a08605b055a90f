package dev.weft.ui.links;

/**
 * A Bloom filter of a text's words (runs of letters and digits, lower case): 2,048 bits, three
 * hashes a word. A text that holds a name as a whole word holds each of the name's words, so the
 * unlinked-mention scan reads only the notes whose filter may hold them all (a note of 300
 * distinct words answers "maybe" wrongly about 4 % of the time). Pure.
 */
final class WordFilter {
    private static final int LONGS = 32;
    private static final int MASK = LONGS * 64 - 1;

    private WordFilter() {
    }

    static long[] of(String text) {
        long[] bits = new long[LONGS];
        int hash = 0;
        boolean inWord = false;
        for (int i = 0; i <= text.length(); i++) {
            char ch = i < text.length() ? text.charAt(i) : ' ';
            if (Character.isLetterOrDigit(ch)) {
                hash = 31 * hash + Character.toLowerCase(ch);
                inWord = true;
            } else if (inWord) {
                add(bits, hash);
                hash = 0;
                inWord = false;
            }
        }
        return bits;
    }

    /** Whether {@code words} may hold every word set in {@code wanted}. */
    static boolean mayHold(long[] words, long[] wanted) {
        for (int i = 0; i < LONGS; i++) {
            if ((words[i] & wanted[i]) != wanted[i]) {
                return false;
            }
        }
        return true;
    }

    private static void add(long[] bits, int hash) {
        int h = hash * 0x9E3779B9;
        for (int k = 0; k < 3; k++) {
            int bit = (h >>> (k * 11)) & MASK;
            bits[bit >>> 6] |= 1L << (bit & 63);
        }
    }
}
