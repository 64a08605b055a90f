package dev.weft.ui.links;

import dev.weft.ui.notes.MarkdownCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every note's links and text, kept up to date one note at a time ({@link #put}, {@link #remove}),
 * never rebuilt: the links are filed under the file name they aim at, so a note's backlinks are
 * the few links filed under its name, resolved; unlinked mentions are a scan of the texts kept.
 * One owner thread (the feed's); not thread-safe.
 */
public final class LinkIndex {
    /** Context around a mention: this many characters of its line at most. */
    private static final int CONTEXT_CHARS = 120;
    /** A panel lists at most this many unlinked mentions. */
    public static final int MAX_UNLINKED = 200;

    /** A place in another note that mentions this one. */
    public record Mention(UUID note, String noteName, int start, int end, String context) {
    }

    /** The open note's linked and unlinked mentions, by note name then place. */
    public record Backlinks(List<Mention> linked, List<Mention> unlinked) {
        public static final Backlinks NONE = new Backlinks(List.of(), List.of());
    }

    /** A note as indexed; {@code words} is a Bloom filter of its words, lower case (see {@link WordFilter}). */
    private record Entry(String name, String text, List<Link> links, long[] words) {
    }

    private final Map<UUID, Entry> notes = new HashMap<>();
    private final Map<String, Set<UUID>> byFileName = new HashMap<>();
    private LinkTargets targets;

    /** Note {@code id} is named {@code name} and holds {@code text} now. */
    public void put(UUID id, String name, String text) {
        Entry old = notes.get(id);
        if (old != null && old.text().equals(text)) {
            if (!old.name().equals(name)) {
                notes.put(id, new Entry(name, text, old.links(), old.words()));
                targets = null;
            }
            return;
        }
        List<Link> links = LinkParser.parse(text);
        notes.put(id, new Entry(name, text, links, WordFilter.of(text)));
        if (old == null || !old.name().equals(name)) {
            targets = null;
        }
        if (old != null) {
            unfile(id, old);
        }
        for (Link link : links) {
            for (String key : keys(link)) {
                byFileName.computeIfAbsent(key, k -> new HashSet<>()).add(id);
            }
        }
    }

    /** Note {@code id} is gone (or in the trash). */
    public void remove(UUID id) {
        Entry old = notes.remove(id);
        if (old != null) {
            unfile(id, old);
            targets = null;
        }
    }

    public boolean contains(UUID id) {
        return notes.containsKey(id);
    }

    public int size() {
        return notes.size();
    }

    /** The notes whose links may lead to one of {@code paths} (vault paths): the candidates of a rewrite. */
    public Set<UUID> mayLinkTo(Collection<String> paths) {
        Set<UUID> found = new HashSet<>();
        for (String path : paths) {
            found.addAll(byFileName.getOrDefault(LinkTargets.fileName(path), Set.of()));
        }
        return found;
    }

    /** Where the other notes link to note {@code id}, and where they name it without a link. */
    public Backlinks backlinks(UUID id) {
        Entry note = notes.get(id);
        if (note == null) {
            return Backlinks.NONE;
        }
        String path = LinkTargets.notePath(note.name());
        LinkTargets all = targets();
        List<Mention> linked = new ArrayList<>();
        for (UUID from : byFileName.getOrDefault(LinkTargets.fileName(path), Set.of())) {
            if (from.equals(id)) {
                continue; // a note's links to itself are not backlinks
            }
            Entry source = notes.get(from);
            String sourcePath = LinkTargets.notePath(source.name());
            for (Link link : source.links()) {
                Optional<String> to = all.resolve(link, sourcePath);
                if (to.isPresent() && to.get().equalsIgnoreCase(path)) {
                    linked.add(mention(from, source, link.start(), link.end()));
                }
            }
        }
        String shown = note.name().substring(note.name().lastIndexOf('/') + 1);
        List<Mention> unlinked = new ArrayList<>();
        if (shown.strip().length() >= 2) {
            long[] wanted = WordFilter.of(shown);
            for (Map.Entry<UUID, Entry> other : notes.entrySet()) {
                if (!other.getKey().equals(id) && unlinked.size() < MAX_UNLINKED
                        && WordFilter.mayHold(other.getValue().words(), wanted)) {
                    unlinked(other.getKey(), other.getValue(), shown, unlinked);
                }
            }
        }
        Comparator<Mention> order = Comparator.comparing(Mention::noteName, String.CASE_INSENSITIVE_ORDER)
                .thenComparingInt(Mention::start);
        linked.sort(order);
        unlinked.sort(order);
        return new Backlinks(linked, unlinked);
    }

    /** The name as a whole word in {@code entry}'s text, ignoring case, outside links and code. */
    private void unlinked(UUID id, Entry entry, String name, List<Mention> out) {
        String text = entry.text();
        List<int[]> skip = null;
        char first = name.charAt(0);
        char upper = Character.toUpperCase(first);
        char lower = Character.toLowerCase(first);
        int last = text.length() - name.length();
        for (int i = 0; i <= last && out.size() < MAX_UNLINKED; i++) {
            char ch = text.charAt(i);
            if (ch != upper && ch != lower || !text.regionMatches(true, i, name, 0, name.length())) {
                continue;
            }
            int end = i + name.length();
            if (i > 0 && Character.isLetterOrDigit(text.charAt(i - 1))
                    || end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
                continue;
            }
            if (skip == null) {
                skip = skipped(entry);
            }
            if (!inside(skip, i)) {
                out.add(mention(id, entry, i, end));
            }
            i = end - 1;
        }
    }

    /** A note's links and code, where a name is not an unlinked mention. */
    private static List<int[]> skipped(Entry entry) {
        List<int[]> ranges = new ArrayList<>(MarkdownCode.ranges(entry.text()));
        for (Link link : entry.links()) {
            ranges.add(new int[] {link.start(), link.end()});
        }
        return ranges;
    }

    private static boolean inside(List<int[]> ranges, int at) {
        for (int[] r : ranges) {
            if (r[0] <= at && at < r[1]) {
                return true;
            }
        }
        return false;
    }

    private static Mention mention(UUID id, Entry entry, int start, int end) {
        String text = entry.text();
        int lineStart = text.lastIndexOf('\n', start - 1) + 1;
        int lineEnd = text.indexOf('\n', end);
        lineEnd = lineEnd < 0 ? text.length() : lineEnd;
        int from = lineStart;
        int to = lineEnd;
        if (to - from > CONTEXT_CHARS) {
            from = Math.max(lineStart, start - CONTEXT_CHARS / 3);
            to = Math.min(lineEnd, Math.max(end, from + CONTEXT_CHARS));
        }
        String context = (from > lineStart ? "…" : "") + text.substring(from, to).strip() + (to < lineEnd ? "…" : "");
        return new Mention(id, entry.name(), start, end, context);
    }

    private LinkTargets targets() {
        if (targets == null) {
            List<String> paths = new ArrayList<>(notes.size());
            notes.values().forEach(e -> paths.add(LinkTargets.notePath(e.name())));
            targets = new LinkTargets(paths);
        }
        return targets;
    }

    private void unfile(UUID id, Entry old) {
        for (Link link : old.links()) {
            for (String key : keys(link)) {
                Set<UUID> ids = byFileName.get(key);
                if (ids != null) {
                    ids.remove(id);
                    if (ids.isEmpty()) {
                        byFileName.remove(key);
                    }
                }
            }
        }
    }

    /** The file names a link may aim at: its target's, and with {@code .md} (a note's). */
    private static List<String> keys(Link link) {
        String name = LinkTargets.fileName(link.target().strip());
        return List.of(name, name + ".md");
    }
}
