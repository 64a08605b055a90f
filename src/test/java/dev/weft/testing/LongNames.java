package dev.weft.testing;

import java.nio.charset.StandardCharsets;

/** Note names of an exact length in bytes of UTF-8, for the name length boundaries. */
public final class LongNames {
    private LongNames() {
    }

    /**
     * A name of exactly {@code bytes} bytes ending in {@code last} (a multi-byte character straddles
     * a limit this way): segments of {@code a} of 200 bytes, {@code /} between them, every segment
     * within the segment limit.
     */
    public static String of(int bytes, String last) {
        int remaining = bytes - last.getBytes(StandardCharsets.UTF_8).length;
        StringBuilder name = new StringBuilder();
        while (remaining > 201) {
            name.append("a".repeat(200)).append('/');
            remaining -= 201;
        }
        name.append("a".repeat(remaining)).append(last);
        if (name.toString().getBytes(StandardCharsets.UTF_8).length != bytes || remaining < 1) {
            throw new IllegalArgumentException("no name of " + bytes + " bytes ends in " + last);
        }
        return name.toString();
    }

    /** The last characters the boundary tests put across a limit: 1, 2, 3 and 4 bytes of UTF-8. */
    public static final String[] TAILS = {"z", "é", "語", "😀"};
}
