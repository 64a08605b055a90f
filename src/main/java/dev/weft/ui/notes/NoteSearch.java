package dev.weft.ui.notes;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link SearchQuery} over the indexed notes: one {@link NoteMatch} per note, most matches
 * first, then by name. On the caller's (background) thread; stops early, with null, once
 * {@code cancelled} says so.
 */
public final class NoteSearch {
    /** At most this many notes are listed; the others are counted. */
    public static final int MAX_SHOWN = 200;

    /** The notes listed, how many notes answered and how many matches they hold in all. */
    public record Results(List<NoteMatch> shown, int notes, long matches) {
    }

    private NoteSearch() {
    }

    public static Results run(Collection<IndexedNote> notes, SearchQuery query, BooleanSupplier cancelled) {
        record Counted(IndexedNote note, int count) {
        }
        List<Counted> found = new ArrayList<>();
        long matches = 0;
        int checked = 0;
        for (IndexedNote note : notes) {
            if ((++checked & 63) == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            int count = NoteMatcher.count(query, note);
            if (count >= 0) {
                found.add(new Counted(note, count));
                matches += count;
            }
        }
        found.sort(Comparator.comparingInt(Counted::count).reversed()
                .thenComparing(c -> c.note().name(), String.CASE_INSENSITIVE_ORDER));
        // only the rows listed get their snippet
        List<NoteMatch> shown = new ArrayList<>();
        for (Counted c : found.subList(0, Math.min(MAX_SHOWN, found.size()))) {
            shown.add(NoteMatcher.describe(query, c.note(), c.count()));
        }
        return new Results(List.copyOf(shown), found.size(), matches);
    }
}
