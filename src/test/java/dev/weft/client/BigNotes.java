package dev.weft.client;

import java.util.SplittableRandom;

/** The text of a big note: lines of words, {@code bytes} of ASCII, the same every time. */
final class BigNotes {
    private static final String[] WORDS = ("the quick note about weft sync explains how a device keeps its vault"
            + " current with the server while another device edits the same text and nothing is lost").split(" ");

    private BigNotes() {
    }

    static String text(int bytes) {
        StringBuilder s = new StringBuilder(bytes + 16).append("# A big note\n\n");
        SplittableRandom random = new SplittableRandom(12);
        while (s.length() < bytes - 1) {
            s.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(12) == 0 ? ".\n" : " ");
        }
        s.setLength(bytes - 1);
        return s.append('\n').toString();
    }
}
