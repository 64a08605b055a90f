package dev.weft.ui.notes;

import dev.weft.vault.NoteInfo;
import dev.weft.vault.NoteReplica;
import dev.weft.vault.Vault;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.function.BooleanSupplier;

/**
 * Finds a text (ignoring case) in every note not in the trash, reading each through the vault (the
 * replica's text, which the {@code .md} file may lag behind). Runs on the caller's thread, which
 * must not be the event thread; stops early when {@code cancelled} says so.
 */
public final class NoteSearch {
    /** A search stops collecting after this many matches. */
    public static final int MAX_HITS = 1_000;
    private static final int SNIPPET_CHARS = 120;

    /** Told after each note: how many of how many are searched. */
    public interface Progress {
        void searched(int done, int total, List<SearchHit> hitsSoFar);
    }

    private final Vault vault;

    public NoteSearch(Vault vault) {
        this.vault = vault;
    }

    public List<SearchHit> find(String query, BooleanSupplier cancelled, Progress progress) throws IOException {
        List<SearchHit> hits = new ArrayList<>();
        String needle = query.toLowerCase(Locale.ROOT);
        if (needle.isBlank()) {
            return hits;
        }
        List<NoteInfo> notes = vault.notes().stream().filter(n -> !n.trashed()).toList();
        for (int i = 0; i < notes.size() && !cancelled.getAsBoolean() && hits.size() < MAX_HITS; i++) {
            NoteInfo note = notes.get(i);
            String text;
            try {
                text = vault.withReplica(note.id(), NoteReplica::text);
            } catch (NoSuchElementException e) {
                continue; // removed while searching
            }
            collect(note, text, needle, hits);
            progress.searched(i + 1, notes.size(), hits);
        }
        return hits;
    }

    static void collect(NoteInfo note, String text, String needle, List<SearchHit> hits) {
        String lower = text.toLowerCase(Locale.ROOT);
        int line = 1;
        int lineStart = 0;
        int scanned = 0;
        for (int at = lower.indexOf(needle); at >= 0 && hits.size() < MAX_HITS; at = lower.indexOf(needle, at + needle.length())) {
            for (int i = scanned; i < at; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            scanned = at;
            int lineEnd = text.indexOf('\n', at);
            lineEnd = lineEnd < 0 ? text.length() : lineEnd;
            // toLowerCase may change lengths (rare letters); fall back to the needle's length in the original
            int end = Math.min(text.length(), at + needle.length());
            hits.add(new SearchHit(note.id(), note.name(), line, at, end, snippet(text, lineStart, lineEnd, at)));
        }
    }

    private static String snippet(String text, int lineStart, int lineEnd, int at) {
        int from = lineStart;
        int to = lineEnd;
        if (to - from > SNIPPET_CHARS) {
            from = Math.max(lineStart, at - SNIPPET_CHARS / 3);
            to = Math.min(lineEnd, from + SNIPPET_CHARS);
        }
        return (from > lineStart ? "…" : "") + text.substring(from, to).strip() + (to < lineEnd ? "…" : "");
    }
}
