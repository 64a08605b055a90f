package dev.weft.ui.notes;

import java.util.List;
import java.util.UUID;

/**
 * A note that a search found: one result per note.
 *
 * @param note the note's id
 * @param name its name path
 * @param count how many times the words, phrases and tags occur in it
 * @param line 1-based line of the first match (of the note's first line when only its name or tags matched)
 * @param start UTF-16 offset of the first match in the text searched (where the note opens)
 * @param end offset just after it
 * @param snippet the first match's line, cut around it when long
 * @param highlights the matches within {@code snippet}, as offsets into it, in order
 */
public record NoteMatch(UUID note, String name, int count, int line, int start, int end, String snippet,
        List<Span> highlights) {

    /** {@code [start, end)} in a snippet. */
    public record Span(int start, int end) {
    }
}
