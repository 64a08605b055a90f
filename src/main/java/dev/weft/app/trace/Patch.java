package dev.weft.app.trace;

import java.util.Objects;

/**
 * One edit: at {@code position} delete {@code deleteCount} characters, then insert {@code insert}.
 * Positions and counts are Unicode code points, not UTF-16 units.
 *
 * @param position code point offset into the document, at least 0
 * @param deleteCount code points deleted at {@code position}, at least 0
 * @param insert text inserted at {@code position} after the deletion, possibly empty
 */
public record Patch(int position, int deleteCount, String insert) {
    public Patch {
        if (position < 0 || deleteCount < 0) {
            throw new IllegalArgumentException("negative position or delete count");
        }
        Objects.requireNonNull(insert, "insert");
    }
}
