package dev.weft.ui.attach;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Where an image of a note points, as Obsidian resolves it, in vault-relative {@code /}-separated
 * paths. Pure: the caller says which files exist.
 *
 * <ul>
 * <li>A Markdown image {@code ![alt](path)}: percent-decoded ({@code my%20pic.png}), relative to the
 * note's folder, else to the vault's root; a leading {@code /} means the root only. A path that leaves
 * the vault ({@code ../..}) points nowhere.</li>
 * <li>An embed {@code ![[name.png]]}: the exact vault path, else relative to the note's folder, else any
 * file whose path ends with {@code /name.png} (ignoring case): the one in the note's folder, else the
 * shortest path, then the first in order. Obsidian writes the shortest unique path, so a link it wrote
 * finds its file.</li>
 * </ul>
 */
public final class ImagePaths {
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:");
    /** The image kinds the preview decodes (WebP and SVG are named so they get their own message). */
    private static final Set<String> IMAGES = Set.of("png", "jpg", "jpeg", "gif", "bmp", "webp", "svg");

    private ImagePaths() {
    }

    /** Whether a link names a URL ({@code https:}, {@code data:}, {@code file:}…): never loaded. */
    public static boolean isUrl(String destination) {
        return SCHEME.matcher(destination).find() && !destination.matches("^[A-Za-z]:[\\\\/].*");
    }

    /** Whether the name ends with an image extension (an embed of anything else is not an image). */
    public static boolean isImageName(String name) {
        int dot = name.lastIndexOf('.');
        return dot >= 0 && IMAGES.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    /** The folder of a note's name path ({@code Travel/Trip} → {@code Travel}; "" at the top). */
    public static String folderOf(String noteName) {
        int slash = noteName.lastIndexOf('/');
        return slash < 0 ? "" : noteName.substring(0, slash);
    }

    /** The file a Markdown image link points at, if one of its readings {@code exists}. */
    public static Optional<String> link(String noteFolder, String destination, Predicate<String> exists) {
        return linkCandidates(noteFolder, destination).stream().filter(exists).findFirst();
    }

    /** The vault paths a Markdown image link may mean, in the order they are tried. */
    static List<String> linkCandidates(String noteFolder, String destination) {
        String path = percentDecode(destination.strip()).replace('\\', '/');
        Set<String> tried = new LinkedHashSet<>();
        if (path.startsWith("/")) {
            normalize("", path).ifPresent(tried::add);
        } else {
            normalize(noteFolder, path).ifPresent(tried::add);
            normalize("", path).ifPresent(tried::add);
        }
        return List.copyOf(tried);
    }

    /** The file an embed {@code ![[target]]} names, among the vault's {@code files}. */
    public static Optional<String> embed(String noteFolder, String target, Collection<String> files) {
        String wanted = target.strip().replace('\\', '/');
        int hash = wanted.indexOf('#');
        if (hash >= 0) {
            wanted = wanted.substring(0, hash);
        }
        Optional<String> exact = normalize("", wanted);
        Optional<String> local = normalize(noteFolder, wanted);
        List<String> byEnd = new ArrayList<>();
        String tail = "/" + wanted.replaceFirst("^/+", "").toLowerCase(Locale.ROOT);
        for (String file : files) {
            if (exact.isPresent() && file.equalsIgnoreCase(exact.get())) {
                return Optional.of(file);
            }
            if (("/" + file.toLowerCase(Locale.ROOT)).endsWith(tail)) {
                byEnd.add(file);
            }
        }
        if (local.isPresent()) {
            for (String file : byEnd) {
                if (file.equalsIgnoreCase(local.get())) {
                    return Optional.of(file);
                }
            }
        }
        return byEnd.stream().min(Comparator.comparing((String f) -> !folderOf(f).equals(noteFolder))
                .thenComparingInt(f -> f.split("/").length).thenComparing(Comparator.naturalOrder()));
    }

    /**
     * {@code path} read from {@code folder}, with {@code .} and {@code ..} taken out; empty if it is
     * empty or climbs out of the vault.
     */
    static Optional<String> normalize(String folder, String path) {
        List<String> parts = new ArrayList<>();
        String joined = path.startsWith("/") || folder.isEmpty() ? path : folder + "/" + path;
        for (String part : joined.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return Optional.empty();
                }
                parts.remove(parts.size() - 1);
            } else {
                parts.add(part);
            }
        }
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("/", parts));
    }

    /** {@code %XX} sequences as UTF-8 bytes; a {@code %} not followed by two hex digits stays. {@code +} stays. */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' && i + 2 < text.length()
                    && Character.digit(text.charAt(i + 1), 16) >= 0 && Character.digit(text.charAt(i + 2), 16) >= 0) {
                bytes.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
                i += 2;
                continue;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            out.append(c);
        }
        if (bytes.size() > 0) {
            out.append(bytes.toString(StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    /** How a note links to a file: the relative path with what Markdown needs encoded ({@code %20} for a space). */
    public static String linkText(String noteFolder, String file) {
        String[] from = noteFolder.isEmpty() ? new String[0] : noteFolder.split("/");
        String[] to = file.split("/");
        int common = 0;
        while (common < from.length && common < to.length - 1 && from[common].equals(to[common])) {
            common++;
        }
        StringBuilder path = new StringBuilder();
        for (int i = common; i < from.length; i++) {
            path.append("../");
        }
        for (int i = common; i < to.length; i++) {
            path.append(i > common ? "/" : "").append(to[i]);
        }
        return percentEncode(path.toString());
    }

    /** Encodes what would end or break a Markdown link destination; letters of any script stay. */
    static String percentEncode(String path) {
        StringBuilder out = new StringBuilder();
        for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c <= 0x20 || c == '%' || c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']'
                    || c == '\\' || c == '"' || c == '#' || c == '?' || c == 0x7f) {
                out.append('%').append(String.format("%02X", c));
            } else {
                out.append((char) c);
            }
        }
        // the bytes of a non-ASCII letter pass through one by one: put them back together
        return new String(out.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }
}
