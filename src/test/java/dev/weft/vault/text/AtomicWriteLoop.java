package dev.weft.vault.text;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The process {@link AtomicWriteKillTest} kills: rewrites the note {@code args[0]} forever,
 * alternating between {@link #text}{@code (0)} and {@code (1)}, and prints {@code WROTE n} after
 * each write returned.
 */
public final class AtomicWriteLoop {
    private AtomicWriteLoop() {
    }

    /** One of the two texts, about 2 MB, every line saying which. */
    static String text(int which) {
        return ("text " + which + " line of a large note, long enough that writing it takes a while 😀\n").repeat(25_000);
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        String[] texts = {text(0), text(1)};
        for (long n = 0;; n++) {
            MarkdownFiles.writeAtomically(file, texts[(int) (n % 2)]);
            System.out.println("WROTE " + n);
            System.out.flush();
        }
    }
}
