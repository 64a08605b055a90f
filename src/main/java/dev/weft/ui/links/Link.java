package dev.weft.ui.links;

/**
 * One link in a note's text. {@code start}–{@code end} is the whole link ({@code [[…]]} or
 * {@code [x](…)}, the {@code !} of an embed included); {@code targetStart}–{@code targetEnd} is the
 * target as written (a Markdown link's URL path, still encoded), the only part a rewrite replaces.
 *
 * @param target the target decoded: a path without its {@code #heading}, as the user means it
 * @param heading what followed {@code #} ({@code ""} if nothing)
 * @param label a wikilink's text after {@code |}, a Markdown link's text ({@code ""} if none)
 */
public record Link(Kind kind, boolean embed, int start, int end, int targetStart, int targetEnd,
        String target, String heading, String label) {

    public enum Kind {
        /** {@code [[target#heading|label]]}: resolved by name anywhere in the vault. */
        WIKI,
        /** {@code [label](path.md#heading)}: resolved relative to the note's folder, URL-encoded. */
        MARKDOWN
    }

    /** The text the link shows in the note (its label, else its target). */
    public String shown() {
        return label.isEmpty() ? target : label;
    }
}
