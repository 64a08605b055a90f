package dev.weft.ui.notes;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * How many notes carry each tag, kept up to date one note at a time: a change costs that note's
 * tags, not the vault's. A nested tag counts for its parents too ({@code #a/b} counts for {@code a}
 * and {@code a/b}), once per note. One thread owns it.
 */
public final class TagIndex {
    private final Map<UUID, Set<String>> byNote = new HashMap<>();
    private final Map<String, Integer> counts = new HashMap<>();

    /** Note {@code id} now has {@code tags} (none: it has no tags, or is gone). */
    public void put(UUID id, Set<String> tags) {
        Set<String> now = withParents(tags);
        Set<String> before = now.isEmpty() ? byNote.remove(id) : byNote.put(id, now);
        before = before == null ? Set.of() : before;
        for (String tag : before) {
            if (!now.contains(tag)) {
                counts.computeIfPresent(tag, (t, c) -> c == 1 ? null : c - 1);
            }
        }
        for (String tag : now) {
            if (!before.contains(tag)) {
                counts.merge(tag, 1, Integer::sum);
            }
        }
    }

    public void remove(UUID id) {
        put(id, Set.of());
    }

    /** Each tag and parent tag with its count of notes, sorted by tag: a copy. */
    public TreeMap<String, Integer> counts() {
        return new TreeMap<>(counts);
    }

    static Set<String> withParents(Set<String> tags) {
        Set<String> all = new HashSet<>();
        for (String tag : tags) {
            for (int slash = tag.indexOf('/'); slash > 0; slash = tag.indexOf('/', slash + 1)) {
                all.add(tag.substring(0, slash));
            }
            all.add(tag);
        }
        return all;
    }
}
