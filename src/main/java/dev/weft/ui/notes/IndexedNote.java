package dev.weft.ui.notes;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A note as the search and the tag pane know it: its name and text as read, both folded, its tags
 * where they are written and the distinct tags. Immutable: a changed note gets a new one.
 */
public record IndexedNote(UUID id, String name, String foldedName, String text, Folded folded,
        List<Tags.Found> tagsFound, Set<String> tags) {

    public static IndexedNote of(UUID id, String name, String text) {
        List<Tags.Found> found = List.copyOf(Tags.find(text));
        Set<String> tags = new LinkedHashSet<>();
        found.forEach(f -> tags.add(f.tag()));
        return new IndexedNote(id, name, Folded.text(name), text, Folded.of(text), found, Set.copyOf(tags));
    }

    /** The same note under another name (a rename or move). */
    public IndexedNote named(String newName) {
        return new IndexedNote(id, newName, Folded.text(newName), text, folded, tagsFound, tags);
    }
}
