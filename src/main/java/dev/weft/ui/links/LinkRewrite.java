package dev.weft.ui.links;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a move of one file ({@code from} → {@code to}, vault paths) changes in a note's text: every
 * link that led to the file leads to it again, and a link that the move would send elsewhere (a
 * name now shared, a relative link in the moved note itself) is written to lead where it did. Only
 * the target as written changes: labels, headings, {@code !} and {@code \|} stay; links in code are
 * not links. A wikilink written with a folder is written with the whole new path, else with the
 * shortest name that leads to the file; a Markdown link is written relative to the note, encoded
 * as it was ({@code %20}, or raw inside {@code <…>}). Pure.
 */
public final class LinkRewrite {
    /** Replace {@code start}–{@code end} of the text with {@code text}. */
    public record Edit(int start, int end, String text) {
    }

    private LinkRewrite() {
    }

    /**
     * The edits, in order of place, that keep {@code text}'s links leading where they did.
     *
     * @param noteBefore the vault path of the note holding {@code text} before the move
     * @param noteAfter its path after (the same unless it is the file moved)
     */
    public static List<Edit> afterMove(String text, String noteBefore, String noteAfter, String from, String to,
            LinkTargets before, LinkTargets after) {
        List<Edit> edits = new ArrayList<>();
        for (Link link : LinkParser.parse(text)) {
            Optional<String> was = before.resolve(link, noteBefore);
            if (was.isEmpty()) {
                continue; // a broken link stays as written
            }
            String expected = was.get().equalsIgnoreCase(from) ? to : was.get();
            if (after.resolve(link, noteAfter).filter(expected::equalsIgnoreCase).isPresent()) {
                continue;
            }
            String written = text.substring(link.targetStart(), link.targetEnd());
            String now = link.kind() == Link.Kind.WIKI ? after.wikiTarget(expected, link.target().contains("/"))
                    : markdownTarget(noteAfter, expected, link.target(),
                            link.targetStart() > 0 && text.charAt(link.targetStart() - 1) == '<');
            if (!now.equals(written)) {
                edits.add(new Edit(link.targetStart(), link.targetEnd(), now));
            }
        }
        return edits;
    }

    /** {@code text} with {@code edits} (in order of place, not overlapping) made. */
    public static String apply(String text, List<Edit> edits) {
        StringBuilder out = new StringBuilder(text.length() + 16 * edits.size());
        int at = 0;
        for (Edit edit : edits) {
            out.append(text, at, edit.start()).append(edit.text());
            at = edit.end();
        }
        return out.append(text, at, text.length()).toString();
    }

    /** {@code to} relative to the note at {@code note}, encoded unless written inside {@code <…>}. */
    private static String markdownTarget(String note, String to, String decoded, boolean angled) {
        String path = relative(note, to);
        if (!decoded.toLowerCase(java.util.Locale.ROOT).endsWith(".md")) {
            path = LinkTargets.noteName(path).orElse(path); // [x](Plan) stays without .md
        }
        return angled ? path : encode(path);
    }

    /** The path from the folder of {@code note} to {@code to}, with {@code ../} where needed. */
    static String relative(String note, String to) {
        String[] from = LinkTargets.folder(note).split("/");
        String[] target = to.split("/");
        int common = 0;
        int folders = LinkTargets.folder(note).isEmpty() ? 0 : from.length;
        while (common < folders && common < target.length - 1 && from[common].equals(target[common])) {
            common++;
        }
        StringBuilder out = new StringBuilder();
        for (int i = common; i < folders; i++) {
            out.append("../");
        }
        for (int i = common; i < target.length; i++) {
            out.append(target[i]).append(i < target.length - 1 ? "/" : "");
        }
        return out.toString();
    }

    /** Percent-encodes what a Markdown URL cannot hold as is: spaces, {@code % ( ) < > # ? [ ]}. */
    static String encode(String path) {
        StringBuilder out = new StringBuilder(path.length() + 8);
        for (int i = 0; i < path.length(); i++) {
            char ch = path.charAt(i);
            if (" %()<>#?[]\\^`{}|\"".indexOf(ch) >= 0 || ch < 0x20) {
                out.append('%').append(String.format("%02X", (int) ch));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
