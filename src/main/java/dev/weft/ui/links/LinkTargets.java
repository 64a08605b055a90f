package dev.weft.ui.links;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The files links can reach, by vault path ({@code Work/Plan.md}, {@code attachments/image.png}),
 * and how a link finds one, as Obsidian does. A wikilink's target is an exact path first (ignoring
 * case; a note's without {@code .md}), else the shortest path that ends with it after a {@code /}
 * (ties: the first in alphabetical order). A Markdown link is relative to the linking note's folder,
 * else a path from the vault's top. Immutable and thread-safe.
 */
public final class LinkTargets {
    private static final String NOTE = ".md";

    private final Map<String, String> byPath = new HashMap<>();
    private final Map<String, List<String>> byFileName = new HashMap<>();

    public LinkTargets(Collection<String> paths) {
        for (String path : paths) {
            String key = key(path);
            byPath.putIfAbsent(key, path);
            byFileName.computeIfAbsent(fileName(key), k -> new ArrayList<>()).add(path);
        }
        for (List<String> same : byFileName.values()) {
            same.sort((a, b) -> a.length() != b.length() ? Integer.compare(a.length(), b.length())
                    : String.CASE_INSENSITIVE_ORDER.compare(a, b));
        }
    }

    /** The vault path of note {@code name} ({@code Work/Plan} is {@code Work/Plan.md}). */
    public static String notePath(String name) {
        return name + NOTE;
    }

    /** The note name of a vault path, if it is a note's. */
    public static Optional<String> noteName(String path) {
        return path.toLowerCase(Locale.ROOT).endsWith(NOTE) ? Optional.of(path.substring(0, path.length() - NOTE.length()))
                : Optional.empty();
    }

    public boolean contains(String path) {
        return byPath.containsKey(key(path));
    }

    /** Where {@code link}, written in the note at vault path {@code from}, leads. */
    public Optional<String> resolve(Link link, String from) {
        return link.kind() == Link.Kind.WIKI ? resolveWiki(link.target()) : resolveMarkdown(link.target(), from);
    }

    /** A wikilink's target ({@code Plan}, {@code Work/Plan}, {@code image.png}). */
    public Optional<String> resolveWiki(String target) {
        String t = stripSlashes(target);
        if (t.isEmpty()) {
            return Optional.empty();
        }
        return exactOrSuffix(t + NOTE).or(() -> exactOrSuffix(t));
    }

    /** A Markdown link's decoded path, relative to the note at {@code from}. */
    public Optional<String> resolveMarkdown(String target, String from) {
        String relative = normalize(folder(from) + target);
        Optional<String> found = relative == null ? Optional.empty() : exact(relative).or(() -> exact(relative + NOTE));
        if (found.isPresent()) {
            return found;
        }
        String top = normalize(stripSlashes(target));
        return top == null ? Optional.empty() : exact(top).or(() -> exact(top + NOTE));
    }

    /**
     * How a wikilink names {@code path} now: the shortest way that leads to it here ({@code Plan},
     * else more of its folders, else the whole path), without {@code .md} for a note; the whole path
     * if {@code wholePath}.
     */
    public String wikiTarget(String path, boolean wholePath) {
        String written = noteName(path).orElse(path);
        if (wholePath) {
            return written;
        }
        String[] parts = written.split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
            String candidate = String.join("/", java.util.Arrays.copyOfRange(parts, i, parts.length));
            if (resolveWiki(candidate).filter(found -> found.equalsIgnoreCase(path)).isPresent()) {
                return candidate;
            }
        }
        return written;
    }

    private Optional<String> exactOrSuffix(String target) {
        Optional<String> exact = exact(target);
        if (exact.isPresent()) {
            return exact;
        }
        String key = key(target);
        List<String> same = byFileName.get(fileName(key));
        if (same == null) {
            return Optional.empty();
        }
        for (String path : same) {
            if (key(path).endsWith("/" + key)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    private Optional<String> exact(String path) {
        return Optional.ofNullable(byPath.get(key(path)));
    }

    /** The folder of a vault path with its slash ({@code ""} at the top). */
    public static String folder(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash + 1);
    }

    /** The file name of a path, lower case (the key of the by-name table). */
    static String fileName(String path) {
        return key(path.substring(path.lastIndexOf('/') + 1));
    }

    static String key(String path) {
        return path.toLowerCase(Locale.ROOT);
    }

    /** {@code a/./b/../c} as {@code a/c}; null if it climbs out of the vault. */
    public static String normalize(String path) {
        List<String> out = new ArrayList<>();
        for (String part : path.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (out.isEmpty()) {
                    return null;
                }
                out.remove(out.size() - 1);
            } else {
                out.add(part);
            }
        }
        return String.join("/", out);
    }

    private static String stripSlashes(String s) {
        return s.strip().replaceAll("^/+|/+$", "");
    }
}
