package dev.weft.ui.notes;

import java.util.Set;
import java.util.UUID;

/**
 * A note as the search and the tag pane know it: its name and text as read, both folded, and its tags.
 * Immutable: a changed note gets a new one.
 */
public record IndexedNote(UUID id, String name, String foldedName, String text, Folded folded, Set<String> tags) {

    public static IndexedNote of(UUID id, String name, String text) {
        return new IndexedNote(id, name, Folded.text(name), text, Folded.of(text), Set.copyOf(Tags.of(text)));
    }

    /** The same note under another name (a rename or move). */
    public IndexedNote named(String newName) {
        return new IndexedNote(id, newName, Folded.text(newName), text, folded, tags);
    }
}
