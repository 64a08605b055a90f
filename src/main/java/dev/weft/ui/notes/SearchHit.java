package dev.weft.ui.notes;

import java.util.UUID;

/**
 * One match of a search across notes.
 *
 * @param note the note's id
 * @param name its name path
 * @param line 1-based line of the match
 * @param start UTF-16 offset of the match in the note's text when it was searched
 * @param end offset just after the match
 * @param snippet the line, cut around the match when it is long
 */
public record SearchHit(UUID note, String name, int line, int start, int end, String snippet) {
}
