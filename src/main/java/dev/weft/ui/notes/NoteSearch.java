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
    public static final int MAX_SHOWN = 500;

    /** The notes listed, how many notes answered and how many matches they hold in all. */
    public record Results(List<NoteMatch> shown, int notes, long matches) {
    }

    private NoteSearch() {
    }

    public static Results run(Collection<IndexedNote> notes, SearchQuery query, BooleanSupplier cancelled) {
        List<NoteMatch> found = new ArrayList<>();
        long matches = 0;
        int checked = 0;
        for (IndexedNote note : notes) {
            if ((++checked & 63) == 0 && cancelled.getAsBoolean()) {
                return null;
            }
            NoteMatch match = NoteMatcher.match(query, note);
            if (match != null) {
                found.add(match);
                matches += match.count();
            }
        }
        found.sort(Comparator.comparingInt(NoteMatch::count).reversed()
                .thenComparing(NoteMatch::name, String.CASE_INSENSITIVE_ORDER));
        return new Results(List.copyOf(found.subList(0, Math.min(MAX_SHOWN, found.size()))), found.size(), matches);
    }
}
