package dev.weft.ui.notes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Whether one note answers a {@link SearchQuery}, and how: its match count and the first match's
 * line with every match in it highlighted. Pure; matches on the folded text, shows the original.
 */
public final class NoteMatcher {
    static final int SNIPPET_CHARS = 160;
    private static final int BEFORE_MATCH = 50;

    private NoteMatcher() {
    }

    /** The match of {@code note}, or null when it does not answer {@code query} (or the query is empty). */
    public static NoteMatch match(SearchQuery query, IndexedNote note) {
        int count = count(query, note);
        return count < 0 ? null : describe(query, note, count);
    }

    /**
     * How many times the words, phrases and tags of {@code query} occur in {@code note}, or -1 when it
     * does not answer it: the cheap half of a match, run on every note.
     */
    public static int count(SearchQuery query, IndexedNote note) {
        if (query.isEmpty()) {
            return -1;
        }
        for (String path : query.paths()) {
            if (!note.foldedName().contains(path)) {
                return -1;
            }
        }
        for (String wanted : query.tags()) {
            if (note.tags().stream().noneMatch(tag -> Tags.within(Folded.text(tag), wanted))) {
                return -1;
            }
        }
        String folded = note.folded().text();
        int count = 0;
        for (String term : query.terms()) {
            int at = folded.indexOf(term);
            if (at < 0) {
                return -1;
            }
            for (; at >= 0; at = folded.indexOf(term, at + term.length())) {
                count++;
            }
        }
        return count + wantedTags(query, note).size();
    }

    /** The result row of a note that answers {@code query} with {@code count} matches: its first match and snippet. */
    public static NoteMatch describe(SearchQuery query, IndexedNote note, int count) {
        String folded = note.folded().text();
        int first = Integer.MAX_VALUE;
        int firstEnd = 0;
        for (String term : query.terms()) {
            int at = folded.indexOf(term);
            int start = note.folded().originalOffset(at);
            if (start < first) {
                first = start;
                firstEnd = note.folded().originalEnd(at + term.length());
            }
        }
        List<Tags.Found> tagSpans = wantedTags(query, note);
        if (!tagSpans.isEmpty() && tagSpans.get(0).start() < first) {
            first = tagSpans.get(0).start();
            firstEnd = tagSpans.get(0).end();
        }
        String text = note.text();
        if (first == Integer.MAX_VALUE) { // only the name or tags answered: show the first line
            first = 0;
            firstEnd = 0;
            while (first < text.length() && Character.isWhitespace(text.charAt(first))) {
                first++;
            }
            firstEnd = first;
        }
        int lineStart = text.lastIndexOf('\n', first - 1) + 1;
        int lineEnd = text.indexOf('\n', first);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        int from = lineStart;
        int to = lineEnd;
        if (to - from > SNIPPET_CHARS) {
            from = Math.max(lineStart, first - BEFORE_MATCH);
            to = Math.min(lineEnd, from + SNIPPET_CHARS);
            from = Math.max(lineStart, Math.min(from, to - SNIPPET_CHARS));
        }
        from = from < to && from > lineStart && Character.isLowSurrogate(text.charAt(from)) ? from - 1 : from;
        to = to < text.length() && to > from && Character.isLowSurrogate(text.charAt(to)) ? to + 1 : to;
        // drop the line's indentation and trailing spaces, keep offsets in step
        while (from < to && Character.isWhitespace(text.charAt(from)) && from < first) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1)) && to > firstEnd) {
            to--;
        }
        String prefix = from > lineStart ? "…" : "";
        String window = text.substring(from, to);
        List<NoteMatch.Span> spans = new ArrayList<>();
        Folded foldedWindow = Folded.of(window);
        for (String term : query.terms()) {
            for (int at = foldedWindow.text().indexOf(term); at >= 0; at = foldedWindow.text().indexOf(term, at + term.length())) {
                spans.add(new NoteMatch.Span(prefix.length() + foldedWindow.originalOffset(at),
                        prefix.length() + foldedWindow.originalEnd(at + term.length())));
            }
        }
        for (Tags.Found tag : tagSpans) {
            if (tag.start() >= from && tag.end() <= to) {
                spans.add(new NoteMatch.Span(prefix.length() + tag.start() - from, prefix.length() + tag.end() - from));
            }
        }
        int line = 1;
        for (int i = text.indexOf('\n'); i >= 0 && i < first; i = text.indexOf('\n', i + 1)) {
            line++;
        }
        return new NoteMatch(note.id(), note.name(), count, line, first, firstEnd,
                prefix + window + (to < lineEnd ? "…" : ""), merged(spans));
    }

    private static List<Tags.Found> wantedTags(SearchQuery query, IndexedNote note) {
        if (query.tags().isEmpty()) {
            return List.of();
        }
        return note.tagsFound().stream()
                .filter(f -> query.tags().stream().anyMatch(w -> Tags.within(Folded.text(f.tag()), w))).toList();
    }

    /** Spans in order, overlapping ones joined. */
    private static List<NoteMatch.Span> merged(List<NoteMatch.Span> spans) {
        spans.sort(Comparator.comparingInt(NoteMatch.Span::start));
        List<NoteMatch.Span> out = new ArrayList<>();
        for (NoteMatch.Span s : spans) {
            NoteMatch.Span last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && s.start() <= last.end()) {
                out.set(out.size() - 1, new NoteMatch.Span(last.start(), Math.max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }
}
