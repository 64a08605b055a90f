package dev.weft.bench;

import dev.weft.ui.notes.IndexedNote;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * 10,000 notes of 5,000 characters (50 MB) of {@link MarkdownText}, each with three of 300 nested
 * tags ({@code #area4/topic17}) and one note in a hundred with {@code naïve}: the vault of the tag
 * and search figures, read into the in-memory index the window keeps.
 */
final class TaggedNotes {
    static final int NOTES = 10_000;
    static final int CHARS = 5_000;

    private TaggedNotes() {
    }

    static String text(SplittableRandom random, int n) {
        StringBuilder text = new StringBuilder(MarkdownText.generate(random, CHARS - 60));
        for (int i = 0; i < 3; i++) {
            text.append(" #area").append(random.nextInt(10)).append("/topic").append(random.nextInt(30));
        }
        if (n % 100 == 0) {
            text.append(" a naïve idea");
        }
        return text.append('\n').toString();
    }

    static List<IndexedNote> index() {
        SplittableRandom random = new SplittableRandom(18);
        List<IndexedNote> notes = new ArrayList<>(NOTES);
        for (int n = 0; n < NOTES; n++) {
            notes.add(IndexedNote.of(new UUID(18, n), String.format("Area %d/note %05d", n % 10, n), text(random, n)));
        }
        return notes;
    }
}
