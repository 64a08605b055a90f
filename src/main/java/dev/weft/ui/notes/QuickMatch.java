package dev.weft.ui.notes;

import dev.weft.vault.NoteInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Quick open's ranking: a name containing the typed text ranks above one that only contains its
 * letters in order ({@code mtg} finds {@code Work/Meetings}); earlier and tighter matches first,
 * then shorter names.
 */
public final class QuickMatch {
    private static final int NO_MATCH = Integer.MIN_VALUE;

    private QuickMatch() {
    }

    /** The notes not in the trash that match {@code query}, best first, at most {@code limit}. */
    public static List<NoteInfo> rank(List<NoteInfo> notes, String query, int limit) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        record Scored(NoteInfo note, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (NoteInfo note : notes) {
            int score = note.trashed() ? NO_MATCH : score(q, note.name().toLowerCase(Locale.ROOT));
            if (score != NO_MATCH) {
                scored.add(new Scored(note, score));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).reversed()
                .thenComparing(s -> s.note().name(), String.CASE_INSENSITIVE_ORDER));
        return scored.stream().limit(limit).map(Scored::note).toList();
    }

    static int score(String query, String name) {
        if (query.isEmpty()) {
            return 0;
        }
        int at = name.indexOf(query);
        if (at >= 0) {
            int base = name.lastIndexOf('/') < at ? 20_000 : 10_000; // in the note's own name beats its folders'
            return base - at - name.length();
        }
        int gaps = 0;
        int from = 0;
        for (int i = 0; i < query.length(); i++) {
            int found = name.indexOf(query.charAt(i), from);
            if (found < 0) {
                return NO_MATCH;
            }
            gaps += found - from;
            from = found + 1;
        }
        return -gaps - name.length();
    }
}
